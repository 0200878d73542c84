"""Reading provenance links back for the CLI, the API and the dashboard."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from newsledger.ledger.query import like

_SELECT = (
    "SELECT l.id, l.quote_id, q.local_id AS quote_local_id, q.type AS quote_type,"
    " q.text AS quote_text, q.start AS quote_start, q.\"end\" AS quote_end,"
    " q.speaker_name, q.speaker_kind, l.document_id, d.title AS document_title,"
    " d.source AS document_source, d.published_date AS document_date,"
    " l.verdict, l.score, l.source_document_id, s.title AS source_title,"
    " s.url AS source_url, s.source AS source_path, s.published_date AS source_date,"
    " s.kind AS source_kind, l.source_quote_id, l.source_start, l.source_end,"
    " l.source_speaker, l.relayed_by, l.changes, l.alignment, l.window_days"
    " FROM provenance_links l JOIN quotes q ON q.id = l.quote_id"
    " JOIN documents d ON d.id = l.document_id"
    " LEFT JOIN documents s ON s.id = l.source_document_id"
)


def _row(row: sqlite3.Row) -> dict[str, Any]:
    out = {k: row[k] for k in row.keys()}
    out["changes"] = json.loads(out["changes"] or "[]")
    out["alignment"] = json.loads(out["alignment"] or "[]")
    return out


def _filters(verdicts: list[str] | None, document: str | None, speaker: str | None,
             include_none: bool) -> tuple[str, list[Any]]:
    where: list[str] = []
    args: list[Any] = []
    if verdicts:
        where.append(f"l.verdict IN ({','.join('?' * len(verdicts))})")
        args.extend(verdicts)
    elif not include_none:
        where.append("l.verdict <> 'none'")
    if document:
        where.append("l.document_id LIKE ? ESCAPE '\\'")
        args.append(like(document, anywhere=False))
    if speaker:
        where.append("(q.speaker_name LIKE ? ESCAPE '\\' OR l.source_speaker LIKE ? ESCAPE '\\')")
        args.extend([like(speaker), like(speaker)])
    return (" WHERE " + " AND ".join(where) if where else ""), args


def list_links(conn: sqlite3.Connection, *, verdicts: list[str] | None = None,
               document: str | None = None, speaker: str | None = None,
               include_none: bool = True, limit: int = 100, offset: int = 0
               ) -> list[dict[str, Any]]:
    """Links with their quote, speaker and source, filtered; ``document`` is an id or prefix."""
    where, args = _filters(verdicts, document, speaker, include_none)
    sql = _SELECT + where + " ORDER BY l.document_id, q.start LIMIT ? OFFSET ?"
    return [_row(r) for r in conn.execute(sql, [*args, limit, offset])]


def count_matching(conn: sqlite3.Connection, *, verdicts: list[str] | None = None,
                   document: str | None = None, speaker: str | None = None,
                   include_none: bool = True) -> int:
    where, args = _filters(verdicts, document, speaker, include_none)
    sql = ("SELECT COUNT(*) FROM provenance_links l JOIN quotes q ON q.id = l.quote_id" + where)
    return conn.execute(sql, args).fetchone()[0]


def count_links(conn: sqlite3.Connection) -> dict[str, int]:
    return {r[0]: r[1] for r in conn.execute(
        "SELECT verdict, COUNT(*) FROM provenance_links GROUP BY verdict")}


def get_link(conn: sqlite3.Connection, link_id: int) -> dict[str, Any] | None:
    """One link with the texts needed to show quote and source side by side."""
    row = conn.execute(_SELECT + " WHERE l.id = ?", (link_id,)).fetchone()
    if row is None:
        return None
    link = _row(row)
    news = conn.execute("SELECT text FROM documents WHERE id = ?",
                        (link["document_id"],)).fetchone()
    link["document_text"] = news[0] if news else ""
    link["source_text"] = ""
    if link["source_document_id"]:
        src = conn.execute("SELECT text FROM documents WHERE id = ?",
                           (link["source_document_id"],)).fetchone()
        link["source_text"] = src[0] if src else ""
    return link
