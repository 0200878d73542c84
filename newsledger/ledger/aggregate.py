"""Counts over the ledger: facets, the timeline, dyads, the network, the map, the overview.

Part of the one read layer (``ledger/query.py`` holds the filters and lists): every count
here is taken under the same filters, so a facet's number is the number of rows its link
lists.

Event counts count incidents unless the filter's ``count`` is ``reports`` (see
``query.Counting``): an incident counts once under a filter when one of its reports matches,
on its own best date. Per-incident values: the highest quad class of its matching reports and
their mean intensity.
"""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta
from typing import Any

from newsledger.ledger.cache import cached
from newsledger.ledger.query import (
    ACTOR_REF,
    DAY,
    DEFAULT_COUNT,
    DocumentFilter,
    EventFilter,
    QuoteFilter,
    actor_table,
    counting,
    list_actors,
    list_documents,
    list_events,
    list_quotes,
    rows,
)
from newsledger.ledger.store import stats as ledger_stats

INTERVALS = ("day", "week", "month")
FACET_SIZE = 10
# The timeline's axis covers the bulk of the data, Tukey's far-out fences: from the lower to
# the upper quartile of the events' days, widened on each side by BULK_MARGIN times that
# span (taken as at least MIN_SPAN_DAYS); events outside are counted apart, not drawn.
BULK_LOW, BULK_HIGH = 0.25, 0.75
BULK_MARGIN = 3.0
MIN_SPAN_DAYS = 30
DEFAULT_EDGES = 60

# Facet name (= the filter parameter its link sets) → the SQL expression it groups by.
EVENT_FACETS = {
    "type": "e.type", "modality": "e.modality", "quad_class": "e.quad_class",
    "source_name": "e.source_name COLLATE NOCASE", "target_name": "e.target_name COLLATE NOCASE",
    "source_country": "e.source_country", "target_country": "e.target_country",
    "month": f"substr({DAY}, 1, 7)", "place": "e.location_name COLLATE NOCASE",
}
QUOTE_FACETS = {"speaker_name": "q.speaker_name COLLATE NOCASE", "type": "q.type",
                "kind": "d.kind", "month": "substr(d.published_date, 1, 7)"}
DOCUMENT_FACETS = {"kind": "d.kind", "month": "substr(d.published_date, 1, 7)"}
ACTOR_FACETS = {"kind": 2, "country": 3}


def _facet(conn: sqlite3.Connection, base: str, where: str, params: list[Any], expr: str,
           size: int, unit: str = "*") -> list[dict[str, Any]]:
    counted = "*" if unit == "*" else f"DISTINCT {unit}"
    sql = (f"SELECT {expr} AS value, COUNT({counted}) AS count FROM {base}{where}"
           f"{' AND ' if where else ' WHERE '}{expr.split(' COLLATE')[0]} IS NOT NULL"
           f" GROUP BY {expr} ORDER BY count DESC, value LIMIT ?")
    return rows(conn, sql, [*params, size])


@cached
def event_facets(conn: sqlite3.Connection, flt: EventFilter,
                 size: int = FACET_SIZE) -> dict[str, list[dict[str, Any]]]:
    """For each facet, its busiest values under ``flt`` with their incident (or report)
    counts: the number of rows the facet's link counts."""
    c = counting(conn, flt.count)
    where, params = flt.where(c.day)
    exprs = {**EVENT_FACETS, "month": f"substr({c.day}, 1, 7)"}
    return {name: _facet(conn, c.base, where, params, expr, size, c.unit)
            for name, expr in exprs.items() if not getattr(flt, name)}


def _units(conn: sqlite3.Connection, flt: EventFilter, keys: dict[str, str],
           extra: str = "", values: dict[str, str] | None = None) -> tuple[str, list[Any]]:
    """Subquery: one row per counted thing (incident or report) and ``keys`` value, with its
    ``day``, ``quad_class``, ``intensity`` and the aggregate ``values``; what charts sum."""
    c = counting(conn, flt.count)
    where, params = flt.where(c.day)
    if extra:
        where += (" AND " if where else " WHERE ") + extra
    selected = "".join(f"{expr} AS {name}, " for name, expr in keys.items())
    aggregates = "".join(f", {expr} AS {name}" for name, expr in (values or {}).items())
    grouped = ", ".join(str(n) for n in range(1, len(keys) + 2))  # by position: no alias clash
    return (f"SELECT {selected}{c.unit} AS unit, MIN({c.day}) AS day,"
            f" MAX(e.quad_class) AS quad_class, AVG(e.intensity) AS intensity{aggregates}"
            f" FROM {c.base}{where} GROUP BY {grouped}"), params


@cached
def quote_facets(conn: sqlite3.Connection, flt: QuoteFilter,
                 size: int = FACET_SIZE) -> dict[str, list[dict[str, Any]]]:
    """Quote counts per speaker, type, document kind and month under ``flt``.

    The type facet counts statements too, so its ``statement`` link lists exactly that many.
    """
    base = "quotes q JOIN documents d ON d.id = q.document_id"
    out = {}
    for name, expr in QUOTE_FACETS.items():
        if getattr(flt, name):
            continue
        scope = flt
        if name == "type":
            scope = QuoteFilter(**{**flt.__dict__, "include_statements": True})
        where, params = scope.where()
        out[name] = _facet(conn, base, where, params, expr, size)
    return out


@cached
def document_facets(conn: sqlite3.Connection, flt: DocumentFilter,
                    size: int = FACET_SIZE) -> dict[str, list[dict[str, Any]]]:
    where, params = flt.where()
    return {name: _facet(conn, "documents d", where, params, expr, size)
            for name, expr in DOCUMENT_FACETS.items() if not getattr(flt, name)}


def actor_facets(conn: sqlite3.Connection, flt: Any,
                 size: int = FACET_SIZE) -> dict[str, list[dict[str, Any]]]:
    """Actor counts per kind and country under ``flt`` (an ``ActorFilter``)."""
    kept = [a for a in actor_table(conn) if flt.keep(a)]
    out = {}
    for name, column in ACTOR_FACETS.items():
        if getattr(flt, name):
            continue
        counts: dict[str, int] = {}
        for a in kept:
            if a[column]:
                counts[a[column]] = counts.get(a[column], 0) + 1
        top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:size]
        out[name] = [{"value": v, "count": c} for v, c in top]
    return out


# --- timeline --------------------------------------------------------------------------------

@cached
def day_series(conn: sqlite3.Connection,
               flt: EventFilter) -> tuple[tuple[str, int | None, int, float], ...]:
    """(day, quad class, count, summed intensity) under the filter: each incident (or report)
    once, on its day."""
    units, params = _units(conn, flt, {})
    return tuple(tuple(r) for r in conn.execute(f"""
        SELECT day, quad_class, COUNT(*), COALESCE(SUM(intensity), 0) FROM ({units})
        GROUP BY day, quad_class HAVING day IS NOT NULL ORDER BY day""", params))


def _day(value: str) -> date | None:
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def period(day: str, interval: str) -> str | None:
    """The day, week (its Monday) or month (its 1st) holding ``day``; None if not a date."""
    d = _day(day)
    if d is None:
        return None
    if interval == "week":
        d -= timedelta(days=d.weekday())
    elif interval == "month":
        d = d.replace(day=1)
    return d.isoformat()


def _series(days: list[tuple[str, int | None, int, float]], interval: str) -> list[dict]:
    totals: dict[tuple[str, int | None], list[float]] = {}
    for day, quad, count, intensity in days:
        p = period(day, interval)
        if p is not None:
            cell = totals.setdefault((p, quad), [0, 0.0])
            cell[0] += count
            cell[1] += intensity
    return [{"period": p, "quad_class": q, "count": c, "intensity": i}
            for (p, q), (c, i) in sorted(totals.items(), key=lambda x: (x[0][0], x[0][1] or 0))]


def event_series(conn: sqlite3.Connection, flt: EventFilter,
                 interval: str = "day") -> list[dict[str, Any]]:
    """Event counts and summed intensity per period and quad class (the timeline's bars)."""
    return _series(list(day_series(conn, flt)), interval)


def event_span(conn: sqlite3.Connection, flt: EventFilter) -> tuple[str | None, str | None]:
    """First and last event day under the filter."""
    days = [row[0] for row in day_series(conn, flt) if _day(row[0])]
    return (days[0], days[-1]) if days else (None, None)


def _quantile(weighted: list[tuple[date, int]], q: float) -> date:
    total = sum(n for _, n in weighted)
    seen = 0
    for day, n in weighted:
        seen += n
        if seen >= q * total:
            return day
    return weighted[-1][0]


def bulk_range(days: list[tuple[date, int]], date_from: str | None = None,
               date_to: str | None = None) -> tuple[date, date] | None:
    """The axis of a timeline: where the bulk of the events lie (asked-for bounds win)."""
    if not days:
        return None
    days = sorted(days)
    lo, hi = _quantile(days, BULK_LOW), _quantile(days, BULK_HIGH)
    margin = timedelta(days=max((hi - lo).days, MIN_SPAN_DAYS) * BULK_MARGIN)
    lo, hi = max(days[0][0], lo - margin), min(days[-1][0], hi + margin)
    return (_day(date_from) or lo) if date_from else lo, (_day(date_to) or hi) if date_to else hi


@cached
def timeline(conn: sqlite3.Connection, flt: EventFilter, interval: str = "auto") -> dict[str, Any]:
    """The timeline's bars over the bulk of the data, with what lies outside counted apart."""
    c = counting(conn, flt.count)
    where, params = flt.where(c.day)
    total = conn.execute(f"SELECT COUNT(DISTINCT {c.unit}) FROM {c.base}{where}",
                         params).fetchone()[0]
    valid = [(d, r) for r in day_series(conn, flt) if (d := _day(r[0])) is not None]
    counted: dict[date, int] = {}
    for d, r in valid:
        counted[d] = counted.get(d, 0) + r[2]
    axis = bulk_range(list(counted.items()), flt.date_from, flt.date_to)
    inside = [r for d, r in valid if axis and axis[0] <= d <= axis[1]]
    outside = sorted({d.isoformat() for d, _ in valid if not (axis and axis[0] <= d <= axis[1])})
    drawn = sum(r[2] for r in inside)
    out_count = sum(r[2] for d, r in valid) - drawn
    if interval == "auto":
        interval = auto_interval(*(x.isoformat() for x in axis)) if axis else "day"
    return {"interval": interval, "series": _series(inside, interval),
            "axis": [axis[0].isoformat(), axis[1].isoformat()] if axis else None,
            "total": total, "drawn": drawn, "out_of_range": out_count,
            "out_of_range_days": outside[:3] + (["…"] if len(outside) > 6 else [])
            + outside[max(3, len(outside) - 3):],
            "undated": total - drawn - out_count, "count": c.count}


def auto_interval(first: str | None, last: str | None) -> str:
    """Days for a few months of events, weeks for a few years, months beyond."""
    a, b = _day(first or ""), _day(last or "")
    if a is None or b is None:
        return "day"
    days = (b - a).days
    return "day" if days <= 120 else "week" if days <= 3 * 366 else "month"


# --- dyads, names, network -------------------------------------------------------------------

def dyad_series(conn: sqlite3.Connection, source: str, target: str, interval: str = "day",
                modality: str | None = "asserted", count: str = DEFAULT_COUNT) -> dict[str, Any]:
    """Counts and summed intensity per period for source→target and target→source."""
    out: dict[str, Any] = {"source": source, "target": target, "interval": interval,
                           "modality": modality or "all", "count": counting(conn, count).count}
    for name, a, b in (("forward", source, target), ("backward", target, source)):
        found = event_series(conn, EventFilter(source_name=a, target_name=b, modality=modality,
                                               count=count), interval)
        merged: dict[str, list[float]] = {}
        for row in found:
            cell = merged.setdefault(row["period"], [0, 0.0])
            cell[0] += row["count"]
            cell[1] += row["intensity"]
        out[name] = [{"period": p, "count": c, "intensity": i}
                     for p, (c, i) in sorted(merged.items())]
    return out


@cached
def top_dyads(conn: sqlite3.Connection, limit: int = 10, modality: str | None = "asserted",
              actor: str | None = None, count: str = DEFAULT_COUNT) -> list[dict[str, Any]]:
    """The busiest source→target pairs (``actor`` matches as everywhere: part of a name)."""
    units, params = _units(conn, EventFilter(modality=modality, actor=actor, count=count),
                           {"source": "e.source_name", "target": "e.target_name"},
                           "e.source_name IS NOT NULL AND e.target_name IS NOT NULL")
    return rows(conn, f"""
        SELECT source, target, COUNT(*) AS count, COALESCE(SUM(intensity), 0) AS intensity
        FROM ({units}) GROUP BY source, target
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


_SIDE_REF = ("COALESCE((SELECT {ref} FROM actors a WHERE a.id = e.{side}_actor_id),"
             " 'name:' || lower(e.{side}_name))")


@cached
def network(conn: sqlite3.Connection, flt: EventFilter, max_nodes: int = 40,
            max_edges: int = DEFAULT_EDGES) -> dict[str, Any]:
    """Actors (by key) as nodes and their heaviest directed event edges, busiest first."""
    units, params = _units(conn, flt, {
        "source": _SIDE_REF.format(ref=ACTOR_REF, side="source"),
        "target": _SIDE_REF.format(ref=ACTOR_REF, side="target")},
        "e.source_name IS NOT NULL AND e.target_name IS NOT NULL",
        {"source_name": "MAX(e.source_name)", "target_name": "MAX(e.target_name)"})
    pairs = rows(conn, f"""
        SELECT source, target, MAX(source_name) AS source_name, MAX(target_name) AS target_name,
               COUNT(*) AS count, COALESCE(SUM(intensity), 0) AS intensity,
               SUM(quad_class IN (3, 4)) AS conflict
        FROM ({units}) GROUP BY source, target""", params)
    degree: dict[str, int] = {}
    label: dict[str, str] = {}
    for p in pairs:
        for side in ("source", "target"):
            degree[p[side]] = degree.get(p[side], 0) + p["count"]
            label.setdefault(p[side], p[f"{side}_name"])
    keep = set(sorted(degree, key=lambda n: (-degree[n], n))[:max_nodes])
    kept = [p for p in pairs if p["source"] in keep and p["target"] in keep]
    kept.sort(key=lambda p: (-p["count"], p["source"], p["target"]))
    nodes = [{"id": n, "name": label[n], "weight": degree[n],
              "href": None if n.startswith("name:") else n}
             for n in sorted(keep, key=lambda n: (-degree[n], n))]
    return {"nodes": nodes, "edges": kept[:max_edges], "all_edges": len(kept),
            "truncated": len(degree) > len(keep), "count": counting(conn, flt.count).count}


@cached
def places(conn: sqlite3.Connection, flt: EventFilter) -> list[dict[str, Any]]:
    """Events by place with coordinates: count and the commonest quad class, busiest first."""
    units, params = _units(
        conn, flt, {"place": "lower(e.location_name)"},
        "e.location_lat IS NOT NULL AND e.location_lon IS NOT NULL",
        {"name": "MAX(e.location_name)", "lat": "AVG(e.location_lat)",
         "lon": "AVG(e.location_lon)", "country": "MAX(e.location_country)"})
    found: dict[str, dict[str, Any]] = {}
    for r in conn.execute(f"""
            SELECT MAX(name), AVG(lat), AVG(lon), quad_class, COUNT(*), MAX(country)
            FROM ({units}) GROUP BY place, quad_class""", params):
        place = found.setdefault(r[0].lower(), {"name": r[0], "lat": r[1], "lon": r[2],
                                                "country": r[5], "count": 0, "quads": {}})
        place["count"] += r[4]
        place["quads"][r[3] or 0] = place["quads"].get(r[3] or 0, 0) + r[4]
    out = []
    for place in found.values():
        quads = place.pop("quads")
        place["quad_class"] = max(quads, key=lambda q: (quads[q], -q)) or None
        out.append(place)
    return sorted(out, key=lambda p: (-p["count"], p["name"]))


# --- overview --------------------------------------------------------------------------------

@cached
def overview(conn: sqlite3.Connection, count: str = DEFAULT_COUNT) -> dict[str, Any]:
    """What the front page shows: counts, busiest actors and dyads, latest events."""
    everything = EventFilter(count=count)
    first, last = event_span(conn, everything)
    latest = list_events(conn, everything, limit=12)
    counts = ledger_stats(conn)
    if latest.count == "incidents":
        counts["incidents"] = latest.counted
    return {
        "count": latest.count, "counts": counts,
        "first_event": first, "last_event": last,
        "actors": list_actors(conn, limit=10, count=count).items,
        "dyads": top_dyads(conn, limit=10, count=count),
        "events": latest.items,
        "documents": list_documents(conn, limit=8).items,
    }


def warm(conn: sqlite3.Connection, page: int = 50) -> None:
    """Compute what the default pages need, so the first visitor of a big ledger waits less."""
    everything = EventFilter()
    actor_table(conn)
    overview(conn)
    timeline(conn, everything)
    list_events(conn, everything, limit=page)
    event_facets(conn, everything)
    participant_names(conn)
    network(conn, everything)
    speaker_names(conn)
    list_quotes(conn, QuoteFilter(), limit=page)
    quote_facets(conn, QuoteFilter())
    for pair in top_dyads(conn, limit=15)[:1]:   # the dyad page opens on the busiest pair
        for a, b in ((pair["source"], pair["target"]), (pair["target"], pair["source"])):
            flt = EventFilter(source_name=a, target_name=b, modality="asserted")
            day_series(conn, flt)
            list_events(conn, flt, limit=page)
