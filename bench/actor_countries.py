"""Share of actors (and of people) with a country on a directory of texts (default: the
news-dev gold texts), and the country/sector of each, to judge by hand.

Run: nice -n 10 .venv/bin/python bench/actor_countries.py [DIR] [--list]
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
    opts = ap.parse_args()
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


if __name__ == "__main__":
    sys.exit(main())
