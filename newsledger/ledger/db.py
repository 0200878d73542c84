"""Opening a ledger: WAL, foreign keys, and ordered migrations that record themselves."""

from __future__ import annotations

import sqlite3
from importlib import resources
from pathlib import Path

from newsledger.errors import LedgerError

DEFAULT_DB = "ledger.db"


def migrations() -> list[tuple[int, str, str]]:
    """(version, name, sql) for every ``NNN_name.sql`` file, in order."""
    found = []
    for entry in resources.files("newsledger.ledger").joinpath("migrations").iterdir():
        if entry.name.endswith(".sql"):
            number, _, name = entry.name[:-4].partition("_")
            found.append((int(number), name, entry.read_text(encoding="utf-8")))
    return sorted(found)


def schema_version(conn: sqlite3.Connection) -> int:
    row = conn.execute(
        "SELECT name FROM sqlite_master WHERE type='table' AND name='schema_migrations'"
    ).fetchone()
    if row is None:
        return 0
    return conn.execute("SELECT COALESCE(MAX(version), 0) FROM schema_migrations").fetchone()[0]


def migrate(conn: sqlite3.Connection) -> int:
    """Apply the migrations the database has not seen yet; returns the new version."""
    conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        " version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
        " applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))"
    )
    current = schema_version(conn)
    for version, name, sql in migrations():
        if version <= current:
            continue
        try:
            conn.executescript("BEGIN;" + sql + ";COMMIT;")
        except sqlite3.Error as e:
            conn.rollback()
            raise LedgerError(f"migration {version:03d}_{name} failed: {e}") from e
        conn.execute("INSERT INTO schema_migrations(version, name) VALUES (?, ?)", (version, name))
        conn.commit()
        current = version
    return current


def connect(path: str | Path = DEFAULT_DB, *, readonly: bool = False) -> sqlite3.Connection:
    """Open (and for writers, create and migrate) a ledger database."""
    path = Path(path)
    if readonly:
        if not path.exists():
            raise LedgerError(f"{path}: no such ledger; build one with `newsledger ingest`")
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
    else:
        if path.parent and not path.parent.exists():
            raise LedgerError(f"{path}: folder {path.parent} does not exist")
        conn = sqlite3.connect(path, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 10000")
    if not readonly:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        migrate(conn)
    return conn
