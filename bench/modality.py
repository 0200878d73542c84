"""Modality check: does ``events.modality`` say what careful coders said?

Cases are real sentences with an event trigger and its expected modality:
- every event mention of a news gold set (``../shared/gold/news-dev/gold.json`` by default:
  the mentions carry modality);
- ``bench/modality_cases.json``: triggers in texts of ``../shared/corpora`` read by hand,
  stored as references (path under ``corpora/``, an anchor string that locates the sentence,
  the trigger, the modality and, where it matters, the PLOVER type), never as copies of the
  texts.

For each case the trigger's syntactic head (the token of the trigger span whose head lies
outside it) goes through :func:`newsledger.events.modality.modality`, so the figure measures
the modality rules alone, whatever the trigger finder keeps. ``--pipeline`` also runs the
whole pipeline on the gold set and prints its ``of_typed_modality_ok`` (type + modality of the
records whose type is right).

Run: nice .venv/bin/python bench/modality.py [--gold PATH] [--details] [--pipeline]
"""

from __future__ import annotations

import argparse
import html
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

from newsledger.events.modality import modality
from newsledger.events.triggers import _lexicon, lemma_of
from newsledger.nlp.model import load_model

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DEV_GOLD = SHARED / "gold" / "news-dev" / "gold.json"
CASES = Path(__file__).resolve().parent / "modality_cases.json"
UNASSERTED = {"negated", "hypothetical", "future", "alleged"}


def _head(doc: Any, start: int, end: int) -> Any | None:
    """The token of the character span ``[start, end)`` whose head lies outside it."""
    toks = [t for t in doc if t.idx < end and t.idx + len(t) > start]
    if not toks:
        return None
    ids = {t.i for t in toks}
    outside = [t for t in toks if t.head.i not in ids or t.head.i == t.i]
    verbs = [t for t in outside if t.pos_ in ("VERB", "AUX")]
    return (verbs or outside or toks)[0]


def _light_verb(tok: Any) -> Any | None:
    """"hold a meeting", "launched an attack": the verb whose object is the event noun."""
    if tok.pos_ == "NOUN" and tok.dep_ == "dobj" and tok.head.pos_ == "VERB" and \
            lemma_of(tok.head) in _lexicon()["light_verbs"]:
        return tok.head
    return None


def gold_cases(path: Path) -> list[dict[str, Any]]:
    """(text, start, end, modality, where) for every event mention of a news gold file."""
    out = []
    for doc in json.loads(path.read_text(encoding="utf-8")):
        text = (path.parent / doc["path"]).read_text(encoding="utf-8")
        for m in doc["events"]:
            out.append({"text": text, "start": m["trigger_start"], "end": m["trigger_end"],
                        "modality": m["modality"], "type": m["type"],
                        "where": f"{doc['id']} {m['event']}"})
    return out


def _sentence(text: str, anchor: str) -> str | None:
    """The sentence of ``text`` holding ``anchor`` (whitespace collapsed), if any."""
    text = " ".join(text.split())
    at = text.find(anchor)
    if at < 0:
        return None
    start = max(text.rfind(". ", 0, at), text.rfind("? ", 0, at)) + 2
    ends = [i for i in (text.find(". ", at + len(anchor)), text.find("? ", at + len(anchor)))
            if i >= 0]
    return text[max(start, 0) if start > 1 else 0:min(ends) + 1 if ends else len(text)]


def _read_corpus(path: Path, anchor: str) -> str | None:
    """The sentence holding ``anchor`` in a corpus file: Markdown (escapes dropped) or a
    JSON Lines file of HTML pages (``statedept/press_releases.jsonl``)."""
    if path.suffix == ".jsonl":
        with path.open(encoding="utf-8") as lines:
            for line in lines:
                if anchor.split()[0] not in line:
                    continue
                page = html.unescape(re.sub(r"<[^>]+>", " ", json.loads(line)["html"]))
                found = _sentence(page, anchor)
                if found:
                    return found
        return None
    return _sentence(path.read_text(encoding="utf-8").replace("\\", ""), anchor)


def corpus_cases(path: Path) -> list[dict[str, Any]]:
    """Cases from ``modality_cases.json``: the sentence holding the anchor, read in place."""
    out = []
    for c in json.loads(path.read_text(encoding="utf-8")):
        sent = _read_corpus(SHARED / "corpora" / c["path"], c["anchor"])
        if sent is None:
            print(f"{c['path']}: anchor not found: {c['anchor']!r}")
            continue
        t = sent.find(c["trigger"], sent.find(c["anchor"]))
        out.append({"text": sent, "start": t, "end": t + len(c["trigger"]),
                    "modality": c["modality"], "type": c.get("type"),
                    "where": f"{c['path']}: {c['trigger']}"})
    return out


def check(cases: list[dict[str, Any]], details: bool) -> dict[str, Any]:
    nlp = load_model()
    parsed: dict[int, Any] = {}
    confusion: Counter[tuple[str, str]] = Counter()
    for c in cases:
        key = id(c["text"]) if len(c["text"]) > 2000 else hash(c["text"])
        if key not in parsed:
            parsed[key] = nlp(c["text"])
        doc = parsed[key]
        head = _head(doc, c["start"], c["end"])
        if head is None:
            continue
        got = modality(head, _light_verb(head), c.get("type"))
        confusion[(c["modality"], got)] += 1
        if details and got != c["modality"]:
            sent = head.sent.text.replace("\n", " ")
            print(f"{c['where']}: gold {c['modality']}, got {got} [{head.text}] {sent[:220]}")
    total = sum(confusion.values())
    right = sum(n for (g, p), n in confusion.items() if g == p)
    unasserted = sum(n for (g, _), n in confusion.items() if g in UNASSERTED)
    called = sum(n for (g, p), n in confusion.items() if g in UNASSERTED and p == "asserted")
    over = sum(n for (g, p), n in confusion.items() if g == "asserted" and p != "asserted")
    return {"cases": total, "modality_accuracy": round(right / total, 3) if total else None,
            "unasserted_called_asserted": f"{called} of {unasserted}",
            "asserted_called_otherwise": over,
            "confusion": {f"{g}->{p}": n for (g, p), n in sorted(confusion.items())}}


def pipeline(path: Path, details: bool = False) -> dict[str, Any]:
    """The records of the whole pipeline on a news gold file: of the gold mentions a record
    of the right type covers, how many carry the gold modality, and how many non-asserted
    ones the record calls asserted (the error the issue counts)."""
    from newsledger.evaluate.news import evaluate_news, load_gold
    from newsledger.pipeline import analyze_documents, prepare
    from newsledger.records import Document

    gold = load_gold(path)
    docs = [prepare(Document(text=g.text, source=f"gold:{g.id}",
                             title=g.text.split("\n", 1)[0].strip()))
            for g in gold]
    counts: Counter[str] = Counter()
    for g, analysis in zip(gold, analyze_documents(docs), strict=True):
        for m in g.events:
            span = (m["trigger_start"], m["trigger_end"])
            hits = [e for e in analysis.events if e.type == m["type"] and any(
                t.start < span[1] and span[0] < t.end
                for t in [e.trigger, *(x.trigger for x in e.mentions)])]
            if not hits:
                continue
            counts["typed"] += 1
            counts["modality_ok"] += hits[0].modality == m["modality"]
            if m["modality"] in UNASSERTED:
                counts["unasserted"] += 1
                counts["called_asserted"] += hits[0].modality == "asserted"
                if details and hits[0].modality == "asserted":
                    print(f"pipeline {g.id} {m['event']}: gold {m['modality']}, record "
                          f"asserted [{hits[0].trigger.text}]")
    typed = counts["typed"]
    return {"typed_mentions_covered": typed,
            "type_modality_ok": round(counts["modality_ok"] / typed, 3) if typed else None,
            "unasserted_called_asserted":
                f"{counts['called_asserted']} of {counts['unasserted']}",
            "of_typed_modality_ok":
                evaluate_news(path).to_dict()["events"]["of_typed_modality_ok"]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gold", type=Path, default=DEV_GOLD)
    ap.add_argument("--details", action="store_true")
    ap.add_argument("--pipeline", action="store_true")
    a = ap.parse_args()
    report = {"gold": check(gold_cases(a.gold), a.details)}
    if CASES.exists():
        report["corpora"] = check(corpus_cases(CASES), a.details)
    if a.pipeline:
        report["pipeline"] = pipeline(a.gold, a.details)
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
