"""Word alignment of a printed quote against a primary source, and the verdict it supports.

Words are compared after folding case, curly/straight apostrophes and punctuation; dashes,
quotation marks and bracketed editorial insertions ("[but]") are not words. Exact runs of
words anchor the alignment; runs that follow each other in the source within a few words
form one piece, whose differences come from a Levenshtein alignment over words (rapidfuzz);
a quotation whose pieces come from non-adjacent places in the source is a splice.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any

from rapidfuzz.distance import Levenshtein

_WORD = re.compile(r"\w+(?:['’.\-]\w+)*-?")
_BRACKET = re.compile(r"\\?\[([^\]\n]{1,60})\\?\]")
_ELLIPSIS = re.compile(r"…|\.\s?\.\s?\.")
GAP = 15  # source words a piece may skip and still count as one passage (dropped words)
SHORT = 6  # quotes shorter than this (in words) link only verbatim: a changed word is chance
ALTERED_SHARE = 0.7  # share of the quote's words the source must hold for "altered"
VERDICTS = ("verbatim", "altered", "paraphrase", "none")


@cache
def stopwords() -> frozenset[str]:
    """spaCy's English stop words, with contractions ("they're", "don't") counted as stop."""
    from spacy.lang.en.stop_words import STOP_WORDS

    words = {w.lower().replace("’", "'") for w in STOP_WORDS}
    extra = {f"{w}{c}" for w in words for c in ("'re", "'s", "'ve", "'ll", "'d", "'m", "n't")}
    return frozenset(words | extra | {"ca", "wo", "sha"})


@dataclass
class Token:
    norm: str
    start: int
    end: int
    passage: int = 0  # id of the source passage (quote row) holding the word


def normalize(word: str) -> str:
    word = word.lower().replace("’", "'").rstrip("-.")
    return word


def tokenize(text: str, offset: int = 0, passage: int = 0) -> list[Token]:
    """Words of ``text`` with document offsets (``offset`` is where ``text`` starts)."""
    return [Token(normalize(m.group()), offset + m.start(), offset + m.end(), passage)
            for m in _WORD.finditer(text) if normalize(m.group())]


@dataclass
class Piece:
    """A stretch of quoted words (between quotation marks, cut at ellipses)."""

    tokens: list[Token]
    quotation: int  # pieces of the same quotation share this number
    inserted: list[tuple[int, int, str]] = field(default_factory=list)


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Spans inside quotation marks; a quote cut before its closing mark (or after its
    opening one) runs to the end (from the start). Single marks count when no double do."""
    for opening, closing in (("“\"", "”\""), ("‘", "’")):
        spans: list[tuple[int, int]] = []
        start = None
        for k, c in enumerate(text):
            if start is None and c in opening and (k == 0 or not text[k - 1].isalnum()):
                if c == '"' and k + 1 < len(text) and text[k + 1].isspace():
                    continue
                start = k + 1
            elif start is not None and c in closing and (
                    k + 1 == len(text) or not text[k + 1].isalnum()):
                spans.append((start, k))
                start = None
            elif start is None and c in closing and c != "’" and not spans:
                spans.append((0, k))
        if start is not None:
            spans.append((start, len(text)))
        spans = [(a, b) for a, b in spans if text[a:b].strip()]
        if spans:
            return spans
    return []


def quote_pieces(text: str, offset: int = 0, quoted_only: bool = True) -> list[Piece]:
    """The quoted words of a quote's text: inside quotation marks when it has any, else all;
    bracketed insertions are set aside and ellipses cut a quotation into pieces."""
    spans = quoted_spans(text) if quoted_only else []
    if not spans:
        spans = [(0, len(text))]
    pieces: list[Piece] = []
    for number, (s, e) in enumerate(spans):
        inner = text[s:e]
        inserted = [(offset + s + m.start(), offset + s + m.end(), m.group(1))
                    for m in _BRACKET.finditer(inner)]
        masked = _BRACKET.sub(lambda m: " " * len(m.group()), inner)
        cut = 0
        for part in [*_ELLIPSIS.finditer(masked), None]:
            stop = part.start() if part else len(masked)
            words = tokenize(masked[cut:stop], offset + s + cut)
            here = [x for x in inserted if offset + s + cut <= x[0] <= offset + s + stop]
            if words:
                pieces.append(Piece(tokens=words, quotation=number, inserted=here))
            cut = part.end() if part else stop
    return pieces


@dataclass
class Segment:
    """Quote words q0:q1 of a piece aligned to source words s0:s1."""

    piece: int
    q0: int
    q1: int
    s0: int
    s1: int


@dataclass
class Alignment:
    verdict: str
    score: float
    matched: int
    total: int
    changes: list[dict[str, Any]]
    segments: list[dict[str, Any]]
    source_start: int | None = None
    source_end: int | None = None
    passages: list[int] = field(default_factory=list)


def _blocks(q: list[str], where: dict[str, list[int]], source: list[str],
            stop: frozenset[str]) -> list[tuple[int, int, int]]:
    """Exact runs (quote index, source index, length), chosen greedily left to right with a
    preference for runs that continue the previous one."""
    n, m = len(q), len(source)

    def best_at(i: int, prev_end: int | None) -> tuple[float, int, int, bool] | None:
        best = None
        for p in where.get(q[i], ()) if i < n else ():
            length = 1
            while i + length < n and p + length < m and q[i + length] == source[p + length]:
                length += 1
            near = prev_end is not None and 0 <= p - prev_end <= GAP
            score = length + (1.5 if near else 0.0)
            if best is None or score > best[0]:
                best = (score, p, length, near)
        return best

    blocks: list[tuple[int, int, int]] = []
    i, prev_end = 0, None
    while i < n:
        best = best_at(i, prev_end)
        if best is not None and (not best[3] or best[2] <= 2) and prev_end is not None:
            # A far run (or a word or two) now, when skipping a word or two continues the
            # passage with a longer run, is a stray.
            ahead = [best_at(i + k, prev_end) for k in (1, 2)]
            if any(a and a[3] and a[2] > best[2] for a in ahead):
                i += 1
                continue
        if best is not None:
            _, p, length, near = best
            content = any(w not in stop for w in q[i:i + length])
            if length >= 3 or (near and length >= 1) or (length >= 2 and content) \
                    or (length == n):
                blocks.append((i, p, length))
                prev_end = p + length
                i += length
                continue
        i += 1
    return blocks


def _segments(piece: int, blocks: list[tuple[int, int, int]], q: list[str],
              stop: frozenset[str]) -> list[Segment]:
    segments: list[Segment] = []
    for i, p, length in blocks:
        last = segments[-1] if segments else None
        if last and 0 <= p - last.s1 <= GAP and i - last.q1 <= GAP:
            last.q1, last.s1 = i + length, p + length
        else:
            segments.append(Segment(piece, i, i + length, p, p + length))
    if len(segments) > 1:  # a stray run of a word or two elsewhere in the source is noise
        longest = max(segments, key=lambda s: s.q1 - s.q0)
        segments = [s for s in segments if s is longest or (s.q1 - s.q0) >= 3]
    return segments


def _edge_fit(q_edge: list[str], s_edge: list[str]) -> tuple[int, int]:
    """(words equal, edits) between an unmatched quote edge and some source context."""
    equal = sum(a1 - a0 for tag, a0, a1, _, _ in Levenshtein.opcodes(q_edge, s_edge)
                if tag == "equal")
    return equal, Levenshtein.distance(q_edge, s_edge)


def _extend(segments: list[Segment], q: list[str], source: list[str]) -> None:
    """Let each piece take in up to 4 unmatched quote words on its edges with the source
    words beside it (the context length that matches most words with fewest edits), so
    'attack'/'attacks' reads as a change rather than an addition."""
    n, m = len(q), len(source)
    for k, seg in enumerate(segments):
        floor = segments[k - 1].q1 if k else 0
        ceiling = segments[k + 1].q0 if k + 1 < len(segments) else n
        before, after = seg.q0 - floor, ceiling - seg.q1
        if 0 < before <= 4:
            edge = q[seg.q0 - before:seg.q0]
            fits = [(_edge_fit(edge, source[max(0, seg.s0 - c):seg.s0]), c)
                    for c in range(before, before + 4)]
            (equal, edits), c = max(fits, key=lambda f: (f[0][0], -f[0][1], -f[1]))
            seg.q0 -= before
            seg.s0 = max(0, seg.s0 - c)
        if 0 < after <= 4:
            edge = q[seg.q1:seg.q1 + after]
            fits = [(_edge_fit(edge, source[seg.s1:min(m, seg.s1 + c)]), c)
                    for c in range(after, after + 4)]
            (equal, edits), c = max(fits, key=lambda f: (f[0][0], -f[0][1], -f[1]))
            seg.q1 += after
            seg.s1 = min(m, seg.s1 + c)


def _merge(ops: list[tuple[str, int, int, int, int]]) -> list[tuple[str, int, int, int, int]]:
    """Adjacent edits are one change: 'do not' -> 'cannot', not a change and an addition."""
    out: list[tuple[str, int, int, int, int]] = []
    for op in ops:
        if out and op[0] != "equal" and out[-1][0] != "equal":
            _, a0, _, b0, _ = out[-1]
            a1, b1 = op[2], op[4]
            tag = "replace" if a1 > a0 and b1 > b0 else ("delete" if a1 > a0 else "insert")
            out[-1] = (tag, a0, a1, b0, b1)
        else:
            out.append(op)
    return out


def _trim(ops: list[tuple[str, int, int, int, int]]) -> list[tuple[str, int, int, int, int]]:
    """Source-only words at the edges of an extended piece are context, not dropped words."""
    while ops and ops[0][0] == "insert":
        ops = ops[1:]
    while ops and ops[-1][0] == "insert":
        ops = ops[:-1]
    return ops


def _words(tokens: list[Token], text: str) -> str:
    return text[tokens[0].start:tokens[-1].end] if tokens else ""


def _align_piece(number: int, piece: Piece, where: dict[str, list[int]], norms: list[str],
                 source: list[Token], source_text: str, qtext: Any
                 ) -> tuple[list[dict[str, Any]], list[dict[str, Any]], int, list[Segment]]:
    """One piece's segments, their word differences and the number of words matched."""
    q = [key(t.norm) for t in piece.tokens]
    changes: list[dict[str, Any]] = []
    segs_out: list[dict[str, Any]] = []
    matched = 0
    segments = _segments(number, _blocks(q, where, norms, stopwords()), q, stopwords())
    _extend(segments, q, norms)
    covered = 0
    for seg in segments:
        if seg.q0 > covered:
            changes.append({"op": "added", "quote": qtext(piece.tokens[covered:seg.q0]),
                            "source": ""})
        covered = seg.q1
        qs, ss = q[seg.q0:seg.q1], norms[seg.s0:seg.s1]
        opcodes = _merge(_trim([tuple(o) for o in Levenshtein.opcodes(qs, ss)]))
        if opcodes:
            seg.s1 = seg.s0 + opcodes[-1][4]
            shift = opcodes[0][3]
            seg.s0 += shift
            opcodes = [(t, a0, a1, b0 - shift, b1 - shift) for t, a0, a1, b0, b1 in opcodes]
        ops = []
        for tag, a0, a1, b0, b1 in opcodes:
            qa = piece.tokens[seg.q0 + a0:seg.q0 + a1]
            sb = source[seg.s0 + b0:seg.s0 + b1]
            if tag == "equal":
                matched += a1 - a0
                for x, y in zip(qa, sb, strict=True):
                    if x.norm != y.norm:  # same word, another form: 'attack'/'attacks'
                        changes.append({"op": "changed", "quote": qtext([x]),
                                        "source": _words([y], source_text)})
                    same = "equal" if x.norm == y.norm else "replace"
                    if same == "equal" and ops and ops[-1]["op"] == "equal":
                        ops[-1]["quote"][1], ops[-1]["source"][1] = x.end, y.end
                    else:
                        ops.append({"op": same, "quote": [x.start, x.end],
                                    "source": [y.start, y.end]})
                continue
            op = {"replace": "changed", "delete": "added", "insert": "dropped"}[tag]
            changes.append({"op": op, "quote": qtext(qa), "source": _words(sb, source_text)})
            ops.append({"op": tag,
                        "quote": [qa[0].start, qa[-1].end] if qa else None,
                        "source": [sb[0].start, sb[-1].end] if sb else None})
        segs_out.append({"piece": number,
                         "quote": [piece.tokens[seg.q0].start, piece.tokens[seg.q1 - 1].end],
                         "source": [source[seg.s0].start, source[seg.s1 - 1].end],
                         "passage": source[seg.s0].passage, "ops": ops})
    if covered < len(q) and segments:
        changes.append({"op": "added", "quote": qtext(piece.tokens[covered:]), "source": ""})
    return changes, segs_out, matched, segments


def align(pieces: list[Piece], quote_text: str, quote_offset: int, source: list[Token],
          source_text: str) -> Alignment:
    """Align quote pieces (offsets into the news text) with source words (offsets into the
    source text); verdict verbatim/altered/none with word-level changes."""
    norms = [key(t.norm) for t in source]
    where: dict[str, list[int]] = defaultdict(list)
    for k, w in enumerate(norms):
        where[w].append(k)

    def qtext(toks: list[Token]) -> str:
        return quote_text[toks[0].start - quote_offset:toks[-1].end - quote_offset] if toks \
            else ""

    changes: list[dict[str, Any]] = []
    segs_out: list[dict[str, Any]] = []
    matched = total = 0
    all_segments: list[tuple[Piece, Segment]] = []
    for number, piece in enumerate(pieces):
        total += len(piece.tokens)
        for _start, _end, words in piece.inserted:
            changes.append({"op": "inserted", "quote": f"[{words}]", "source": "",
                            "note": "editorial insertion"})
        found = _align_piece(number, piece, where, norms, source, source_text, qtext)
        piece_changes, piece_segments, piece_matched, segments = found
        exact = piece_matched == len(piece.tokens) and len(segments) == 1 and not piece_changes
        if len(piece.tokens) < SHORT and not exact:
            # A few words with a difference match by chance as often as not.
            changes.append({"op": "added", "quote": qtext(piece.tokens), "source": "",
                            "note": "not found as printed"})
            continue
        changes.extend(piece_changes)
        segs_out.extend(piece_segments)
        matched += piece_matched
        all_segments.extend((piece, seg) for seg in segments)
    # Pieces of one quotation (or parts of one piece) from non-adjacent source places.
    for (pa, a), (pb, b) in zip(all_segments, all_segments[1:], strict=False):
        if pa.quotation == pb.quotation and not (0 <= b.s0 - a.s1 <= GAP):
            changes.append({"op": "spliced", "quote": qtext(pb.tokens[b.q0:b.q1]),
                            "source": _words(source[b.s0:b.s1], source_text),
                            "note": "does not follow the previous words in the source"})
    score = matched / total if total else 0.0
    substantive = [c for c in changes if c["op"] != "inserted"]
    if not all_segments:
        verdict = "none"
    elif not substantive and matched == total:
        verdict = "verbatim"
    elif score >= ALTERED_SHARE and matched >= 3:
        verdict = "altered"
    else:
        verdict = "none"
    starts = [s["source"][0] for s in segs_out]
    ends = [s["source"][1] for s in segs_out]
    return Alignment(verdict=verdict, score=round(score, 4), matched=matched, total=total,
                     changes=changes if verdict != "none" else [], segments=segs_out,
                     source_start=min(starts) if starts else None,
                     source_end=max(ends) if ends else None,
                     passages=list(dict.fromkeys(s["passage"] for s in segs_out)))


@lru_cache(maxsize=200_000)
def key(norm: str) -> str:
    """What two word forms must share to align: stem, without possessive or ordinal."""
    if norm.endswith("'s"):
        norm = norm[:-2]
    norm = norm.rstrip("'")
    if norm[:1].isdigit():
        return re.sub(r"(?<=\d)(st|nd|rd|th)$", "", norm)
    return stem(norm)


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """A crude stem so 'attacks'/'attacked'/'attacking' meet in paraphrase overlap."""
    for suffix in ("ing", "ed", "es", "s"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def content_stems(tokens: list[Token]) -> set[str]:
    stop = stopwords()
    return {stem(t.norm.replace("'s", "")) for t in tokens
            if t.norm not in stop and not t.norm.isdigit() and len(t.norm) > 2}


def paraphrase_score(quote_tokens: list[Token], passage_tokens: list[Token]) -> tuple[float, int]:
    """Share of the quote's content words (stemmed) found in the passage, and their count."""
    wanted = content_stems(quote_tokens)
    if not wanted:
        return 0.0, 0
    found = wanted & content_stems(passage_tokens)
    return len(found) / len(wanted), len(found)
