"""Options every reading command shares (``--db``, ``--limit``, ``--json``) and the one way
they open a ledger: read-only, closed when the command ends."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from newsledger.ledger import DEFAULT_DB, connect

DbOption = Annotated[Path, typer.Option("--db", help="Ledger database (SQLite).")]
LimitOption = Annotated[int, typer.Option("--limit", min=0, help="At most this many rows.")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON lines.")]
DEFAULT_DB_PATH = Path(DEFAULT_DB)
DEFAULT_LIMIT = 50


@contextmanager
def reading(db: Path) -> Iterator[sqlite3.Connection]:
    """The ledger at ``db``, read-only (a missing file is an error, never created)."""
    conn = connect(db, readonly=True)
    try:
        yield conn
    finally:
        conn.close()


def check_date(value: str | None) -> str | None:
    """A ``--since``/``--until`` value as an ISO date, or a one-line usage error."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError as e:
        raise typer.BadParameter(f"{value!r} is not a date in the form YYYY-MM-DD") from e
