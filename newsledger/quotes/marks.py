"""Quotation marks: the quoted stretches of a text, found by a character scan per paragraph.

Straight and curly, double and single marks. An opening mark left open at the end of a
paragraph continues into the next paragraph when that one opens with a mark (news
convention); otherwise it is closed at the paragraph end, so a stray mark never swallows the
rest of the document; a stray closing mark is ignored. Each stretch is also classified: its
shape (starting a sentence or after a colon/comma: direct; inside a clause: mixed), its word
count, and whether it is the title of a work ("CNN's "State of the Union" program", a cited
headline followed by a dash and its publisher).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from newsledger.data import load_json

DOUBLE_OPEN = "“«„"
DOUBLE_CLOSE = "”»"
SINGLE_OPEN = "‘"
SINGLE_CLOSE = "’"
MARKS = DOUBLE_OPEN + DOUBLE_CLOSE + SINGLE_OPEN + SINGLE_CLOSE + "\"'"
DIRECT_BEFORE = ",:;.!?—–-([" + DOUBLE_CLOSE + SINGLE_CLOSE + "\"'"
WORD = re.compile(r"\w+(?:[’'.-]\w+)*")
MAX_CONTINUED_LINES = 4
"""A quote open at a line end may close on one of this many following lines (same paragraph)."""
FUNCTION_WORDS = {"of", "the", "a", "an", "and", "in", "on", "for", "to", "at", "with", "by", "or"}


@cache
def _work_nouns() -> frozenset[str]:
    return frozenset(load_json("reporting_verbs.json")["work_nouns"])


@dataclass
class Marked:
    """A stretch of text inside quotation marks (content offsets, marks excluded)."""

    start: int
    end: int
    open: int
    para: int
    title: bool = False
    direct_shape: bool = False
    words: int = 0


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-empty line."""
    out = []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _opens_double(text: str, i: int) -> bool:
    ch = text[i]
    if ch in DOUBLE_OPEN:
        return True
    if ch != '"':
        return False
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([{—–-/:") and not after.isspace()


def _single_open(text: str, i: int, lo: int) -> bool:
    ch = text[i]
    before = text[i - 1] if i > lo else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if ch == SINGLE_OPEN:
        return not re.match(r"\d\ds", text[i + 1:i + 4])
    return ch == "'" and (before.isspace() or before in "([{—–-:“\"") and after.isalnum()


def _single_close(text: str, i: int, hi: int) -> bool:
    ch = text[i]
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < hi else " "
    return ch in (SINGLE_CLOSE, "'") and not before.isspace() and not after.isalnum()


def find_marked(text: str) -> list[Marked]:
    """Quoted stretches of every paragraph, continued paragraphs merged into one stretch."""
    paras = paragraphs(text)
    found: list[Marked] = []
    pending: Marked | None = None  # an open quote continuing from the previous paragraph
    for p, (lo, hi) in enumerate(paras):
        spans: list[tuple[int, int | None]] = []
        opened: int | None = None
        for m in re.finditer(r"[“”«»„\"]", text[lo:hi]):
            i = lo + m.start()
            if opened is None:
                if _opens_double(text, i):
                    opened = i
            elif text[i] in DOUBLE_OPEN and text[i] not in DOUBLE_CLOSE:
                opened = i  # a new opening mark: the earlier one was stray
            else:
                spans.append((opened, i))
                opened = None
        if opened is not None:
            spans.append((opened, None))
        first_opens = bool(spans) and not text[lo:spans[0][0]].strip()
        if pending is not None:
            if first_opens and spans[0][1] is not None:
                pending.end = spans[0][1]
                spans.pop(0)
                found.append(pending)
                pending = None
            elif first_opens:
                pending.end = hi
                spans.pop(0)
            else:
                found.append(pending)
                pending = None
        for k, (o, c) in enumerate(spans):
            if c is None:
                nxt = paras[p + 1] if p + 1 < len(paras) else None
                rec = Marked(start=o + 1, end=hi, open=o, para=p)
                if nxt and k == len(spans) - 1 and text[nxt[0]] in DOUBLE_OPEN + '"':
                    pending = rec
                else:
                    close = _close_on_later_line(text, paras, p) if k == len(spans) - 1 \
                        else None
                    rec.end = close if close is not None else hi
                    found.append(rec)
            else:
                found.append(Marked(start=o + 1, end=c, open=o, para=p))
        found.extend(_singles(text, lo, hi, p, [(s.open, s.end) for s in found
                                                 if s.para == p] + [(o, c or hi)
                                                                    for o, c in spans]))
    if pending is not None:
        found.append(pending)
    found.sort(key=lambda m: m.start)
    for m in found:
        _shape(text, m, paras[m.para][0])
    return found


def _close_on_later_line(text: str, paras: list[tuple[int, int]], p: int) -> int | None:
    """Where a quote left open at the end of line ``p`` closes when the text breaks lines
    inside a paragraph (one sentence a line): the first closing mark of the next adjacent
    lines, provided no line before it opens another quote and no blank line intervenes."""
    end = paras[p][1]
    for q in range(p + 1, min(p + 1 + MAX_CONTINUED_LINES, len(paras))):
        lo, hi = paras[q]
        if text[end:lo] != "\n":
            return None  # a paragraph break: the opening mark was stray
        for m in re.finditer(r"[“”«»„\"]", text[lo:hi]):
            i = lo + m.start()
            if text[i] in DOUBLE_OPEN or _opens_double(text, i):
                return None
            return i
        end = hi
    return None


def _singles(text: str, lo: int, hi: int, para: int,
             doubles: list[tuple[int, int]]) -> list[Marked]:
    """Single-quoted stretches outside double quotes (headline style)."""
    out = []
    i = lo
    while i < hi:
        ch = text[i]
        if ch in (SINGLE_OPEN, "'") and _single_open(text, i, lo) and not any(
                o <= i <= c for o, c in doubles):
            j = i + 2
            while j < hi and not (_single_close(text, j, hi) and text[j - 1] != " "):
                j += 1
            if j < hi:
                out.append(Marked(start=i + 1, end=j, open=i, para=para))
                i = j + 1
                continue
        i += 1
    return out


def _shape(text: str, m: Marked, para_start: int) -> None:
    content = text[m.start:m.end]
    words = WORD.findall(content)
    m.words = len(words)
    k = m.open - 1
    while k >= para_start and text[k] == " ":
        k -= 1
    before = text[k] if k >= para_start else ""
    m.direct_shape = before == "" or before in DIRECT_BEFORE
    after = text[m.end + 1:m.end + 40].lstrip(" ,")
    next_word = WORD.match(after)
    titled = 0 < len(words) <= 6 and all(
        w[0].isupper() or w[0].isdigit() or w.lower() in FUNCTION_WORDS for w in words
    ) and words[0][0].isupper()
    possessive = re.search(r"\w['’]s?\s*$", text[max(para_start, m.open - 4):m.open]) is not None
    work_after = next_word is not None and next_word.group(0).lower() in _work_nouns()
    citation = before in ("", ".") and re.match(r"\s*[—–-]\s", text[m.end + 1:m.end + 4]) is not None
    m.title = citation or titled and (possessive or work_after
                                      or (not m.direct_shape and len(words) <= 4))
