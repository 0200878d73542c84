"""`newsledger export`: the ledger out as analysis records, or as one table — events, quotes,
actors, documents (with titles and dates) — in CSV, JSON Lines or Parquet."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, TextIO

import typer

from newsledger.cli import app
from newsledger.cli.options import DEFAULT_DB_PATH, DbOption, reading
from newsledger.errors import NewsledgerError
from newsledger.ledger import load_analysis
from newsledger.ledger.export import (
    TABLES,
    csv_chunks,
    json_chunks,
    table_rows,
    write_parquet,
)
from newsledger.ledger.store import iter_document_ids

FORMATS = ("jsonl", "csv", "parquet")


@app.command()
def export(
    db: DbOption = DEFAULT_DB_PATH,
    format: Annotated[str, typer.Option(
        "--format", help="jsonl, csv or parquet (parquet needs the `parquet` extra).")] = "jsonl",
    table: Annotated[str | None, typer.Option(
        "--table", help="events, quotes, actors or documents; default: the analysis records "
                        "for jsonl, events for csv and parquet.")] = None,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="File to write (default stdout; required for parquet).")] = None,
) -> None:
    """Export the ledger: analysis records (jsonl) or one table as CSV, JSON Lines or Parquet.

    Example: newsledger export --db ledger.db --table quotes --format csv -o quotes.csv
    """
    if format not in FORMATS:
        raise NewsledgerError(f"--format {format!r}: choose jsonl, csv or parquet")
    if table is not None and table not in TABLES:
        raise NewsledgerError(f"--table {table!r}: choose one of {', '.join(TABLES)}")
    if format == "parquet" and output is None:
        raise NewsledgerError("--format parquet writes a file: give it with --output/-o")
    with reading(db) as conn:
        if format == "parquet":
            write_parquet(table or "events", table_rows(conn, table or "events"), output)
            return
        handle: TextIO = output.open("w", encoding="utf-8", newline="") if output else sys.stdout
        try:
            if format == "jsonl" and table is None:
                for doc_id in iter_document_ids(conn):
                    analysis = load_analysis(conn, doc_id)
                    handle.write(json.dumps(analysis.to_dict(), ensure_ascii=False) + "\n")
            else:
                name = table or "events"
                found = table_rows(conn, name)
                chunks = (csv_chunks(name, found) if format == "csv"
                          else json_chunks(name, found, lines=True))
                for chunk in chunks:
                    handle.write(chunk)
        finally:
            if output:
                handle.close()
