"""Actor countries on PLV_train.tsv (1,050 sentences with a marked source and target).

The file has no gold country codes, so the reference is what the marked span itself states:
a country name or demonym written in it ("Iranian Foreign Minister Mohammad Javad Zarif" ->
IRN, "a U.S. Supreme Court decision" -> USA, "Ukraine's defence minister" -> UKR). Spans
naming no country, or two different ones, have no reference and are only counted for
coverage. For each sentence the pipeline's actors are built (actor index, quotes, events),
the actor covering each marked span is taken (the longest mention overlapping it) and its
country compared with the reference.

Figures: span accuracy (cued spans whose actor has the stated country), pair accuracy
(sentences whose source AND target both state a country, both right), wrong (an actor given
a country other than the stated one: the precision errors), coverage (marked spans whose
actor has any country).

Run: nice -n 10 .venv/bin/python bench/plv_actors.py [--limit N] [--errors FILE]
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.plv_eval import marks  # noqa: E402

PLV = ROOT.parent / "shared" / "dictionaries" / "plv" / "PLV_train.tsv"
MAX_NGRAM = 3  # longest country name looked for in a span, in words ("United Arab Emirates")


def stated_country(span_text: str) -> str | None:
    """The one country a marked span names (name or demonym, not a capital), else None."""
    from newsledger.actors.tables import tables

    t = tables()
    words = re.findall(r"[A-Z][\w.'’-]*", span_text.replace("’s", "").replace("'s", ""))
    words = [w.rstrip(".") if w.count(".") == 1 else w for w in words]
    found: set[str] = set()
    i = 0
    while i < len(words):
        for size in range(MAX_NGRAM, 0, -1):
            hit = t.country(" ".join(words[i:i + size])) if i + size <= len(words) else None
            if hit is not None and hit[1] != "capital":
                found.add(hit[0])
                i += size
                break
        else:
            i += 1
    return found.pop() if len(found) == 1 else None


def load_rows(limit: int = 0) -> list[dict[str, str]]:
    with PLV.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    return rows[:limit] if limit else rows


def score(rows: list[dict[str, str]]) -> dict:
    """Run the actor stages on each sentence and compare countries with the stated ones."""
    from newsledger.actors.index import ActorIndex
    from newsledger.events.extract import extract_events
    from newsledger.nlp.model import load_model
    from newsledger.quotes.extract import extract_quotes
    from newsledger.records import Document, Published

    nlp = load_model()
    docs = [Document(text=r["sentence"], source=f"plv:{r['sentence_id']}",
                     published=Published(date=None)) for r in rows]
    cued = right = wrong = spans = covered = pairs = pairs_right = 0
    errors = []
    for row, doc, parsed in zip(rows, docs, nlp.pipe(d.text for d in docs), strict=True):
        actors = ActorIndex.from_doc(parsed, doc)
        quotes = extract_quotes(parsed, doc, actors)
        extract_events(parsed, doc, actors, quotes)
        results = []
        for span in marks(row["marked_sentence"]):
            if span is None:
                results.append(None)
                continue
            spans += 1
            actor = actors.actor_at(*span)
            pred = actor.country if actor else None
            covered += pred is not None
            gold = stated_country(row["sentence"][span[0]:span[1]])
            if gold is None:
                results.append(None)
                continue
            cued += 1
            right += pred == gold
            wrong += pred is not None and pred != gold
            results.append(pred == gold)
            if pred != gold:
                errors.append({"gold": gold, "pred": pred,
                               "actor": actor.name if actor else None,
                               "span": row["sentence"][span[0]:span[1]],
                               "sentence": row["marked_sentence"]})
        if len(results) == 2 and None not in results:
            pairs += 1
            pairs_right += all(results)
    return {"sentences": len(rows), "spans": spans, "cued": cued, "right": right,
            "wrong": wrong, "covered": covered, "pairs": pairs, "pairs_right": pairs_right,
            "errors": errors}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--errors", help="write the wrong and missed spans (JSON lines) here")
    opts = ap.parse_args()
    if not PLV.exists():
        print(f"needs {PLV}", file=sys.stderr)
        return 1
    started = time.perf_counter()
    r = score(load_rows(opts.limit))
    elapsed = time.perf_counter() - started
    ratio = lambda a, b: a / b if b else 0.0  # noqa: E731
    print(f"sentences {r['sentences']}  pair accuracy {ratio(r['pairs_right'], r['pairs']):.3f}"
          f" ({r['pairs_right']}/{r['pairs']})  span accuracy "
          f"{ratio(r['right'], r['cued']):.3f} ({r['right']}/{r['cued']})  wrong country "
          f"{r['wrong']}  coverage {ratio(r['covered'], r['spans']):.3f} "
          f"({r['covered']}/{r['spans']})  ({elapsed:.0f} s)")
    if opts.errors:
        with open(opts.errors, "w", encoding="utf-8") as out:
            for err in r["errors"]:
                out.write(json.dumps(err, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
