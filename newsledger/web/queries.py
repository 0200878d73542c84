"""Read-only queries behind the API and the pages: parameterized SQL, capped pages, totals.

Every function takes an open connection and returns plain dicts/lists ready for JSON. Values
from requests only ever reach SQL as parameters; the few SQL fragments that vary (bucket
expressions, sort orders) come from fixed tables here.
"""

from __future__ import annotations

import copy
import functools
import inspect
import os
import re
import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import astuple, dataclass, field
from datetime import date, timedelta
from typing import Any, TypeVar

from newsledger.ledger.store import stats as ledger_stats

MAX_LIMIT = 200
MEMO_SIZE = 512
T = TypeVar("T")
QUAD_NAMES = {
    1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict",
}

# The cross-document identity of an actor: its key, or kind:name when a writer left it empty.
ACTOR_REF = "COALESCE(a.key, a.kind || ':' || lower(a.name))"
# When an event happened: its own date, else the publication date of its document.
EVENT_DATE = "COALESCE(e.date_value, d.published_date)"
_DAY = (f"(CASE length({EVENT_DATE}) WHEN 4 THEN {EVENT_DATE} || '-01-01'"
        f" WHEN 7 THEN {EVENT_DATE} || '-01' ELSE substr({EVENT_DATE}, 1, 10) END)")
INTERVALS = ("day", "week", "month")


@dataclass
class EventFilter:
    """Filters shared by the event list, the timeline, the network and the dyad series."""

    source: str | None = None
    target: str | None = None
    actor: str | None = None
    actor_key: str | None = None
    type: str | None = None
    modality: str | None = None
    quad_class: int | None = None
    date_from: str | None = None
    date_to: str | None = None
    document: str | None = None

    def where(self) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if self.source:
            clauses.append("e.source_name = ? COLLATE NOCASE")
            params.append(self.source)
        if self.target:
            clauses.append("e.target_name = ? COLLATE NOCASE")
            params.append(self.target)
        if self.actor:
            clauses.append("(e.source_name = ? COLLATE NOCASE OR e.target_name = ? COLLATE NOCASE)")
            params += [self.actor, self.actor]
        if self.actor_key:
            ids = f"(SELECT a.id FROM actors a WHERE {ACTOR_REF} = ?)"
            clauses.append(f"(e.source_actor_id IN {ids} OR e.target_actor_id IN {ids})")
            params += [self.actor_key, self.actor_key]
        if self.type:
            clauses.append("e.type = ?")
            params.append(self.type)
        if self.modality:
            clauses.append("e.modality = ?")
            params.append(self.modality)
        if self.quad_class:
            clauses.append("e.quad_class = ?")
            params.append(self.quad_class)
        if self.date_from:
            clauses.append(f"{_DAY} >= ?")
            params.append(self.date_from)
        if self.date_to:
            clauses.append(f"{_DAY} <= ?")
            params.append(self.date_to)
        if self.document:
            clauses.append("e.document_id = ?")
            params.append(self.document)
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


@dataclass
class Page:
    total: int
    limit: int
    offset: int
    items: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"total": self.total, "limit": self.limit, "offset": self.offset,
                "items": self.items}


def _rows(conn: sqlite3.Connection, sql: str, params: list[Any] | tuple = ()) -> list[dict]:
    return [dict(r) for r in conn.execute(sql, params)]


def _like(text: str) -> str:
    """A LIKE pattern matching ``text`` anywhere, with its wildcards taken literally."""
    return "%" + re.sub(r"([\\%_])", r"\\\1", text) + "%"


def fts_query(text: str) -> str | None:
    """User words as an FTS5 query: every word must occur (no operators, so never a syntax error)."""
    words = re.findall(r"\w+", text)
    return " ".join(f'"{w}"' for w in words) or None


# --- documents -------------------------------------------------------------------------------

_DOC_COLUMNS = ("d.id, d.title, d.source, d.url, d.published_date, d.kind, d.site, d.author,"
                " length(d.text) AS length,"
                " (SELECT COUNT(*) FROM quotes q WHERE q.document_id = d.id) AS quotes,"
                " (SELECT COUNT(*) FROM events e WHERE e.document_id = d.id) AS events")


def list_documents(conn: sqlite3.Connection, q: str | None = None, limit: int = 50,
                   offset: int = 0) -> Page:
    """Documents, newest first, or those matching the words of ``q`` (best match first)."""
    match = fts_query(q) if q else None
    if q and match is None:
        return Page(total=0, limit=limit, offset=offset)
    if match:
        total = conn.execute("SELECT COUNT(*) FROM documents_fts WHERE documents_fts MATCH ?",
                             (match,)).fetchone()[0]
        items = _rows(conn, f"SELECT {_DOC_COLUMNS},"
                      " snippet(documents_fts, 1, char(2), char(3), ' … ', 24) AS snippet"
                      " FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid"
                      " WHERE documents_fts MATCH ? ORDER BY documents_fts.rank LIMIT ? OFFSET ?",
                      (match, limit, offset))
    else:
        total = conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
        items = _rows(conn, f"SELECT {_DOC_COLUMNS} FROM documents d"
                      " ORDER BY d.published_date DESC, d.rowid DESC LIMIT ? OFFSET ?",
                      (limit, offset))
    return Page(total=total, limit=limit, offset=offset, items=items)


def document_exists(conn: sqlite3.Connection, doc_id: str) -> bool:
    return conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone() is not None


# --- actors ----------------------------------------------------------------------------------

ACTOR_SORTS = {
    "events": lambda a: (-a[6], -a[7], -a[5], a[1].lower()),
    "documents": lambda a: (-a[5], -a[6], a[1].lower()),
    "quotes": lambda a: (-a[7], -a[5], a[1].lower()),
    "name": lambda a: (a[1].lower(), a[0]),
}
_ACTOR_FIELDS = ("ref", "name", "kind", "country", "sector", "documents", "events", "quotes")
_actor_tables: dict[str, tuple[tuple, list[tuple]]] = {}
_actor_lock = threading.Lock()


def ledger_version(conn: sqlite3.Connection) -> tuple:
    """Path, size and mtime of the database and its WAL: changes whenever a writer commits."""
    path = conn.execute("PRAGMA database_list").fetchone()[2]
    stamp = []
    for name in (path, path + "-wal"):
        try:
            st = os.stat(name)
            stamp.append((st.st_mtime_ns, st.st_size))
        except OSError:
            stamp.append(None)
    return path, tuple(stamp)


_memo: OrderedDict[tuple, Any] = OrderedDict()
_memo_lock = threading.Lock()


def _key(value: Any) -> Any:
    return ("EventFilter", *astuple(value)) if isinstance(value, EventFilter) else value


def _private(value: T) -> T:
    """A copy callers may change; tuples (of plain values) are shared as they are."""
    return value if isinstance(value, tuple) else copy.deepcopy(value)


def cached(fn: Callable[..., T]) -> Callable[..., T]:
    """Remember results per ledger version: aggregates over a whole corpus are not free."""

    signature = inspect.signature(fn)

    @functools.wraps(fn)
    def wrapper(conn: sqlite3.Connection, *args: Any, **kwargs: Any) -> T:
        bound = signature.bind(conn, *args, **kwargs)
        bound.apply_defaults()
        key = (fn.__name__, ledger_version(conn),
               tuple((k, _key(v)) for k, v in bound.arguments.items() if k != "conn"))
        with _memo_lock:
            if key in _memo:
                _memo.move_to_end(key)
                return _private(_memo[key])
        value = fn(conn, *args, **kwargs)
        with _memo_lock:
            _memo[key] = value
            while len(_memo) > MEMO_SIZE:
                _memo.popitem(last=False)
        return _private(value)

    return wrapper


def actor_table(conn: sqlite3.Connection) -> list[tuple]:
    """Every actor merged across documents with its counts (see ``_ACTOR_FIELDS``).

    Aggregating every actor row costs about a second on a corpus-sized ledger, so the table
    is kept per ledger version: computed once, recomputed only after the ledger changes.
    """
    version = ledger_version(conn)
    with _actor_lock:
        cached = _actor_tables.get(version[0])
        if cached and cached[0] == version:
            return cached[1]
        rows = [tuple(r)[:2] + tuple(r)[3:] for r in conn.execute(f"""
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
                   COALESCE(SUM(spoke.n), 0)
            FROM actors a LEFT JOIN involved ON involved.id = a.id
                 LEFT JOIN spoke ON spoke.id = a.id
            GROUP BY ref""")]
        _actor_tables[version[0]] = (version, rows)
        return rows


def list_actors(conn: sqlite3.Connection, q: str | None = None, kind: str | None = None,
                sort: str = "events", limit: int = 50, offset: int = 0) -> Page:
    """Actors merged across documents by key, with how often they appear, act and speak."""
    rows = actor_table(conn)
    if q:
        needle = q.lower()
        rows = [a for a in rows if needle in a[1].lower()]
    if kind:
        rows = [a for a in rows if a[2] == kind]
    ordered = sorted(rows, key=ACTOR_SORTS[sort])
    items = [dict(zip(_ACTOR_FIELDS, a, strict=True)) for a in ordered[offset:offset + limit]]
    return Page(total=len(rows), limit=limit, offset=offset, items=items)


@cached
def get_actor(conn: sqlite3.Connection, ref: str, limit: int = 50) -> dict[str, Any] | None:
    """One actor (by ref) with its names, documents, first quotes and events on either side."""
    rows = _rows(conn, f"SELECT a.id, a.document_id, a.name, a.kind, a.country, a.sector,"
                 f" a.role, a.aliases FROM actors a WHERE {ACTOR_REF} = ?", (ref,))
    if not rows:
        return None
    names: dict[str, int] = {}
    for r in rows:
        names[r["name"]] = names.get(r["name"], 0) + 1
    name = max(names, key=lambda n: (names[n], len(n)))
    first = rows[0]
    quotes = list_quotes(conn, speaker_key=ref, limit=limit)
    as_source = list_events(conn, EventFilter(), limit=limit, source_key=ref)
    as_target = list_events(conn, EventFilter(), limit=limit, target_key=ref)
    roles = sorted({r["role"] for r in rows if r["role"]})
    return {
        "ref": ref, "name": name, "names": sorted(names, key=lambda n: -names[n]),
        "kind": first["kind"], "country": first["country"], "sector": first["sector"],
        "roles": roles, "documents": len({r["document_id"] for r in rows}),
        "quotes": quotes.to_dict(), "events_as_source": as_source.to_dict(),
        "events_as_target": as_target.to_dict(),
    }


# --- quotes ----------------------------------------------------------------------------------

@cached
def list_quotes(conn: sqlite3.Connection, speaker: str | None = None,
                speaker_key: str | None = None, q: str | None = None,
                anonymous: bool | None = None, type: str | None = None,
                document: str | None = None, limit: int = 50, offset: int = 0) -> Page:
    """Quotes, newest document first; ``speaker`` matches the speaker's name case-insensitively."""
    clauses, params = [], []
    if speaker:
        clauses.append("q.speaker_name = ? COLLATE NOCASE")
        params.append(speaker)
    if speaker_key:
        clauses.append(f"q.speaker_actor_id IN (SELECT a.id FROM actors a WHERE {ACTOR_REF} = ?)")
        params.append(speaker_key)
    if q:
        clauses.append("q.text LIKE ? ESCAPE '\\'")
        params.append(_like(q))
    if anonymous is not None:
        clauses.append("(q.speaker_kind = 'anonymous')" if anonymous
                       else "(q.speaker_kind IS NULL OR q.speaker_kind != 'anonymous')")
    if type:
        clauses.append("q.type = ?")
        params.append(type)
    if document:
        clauses.append("q.document_id = ?")
        params.append(document)
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    total = conn.execute(f"SELECT COUNT(*) FROM quotes q{where}", params).fetchone()[0]
    items = _rows(conn, f"""
        SELECT q.document_id, q.local_id AS id, q.type, q.text, q.region,
               q.speaker_name, q.speaker_kind, q.cue_text,
               (SELECT {ACTOR_REF} FROM actors a WHERE a.id = q.speaker_actor_id) AS speaker_ref,
               d.title AS document_title, d.published_date,
               p.id AS provenance_id, p.verdict AS provenance_verdict
        FROM quotes q JOIN documents d ON d.id = q.document_id
        LEFT JOIN provenance_links p ON p.quote_id = q.id AND p.verdict != 'none'{where}
        ORDER BY d.published_date DESC, d.rowid DESC, q.start LIMIT ? OFFSET ?""",
                  [*params, limit, offset])
    for item in items:
        item["href"] = f"/documents/{item['document_id']}#{item['id']}"
    return Page(total=total, limit=limit, offset=offset, items=items)


# --- events ----------------------------------------------------------------------------------

_EVENT_COLUMNS = f"""
    e.document_id, e.local_id AS id, e.type, e.mode, e.modality, e.quad_class, e.cameo,
    e.intensity, e.source_name, e.source_country, e.target_name, e.target_country,
    e.trigger_text, e.date_value, e.date_precision, e.date_text, {EVENT_DATE} AS date,
    e.location_name, e.attributed_to,
    substr(d.text, e.evidence_start + 1, e.evidence_end - e.evidence_start) AS evidence,
    e.trigger_start - e.evidence_start AS _t0, e.trigger_end - e.evidence_start AS _t1,
    (SELECT {ACTOR_REF} FROM actors a WHERE a.id = e.source_actor_id) AS source_ref,
    (SELECT {ACTOR_REF} FROM actors a WHERE a.id = e.target_actor_id) AS target_ref,
    d.title AS document_title"""


@cached
def list_events(conn: sqlite3.Connection, flt: EventFilter, limit: int = 50, offset: int = 0,
                source_key: str | None = None, target_key: str | None = None) -> Page:
    """Events matching the filter, latest first, each with its evidence sentence and link."""
    where, params = flt.where()
    for column, key in (("source_actor_id", source_key), ("target_actor_id", target_key)):
        if key:
            where += " AND " if where else " WHERE "
            where += f"e.{column} IN (SELECT a.id FROM actors a WHERE {ACTOR_REF} = ?)"
            params.append(key)
    total = conn.execute(
        f"SELECT COUNT(*) FROM events e JOIN documents d ON d.id = e.document_id{where}",
        params).fetchone()[0]
    items = _rows(conn, f"SELECT {_EVENT_COLUMNS} FROM events e"
                  f" JOIN documents d ON d.id = e.document_id{where}"
                  f" ORDER BY date DESC, e.document_id, e.trigger_start LIMIT ? OFFSET ?",
                  [*params, limit, offset])
    for item in items:
        item["quad_name"] = QUAD_NAMES.get(item["quad_class"])
        item["href"] = f"/documents/{item['document_id']}#{item['id']}"
        item["evidence_parts"] = _evidence_parts(item["evidence"] or "", item.pop("_t0"),
                                                 item.pop("_t1"))
    return Page(total=total, limit=limit, offset=offset, items=items)


def _evidence_parts(evidence: str, t0: int | None, t1: int | None,
                    context: int = 160) -> list[str]:
    """(before, trigger, after) of an evidence span, the context trimmed to ``context`` chars."""
    if t0 is None or t1 is None or not 0 <= t0 <= t1 <= len(evidence):
        return [evidence[: 2 * context], "", ""]
    before, trigger, after = evidence[:t0], evidence[t0:t1], evidence[t1:]
    if len(before) > context:
        before = "…" + before[-context:]
    if len(after) > context:
        after = after[:context] + "…"
    return [before, trigger, after]


@cached
def day_series(conn: sqlite3.Connection,
               flt: EventFilter) -> tuple[tuple[str, int | None, int, float], ...]:
    """(day, quad class, events, summed intensity) under the filter: one scan of the events.

    Weeks, months and the first/last day are all derived from this, so the timeline and the
    dyad view read the events table once per filter.
    """
    where, params = flt.where()
    return tuple(tuple(r) for r in conn.execute(f"""
        SELECT {_DAY} AS day, e.quad_class, COUNT(*), COALESCE(SUM(e.intensity), 0)
        FROM events e JOIN documents d ON d.id = e.document_id{where}
        GROUP BY day, e.quad_class HAVING day IS NOT NULL ORDER BY day""", params))


def _period(day: str, interval: str) -> str | None:
    """The day, week (its Monday) or month (its 1st) holding ``day``; None if not a date."""
    try:
        d = date.fromisoformat(day)
    except ValueError:
        return None
    if interval == "week":
        d -= timedelta(days=d.weekday())
    elif interval == "month":
        d = d.replace(day=1)
    return d.isoformat()


def event_series(conn: sqlite3.Connection, flt: EventFilter,
                 interval: str = "day") -> list[dict[str, Any]]:
    """Event counts and summed intensity per period and quad class (the timeline's bars)."""
    totals: dict[tuple[str, int | None], list[float]] = {}
    for day, quad, count, intensity in day_series(conn, flt):
        period = _period(day, interval)
        if period is not None:
            cell = totals.setdefault((period, quad), [0, 0.0])
            cell[0] += count
            cell[1] += intensity
    return [{"period": p, "quad_class": q, "count": c, "intensity": i}
            for (p, q), (c, i) in sorted(totals.items(), key=lambda x: (x[0][0], x[0][1] or 0))]


def event_span(conn: sqlite3.Connection, flt: EventFilter) -> tuple[str | None, str | None]:
    """First and last event day under the filter."""
    days = [row[0] for row in day_series(conn, flt) if _period(row[0], "day")]
    return (days[0], days[-1]) if days else (None, None)


def dyad_series(conn: sqlite3.Connection, source: str, target: str, interval: str = "day",
                modality: str | None = "asserted") -> dict[str, Any]:
    """Counts and summed intensity per period for source→target and target→source."""
    out: dict[str, Any] = {"source": source, "target": target, "interval": interval,
                           "modality": modality or "all"}
    for name, a, b in (("forward", source, target), ("backward", target, source)):
        rows = event_series(conn, EventFilter(source=a, target=b, modality=modality), interval)
        merged: dict[str, list[float]] = {}
        for row in rows:
            cell = merged.setdefault(row["period"], [0, 0.0])
            cell[0] += row["count"]
            cell[1] += row["intensity"]
        out[name] = [{"period": p, "count": c, "intensity": i}
                     for p, (c, i) in sorted(merged.items())]
    return out


@cached
def top_dyads(conn: sqlite3.Connection, limit: int = 10, modality: str | None = "asserted",
              actor: str | None = None) -> list[dict[str, Any]]:
    """The busiest source→target pairs."""
    where, params = EventFilter(modality=modality, actor=actor).where()
    where += (" AND " if where else " WHERE ") + "e.source_name IS NOT NULL AND e.target_name IS NOT NULL"
    return _rows(conn, f"""
        SELECT e.source_name AS source, e.target_name AS target, COUNT(*) AS count,
               COALESCE(SUM(e.intensity), 0) AS intensity
        FROM events e{where} GROUP BY e.source_name, e.target_name
        ORDER BY count DESC, source, target LIMIT ?""", [*params, limit])


@cached
def participant_names(conn: sqlite3.Connection, limit: int = 200) -> list[str]:
    """Names that appear as source or target of events, busiest first (for pickers)."""
    return [r[0] for r in conn.execute("""
        SELECT name FROM (
            SELECT source_name AS name FROM events WHERE source_name IS NOT NULL
            UNION ALL SELECT target_name FROM events WHERE target_name IS NOT NULL)
        GROUP BY name ORDER BY COUNT(*) DESC, name LIMIT ?""", (limit,))]


@cached
def speaker_names(conn: sqlite3.Connection, limit: int = 200) -> list[str]:
    return [r[0] for r in conn.execute(
        "SELECT speaker_name FROM quotes WHERE speaker_name IS NOT NULL GROUP BY speaker_name"
        " ORDER BY COUNT(*) DESC, speaker_name LIMIT ?", (limit,))]


@cached
def network(conn: sqlite3.Connection, flt: EventFilter, max_nodes: int = 40) -> dict[str, Any]:
    """The busiest participants as nodes and their directed, weighted event edges."""
    where, params = flt.where()
    where += (" AND " if where else " WHERE ") + "e.source_name IS NOT NULL AND e.target_name IS NOT NULL"
    pairs = _rows(conn, f"""
        SELECT e.source_name AS source, e.target_name AS target, COUNT(*) AS count,
               COALESCE(SUM(e.intensity), 0) AS intensity,
               SUM(e.quad_class IN (3, 4)) AS conflict
        FROM events e JOIN documents d ON d.id = e.document_id{where}
        GROUP BY e.source_name, e.target_name""", params)
    degree: dict[str, int] = {}
    for p in pairs:
        degree[p["source"]] = degree.get(p["source"], 0) + p["count"]
        degree[p["target"]] = degree.get(p["target"], 0) + p["count"]
    keep = set(sorted(degree, key=lambda n: (-degree[n], n))[:max_nodes])
    nodes = [{"id": n, "weight": degree[n]} for n in sorted(keep, key=lambda n: -degree[n])]
    edges = [p for p in pairs if p["source"] in keep and p["target"] in keep]
    return {"nodes": nodes, "edges": edges, "truncated": len(degree) > len(keep)}


# --- overview --------------------------------------------------------------------------------

@cached
def overview(conn: sqlite3.Connection) -> dict[str, Any]:
    """What the front page shows: counts, busiest actors and dyads, latest events."""
    first, last = event_span(conn, EventFilter())
    return {
        "counts": ledger_stats(conn),
        "first_event": first, "last_event": last,
        "actors": list_actors(conn, limit=10).items,
        "dyads": top_dyads(conn, limit=10),
        "events": list_events(conn, EventFilter(), limit=12).items,
        "documents": list_documents(conn, limit=8).items,
    }


def warm(conn: sqlite3.Connection, page: int = 50) -> None:
    """Compute what the default pages need, so the first visitor of a big ledger waits less."""
    everything = EventFilter()
    actor_table(conn)
    overview(conn)
    day_series(conn, everything)
    list_events(conn, everything, limit=page)
    participant_names(conn)
    top_dyads(conn, limit=15)
    network(conn, everything)
    speaker_names(conn)
    list_quotes(conn, limit=page)
    for pair in top_dyads(conn, limit=15)[:1]:   # the dyad page opens on the busiest pair
        for a, b in ((pair["source"], pair["target"]), (pair["target"], pair["source"])):
            day_series(conn, EventFilter(source=a, target=b, modality="asserted"))
            list_events(conn, EventFilter(source=a, target=b, modality="asserted"), limit=page)
