"""Share of actors (and of people) with a country on a directory of texts (default: the
news-dev gold texts), and the country/sector of each, to judge by hand.

Run: nice -n 10 .venv/bin/python bench/actor_countries.py [DIR] [--list]
     nice -n 10 .venv/bin/python bench/actor_countries.py --ledger DB   (an ingested ledger,
     e.g. the White House documents of April 2024: the same shares over its actor rows, and
     over its ledger-wide actors, one per key)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEXTS = ROOT.parent / "shared" / "gold" / "news-dev" / "texts"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("path", nargs="?", default=str(TEXTS))
    ap.add_argument("--list", action="store_true", help="print every actor with its codes")
    ap.add_argument("--ledger", help="a ledger database to measure instead of texts")
    opts = ap.parse_args()
    if opts.ledger:
        return ledger_shares(opts.ledger, opts.list)
    if not Path(opts.path).exists():
        print(f"needs {opts.path}", file=sys.stderr)
        return 1
    from newsledger.ingest import read_path
    from newsledger.pipeline import analyze_documents
    from newsledger.records import Document

    docs = [d for d in read_path(opts.path) if isinstance(d, Document)]
    actors = people = with_cc = people_cc = with_sector = 0
    for analysis in analyze_documents(docs):
        for actor in analysis.actors:
            actors += 1
            with_cc += actor.country is not None
            with_sector += actor.sector is not None
            if actor.kind == "person":
                people += 1
                people_cc += actor.country is not None
            if opts.list:
                print(f"{actor.country or '-':4s} {actor.sector or '-':4s} {actor.kind:12s} "
                      f"{actor.name}")
    print(f"documents {len(docs)}  actors {actors}  with country {with_cc / max(actors, 1):.2f}"
          f"  with sector {with_sector / max(actors, 1):.2f}  people {people}  with country "
          f"{people_cc / max(people, 1):.2f}")
    return 0


def ledger_shares(db: str, listing: bool) -> int:
    """Shares of actors (rows, then distinct keys) and of people with a country in a ledger."""
    import sqlite3

    if not Path(db).exists():
        print(f"needs {db}", file=sys.stderr)
        return 1
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    ref = "COALESCE(key, kind || ':' || lower(name))"
    for label, sql in (
            ("actor rows", "SELECT kind, country IS NOT NULL, sector IS NOT NULL FROM actors"),
            ("ledger actors", f"SELECT kind, MAX(country IS NOT NULL), MAX(sector IS NOT NULL)"
                              f" FROM actors GROUP BY {ref}")):
        found = conn.execute(sql).fetchall()
        people = [r for r in found if r[0] == "person"]
        print(f"{label} {len(found)}  with country {sum(r[1] for r in found) / max(len(found), 1):.2f}"
              f"  with sector {sum(r[2] for r in found) / max(len(found), 1):.2f}  people"
              f" {len(people)}  with country {sum(r[1] for r in people) / max(len(people), 1):.2f}")
    if listing:
        for row in conn.execute(f"SELECT country, sector, kind, name, COUNT(*) FROM actors"
                                f" GROUP BY {ref} ORDER BY COUNT(*) DESC"):
            print(f"{row[0] or '-':4s} {row[1] or '-':4s} {row[2]:12s} {row[3]} ({row[4]})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
