"""How much the event stage adds to the spaCy parse, on White House documents.

Parses N documents with ``nlp.pipe`` (timed), then runs the actor index and the event stage
on each parsed document (event stage timed on its own). Target: events <= 25% of parse.

Run: nice -n 10 /work/venv/bin/python bench/events_speed.py [--n 500]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpora" / "whitehouse" / "articles"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=500)
    opts = ap.parse_args()
    if not CORPUS.exists():
        print(f"needs {CORPUS}", file=sys.stderr)
        return 1
    from newsledger.actors.index import ActorIndex
    from newsledger.events.extract import extract_events
    from newsledger.ingest import read_path
    from newsledger.nlp.model import load_nlp
    from newsledger.pipeline import prepare
    from newsledger.records import Document

    paths = sorted(CORPUS.rglob("*.md"))[:opts.n]
    docs = []
    for p in paths:
        for item in read_path(str(p)):
            if isinstance(item, Document):
                docs.append(prepare(item))
    nlp = load_nlp()
    started = time.perf_counter()
    parsed = list(nlp.pipe((d.text for d in docs), batch_size=32))
    parse_s = time.perf_counter() - started
    events_s = 0.0
    count = 0
    for doc, d in zip(parsed, docs, strict=True):
        actors = ActorIndex.from_doc(doc, d)
        t = time.perf_counter()
        count += len(extract_events(doc, d, actors, []))
        events_s += time.perf_counter() - t
    chars = sum(len(d.text) for d in docs)
    print(f"documents {len(docs)}  characters {chars}  events {count}")
    print(f"parse {parse_s:.1f} s  event stage {events_s:.1f} s  "
          f"= {100 * events_s / parse_s:.1f}% of parse")
    return 0


if __name__ == "__main__":
    sys.exit(main())
