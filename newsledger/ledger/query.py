"""The ONE read layer over a ledger, used by the CLI, the JSON API and the pages alike.

Match semantics, the same everywhere:

- ``speaker``, ``actor``, ``source``, ``target`` (and the CLI's ``--speaker``/``--source``)
  match PART of a name or of one of the actor's aliases, case-insensitively (ASCII case, as
  SQLite's LIKE), or an actor key exactly; for ``source``/``target``/``actor`` an upper-case
  ISO3 code (``IRN``) means that country, not part of a name.
- ``*_key`` filters match an actor key exactly; ``source_name``/``target_name``/
  ``speaker_name`` match a whole name (any case): they are what facets and dyads link to.
- Counts count incidents by default (``count="incidents"``): an incident is counted once when
  ONE of its reports (event records) matches the filters, dated once at its best date — the
  date filters and the month apply to that date. ``count="reports"`` counts event records.
  Records not linked to an incident (or a ledger without incidents) count one each.
- Quote listings leave out ``statement`` quotes (an issuer's own words in a readout) unless
  ``type="statement"`` or ``include_statements`` asks for them.

Values from users reach SQL only as parameters, and ``like`` is the one LIKE escaper; the
few SQL fragments that vary (sort orders, facet columns) come from fixed tables here.
"""

from __future__ import annotations

import json
import re
import sqlite3
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field, fields
from typing import Any

from newsledger.ledger.cache import cached, ledger_version
from newsledger.records import QUOTE_TYPES

MAX_LIMIT = 200
STATEMENT = "statement"
# Every quote type a filter accepts (the statement type may not be in records yet).
QUOTE_TYPE_CHOICES: tuple[str, ...] = tuple(dict.fromkeys([*QUOTE_TYPES, STATEMENT]))
QUAD_NAMES = {
    1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict",
}
# The cross-document identity of an actor: its key, or kind:name when a writer left it empty.
ACTOR_REF = "COALESCE(a.key, a.kind || ':' || lower(a.name))"
# When an event happened: its own date, else the publication date of its document.
EVENT_DATE = "COALESCE(e.date_value, d.published_date)"
DAY = (f"(CASE length({EVENT_DATE}) WHEN 4 THEN {EVENT_DATE} || '-01-01'"
       f" WHEN 7 THEN {EVENT_DATE} || '-01' ELSE substr({EVENT_DATE}, 1, 10) END)")
_ISO3 = re.compile(r"[A-Za-z]{3}")
# What counts count: incidents (one real-world event, however many reports) or reports.
COUNTS = ("incidents", "reports")
DEFAULT_COUNT = "incidents"
INCIDENT_JOIN = (" LEFT JOIN incident_events ie ON ie.event_id = e.id"
                 " LEFT JOIN incidents i ON i.id = ie.incident_id")
# The day an incident is counted on: its best date, else its anchor (first report's day).
INCIDENT_DAY = ("COALESCE(CASE length(i.date_value) WHEN 4 THEN i.date_value || '-01-01'"
                " WHEN 7 THEN i.date_value || '-01' ELSE substr(i.date_value, 1, 10) END,"
                f" i.anchor, {DAY})")
EVENT_BASE = "events e JOIN documents d ON d.id = e.document_id"


def has_incidents(conn: sqlite3.Connection) -> bool:
    """Whether the ledger has the incident tables (migration 006; old read-only ledgers not)."""
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table'"
                        " AND name = 'incident_events'").fetchone() is not None


@dataclass(frozen=True)
class Counting:
    """How event rows are counted: over ``base``, one per distinct ``unit``, on ``day``."""

    count: str    # "incidents" or "reports" (what is actually counted)
    base: str     # FROM clause over events e and documents d (and incidents i when linked)
    unit: str     # SQL expression naming the thing counted
    day: str      # SQL expression of the day it is counted on
    incident: str  # SQL expression of the record's incident id ("i42") or NULL


def counting(conn: sqlite3.Connection, count: str = DEFAULT_COUNT) -> Counting:
    """The counting ``count`` asks for; reports when the ledger has no incidents."""
    if count not in COUNTS:
        raise ValueError(f"count {count!r}: one of {', '.join(COUNTS)}")
    if not has_incidents(conn):
        return Counting("reports", EVENT_BASE, "e.id", DAY, "NULL")
    incident = "'i' || ie.incident_id"
    base = EVENT_BASE + INCIDENT_JOIN
    if count == "reports":
        return Counting("reports", base, "e.id", DAY, incident)
    return Counting("incidents", base, "COALESCE(ie.incident_id, -e.id)", INCIDENT_DAY, incident)


def like(text: str, anywhere: bool = True) -> str:
    """A LIKE pattern (for ``ESCAPE '\\'``) matching ``text`` anywhere (or as a prefix),
    its wildcards taken literally: the one LIKE escaper of the project."""
    escaped = re.sub(r"([\\%_])", r"\\\1", text)
    return ("%" if anywhere else "") + escaped + "%"


def fts_query(text: str) -> str | None:
    """User words as an FTS5 query: every word must occur (no operators, never a syntax error)."""
    words = re.findall(r"\w+", text)
    return " ".join(f'"{w}"' for w in words) or None


def _actor_ids_matching(value: str, params: list[Any]) -> str:
    """Subquery: ids of actors whose name or an alias holds ``value``, or whose key is it."""
    pattern = like(value)
    params += [pattern, pattern, value]
    return ("(SELECT a.id FROM actors a WHERE a.name LIKE ? ESCAPE '\\'"
            " OR a.aliases LIKE ? ESCAPE '\\' OR a.key = ?)")


def _side_match(side: str, value: str, params: list[Any]) -> str:
    """One side of an event (``source``/``target``) matching ``value`` as documented above:
    an upper-case ISO3 code (``IRN``) means that country (or that whole name), never part
    of a name ("RUS" does not match "Belarus"); anything else matches part of a name."""
    if _ISO3.fullmatch(value) and value.isupper():
        params += [value, value, value]
        return (f"(e.{side}_country = ? OR e.{side}_name = ? COLLATE NOCASE"
                f" OR e.{side}_actor_id IN (SELECT a.id FROM actors a WHERE a.key = ?))")
    params.append(like(value))
    return (f"(e.{side}_name LIKE ? ESCAPE '\\' OR e.{side}_actor_id IN "
            f"{_actor_ids_matching(value, params)})")


def _ref_ids(params: list[Any], ref: str) -> str:
    params.append(ref)
    return f"(SELECT a.id FROM actors a WHERE {ACTOR_REF} = ?)"


@dataclass
class EventFilter:
    """Filters shared by the event list, the timeline, the map, the network and the dyads."""

    source: str | None = None
    target: str | None = None
    actor: str | None = None
    source_key: str | None = None
    target_key: str | None = None
    actor_key: str | None = None
    source_name: str | None = None
    target_name: str | None = None
    source_country: str | None = None
    target_country: str | None = None
    type: str | None = None
    modality: str | None = None
    quad_class: int | None = None
    date_from: str | None = None
    date_to: str | None = None
    month: str | None = None
    place: str | None = None
    document: str | None = None
    count: str = DEFAULT_COUNT  # what counts count: incidents or reports (not a filter)

    def where(self, day: str = DAY) -> tuple[str, list[Any]]:
        """`` WHERE ...`` (or "") over ``events e JOIN documents d`` and its parameters;
        ``day`` is the expression the date filters apply to (see ``Counting.day``)."""
        clauses: list[str] = []
        params: list[Any] = []
        for side in ("source", "target"):
            value = getattr(self, side)
            if value:
                clauses.append(_side_match(side, value, params))
        if self.actor:
            clauses.append("(" + _side_match("source", self.actor, params) + " OR "
                           + _side_match("target", self.actor, params) + ")")
        for column, ref in (("source", self.source_key), ("target", self.target_key)):
            if ref:
                clauses.append(f"e.{column}_actor_id IN {_ref_ids(params, ref)}")
        if self.actor_key:
            clauses.append(f"(e.source_actor_id IN {_ref_ids(params, self.actor_key)}"
                           f" OR e.target_actor_id IN {_ref_ids(params, self.actor_key)})")
        exact = (("e.source_name = ? COLLATE NOCASE", self.source_name),
                 ("e.target_name = ? COLLATE NOCASE", self.target_name),
                 ("e.source_country = ?", self.source_country and self.source_country.upper()),
                 ("e.target_country = ?", self.target_country and self.target_country.upper()),
                 ("e.type = ?", self.type), ("e.modality = ?", self.modality),
                 ("e.quad_class = ?", self.quad_class), (f"{day} >= ?", self.date_from),
                 (f"{day} <= ?", self.date_to), (f"substr({day}, 1, 7) = ?", self.month),
                 ("e.location_name = ? COLLATE NOCASE", self.place),
                 ("e.document_id = ?", self.document))
        for clause, value in exact:
            if value:
                clauses.append(clause)
                params.append(value)
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params

    def params(self) -> dict[str, Any]:
        """The filter as URL query parameters (only the fields that are set)."""
        return {f.name: getattr(self, f.name) for f in fields(self)
                if getattr(self, f.name) and not (f.name == "count" and self.count == DEFAULT_COUNT)}


@dataclass
class QuoteFilter:
    """Filters of the quote list (CLI ``quotes``, ``/api/quotes``, ``/quotes``)."""

    speaker: str | None = None        # part of the speaker's name or of an alias
    speaker_key: str | None = None    # exact actor key
    speaker_name: str | None = None   # whole name, any case (facets link to it)
    q: str | None = None              # part of the quote's text
    anonymous: bool | None = None
    type: str | None = None
    include_statements: bool = False
    document: str | None = None
    kind: str | None = None           # kind of the document: news, transcript, ...
    month: str | None = None          # YYYY-MM of the document's publication

    def where(self) -> tuple[str, list[Any]]:
        """`` WHERE ...`` (or "") over ``quotes q JOIN documents d`` and its parameters."""
        clauses: list[str] = []
        params: list[Any] = []
        if self.speaker:
            pattern = like(self.speaker)
            params.append(pattern)
            clauses.append("(q.speaker_name LIKE ? ESCAPE '\\' OR q.speaker_actor_id IN "
                           + _actor_ids_matching(self.speaker, params) + ")")
        if self.speaker_key:
            clauses.append(f"q.speaker_actor_id IN {_ref_ids(params, self.speaker_key)}")
        if self.q:
            clauses.append("q.text LIKE ? ESCAPE '\\'")
            params.append(like(self.q))
        if self.anonymous is not None:
            clauses.append("(q.speaker_kind = 'anonymous')" if self.anonymous
                           else "(q.speaker_kind IS NULL OR q.speaker_kind != 'anonymous')")
        if not self.type and not self.include_statements:
            clauses.append("q.type != ?")
            params.append(STATEMENT)
        exact = (("q.speaker_name = ? COLLATE NOCASE", self.speaker_name),
                 ("q.type = ?", self.type), ("q.document_id = ?", self.document),
                 ("d.kind = ?", self.kind), ("substr(d.published_date, 1, 7) = ?", self.month))
        for clause, value in exact:
            if value:
                clauses.append(clause)
                params.append(value)
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params

    def params(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)
                if getattr(self, f.name) not in (None, False, "")}


@dataclass
class Page:
    total: int
    limit: int
    offset: int
    items: list[dict[str, Any]] = field(default_factory=list)
    count: str | None = None      # event lists: what ``counted`` counts (incidents or reports)
    counted: int | None = None    # event lists: the matching incidents (or reports)

    def to_dict(self) -> dict[str, Any]:
        out = {"total": self.total, "limit": self.limit, "offset": self.offset,
               "items": self.items}
        if self.count is not None:
            out.update(count=self.count, counted=self.counted)
        return out


def rows(conn: sqlite3.Connection, sql: str, params: list[Any] | tuple = ()) -> list[dict]:
    return [dict(r) for r in conn.execute(sql, params)]


# --- documents -------------------------------------------------------------------------------

DOC_COLUMNS = ("d.id, d.title, d.source, d.url, d.published_date, d.kind, d.site, d.author,"
               " length(d.text) AS length,"
               " (SELECT COUNT(*) FROM quotes q WHERE q.document_id = d.id) AS quotes,"
               " (SELECT COUNT(*) FROM events e WHERE e.document_id = d.id) AS events")


@dataclass
class DocumentFilter:
    q: str | None = None      # words that must all occur (full-text search)
    kind: str | None = None
    month: str | None = None  # YYYY-MM of publication

    def where(self) -> tuple[str, list[Any]]:
        clauses, params = [], []
        for clause, value in (("d.kind = ?", self.kind),
                              ("substr(d.published_date, 1, 7) = ?", self.month)):
            if value:
                clauses.append(clause)
                params.append(value)
        if self.q:
            clauses.append("d.rowid IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)")
            params.append(fts_query(self.q) or '""')
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params

    def params(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name)}


DOC_SORTS = {"date": "d.published_date DESC, d.rowid DESC",
             "-date": "d.published_date IS NULL, d.published_date, d.rowid",
             "title": "d.title COLLATE NOCASE, d.rowid",
             "events": "events DESC, d.rowid DESC", "quotes": "quotes DESC, d.rowid DESC"}


def list_documents(conn: sqlite3.Connection, q: str | None = None, limit: int = 50,
                   offset: int = 0, flt: DocumentFilter | None = None,
                   sort: str = "date") -> Page:
    """Documents, newest first (or by ``sort``); with words, best match first and a snippet."""
    flt = flt or DocumentFilter(q=q)
    if flt.q and fts_query(flt.q) is None:
        return Page(total=0, limit=limit, offset=offset)
    where, params = flt.where()
    total = conn.execute(f"SELECT COUNT(*) FROM documents d{where}", params).fetchone()[0]
    if flt.q and sort == "date":
        match = fts_query(flt.q)
        other = DocumentFilter(kind=flt.kind, month=flt.month).where()
        extra = other[0].replace(" WHERE ", " AND ")
        items = rows(conn, f"SELECT {DOC_COLUMNS},"
                     " snippet(documents_fts, 1, char(2), char(3), ' … ', 24) AS snippet"
                     " FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid"
                     f" WHERE documents_fts MATCH ?{extra} ORDER BY documents_fts.rank"
                     " LIMIT ? OFFSET ?", [match, *other[1], limit, offset])
    else:
        items = rows(conn, f"SELECT {DOC_COLUMNS} FROM documents d{where}"
                     f" ORDER BY {DOC_SORTS[sort]} LIMIT ? OFFSET ?", [*params, limit, offset])
    return Page(total=total, limit=limit, offset=offset, items=items)


def document_exists(conn: sqlite3.Connection, doc_id: str) -> bool:
    return conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone() is not None


# --- quotes ----------------------------------------------------------------------------------

QUOTE_COLUMNS = f"""
    q.document_id, q.local_id AS id, q.type, q.text, q.region, q.start, q."end",
    q.speaker_name, q.speaker_kind, q.speaker_text, q.cue_text,
    (SELECT {ACTOR_REF} FROM actors a WHERE a.id = q.speaker_actor_id) AS speaker_ref,
    (SELECT a.aliases FROM actors a WHERE a.id = q.speaker_actor_id) AS speaker_aliases,
    (SELECT a.role FROM actors a WHERE a.id = q.speaker_actor_id) AS speaker_role,
    d.title AS document_title, d.source AS document_source, d.url AS document_url,
    d.published_date, d.kind AS document_kind"""
QUOTE_SORTS = {"date": "d.published_date DESC, d.rowid DESC, q.start",
               "-date": "d.published_date IS NULL, d.published_date, d.rowid, q.start",
               "speaker": "q.speaker_name IS NULL, q.speaker_name COLLATE NOCASE, q.id"}


def _quote_item(item: dict[str, Any]) -> dict[str, Any]:
    item["speaker_aliases"] = json.loads(item["speaker_aliases"] or "[]")
    item["href"] = f"/documents/{item['document_id']}#{item['id']}"
    return item


@cached
def list_quotes(conn: sqlite3.Connection, flt: QuoteFilter | None = None, limit: int = 50,
                offset: int = 0, sort: str = "date") -> Page:
    """Quotes matching ``flt``, newest document first, each with its provenance link if any."""
    where, params = (flt or QuoteFilter()).where()
    total = conn.execute(f"SELECT COUNT(*) FROM quotes q JOIN documents d ON d.id = q.document_id"
                         f"{where}", params).fetchone()[0]
    items = rows(conn, f"""
        SELECT {QUOTE_COLUMNS}, p.id AS provenance_id, p.verdict AS provenance_verdict
        FROM quotes q JOIN documents d ON d.id = q.document_id
        LEFT JOIN provenance_links p ON p.quote_id = q.id AND p.verdict != 'none'{where}
        ORDER BY {QUOTE_SORTS[sort]} LIMIT ? OFFSET ?""", [*params, limit, offset])
    return Page(total=total, limit=limit, offset=offset, items=[_quote_item(i) for i in items])


def iter_quotes(conn: sqlite3.Connection, flt: QuoteFilter | None = None,
                sort: str = "date", limit: int | None = None) -> Iterator[dict[str, Any]]:
    """Every quote matching ``flt``, streamed in list order (downloads and CLI export)."""
    where, params = (flt or QuoteFilter()).where()
    tail = " LIMIT ?" if limit is not None else ""
    for r in conn.execute(f"SELECT {QUOTE_COLUMNS} FROM quotes q JOIN documents d"
                          f" ON d.id = q.document_id{where} ORDER BY {QUOTE_SORTS[sort]}{tail}",
                          [*params, *([limit] if limit is not None else [])]):
        yield _quote_item(dict(r))


# --- events ----------------------------------------------------------------------------------

EVENT_COLUMNS = f"""
    e.document_id, e.local_id AS id, e.type, e.mode, e.modality, e.quad_class, e.cameo,
    e.intensity, e.source_name, e.source_country, e.source_sector, e.target_name,
    e.target_country, e.target_sector, e.trigger_text, e.date_value, e.date_precision,
    e.date_text, {EVENT_DATE} AS date, e.location_name, e.location_country, e.location_lat,
    e.location_lon, e.attributed_to, {{incident}} AS incident,
    {{day}} AS counted_day,
    substr(d.text, e.evidence_start + 1, e.evidence_end - e.evidence_start) AS evidence,
    e.trigger_start - e.evidence_start AS _t0, e.trigger_end - e.evidence_start AS _t1,
    (SELECT {ACTOR_REF} FROM actors a WHERE a.id = e.source_actor_id) AS source_ref,
    (SELECT {ACTOR_REF} FROM actors a WHERE a.id = e.target_actor_id) AS target_ref,
    d.title AS document_title, d.source AS document_source, d.url AS document_url,
    d.published_date"""
EVENT_SORTS = {"date": "date IS NULL, date DESC, e.document_id, e.trigger_start",
               "-date": "date IS NULL, date, e.document_id, e.trigger_start",
               "intensity": "e.intensity IS NULL, e.intensity, date DESC, e.id",
               "type": "e.type, date DESC, e.id"}
EVIDENCE_CONTEXT = 160


def _event_item(item: dict[str, Any]) -> dict[str, Any]:
    item["quad_name"] = QUAD_NAMES.get(item["quad_class"])
    item["href"] = f"/documents/{item['document_id']}#{item['id']}"
    item["evidence_parts"] = evidence_parts(item["evidence"] or "", item.pop("_t0"),
                                            item.pop("_t1"))
    return item


@cached
def list_events(conn: sqlite3.Connection, flt: EventFilter, limit: int = 50, offset: int = 0,
                sort: str = "date") -> Page:
    """Event records matching the filter, latest first, each with its evidence sentence and
    link; ``total`` counts the records, ``counted`` what ``flt.count`` counts."""
    c = counting(conn, flt.count)
    where, params = flt.where(c.day)
    total, counted = conn.execute(f"SELECT COUNT(*), COUNT(DISTINCT {c.unit}) FROM {c.base}{where}",
                                  params).fetchone()
    columns = EVENT_COLUMNS.format(incident=c.incident, day=c.day)
    items = rows(conn, f"SELECT {columns} FROM {c.base}{where}"
                 f" ORDER BY {EVENT_SORTS[sort]} LIMIT ? OFFSET ?", [*params, limit, offset])
    return Page(total=total, limit=limit, offset=offset, items=[_event_item(i) for i in items],
                count=c.count, counted=counted)


def iter_events(conn: sqlite3.Connection, flt: EventFilter | None = None,
                sort: str = "date", limit: int | None = None) -> Iterator[dict[str, Any]]:
    """Every event record matching ``flt``, streamed in list order (downloads, CLI export)."""
    flt = flt or EventFilter()
    c = counting(conn, flt.count)
    where, params = flt.where(c.day)
    tail = " LIMIT ?" if limit is not None else ""
    columns = EVENT_COLUMNS.format(incident=c.incident, day=c.day)
    for r in conn.execute(f"SELECT {columns} FROM {c.base}{where}"
                          f" ORDER BY {EVENT_SORTS[sort]}{tail}",
                          [*params, *([limit] if limit is not None else [])]):
        yield _event_item(dict(r))


def evidence_parts(evidence: str, t0: int | None, t1: int | None,
                   context: int = EVIDENCE_CONTEXT) -> list[str]:
    """(before, trigger, after) of an evidence span, the context trimmed to ``context`` chars."""
    if t0 is None or t1 is None or not 0 <= t0 <= t1 <= len(evidence):
        return [evidence[: 2 * context], "", ""]
    before, trigger, after = evidence[:t0], evidence[t0:t1], evidence[t1:]
    if len(before) > context:
        before = "…" + before[-context:]
    if len(after) > context:
        after = after[:context] + "…"
    return [before, trigger, after]


def iter_documents(conn: sqlite3.Connection, flt: DocumentFilter | None = None,
                   sort: str = "date") -> Iterator[dict[str, Any]]:
    """Every document matching ``flt`` (without its text), streamed."""
    where, params = (flt or DocumentFilter()).where()
    for r in conn.execute(f"SELECT {DOC_COLUMNS} FROM documents d{where}"
                          f" ORDER BY {DOC_SORTS[sort]}", params):
        yield dict(r)


# --- actors ----------------------------------------------------------------------------------

ACTOR_SORTS = {
    "events": lambda a: (-a[6], -a[7], -a[5], a[1].lower()),
    "documents": lambda a: (-a[5], -a[6], a[1].lower()),
    "quotes": lambda a: (-a[7], -a[5], a[1].lower()),
    "name": lambda a: (a[1].lower(), a[0]),
}
ACTOR_FIELDS = ("ref", "name", "kind", "country", "sector", "documents", "events", "quotes")
_actor_tables: dict[tuple[str, str], tuple[tuple, list[tuple]]] = {}
_actor_lock = threading.Lock()


def _incidents_per_actor(conn: sqlite3.Connection) -> dict[str, int]:
    """Actor ref -> the incidents it takes part in (unlinked records count one each)."""
    sides = " UNION ALL ".join(
        f"SELECT {ACTOR_REF} AS ref, COALESCE(ie.incident_id, -e.id) AS unit FROM events e"
        f" JOIN actors a ON a.id = e.{side}_actor_id"
        " LEFT JOIN incident_events ie ON ie.event_id = e.id" for side in ("source", "target"))
    return dict(conn.execute(f"SELECT ref, COUNT(DISTINCT unit) FROM ({sides}) GROUP BY ref"))


def actor_table(conn: sqlite3.Connection, count: str = DEFAULT_COUNT) -> list[tuple]:
    """Every actor merged across documents: ``ACTOR_FIELDS`` plus its lower-cased names;
    its ``events`` are the incidents it takes part in, or its reports (``count``).

    Aggregating every actor row costs about a second on a corpus-sized ledger, so the table
    is kept per ledger version: computed once, recomputed only after the ledger changes.
    """
    version = ledger_version(conn)
    count = counting(conn, count).count
    with _actor_lock:
        known = _actor_tables.get((version[0], count))
        if known and known[0] == version:
            return known[1]
        table = [(*r[:2], *r[3:9], f"{r[9] or ''}\n{r[10] or ''}".lower())
                 for r in conn.execute(f"""
            WITH involved AS (
                SELECT id, COUNT(*) AS n FROM (
                    SELECT source_actor_id AS id FROM events WHERE source_actor_id IS NOT NULL
                    UNION ALL
                    SELECT target_actor_id FROM events WHERE target_actor_id IS NOT NULL)
                GROUP BY id),
            spoke AS (
                SELECT speaker_actor_id AS id, COUNT(*) AS n FROM quotes
                WHERE speaker_actor_id IS NOT NULL GROUP BY speaker_actor_id)
            SELECT {ACTOR_REF} AS ref, a.name, MAX(length(a.name)), a.kind, a.country, a.sector,
                   COUNT(DISTINCT a.document_id), COALESCE(SUM(involved.n), 0),
                   COALESCE(SUM(spoke.n), 0), group_concat(DISTINCT a.name),
                   group_concat(DISTINCT a.aliases)
            FROM actors a LEFT JOIN involved ON involved.id = a.id
                 LEFT JOIN spoke ON spoke.id = a.id
            GROUP BY ref""")]
        if count == "incidents":
            per = _incidents_per_actor(conn)
            table = [(*a[:6], per.get(a[0], 0), *a[7:]) for a in table]
        _actor_tables[(version[0], count)] = (version, table)
        return table


@dataclass
class ActorFilter:
    q: str | None = None        # part of a name or alias, any case
    kind: str | None = None
    country: str | None = None  # ISO3

    def keep(self, row: tuple) -> bool:
        return ((not self.q or self.q.lower() in row[8] or self.q.lower() in row[0])
                and (not self.kind or row[2] == self.kind)
                and (not self.country or (row[3] or "") == self.country.upper()))

    def params(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name)}


def matching_actors(conn: sqlite3.Connection, flt: ActorFilter, sort: str = "events",
                    count: str = DEFAULT_COUNT) -> list[dict]:
    """Every actor matching ``flt`` in ``sort`` order, as dicts of ``ACTOR_FIELDS``."""
    kept = sorted((a for a in actor_table(conn, count) if flt.keep(a)), key=ACTOR_SORTS[sort])
    return [dict(zip(ACTOR_FIELDS, a[:8], strict=True)) for a in kept]


def list_actors(conn: sqlite3.Connection, q: str | None = None, kind: str | None = None,
                sort: str = "events", limit: int = 50, offset: int = 0,
                flt: ActorFilter | None = None, count: str = DEFAULT_COUNT) -> Page:
    """Actors merged across documents by key, with how often they appear, act (in incidents,
    or reports with ``count="reports"``) and speak."""
    found = matching_actors(conn, flt or ActorFilter(q=q, kind=kind), sort, count)
    return Page(total=len(found), limit=limit, offset=offset, items=found[offset:offset + limit])


@cached
def get_actor(conn: sqlite3.Connection, ref: str, limit: int = 50,
              count: str = DEFAULT_COUNT) -> dict[str, Any] | None:
    """One actor (by ref) with its names, documents, first quotes and events on either side."""
    found = rows(conn, f"SELECT a.id, a.document_id, a.name, a.kind, a.country, a.sector,"
                 f" a.role, a.aliases FROM actors a WHERE {ACTOR_REF} = ?", (ref,))
    if not found:
        return None
    names: dict[str, int] = {}
    for r in found:
        names[r["name"]] = names.get(r["name"], 0) + 1
    name = max(names, key=lambda n: (names[n], len(n)))
    first = found[0]
    quotes = list_quotes(conn, QuoteFilter(speaker_key=ref, include_statements=True), limit=limit)
    as_source = list_events(conn, EventFilter(source_key=ref, count=count), limit=limit)
    as_target = list_events(conn, EventFilter(target_key=ref, count=count), limit=limit)
    return {
        "ref": ref, "name": name, "names": sorted(names, key=lambda n: -names[n]),
        "kind": first["kind"], "country": first["country"], "sector": first["sector"],
        "roles": sorted({r["role"] for r in found if r["role"]}),
        "documents": len({r["document_id"] for r in found}),
        "quotes": quotes.to_dict(), "events_as_source": as_source.to_dict(),
        "events_as_target": as_target.to_dict(),
    }
