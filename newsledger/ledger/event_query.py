"""Listing events from the ledger: the parameterized query behind ``newsledger events``."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Any

from newsledger.errors import NewsledgerError
from newsledger.records import MODALITIES, PLOVER_TYPES


@dataclass
class EventFilter:
    source: str | None = None  # name (substring, case-insensitive) or ISO3 country
    target: str | None = None
    type: str | None = None
    modality: str | None = None
    since: str | None = None  # YYYY-MM-DD, on event date
    until: str | None = None
    limit: int = 50


def _actor_clause(side: str, value: str, params: list[Any]) -> str:
    params.extend([f"%{value.lower()}%", value.upper()])
    return f"(lower({side}_name) LIKE ? OR {side}_country = ?)"


def query_events(conn: sqlite3.Connection, flt: EventFilter) -> list[dict[str, Any]]:
    """Events matching ``flt``, newest event date first; values are bound, never spliced."""
    where: list[str] = []
    params: list[Any] = []
    if flt.type:
        etype = flt.type.upper()
        if etype not in PLOVER_TYPES:
            raise NewsledgerError(f"unknown event type {flt.type!r}; one of "
                                  + ", ".join(PLOVER_TYPES))
        where.append("e.type = ?")
        params.append(etype)
    if flt.modality:
        if flt.modality not in MODALITIES:
            raise NewsledgerError(f"unknown modality {flt.modality!r}; one of "
                                  + ", ".join(MODALITIES))
        where.append("e.modality = ?")
        params.append(flt.modality)
    if flt.source:
        where.append(_actor_clause("source", flt.source, params))
    if flt.target:
        where.append(_actor_clause("target", flt.target, params))
    if flt.since:
        where.append("e.date_value >= ?")
        params.append(flt.since)
    if flt.until:
        where.append("e.date_value <= ?")
        params.append(flt.until)
    sql = ("SELECT e.local_id, e.type, e.mode, e.modality, e.source_name, e.source_country, "
           "e.target_name, e.target_country, e.date_value, e.date_precision, e.trigger_text, "
           "e.intensity, e.cameo, e.attributed_to, e.evidence_start, e.evidence_end, "
           "e.location_name, e.document_id, d.source AS document_source, "
           "substr(d.text, e.evidence_start + 1, e.evidence_end - e.evidence_start) AS evidence "
           "FROM events e JOIN documents d ON d.id = e.document_id")
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY e.date_value IS NULL, e.date_value DESC, e.id LIMIT ?"
    params.append(max(0, int(flt.limit)))
    return [dict(row) for row in conn.execute(sql, params)]
