"""Event records as the linker sees them: one ``Report`` per stored event row.

A report carries only what decides whether two records describe one real event: type,
modality, who did it to whom, when (as an interval of days), where, the figures, the words
of its evidence, and the names and figures of its document (which story it belongs to).
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache, cached_property

from newsledger.data import load_json

CONTEXT_CHARS = 20000
"""How much of a document's text its story context (names and figures) is read from."""
REPORT_LAG_DAYS = 7
"""An undated event reported on day P happened in [P - this, P]: news is about the last week."""

_WORD = re.compile(r"[A-Za-z][A-Za-z'-]+|\d+")
_NAME = re.compile(r"\b[A-Z][a-zA-Z'-]{2,}")
_NUMBER = re.compile(r"\b\d[\d,.]*\d\b|\b\d\b")


@dataclass
class Side:
    """Source or target of an event: the ledger key when the actor was resolved."""

    name: str | None = None
    key: str | None = None
    country: str | None = None
    sector: str | None = None


@dataclass
class Report:
    event_id: int
    document_id: str
    type: str
    modality: str
    trigger: str
    evidence: str
    source: Side = field(default_factory=Side)
    target: Side = field(default_factory=Side)
    mode: str | None = None
    date_value: str | None = None
    date_precision: str | None = None
    published: str | None = None
    location_name: str | None = None
    location_country: str | None = None
    quantities: list[dict] = field(default_factory=list)
    mentions: int = 1
    stems: frozenset[str] = frozenset()
    words: frozenset[str] = frozenset()
    context: frozenset[str] = frozenset()

    @cached_property
    def interval(self) -> tuple[date, date] | None:
        """Days the event may have happened on: its date within its precision, else the
        week before its report was published; None when neither is known."""
        span = date_interval(self.date_value, self.date_precision)
        if span is not None:
            return span
        pub = parse_day(self.published)
        if pub is None:
            return None
        return pub - timedelta(days=REPORT_LAG_DAYS), pub

    @cached_property
    def anchor(self) -> str:
        """The day the linker blocks on ('' when unknown)."""
        span = self.interval
        return span[1].isoformat() if span else ""


def parse_day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def date_interval(value: str | None, precision: str | None) -> tuple[date, date] | None:
    """First and last day a date of this precision covers."""
    if not value:
        return None
    try:
        if precision == "year" or len(value) == 4:
            year = int(value[:4])
            return date(year, 1, 1), date(year, 12, 31)
        if precision == "month" or len(value) == 7:
            first = date(int(value[:4]), int(value[5:7]), 1)
            nxt = (first.replace(day=28) + timedelta(days=4)).replace(day=1)
            return first, nxt - timedelta(days=1)
        day = date.fromisoformat(value[:10])
    except ValueError:
        return None
    if precision == "week":
        return day, day + timedelta(days=6)
    return day, day


def content_words(text: str) -> frozenset[str]:
    """Lower-cased words that can tell one event from another (no function words)."""
    stop = _stopwords()
    return frozenset(w for w in (m.group().lower() for m in _WORD.finditer(text or ""))
                     if w not in stop and len(w) > 2)


_VOWELS = set("aeiouy")


def stem(word: str) -> str:
    """A crude English stem, enough to tell 'attacked', 'attacks', 'attack' are one word
    (and 'hitting' / 'hit', 'captured' / 'capture'), without a model."""
    w = word.lower()
    if len(w) > 4 and w.endswith("ies"):
        w = w[:-3] + "y"
    elif len(w) > 5 and w.endswith("ing"):
        w = w[:-3]
    elif len(w) > 4 and w.endswith("ed"):
        w = w[:-2]
    elif len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
        w = w[:-1]
    if len(w) > 3 and w.endswith("e"):
        w = w[:-1]
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in _VOWELS and w[-1] not in "ls":
        w = w[:-1]
    return w


@cache
def _actions() -> dict[str, str]:
    """Stem -> the first word of its same-action group ('shot' -> 'shoot')."""
    out: dict[str, str] = {}
    for group in load_json("incidents.json")["same_action"]:
        for word in group:
            out.setdefault(stem(word), group[0])
    return out


def trigger_stems(triggers: Iterable[str]) -> frozenset[str]:
    """Actions named by an event's triggers (its best one and its mentions): stems of their
    content words, irregular forms and close synonyms mapped to one action."""
    stop = _stopwords()
    actions = _actions()
    stems = (stem(w) for t in triggers for w in _WORD.findall(t or "")
             if w.lower() not in stop and not w.isdigit())
    return frozenset(actions.get(s, s) for s in stems)


def story_context(text: str) -> frozenset[str]:
    """What tells one story from a similar one: the capitalised words of a text other than
    function words (its people, places, bodies) and its figures and years ('#23', '#2008')."""
    stop = _stopwords()
    words = {w.lower() for w in _NAME.findall(text or "") if w.lower() not in stop}
    return frozenset(words | {"#" + n for n in _NUMBER.findall(text or "")})


@cache
def _stopwords() -> frozenset[str]:
    return frozenset(load_json("incidents.json")["stopwords"])


_SELECT = """
SELECT e.id, e.document_id, e.type, e.mode, e.modality, e.trigger_text,
       substr(d.text, e.evidence_start + 1, e.evidence_end - e.evidence_start) AS evidence,
       e.source_name, sa.key AS source_key, e.source_country, e.source_sector,
       e.target_name, ta.key AS target_key, e.target_country, e.target_sector,
       e.date_value, e.date_precision, d.published_date, e.location_name, e.location_country,
       e.quantities {extra}
FROM events e JOIN documents d ON d.id = e.document_id
LEFT JOIN actors sa ON sa.id = e.source_actor_id
LEFT JOIN actors ta ON ta.id = e.target_actor_id
"""


def _has_mentions_column(conn: sqlite3.Connection) -> bool:
    return any(row[1] == "mentions" for row in conn.execute("PRAGMA table_info(events)"))


def select_sql(conn: sqlite3.Connection) -> str:
    """The report query, reading per-event ``mentions`` when the ledger stores them."""
    return _SELECT.format(extra=", e.mentions" if _has_mentions_column(conn) else "")


class ContextCache:
    """The story context of each document, read once per document."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.cache: dict[str, frozenset[str]] = {}

    def get(self, doc_id: str) -> frozenset[str]:
        if doc_id not in self.cache:
            row = self.conn.execute(
                "SELECT COALESCE(title, '') || ' ' || substr(text, 1, ?) FROM documents"
                " WHERE id = ?", (CONTEXT_CHARS, doc_id)).fetchone()
            self.cache[doc_id] = story_context(row[0] if row else "")
        return self.cache[doc_id]


def report_from_row(row: sqlite3.Row, context: frozenset[str]) -> Report:
    keys = row.keys()
    extra: list = []
    if "mentions" in keys and row["mentions"]:
        try:
            extra = [m for m in json.loads(row["mentions"]) if isinstance(m, dict)]
        except (ValueError, TypeError):
            extra = []
    triggers = [row["trigger_text"] or ""] + [(m.get("trigger") or m).get("text") or ""
                                              for m in extra]
    try:
        quantities = json.loads(row["quantities"] or "[]")
    except ValueError:
        quantities = []
    evidence = row["evidence"] or ""
    return Report(
        event_id=row["id"], document_id=row["document_id"], type=row["type"],
        modality=row["modality"], trigger=row["trigger_text"] or "", evidence=evidence,
        source=Side(row["source_name"], row["source_key"], row["source_country"],
                    row["source_sector"]),
        target=Side(row["target_name"], row["target_key"], row["target_country"],
                    row["target_sector"]),
        mode=row["mode"], date_value=row["date_value"], date_precision=row["date_precision"],
        published=row["published_date"], location_name=row["location_name"],
        location_country=row["location_country"], quantities=quantities,
        mentions=1 + len(extra), stems=trigger_stems(triggers),
        words=content_words(evidence), context=context,
    )


def load_reports(conn: sqlite3.Connection, where: str, params: Iterable,
                 contexts: ContextCache, limit: int = -1) -> Iterator[Report]:
    """Reports of the event rows matching ``where`` (a fixed SQL condition with ``?``), in
    the order they were stored."""
    sql = select_sql(conn) + " WHERE " + where + " ORDER BY e.id LIMIT ?"
    for row in conn.execute(sql, [*params, limit]).fetchall():
        yield report_from_row(row, contexts.get(row["document_id"]))
