"""Time the readers alone (no spaCy) over a corpus: documents, dates, titles, errors, seconds.

Usage: nice python bench/bench_readers.py ../shared/corpora/whitehouse
"""

from __future__ import annotations

import argparse
import time
from collections import Counter

from newsledger.errors import ReadError
from newsledger.ingest import read_paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+")
    args = parser.parse_args()
    start = time.perf_counter()
    counts: Counter[str] = Counter()
    chars = 0
    errors: list[str] = []
    for item in read_paths(args.paths):
        if isinstance(item, ReadError):
            counts["errors"] += 1
            errors.append(str(item))
            continue
        counts["documents"] += 1
        counts["with date"] += bool(item.published and item.published.date)
        counts["with title"] += bool(item.title)
        counts["captions"] += sum(r.kind == "caption" for r in item.regions)
        chars += len(item.text)
    seconds = time.perf_counter() - start
    for key in ("documents", "with date", "with title", "captions", "errors"):
        print(f"{key:>12}: {counts[key]:,}")
    print(f"{'characters':>12}: {chars:,}")
    print(f"{'seconds':>12}: {seconds:.1f} ({counts['documents'] / seconds:.0f} documents/s)")
    for line in errors[:10]:
        print("  ", line)


if __name__ == "__main__":
    main()
