"""What each newsledger stage costs next to the spaCy parse, on the same documents.

Parses the first N White House documents with the model's own components (the newsledger
stages disabled), then runs each registered stage component over the parsed documents in
pipeline order, timing each one: exactly the code path of ``analyze_documents``.

    nice -n 10 python bench/stage_speed.py --n 500
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from newsledger.ingest import read_paths
from newsledger.nlp.components import STAGES
from newsledger.nlp.model import load_nlp
from newsledger.pipeline import make_doc, prepare
from newsledger.records import Document

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpora" / "whitehouse"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=200, help="documents (default 200)")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    args = parser.parse_args()
    files = sorted(str(p) for p in args.corpus.rglob("*.md") if p.name != "README.md")[: args.n]
    documents = [prepare(d) for d in read_paths(files) if isinstance(d, Document)]
    nlp = load_nlp()
    start = time.perf_counter()
    docs = list(nlp.pipe((make_doc(nlp, d) for d in documents), disable=list(STAGES)))
    parse = time.perf_counter() - start
    chars = sum(len(d.text) for d in documents)
    print(f"{len(documents)} documents, {chars:,} characters; parse {parse:.1f} s")
    print("| stage | seconds | share of the parse |\n|---|---:|---:|")
    for name, component in nlp.pipeline:
        if name not in STAGES:
            continue
        start = time.perf_counter()
        for doc in docs:
            component(doc)
        took = time.perf_counter() - start
        print(f"| {name} | {took:.1f} | {100 * took / parse:.1f}% |")
    failed = sum(1 for doc in docs if doc._.stage_errors)
    print(f"documents with a failed stage: {failed}")


if __name__ == "__main__":
    main()
