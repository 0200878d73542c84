"""How much the quotation stage adds to the spaCy parse, on White House documents.

Takes an even sample of N documents across the whole White House corpus (every category),
parses them with ``nlp.pipe`` and times the parse, then times ``extract_quotes`` on each
parsed document on its own (the actor index it needs is built outside the timing). Target:
the quotation stage adds at most 15% to the parse time.

Run: nice -n 10 /work/venv/bin/python bench/quotes_speed.py [--n 500] [--max-chars 100000]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpora" / "whitehouse"


def sample(n: int) -> list[Path]:
    files = sorted(CORPUS.rglob("*.md"))
    files = [f for f in files if f.name != "README.md"]
    step = max(1, len(files) // n)
    return files[::step][:n]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=500)
    ap.add_argument("--max-chars", type=int, default=100_000,
                    help="skip longer documents (the pipeline chunks those anyway)")
    opts = ap.parse_args()
    if not CORPUS.exists():
        print(f"needs {CORPUS}", file=sys.stderr)
        return 1
    from newsledger.actors.index import ActorIndex
    from newsledger.document.regions import segment
    from newsledger.ingest import read_path
    from newsledger.nlp.model import load_nlp
    from newsledger.quotes.extract import extract_quotes
    from newsledger.quotes.transcripts import infer_kind
    from newsledger.records import Document

    docs: list[Document] = []
    for path in sample(opts.n):
        for item in read_path(str(path)):
            if isinstance(item, Document) and len(item.text) <= opts.max_chars:
                if not item.regions:
                    item.regions = segment(item)
                if item.kind == "news":
                    item.kind = infer_kind(item)
                docs.append(item)
    nlp = load_nlp()
    chars = sum(len(d.text) for d in docs)
    parse = stage = 0.0
    found = 0
    last = time.perf_counter()
    for parsed, document in nlp.pipe(((d.text, d) for d in docs), as_tuples=True,
                                     batch_size=16):
        now = time.perf_counter()
        parse += now - last
        actors = ActorIndex.from_doc(parsed, document)
        t0 = time.perf_counter()
        found += len(extract_quotes(parsed, document, actors))
        stage += time.perf_counter() - t0
        last = time.perf_counter()
    print(f"documents: {len(docs)}  characters: {chars:,}  quotes: {found}")
    print(f"parse: {parse:.1f} s  quotation stage: {stage:.1f} s"
          f"  ({100 * stage / parse:.1f}% of the parse; target <= 15%)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
