"""Reading quotations back from the ledger: by speaker (name or alias) and by words."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Any


@dataclass
class QuoteFilter:
    speaker: str | None = None  # part of the speaker's name or of one of its aliases
    search: str | None = None  # part of the quote's text
    limit: int = 50


def _like(value: str) -> str:
    escaped = value.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def query_quotes(conn: sqlite3.Connection, where: QuoteFilter) -> list[dict[str, Any]]:
    """Quotes with their speaker and document, newest documents first (parameterized SQL)."""
    sql = (
        "SELECT q.local_id AS id, q.type, q.text, q.region, q.start, q.\"end\","
        " q.speaker_name, q.speaker_kind, q.speaker_text, q.cue_text,"
        " a.name AS actor_name, a.aliases AS actor_aliases, a.role AS actor_role,"
        " d.id AS document_id, d.title, d.source, d.published_date"
        " FROM quotes q JOIN documents d ON d.id = q.document_id"
        " LEFT JOIN actors a ON a.id = q.speaker_actor_id WHERE 1 = 1"
    )
    params: list[Any] = []
    if where.speaker:
        pattern = _like(where.speaker)
        sql += (" AND (lower(q.speaker_name) LIKE ? ESCAPE '\\'"
                " OR lower(a.name) LIKE ? ESCAPE '\\' OR lower(a.aliases) LIKE ? ESCAPE '\\')")
        params += [pattern, pattern, pattern]
    if where.search:
        sql += " AND lower(q.text) LIKE ? ESCAPE '\\'"
        params.append(_like(where.search))
    sql += " ORDER BY d.published_date DESC, d.id, q.start LIMIT ?"
    params.append(max(0, where.limit))
    rows = []
    for r in conn.execute(sql, params):
        row = dict(r)
        row["actor_aliases"] = json.loads(row["actor_aliases"] or "[]")
        rows.append(row)
    return rows
