"""Event records of a sample of unseen documents, one JSON line each, for reading by hand.

    python bench/event_sample.py [--wh N] [--state N] [--seed S] [--match RE] > records.jsonl
    python bench/event_sample.py --diff OLD.jsonl NEW.jsonl

A rule that loosens or splits records is judged by reading what it adds on text it was not
tuned on: White House releases of January-March 2023 (statements, readouts, briefings) and
State Department press releases, sampled with a fixed seed (files used in
``../shared/gold/news-dev`` are skipped). Run the sample before and after a change and
``--diff`` the two: it prints the records that are new (by document, type and trigger).
"""

from __future__ import annotations

import argparse
import glob
import json
import random
import re
import sys
from collections.abc import Iterator

from newsledger.ingest import read_path
from newsledger.pipeline import analyze_documents, prepare
from newsledger.records import Document

WH_GLOB = "../shared/corpora/whitehouse/*/2023-0[1-3]/*.md"
STATE_PATH = "../shared/corpora/statedept/press_releases.jsonl"
DEV_IDS = ("311203", "312563", "345887", "325092", "316467", "344606")


def _documents(n_wh: int, n_state: int, seed: int, match: str | None = None
               ) -> Iterator[Document]:
    rng = random.Random(seed)
    want = re.compile(match or "", re.I)
    files = [f for f in sorted(glob.glob(WH_GLOB)) if want.search(f.replace("-", " "))]
    for path in rng.sample(files, min(n_wh, len(files))):
        yield from (d for d in read_path(path) if isinstance(d, Document))
    state = [d for d in read_path(STATE_PATH) if isinstance(d, Document)
             and not any(i in f"{d.url} {d.meta}" for i in DEV_IDS)
             and want.search(d.title or "")]
    yield from rng.sample(state, min(n_state, len(state)))


def _who(p) -> str | None:
    return None if p is None else (p.name or p.actor)


def _rows(docs: list[Document]) -> Iterator[dict]:
    for d, a in zip(docs, analyze_documents(docs), strict=True):
        for e in a.events:
            yield {"doc": d.source, "type": e.type, "mode": e.mode, "modality": e.modality,
                   "source": _who(e.source), "target": _who(e.target),
                   "trigger": e.trigger.text, "at": e.trigger.start,
                   "date": e.date.value if e.date else None,
                   "mentions": [m.trigger.text for m in e.mentions],
                   "evidence": e.evidence.text}


def _diff(old_path: str, new_path: str) -> None:
    def load(p: str) -> dict[tuple, dict]:
        with open(p, encoding="utf-8") as f:
            return {(r["doc"], r["type"], r["at"]): r for r in map(json.loads, f)}
    old, new = load(old_path), load(new_path)
    added = [r for k, r in new.items() if k not in old]
    gone = [r for k, r in old.items() if k not in new]
    changed = [r for k, r in new.items() if k in old and
               (r["source"], r["target"]) != (old[k]["source"], old[k]["target"])]
    for tag, rows in (("+", added), ("-", gone), ("~", changed)):
        for r in rows:
            was = old.get((r["doc"], r["type"], r["at"])) if tag == "~" else None
            note = f" (was {was['source']} -> {was['target']})" if was else ""
            sys.stdout.write(f"{tag} {json.dumps(r, ensure_ascii=False)}{note}\n")
    print(f"records: {len(old)} -> {len(new)}; new {len(added)}, gone {len(gone)}, "
          f"parties changed {len(changed)}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--wh", type=int, default=30, help="White House files")
    ap.add_argument("--state", type=int, default=30, help="State Department releases")
    ap.add_argument("--seed", type=int, default=12)
    ap.add_argument("--match", help="only documents whose title (White House: file name) "
                    "matches this regular expression, e.g. 'readout|meeting|call with'")
    ap.add_argument("--diff", nargs=2, metavar=("OLD", "NEW"))
    opts = ap.parse_args(argv)
    if opts.diff:
        _diff(*opts.diff)
        return 0
    docs = [prepare(d) for d in _documents(opts.wh, opts.state, opts.seed, opts.match)]
    for row in _rows(docs):
        sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
