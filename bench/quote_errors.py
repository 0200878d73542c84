"""Quote errors on a news gold file (news-dev format): false positives, missed quotes and
wrong speakers, one line each, then the figures of ``newsledger evaluate news``.

    .venv/bin/python bench/quote_errors.py ../shared/gold/news-dev/gold.json [--doc ID]

Development aid only: it prints what to look at, it does not tune anything.
"""

from __future__ import annotations

import argparse

from newsledger.evaluate.news import (
    QUOTE_OVERLAP,
    _name_ok,
    _norm,
    _span_ratio,
    load_gold,
    score_news,
)
from newsledger.ingest.text import first_line
from newsledger.pipeline import analyze_documents, prepare
from newsledger.records import Document

CLIP = 90


def _clip(s: str) -> str:
    s = " ".join(s.split())
    return s if len(s) <= CLIP else s[:CLIP - 3] + "..."


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold")
    ap.add_argument("--doc", default=None)
    args = ap.parse_args()
    gold = [g for g in load_gold(args.gold) if args.doc is None or g.id == args.doc]
    docs = [prepare(Document(text=g.text, source=f"gold:{g.id}", title=first_line(g.text)))
            for g in gold]
    analyses = list(analyze_documents(docs))
    for g, a in zip(gold, analyses, strict=True):
        qs = [q for q in a.quotes if q.type != "statement"]
        spans = [(x["start"], x["end"]) for x in g.quotes]
        for q in qs:
            if not any(_span_ratio((q.start, q.end), s) >= QUOTE_OVERLAP for s in spans):
                who = q.speaker.name if q.speaker else None
                print(f"FP   {g.id:22} {q.type:8} [{who}] {_clip(q.text)}")
        for x in g.quotes:
            span = (x["start"], x["end"])
            best = max(qs, key=lambda q: _span_ratio((q.start, q.end), span), default=None)
            if best is None or _span_ratio((best.start, best.end), span) < QUOTE_OVERLAP:
                print(f"MISS {g.id:22} {x.get('type', ''):8} [{x['speaker']}] {_clip(x['text'])}")
                continue
            names = {_norm(n) for n in [x["speaker"], *x.get("speaker_aliases", [])]}
            sp = best.speaker
            pred = {"name": sp.name, "text": sp.text} if sp else {}
            if not _name_ok(pred, names):
                got = f"{sp.name!r}/{sp.text!r}" if sp else None
                print(f"SPK  {g.id:22} gold={x['speaker']!r} got={got} {_clip(x['text'])}")
    print(score_news(gold, analyses).to_dict()["quotes"])


if __name__ == "__main__":
    main()
