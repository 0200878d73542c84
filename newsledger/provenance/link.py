"""Linking news quotes to the primary sources in the ledger, and storing the decisions."""

from __future__ import annotations

import json
import logging
import sqlite3
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from newsledger.provenance.align import (
    VERDICTS,
    Alignment,
    Token,
    align,
    paraphrase_score,
    quote_pieces,
)
from newsledger.provenance.index import (
    Passage,
    candidates,
    compatible,
    document_passages,
    match_query,
    passage_tokens,
    relays,
    window,
)
from newsledger.records import Quote, Speaker

log = logging.getLogger(__name__)

WINDOW_DAYS = 14
MAX_SOURCES = 6         # candidate source documents aligned per quote
RELAY_MIN_WORDS = 5     # a quote relayed by another official must be at least this long
PARAPHRASE_SHARE = 0.6  # share of an indirect quote's content words a passage must hold
PARAPHRASE_MIN = 3


@dataclass
class Link:
    """The provenance decision for one news quote."""

    verdict: str
    score: float = 0.0
    source_document_id: str | None = None
    source_quote_id: int | None = None
    source_start: int | None = None
    source_end: int | None = None
    source_speaker: str | None = None
    relayed_by: str | None = None
    changes: list[dict[str, Any]] = field(default_factory=list)
    alignment: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class LinkReport:
    quotes: int = 0
    verdicts: dict[str, int] = field(default_factory=dict)
    skipped: int = 0  # quotes without a speaker or a dated document
    seconds: float = 0.0

    def summary(self) -> str:
        counts = ", ".join(f"{v} {self.verdicts.get(v, 0)}" for v in VERDICTS)
        return f"{self.quotes} quotes linked in {self.seconds:.2f} s ({counts})"


_RANK = {"verbatim": 3, "altered": 2, "paraphrase": 1, "none": 0}


class Linker:
    """Links quotes against one ledger, caching source documents' passages across quotes."""

    def __init__(self, conn: sqlite3.Connection, window_days: int = WINDOW_DAYS) -> None:
        self.conn = conn
        self.window_days = window_days
        self._passages: dict[str, list[Passage]] = {}
        self._texts: dict[str, str] = {}
        self._tokens: dict[int, list[Token]] = {}

    def _doc_passages(self, document_id: str) -> list[Passage]:
        if document_id not in self._passages:
            self._passages[document_id] = document_passages(self.conn, document_id)
        return self._passages[document_id]

    def _text(self, document_id: str) -> str:
        if document_id not in self._texts:
            row = self.conn.execute("SELECT text FROM documents WHERE id = ?",
                                    (document_id,)).fetchone()
            self._texts[document_id] = row[0] if row else ""
        return self._texts[document_id]

    def link(self, quote: Quote, published: str | None, offset: int | None = None) -> Link:
        """The best source of ``quote`` (text offsets as in its document; ``offset`` is where
        ``quote.text`` starts, default ``quote.start``) printed on date ``published``."""
        speaker = quote.speaker
        if not published or speaker is None or not speaker.name:
            return Link(verdict="none")
        offset = quote.start if offset is None else offset
        indirect = quote.type == "indirect"
        pieces = quote_pieces(quote.text, offset, quoted_only=not indirect)
        words = [t for p in pieces for t in p.tokens]
        if not words:
            return Link(verdict="none")
        dates = window(published, self.window_days)
        if dates is None:
            return Link(verdict="none")
        start, end = dates
        query = match_query(words, phrases=not indirect)
        if query is None:
            return Link(verdict="none")
        pairs = set(zip([w.norm for w in words], [w.norm for w in words[1:]], strict=False))
        by_doc: dict[str, int] = {}
        for p in candidates(self.conn, query, start, end):
            if compatible(speaker.kind, speaker.name, p) or (
                    len(words) >= RELAY_MIN_WORDS and relays(speaker.kind, speaker.name, p)):
                norms = [t.norm for t in passage_tokens([p], self._tokens)]
                shared = len(pairs & set(zip(norms, norms[1:], strict=False)))
                by_doc[p.document_id] = max(by_doc.get(p.document_id, 0), shared)
        best = Link(verdict="none")
        ranked = sorted(by_doc, key=lambda d: -by_doc[d])
        for document_id in ranked[:MAX_SOURCES]:
            link = self._align_document(quote, pieces, offset, document_id, indirect)
            if (_RANK[link.verdict], link.score, link.relayed_by is None) > \
                    (_RANK[best.verdict], best.score, best.relayed_by is None):
                best = link
        return best

    def _align_document(self, quote: Quote, pieces: list, offset: int, document_id: str,
                        indirect: bool) -> Link:
        speaker = quote.speaker
        assert speaker is not None
        every = self._doc_passages(document_id)
        own = [p for p in every if compatible(speaker.kind, speaker.name, p)]
        mine = {p.id for p in own}
        words = sum(len(p.tokens) for p in pieces)
        relayed = [p for p in every if p.id not in mine and words >= RELAY_MIN_WORDS
                   and relays(speaker.kind, speaker.name, p)]
        text = self._text(document_id)
        best = Link(verdict="none")
        for passages, via in ((own, None), (relayed, "relayed")):
            if not passages:
                continue
            if indirect:
                link = self._paraphrase(pieces, passages)
            else:
                tokens = passage_tokens(passages, self._tokens)
                found = align(pieces, quote.text, offset, tokens, text)
                link = _link(found, {p.id: p for p in passages})
            if link.verdict == "none":
                continue
            link.source_document_id = document_id
            if via and link.source_quote_id is not None:
                link.relayed_by = next(p.speaker_name for p in passages
                                       if p.id == link.source_quote_id)
            if (_RANK[link.verdict], link.score) > (_RANK[best.verdict], best.score):
                best = link
        return best

    def _paraphrase(self, pieces: list, passages: list[Passage]) -> Link:
        """Indirect quotes: the passage (with its neighbour) sharing most content words."""
        quote_words = [t for p in pieces for t in p.tokens]
        best = Link(verdict="none")
        for k, p in enumerate(passages):
            group = passages[k:k + 2]
            share, count = paraphrase_score(quote_words, passage_tokens(group, self._tokens))
            if share >= PARAPHRASE_SHARE and count >= PARAPHRASE_MIN and share > best.score:
                best = Link(verdict="paraphrase", score=round(share, 4), source_quote_id=p.id,
                            source_start=p.start, source_end=group[-1].end,
                            source_speaker=p.speaker_name)
        return best


def _link(found: Alignment, passages: dict[int, Passage]) -> Link:
    if found.verdict == "none":
        return Link(verdict="none", score=found.score)
    first = passages[found.passages[0]]
    return Link(verdict=found.verdict, score=found.score, source_quote_id=first.id,
                source_start=found.source_start, source_end=found.source_end,
                source_speaker=first.speaker_name, changes=found.changes,
                alignment=found.segments)


def _pending(conn: sqlite3.Connection, relink: bool) -> list[sqlite3.Row]:
    sql = (
        'SELECT q.id, q.document_id, q.local_id, q.type, q.start, q."end", q.text,'
        " q.speaker_name, q.speaker_kind, d.published_date FROM quotes q"
        " JOIN documents d ON d.id = q.document_id"
        + ("" if relink else " LEFT JOIN provenance_links l ON l.quote_id = q.id")
        + " WHERE d.kind = 'news'" + ("" if relink else " AND l.id IS NULL")
        + " ORDER BY q.id"
    )
    return conn.execute(sql).fetchall()


def link_ledger(conn: sqlite3.Connection, window_days: int = WINDOW_DAYS, *,
                relink: bool = False) -> LinkReport:
    """Link every news quote of the ledger that has no link decision yet (all of them with
    ``relink``); one row per quote in ``provenance_links``, ``none`` included."""
    began = time.perf_counter()
    linker = Linker(conn, window_days)
    report = LinkReport()
    verdicts: Counter[str] = Counter()
    rows = []
    for r in _pending(conn, relink):
        speaker = Speaker(actor=None, name=r[7], kind=r[8]) if r[7] else None
        quote = Quote(id=r[2], type=r[3], start=r[4], end=r[5], text=r[6], speaker=speaker)
        if speaker is None or not r[9]:
            report.skipped += 1
        try:
            link = linker.link(quote, r[9])
        except Exception as e:  # one quote's failure must not lose the batch
            log.warning("quote %s of %s: linking failed (%s: %s)", r[2], r[1][:12],
                        type(e).__name__, e)
            link = Link(verdict="none", changes=[{"op": "error", "quote": "", "source": "",
                                                  "note": f"{type(e).__name__}: {e}"}])
        verdicts[link.verdict] += 1
        rows.append((r[0], r[1], link))
    with conn:
        if relink:
            conn.execute("DELETE FROM provenance_links")
        conn.executemany(
            "INSERT OR REPLACE INTO provenance_links (quote_id, document_id, verdict, score,"
            " source_document_id, source_quote_id, source_start, source_end, source_speaker,"
            " relayed_by, changes, alignment, window_days)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(qid, doc, k.verdict, k.score, k.source_document_id, k.source_quote_id,
              k.source_start, k.source_end, k.source_speaker, k.relayed_by,
              json.dumps(k.changes, ensure_ascii=False),
              json.dumps(k.alignment), window_days) for qid, doc, k in rows],
        )
    report.quotes = len(rows)
    report.verdicts = dict(verdicts)
    report.seconds = time.perf_counter() - began
    return report
