"""Score incident linking on an event-coreference gold set (event-coref-dev format).

Ingests the gold texts into a ledger (skipped when --db already holds them), links incidents
afresh, and scores the grouping like the gold set's score.py: B-cubed and pairwise P/R/F1
over the gold mentions the pipeline found. --no-link scores the records ungrouped.

Usage: nice .venv/bin/python bench/event_coref.py ../shared/gold/event-coref-dev --db /tmp/ecb.db
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from newsledger.engines.local import ingest
from newsledger.incidents import link_new
from newsledger.incidents.evaluate import score_records
from newsledger.ingest import read_paths
from newsledger.ledger import connect, load_analysis
from newsledger.ledger.store import iter_document_ids
from newsledger.settings import Settings


def relink(db: Path) -> float:
    """Drop every incident and link the whole ledger again; returns seconds."""
    conn = connect(db)
    try:
        with conn:
            conn.execute("DELETE FROM incident_events")
            conn.execute("DELETE FROM incidents")
            conn.execute("DELETE FROM sqlite_sequence WHERE name = 'incidents'") \
                if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_sequence'"
                                ).fetchone() else None
        start = time.perf_counter()
        link_new(conn)
        return time.perf_counter() - start
    finally:
        conn.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold_dir", type=Path, help="folder with gold.json and texts/")
    parser.add_argument("--db", type=Path, default=Path("event-coref.db"))
    parser.add_argument("--no-link", action="store_true", help="score without incidents")
    args = parser.parse_args()
    ingest(read_paths([str(args.gold_dir / "texts")], Settings()), args.db, workers=1)
    seconds = 0.0 if args.no_link else relink(args.db)
    conn = connect(args.db, readonly=True)
    records = [load_analysis(conn, d).to_dict() for d in iter_document_ids(conn)]
    if args.no_link:
        for record in records:
            for event in record["events"]:
                event["incident"] = None
    scores = score_records(records, args.gold_dir / "gold.json")
    scores["link_seconds"] = round(seconds, 2)
    print(json.dumps(scores, indent=1))


if __name__ == "__main__":
    main()
