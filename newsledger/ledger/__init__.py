"""The ledger: a SQLite database of documents, regions, actors, quotes and events.

``db`` opens and migrates it, ``store`` writes and loads analysis records, and ``query`` plus
``aggregate`` are the one read layer the CLI, the API and the pages share.
"""

from newsledger.ledger.db import DEFAULT_DB, connect, migrate, schema_version
from newsledger.ledger.store import known_ids, load_analysis, stats, write_analyses

__all__ = [
    "DEFAULT_DB", "connect", "known_ids", "load_analysis", "migrate", "schema_version", "stats",
    "write_analyses",
]
