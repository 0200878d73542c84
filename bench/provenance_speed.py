"""Time quote provenance: (optionally) load primary sources into a ledger, then link every
news quote of the ledger again, reporting seconds, quotes per second and verdicts.

Usage:
  nice python bench/provenance_speed.py --db ledger.db
  nice python bench/provenance_speed.py --db /tmp/wh.db \
      --load ../shared/corpora/whitehouse --seed ../shared/seed/article.txt
``--load`` reads a corpus of primary sources without spaCy (transcript turns and statement
paragraphs become quotes, indexed by FTS5); ``--seed`` adds a news story through the whole
pipeline. The link pass is what ``newsledger provenance --relink`` runs.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from newsledger.errors import ReadError
from newsledger.ingest import read_path
from newsledger.ledger import connect
from newsledger.ledger.store import known_ids, write_analyses
from newsledger.pipeline import analyze_primary
from newsledger.provenance import link_ledger


def load(conn, root: str, batch: int = 500) -> tuple[int, float]:
    started = time.perf_counter()
    stored, pending = 0, []
    for item in read_path(root):
        if isinstance(item, ReadError):
            continue
        pending.append(item)
        if len(pending) >= batch:
            stored += _store(conn, pending)
            pending = []
    stored += _store(conn, pending)
    return stored, time.perf_counter() - started


def _store(conn, documents) -> int:
    new = known_ids(conn, [d.id for d in documents])
    return write_analyses(conn, [analyze_primary(d) for d in documents if d.id not in new])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, type=Path)
    parser.add_argument("--load", help="Corpus of primary sources to add first.")
    parser.add_argument("--seed", help="A news story to analyze and add first.")
    parser.add_argument("--window", type=int, default=14)
    args = parser.parse_args()
    conn = connect(args.db)
    if args.load:
        stored, seconds = load(conn, args.load)
        print(f"loaded {stored:,} primary documents in {seconds:.1f} s")
    if args.seed:
        from newsledger.pipeline import analyze_document

        document = next(d for d in read_path(args.seed) if not isinstance(d, ReadError))
        write_analyses(conn, [analyze_document(document)])
    documents = conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    primary = conn.execute("SELECT COUNT(*) FROM documents WHERE kind <> 'news'").fetchone()[0]
    passages = conn.execute("SELECT COUNT(*) FROM source_passages_fts").fetchone()[0]
    print(f"ledger: {documents:,} documents ({primary:,} primary), {passages:,} indexed passages,"
          f" {args.db.stat().st_size / 1e6:.0f} MB")
    report = link_ledger(conn, window_days=args.window, relink=True)
    rate = report.quotes / report.seconds if report.seconds else 0.0
    print(f"linked {report.quotes:,} news quotes in {report.seconds:.2f} s ({rate:.1f} quotes/s)")
    print("verdicts: " + ", ".join(f"{k} {v}" for k, v in sorted(report.verdicts.items())))


if __name__ == "__main__":
    main()
