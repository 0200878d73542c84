"""Hostile inputs, generated (never committed: some are megabytes), for tests and the bench.

Each case is a file name, its bytes, and what reading it must give: ``"doc"`` (a document,
with a phrase its text must contain) or ``"error"`` (one error line, with words its reason
must contain). ``variants`` multiplies the cases with seeded random noise for the heavier
``bench/reliability.py`` run. ``event_dense_text`` makes the kind of text whose analysis
time grew quadratically (item 8 of issue 13), for the analysis-time benchmark.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from dataclasses import dataclass

GOOD = "Ceasefire talks resume\n\nNegotiators met in Cairo on Monday, officials said.\n"
SENTENCE = "The minister said talks would resume on Monday in Cairo, officials said."


@dataclass(frozen=True)
class Case:
    name: str
    data: bytes
    expect: str  # "doc" or "error"
    words: str  # in the document's text ("doc") or in the error's reason ("error")


def _alias_bomb(levels: int = 9, width: int = 9) -> bytes:
    lines = ["---", "a0: &a0 [" + ",".join(["lol"] * width) + "]"]
    for i in range(1, levels):
        lines.append(f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * width) + "]")
    lines += [f"title: *a{levels - 1}", f"tags: *a{levels - 1}", "---", GOOD]
    return "\n".join(lines).encode()


def _jsonl(*records: object) -> bytes:
    return b"\n".join(r if isinstance(r, bytes) else json.dumps(r).encode() for r in records)


def cases(scale: int = 1) -> list[Case]:
    """The hostile inputs of issue 13 (and their relatives); ``scale`` > 1 makes the large
    ones larger (the bench), 1 keeps them small enough for CI."""
    deep = 3000 * scale
    return [
        Case("surrogate.jsonl", _jsonl(
            {"title": "One", "text": "First story.", "url": "http://x/\ud800"},
            {"title": "Two", "text": "Second story.", "author": "A \udfff B", "site": "\ud800"},
            {"title": "Three", "text": "Third \ud83d story."}), "doc", "story"),
        Case("deep-json.jsonl", _jsonl(b"[" * 100_000, {"text": "After the deep line."}),
             "doc", "After the deep line"),
        Case("huge-int.jsonl", _jsonl(b'{"text": "x", "n": ' + b"9" * 5000 + b"}",
                                      {"text": "After the big number."}),
             "doc", "After the big number"),
        Case("bad-date.md", b"---\ntitle: Talks\ndate: 2024-13-45\n---\n" + GOOD.encode(),
             "doc", "Negotiators met in Cairo"),
        Case("alias-bomb.md", _alias_bomb(), "error", "front matter"),
        Case("deep.html", ("<html><body>" + "<div>" * deep + f"<p>{SENTENCE}</p>"
                           + "</div>" * deep + "</body></html>").encode(), "doc", SENTENCE),
        Case("deep-blockquote.html", ("<html><body>" + "<blockquote>" * deep + f"<p>{SENTENCE}"
                                      "</p>" + "</blockquote>" * deep + "</body></html>").encode(),
             "doc", SENTENCE),
        Case("deep.md", (">" * deep + f" {SENTENCE}\n\nSecond paragraph.\n").encode(),
             "doc", SENTENCE),
        Case("deep-list.md", ("".join("  " * i + "- item\n" for i in range(100 * scale))
                              + f"\n{SENTENCE}\n").encode(), "doc", SENTENCE),
        Case("late-nul.txt", b"Title\n\n" + b"Some text. " * 7000 + b"\x00 tail\n",
             "error", "NUL"),
        Case("utf16-nobom.txt", GOOD.encode("utf-16-le"), "doc", "Negotiators met in Cairo"),
        Case("utf16be-nobom.txt", GOOD.encode("utf-16-be"), "doc", "Negotiators met in Cairo"),
        Case("mixed-encodings.txt", "Grève à Marseille — déjà vu\n\n".encode()
             + "Les dockers ont cessé le travail à l'aube.\n".encode("cp1252"),
             "doc", "Les dockers ont cessé le travail"),
        Case("control-title.txt", b"Esc \x1b[2J\xc2\x9b31m title\n\n" + GOOD.encode(), "doc",
             "Negotiators"),
        Case("many-paragraphs.html", ("<html><head><title>Many</title></head><body>"
                                      + "".join(f"<p>w{i}</p>" for i in range(6000 * scale))
                                      + "</body></html>").encode(), "doc", "w5999"),
        Case("markup-title.md", b"---\ntitle: '[red]x[/red] <b>'\n---\n" + GOOD.encode(),
             "doc", "Negotiators"),
        Case("front-list.md", b"---\ntitle: [a, [b, c]]\nauthor: {x: 1}\nsource_url: [1]\n---\n"
             + GOOD.encode(), "doc", "Negotiators"),
        Case("yaml-tags.md", b"---\ntitle: !!python/object/apply:os.system ['true']\n---\n"
             + GOOD.encode(), "error", "YAML"),
        Case("only-nul.txt", b"\x00" * 1000, "error", "binary"),
        Case("long-line.jsonl", _jsonl({"text": "w " * 200_000}, {"text": "Short one."}),
             "doc", "Short one"),
    ]


def variants(count: int, seed: int = 13) -> Iterator[Case]:
    """``count`` seeded random relatives of the cases: truncated, spliced, bytes flipped.
    Their expectation is only "read without a crash": a document or one error line."""
    rng = random.Random(seed)
    base = cases()
    suffixes = [".txt", ".md", ".html", ".jsonl", ".xml", ".rss"]
    for i in range(count):
        case = rng.choice(base)
        data = bytearray(case.data[: 200_000])
        kind = i % 4
        if kind == 0 and data:  # truncated
            data = data[: rng.randrange(len(data))]
        elif kind == 1:  # bytes flipped
            for _ in range(rng.randrange(1, 50)):
                if data:
                    data[rng.randrange(len(data))] = rng.randrange(256)
        elif kind == 2:  # spliced with another case
            other = rng.choice(base).data[:50_000]
            cut = rng.randrange(len(data) + 1)
            data = data[:cut] + other + data[cut:]
        else:  # random bytes under a text-like prefix
            data = bytearray(b"Title\n\n") + bytes(rng.randrange(256) for _ in range(2000))
        yield Case(f"variant-{i}{rng.choice(suffixes)}", bytes(data), "any", "")


ACTORS = ["Israel", "Iran", "the United States", "Hamas", "Egypt", "Qatar", "Russia", "Ukraine"]
VERBS = ["attacked", "accused", "met", "threatened", "condemned", "praised", "sanctioned",
         "warned", "struck", "called on"]


def event_dense_text(kb: int, seed: int = 8) -> str:
    """About ``kb`` kilobytes of short event sentences with quotes, one paragraph per few
    sentences (``one_line`` callers can join them): the input that exposes super-linear
    analysis time."""
    rng = random.Random(seed)
    parts: list[str] = ["Officials trade accusations as talks stall", ""]
    size = 0
    while size < kb * 1024:
        a, b = rng.sample(ACTORS, 2)
        sentence = f"{a} {rng.choice(VERBS)} {b} on Monday, officials said."
        if rng.random() < 0.3:
            sentence += f' "We will respond," a spokesman for {a} said.'
        parts.append(sentence)
        size += len(sentence) + 1
    return "\n".join(parts) + "\n"
