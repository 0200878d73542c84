"""Event types on PLV_train.tsv (1,050 sentences with a marked source and target).

Not a test and not training data (the file has no license): it shows where the lexicon and
rules fail. For each sentence the event between the marked pair is taken (source and target
spans overlapping the marks), else the event with the most overlap, else the first event.
YIELD (older PLOVER) counts as CONCEDE or RETREAT.

Run: nice -n 10 /work/venv/bin/python bench/plv_eval.py [--limit N] [--errors FILE]
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

from newsledger.nlp.components import EVENTS, configured
from newsledger.nlp.model import load_nlp
from newsledger.pipeline import analyze_documents
from newsledger.records import Document, Published

ROOT = Path(__file__).resolve().parent.parent
PLV = ROOT.parent / "shared" / "dictionaries" / "plv" / "PLV_train.tsv"
YIELD = {"CONCEDE", "RETREAT"}


def marks(marked: str) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
    """Character spans of <s>...</s> and <t>...</t> in the unmarked sentence."""
    spans: dict[str, tuple[int, int]] = {}
    out, pos = [], 0
    for m in re.finditer(r"</?([st])>", marked):
        out.append(marked[pos:m.start()])
        offset = sum(len(x) for x in out)
        tag = m.group(1)
        if m.group(0).startswith("</"):
            spans[tag] = (spans[tag][0], offset)
        else:
            spans[tag] = (offset, offset)
        pos = m.end()
    return spans.get("s"), spans.get("t")


def _overlap(p, span) -> bool:
    return p is not None and span is not None and p.start is not None and \
        p.start < span[1] and span[0] < p.end


def pick(events, s_span, t_span):
    best, best_key = None, None
    for e in events:
        key = (_overlap(e.source, s_span) + _overlap(e.target, t_span),
               e.modality == "asserted", -e.trigger.start)
        if best_key is None or key > best_key:
            best, best_key = e, key
    return best


def correct(gold: str, pred: str | None) -> bool:
    return pred == gold or (gold == "YIELD" and pred in YIELD)


def macro_f1(pairs: list[tuple[str, str | None]]) -> tuple[float, dict[str, float]]:
    labels = sorted({g for g, _ in pairs})
    per = {}
    for label in labels:
        tp = sum(1 for g, p in pairs if g == label and correct(g, p))
        fp = sum(1 for g, p in pairs if g != label and p is not None and
                 (p == label or (label == "YIELD" and p in YIELD)) and not correct(g, p))
        fn = sum(1 for g, p in pairs if g == label and not correct(g, p))
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        per[label] = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return sum(per.values()) / len(per), per


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--errors", help="write misclassified sentences (JSON lines) here")
    ap.add_argument("--ledger", action="store_true",
                    help="score the ledger's records (events without their actors dropped) "
                         "instead of every typed mention")
    opts = ap.parse_args()
    if not PLV.exists():
        print(f"needs {PLV}", file=sys.stderr)
        return 1

    with PLV.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    if opts.limit:
        rows = rows[:opts.limit]
    docs = [Document(text=r["sentence"], source=f"plv:{r['sentence_id']}",
                     published=Published(date=None)) for r in rows]
    started = time.perf_counter()
    pairs, errors = [], []
    nlp = load_nlp()
    # the task marks the pair: keep mentions the ledger would drop for want of actors
    with configured(nlp, EVENTS, strict=opts.ledger):
        analyses = list(analyze_documents(docs, nlp))
    for row, analysis in zip(rows, analyses, strict=True):
        s_span, t_span = marks(row["marked_sentence"])
        events = analysis.events
        e = pick(events, s_span, t_span)
        pred = e.type if e else None
        pairs.append((row["gold_root"], pred))
        if not correct(row["gold_root"], pred):
            errors.append({"gold": row["gold_root"], "pred": pred,
                           "trigger": e.trigger.text if e else None,
                           "sentence": row["marked_sentence"]})
    elapsed = time.perf_counter() - started
    acc = sum(correct(g, p) for g, p in pairs) / len(pairs)
    f1, per = macro_f1(pairs)
    print(f"sentences {len(pairs)}  accuracy {acc:.3f}  macro-F1 {f1:.3f}  "
          f"no event {sum(p is None for _, p in pairs)}  ({elapsed:.0f} s)")
    for label, value in sorted(per.items()):
        print(f"  {label:10s} F1 {value:.2f}")
    confusions = Counter((g, p) for g, p in pairs if not correct(g, p))
    print("top confusions:", confusions.most_common(12))
    if opts.errors:
        with open(opts.errors, "w", encoding="utf-8") as out:
            for err in errors:
                out.write(json.dumps(err, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
