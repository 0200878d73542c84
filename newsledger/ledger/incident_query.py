"""Reading incidents: the parameterized queries behind ``newsledger incidents`` and the
incident pages. Every value is bound, never spliced."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Any

from newsledger.errors import LedgerError, NewsledgerError
from newsledger.records import PLOVER_TYPES

MAX_LIMIT = 1000


@dataclass
class IncidentFilter:
    source: str | None = None  # name (substring, case-insensitive) or ISO3 country
    target: str | None = None
    type: str | None = None
    since: str | None = None  # YYYY-MM-DD, on the incident's best date
    until: str | None = None
    disputed: bool | None = None
    min_documents: int = 1
    limit: int = 50
    offset: int = 0


MAX_INCIDENT = 2**63 - 1


def incident_number(ref: str | int) -> int:
    """'i42' or 42 -> 42; anything else is a one-line error."""
    text = str(ref).strip().lower().removeprefix("i")
    if not text.isdigit() or not text.isascii():
        raise NewsledgerError(f"{ref!r} is not an incident id (like i42)")
    number = int(text)
    if number > MAX_INCIDENT:  # SQLite integers are 64-bit: a larger one is no incident
        raise NewsledgerError(f"{ref!r} is not an incident id (too large)")
    return number


def _check_table(conn: sqlite3.Connection) -> None:
    found = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'incidents'").fetchone()
    if found is None:
        raise LedgerError("this ledger has no incidents yet; run `newsledger incidents --link`"
                          " (or any ingest) with a current newsledger")


def _row(row: sqlite3.Row) -> dict[str, Any]:
    out = dict(row)
    out["incident"] = f"i{out.pop('id')}"
    out["disputed"] = bool(out["disputed"])
    out["quantities"] = json.loads(out.get("quantities") or "[]")
    out["disputes"] = json.loads(out.get("disputes") or "[]")
    return out


def _where(flt: IncidentFilter) -> tuple[list[str], list[Any]]:
    where: list[str] = ["documents >= ?"]
    params: list[Any] = [max(1, flt.min_documents)]
    if flt.type:
        etype = flt.type.upper()
        if etype not in PLOVER_TYPES:
            raise NewsledgerError(f"unknown event type {flt.type!r}; one of "
                                  + ", ".join(PLOVER_TYPES))
        where.append("type = ?")
        params.append(etype)
    for side, value in (("source", flt.source), ("target", flt.target)):
        if value:
            where.append(f"(lower({side}_name) LIKE ? OR {side}_country = ?)")
            params.extend([f"%{value.lower()}%", value.upper()])
    if flt.since:
        where.append("date_value >= ?")
        params.append(flt.since)
    if flt.until:
        where.append("date_value <= ?")
        params.append(flt.until)
    if flt.disputed is not None:
        where.append("disputed = ?")
        params.append(int(flt.disputed))
    return where, params


def list_incidents(conn: sqlite3.Connection, flt: IncidentFilter) -> list[dict[str, Any]]:
    """Incidents matching ``flt``: most reported first, then latest."""
    _check_table(conn)
    where, params = _where(flt)
    sql = ("SELECT * FROM incidents WHERE " + " AND ".join(where)
           + " ORDER BY documents DESC, mentions DESC, date_value DESC, id LIMIT ? OFFSET ?")
    params += [max(0, min(int(flt.limit), MAX_LIMIT)), max(0, int(flt.offset))]
    return [_row(r) for r in conn.execute(sql, params)]


def count_incidents(conn: sqlite3.Connection, flt: IncidentFilter) -> int:
    _check_table(conn)
    where, params = _where(flt)
    return conn.execute("SELECT COUNT(*) FROM incidents WHERE " + " AND ".join(where),
                        params).fetchone()[0]


def get_incident(conn: sqlite3.Connection, ref: str | int) -> dict[str, Any] | None:
    """One incident with every report (event record) and its evidence, earliest report first."""
    _check_table(conn)
    number = incident_number(ref)
    row = conn.execute("SELECT * FROM incidents WHERE id = ?", (number,)).fetchone()
    if row is None:
        return None
    out = _row(row)
    out["reports"] = [dict(r) for r in conn.execute(
        "SELECT e.id AS event_row, e.local_id, e.document_id, d.title AS document_title,"
        " d.source AS document_source, d.published_date, e.type, e.mode, e.modality,"
        " e.source_name, e.source_country, e.target_name, e.target_country, e.trigger_text,"
        " e.date_value, e.date_precision, e.date_text, e.location_name, e.quantities,"
        " e.evidence_start, e.evidence_end, ie.score,"
        " substr(d.text, e.evidence_start + 1, e.evidence_end - e.evidence_start) AS evidence"
        " FROM incident_events ie JOIN events e ON e.id = ie.event_id"
        " JOIN documents d ON d.id = e.document_id WHERE ie.incident_id = ?"
        " ORDER BY d.published_date IS NULL, d.published_date, e.id", (number,))]
    for report in out["reports"]:
        report["quantities"] = json.loads(report["quantities"] or "[]")
    return out


def story(conn: sqlite3.Connection, doc_id: str, limit: int = 50) -> list[dict[str, Any]]:
    """Documents that share incidents with ``doc_id`` (the same story), most shared first."""
    _check_table(conn)
    return [dict(r) for r in conn.execute(
        "WITH mine AS (SELECT DISTINCT ie.incident_id FROM incident_events ie"
        "   JOIN events e ON e.id = ie.event_id WHERE e.document_id = ?)"
        " SELECT d.id, d.title, d.source, d.published_date,"
        "  COUNT(DISTINCT ie.incident_id) AS shared"
        " FROM mine JOIN incident_events ie ON ie.incident_id = mine.incident_id"
        " JOIN events e ON e.id = ie.event_id JOIN documents d ON d.id = e.document_id"
        " WHERE d.id <> ? GROUP BY d.id ORDER BY shared DESC, d.published_date, d.id LIMIT ?",
        (doc_id, doc_id, limit))]
