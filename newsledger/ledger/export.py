"""Tables out of the ledger — events, quotes, actors, documents — as CSV, JSON Lines, a JSON
array or Parquet, streamed row by row. The CLI's ``export`` and the web downloads both use it,
so a download holds exactly the rows its page lists, with the same columns as the CLI.
"""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from newsledger.errors import NewsledgerError
from newsledger.ledger.query import (
    ACTOR_FIELDS,
    ActorFilter,
    DocumentFilter,
    EventFilter,
    QuoteFilter,
    iter_documents,
    iter_events,
    iter_quotes,
    matching_actors,
)

TABLES = ("events", "quotes", "actors", "documents")
FORMATS = ("csv", "jsonl", "json", "parquet")
COLUMNS: dict[str, tuple[str, ...]] = {
    "events": (
        "document_id", "id", "type", "mode", "modality", "quad_class", "cameo", "intensity",
        "source_name", "source_country", "source_sector", "source_ref", "target_name",
        "target_country", "target_sector", "target_ref", "trigger_text", "date", "date_value",
        "date_precision", "date_text", "location_name", "location_country", "location_lat",
        "location_lon", "attributed_to", "incident", "evidence", "document_title", "published_date",
        "document_source", "document_url"),
    "quotes": (
        "document_id", "id", "type", "region", "start", "end", "text", "speaker_name",
        "speaker_kind", "speaker_ref", "speaker_role", "speaker_text", "cue_text",
        "document_title", "published_date", "document_kind", "document_source", "document_url"),
    "actors": ACTOR_FIELDS,
    "documents": ("id", "title", "published_date", "kind", "source", "url", "site", "author",
                  "length", "quotes", "events"),
}
# Spreadsheets run a cell that starts with one of these as a formula: text from documents is
# untrusted, so such cells get a leading apostrophe in CSV (numbers are left alone).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
CHUNK_ROWS = 200


def table_rows(conn: sqlite3.Connection, table: str, flt: Any = None,
               sort: str | None = None) -> Iterator[dict[str, Any]]:
    """Every row of ``table`` under ``flt`` (the table's filter dataclass), in list order."""
    if table == "events":
        yield from iter_events(conn, flt or EventFilter(), sort=sort or "date")
    elif table == "quotes":
        yield from iter_quotes(conn, flt or QuoteFilter(), sort=sort or "date")
    elif table == "actors":
        yield from matching_actors(conn, flt or ActorFilter(), sort=sort or "events")
    elif table == "documents":
        yield from iter_documents(conn, flt or DocumentFilter(), sort=sort or "date")
    else:
        raise NewsledgerError(f"unknown table {table!r}; one of {', '.join(TABLES)}")


def _cell(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)
    return value


def csv_chunks(table: str, found: Iterable[dict[str, Any]]) -> Iterator[str]:
    """CSV text (header first) in chunks of ``CHUNK_ROWS`` rows, for streaming."""
    columns = COLUMNS[table]
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(columns)
    for n, row in enumerate(found, 1):
        writer.writerow([_cell(row.get(c)) for c in columns])
        if n % CHUNK_ROWS == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def json_chunks(table: str, found: Iterable[dict[str, Any]], lines: bool = False) -> Iterator[str]:
    """A JSON array (or JSON Lines) of the rows, one row per chunk."""
    columns = COLUMNS[table]
    if not lines:
        yield "["
    for n, row in enumerate(found):
        text = json.dumps({c: row.get(c) for c in columns}, ensure_ascii=False)
        yield text + "\n" if lines else ("," if n else "") + "\n" + text
    if not lines:
        yield "\n]\n"


def write_parquet(table: str, found: Iterable[dict[str, Any]], path: Path) -> int:
    """Write the rows to a Parquet file (needs the ``parquet`` extra); returns the row count."""
    try:
        import pyarrow as pa  # optional heavy dependency: the `parquet` extra
        import pyarrow.parquet as pq
    except ImportError:
        raise NewsledgerError("Parquet export needs pyarrow: pip install 'newsledger[parquet]'"
                              ) from None
    columns = COLUMNS[table]
    data: dict[str, list[Any]] = {c: [] for c in columns}
    for row in found:
        for c in columns:
            data[c].append(row.get(c))
    pq.write_table(pa.table(data), path)
    return len(data[columns[0]])
