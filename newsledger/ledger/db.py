"""Opening a ledger: WAL, foreign keys, and ordered migrations that record themselves."""

from __future__ import annotations

import sqlite3
import time
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


MIGRATIONS_TABLE = (
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
    " applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))"
)
LEDGER_TABLES = ("documents", "schema_migrations")
"""Tables every ledger has: a database without them is some other program's."""


def _statements(sql: str) -> list[str]:
    """A migration script as single statements (triggers' BEGIN ... END kept whole), so they
    can run inside one explicit transaction (``executescript`` would commit first)."""
    statements, buffer = [], ""
    for line in sql.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            if buffer.strip().strip(";").strip():
                statements.append(buffer)
            buffer = ""
    if buffer.strip().strip(";").strip():
        statements.append(buffer)
    return statements


def migrate(conn: sqlite3.Connection) -> int:
    """Apply the migrations the database has not seen yet; returns the new version.

    Safe under concurrent first use: the check and every migration run under ``BEGIN
    IMMEDIATE`` (one writer at a time, the others wait on the busy timeout), and each
    migration commits together with its version row, so a second process finds either
    nothing done or the migration and its row, never one without the other.
    """
    pending = migrations()
    if pending and schema_version(conn) >= pending[-1][0]:
        return pending[-1][0]
    isolation = conn.isolation_level
    conn.isolation_level = None  # explicit transactions only
    try:
        current = 0
        for version, name, sql in pending:
            conn.execute("BEGIN IMMEDIATE")
            try:
                conn.execute(MIGRATIONS_TABLE)
                current = schema_version(conn)
                if version > current:
                    for statement in _statements(sql):
                        conn.execute(statement)
                    conn.execute("INSERT INTO schema_migrations(version, name) VALUES (?, ?)",
                                 (version, name))
                    current = version
                conn.execute("COMMIT")
            except sqlite3.Error as e:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise LedgerError(f"migration {version:03d}_{name} failed: {e}") from e
        return max(current, schema_version(conn))
    finally:
        conn.isolation_level = isolation


def _check_ledger(conn: sqlite3.Connection, path: Path, readonly: bool) -> None:
    """Refuse a file that is not a SQLite database, or a database of another program."""
    try:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    except sqlite3.DatabaseError as e:
        conn.close()
        raise LedgerError(f"{path}: not a newsledger ledger ({e})") from None
    if readonly and not set(LEDGER_TABLES) <= tables:
        conn.close()
        raise LedgerError(f"{path}: not a newsledger ledger (no {', '.join(LEDGER_TABLES)} tables)")
    if not readonly and tables and "schema_migrations" not in tables:
        conn.close()
        raise LedgerError(f"{path}: not a newsledger ledger (a SQLite database of something"
                          " else; refusing to add tables to it)")


def connect(path: str | Path = DEFAULT_DB, *, readonly: bool = False,
            create: bool = True) -> sqlite3.Connection:
    """Open (and for writers, create and migrate) a ledger database.

    ``create=False`` opens an existing ledger for writing but never makes a new file: only
    the commands asked to build a ledger (``ingest``) create one.
    """
    path = Path(path)
    if readonly or not create:
        if not path.exists():
            raise LedgerError(f"{path}: no such ledger; build one with `newsledger ingest`")
        if not path.is_file():
            raise LedgerError(f"{path}: not a newsledger ledger (not a file)")
    if readonly:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
    else:
        if path.parent and not path.parent.exists():
            raise LedgerError(f"{path}: folder {path.parent} does not exist")
        if path.exists() and not path.is_file():
            raise LedgerError(f"{path}: not a newsledger ledger (not a file)")
        conn = sqlite3.connect(path, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    try:
        conn.execute("PRAGMA busy_timeout = 10000")
        _check_ledger(conn, path, readonly)
        conn.execute("PRAGMA foreign_keys = ON")
        if not readonly:
            _set_wal(conn)
            conn.execute("PRAGMA synchronous = NORMAL")
            migrate(conn)
    except sqlite3.DatabaseError as e:
        conn.close()
        raise LedgerError(f"{path}: cannot open the ledger ({e})") from None
    except LedgerError:
        conn.close()
        raise
    return conn


WAL_ATTEMPTS = 50
"""Tries at switching to WAL: the switch needs a moment alone and does not wait on the busy
timeout when many processes open a new ledger at once."""


def _set_wal(conn: sqlite3.Connection) -> None:
    for attempt in range(WAL_ATTEMPTS):
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as e:
            if "locked" not in str(e) or attempt == WAL_ATTEMPTS - 1:
                raise
            time.sleep(0.05 * (1 + attempt % 5))
