"""Dates and places on a corpus: the visible errors the ledger must not show.

Counts events, dated events (from words vs at publication), asserted events dated after
their document, dates before 1990 (and whether their year is written), and locations by
country (Morocco = the old "White House" -> Casablanca hit; GEO = Georgia the country).

Run: nice -n 10 python bench/dates_places.py ../shared/corpora/whitehouse/*/2024-04/*.md
"""

from __future__ import annotations

import sys
from collections import Counter

from newsledger.ingest import read_path
from newsledger.pipeline import analyze_documents, prepare

EARLY = "1990"


def main(paths: list[str]) -> int:
    docs = [d for p in paths for d in read_path(p)]
    for doc in docs:
        prepare(doc)
    counts: Counter[str] = Counter()
    countries: Counter[str] = Counter()
    for a in analyze_documents(docs):
        pub = a.document.published.date[:10] if a.document.published else None
        for e in a.events:
            counts["events"] += 1
            if e.location is not None:
                counts["located"] += 1
                countries[e.location.country or "-"] += 1
            if e.date is None:
                continue
            counts["dated from words" if e.date.text else "dated at publication"] += 1
            if e.modality == "asserted" and pub and e.date.value[:10] > pub:
                counts["asserted after publication"] += 1
            if e.date.value < EARLY:
                stated = bool(e.date.text) and e.date.value[:4] in e.date.text
                counts["before 1990, year written" if stated else "before 1990, unstated"] += 1
    print(f"documents: {len(docs)}")
    for key, value in counts.items():
        print(f"{key}: {value}")
    print(f"located in Morocco: {countries['MAR']}, in Georgia the country: {countries['GEO']}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
