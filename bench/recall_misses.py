"""Why each gold event of a news gold set is missed: the stage that lost it.

    python bench/recall_misses.py [../shared/gold/news-dev/gold.json] [--jsonl]

For every gold event that no record finds with the right type, the script names the first
stage where it was lost, by tracing the event stage on the same texts:

- ``shadowed``: a record of its type overlaps it but is credited to another gold event
  (two events merged into one record, or one long trigger over two);
- ``no_trigger``: no candidate's words overlap any of its mentions;
- ``wrong_type``: a candidate overlaps it, with another type;
- ``filtered``: a candidate of its type was dropped as not political (``_not_political``);
- ``merged``: a candidate of its type was folded into another (reframing);
- ``constraint``: a mention of its type was built but failed ``meets_constraints`` (no actor,
  no target...), with the source and target it had;
- ``other``: found before grouping but not in the records (grouped into another type...).

Prints a count per stage and, with ``--jsonl``, one line per missed event.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter

import newsledger.events.corefer as corefer
import newsledger.events.extract as extract
from newsledger.evaluate.news import load_gold
from newsledger.ingest.text import first_line
from newsledger.pipeline import analyze_documents, prepare
from newsledger.records import Document

TRACE: dict[str, list] = {"cands": [], "dropped": [], "filtered": [], "constraint": []}


def _span(c) -> tuple[int, int]:
    toks = [c.head, *c.words]
    return min(t.idx for t in toks), max(t.idx + len(t) for t in toks)


def _install() -> None:
    find = extract.find_candidates
    not_political = extract._not_political
    meets = corefer.meets_constraints

    def traced_find(parsed, args):
        cands = find(parsed, args)
        doc_id = parsed._.document.source
        TRACE["cands"].extend((doc_id, _span(c), c) for c in cands)
        return cands

    def traced_not_political(c, args):
        out = not_political(c, args)
        if out:
            TRACE["filtered"].append((c.head.doc._.document.source, _span(c), c.type))
        return out

    def traced_meets(etype, has_source, has_target, nominal, **kw):
        ok = meets(etype, has_source, has_target, nominal, **kw)
        if not ok:
            TRACE["constraint"].append((etype, has_source, has_target, nominal, kw))
        return ok

    extract.find_candidates = traced_find
    extract._not_political = traced_not_political
    corefer.meets_constraints = traced_meets


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("gold", nargs="?", default="../shared/gold/news-dev/gold.json")
    ap.add_argument("--jsonl", action="store_true", help="one line per missed gold event")
    opts = ap.parse_args(argv)
    _install()
    gold = load_gold(opts.gold)
    docs = [prepare(Document(text=g.text, source=f"gold:{g.id}", title=first_line(g.text)))
            for g in gold]
    analyses = list(analyze_documents(docs))
    stages: Counter[str] = Counter()
    by_type: Counter[str] = Counter()
    for g, a in zip(gold, analyses, strict=True):
        doc_id = f"gold:{g.id}"
        spans, found = [], set()
        for e in a.events:
            mine = [(x.start, x.end) for x in [e.trigger, *(y.trigger for y in e.mentions)]]
            spans.extend((s0, s1, e.type) for s0, s1 in mine)
            same = [m for m in g.events if m["type"] == e.type and any(
                s0 < m["trigger_end"] and m["trigger_start"] < s1 for s0, s1 in mine)]
            if same:  # the scorer credits a record to its first gold event only
                found.add(same[0]["event"])
        cands = [(s, c) for d, s, c in TRACE["cands"] if d == doc_id]
        filtered = [(s, t) for d, s, t in TRACE["filtered"] if d == doc_id]
        events: dict[str, list[dict]] = {}
        for m in g.events:
            events.setdefault(m["event"], []).append(m)
        for eid, ms in events.items():
            etype = ms[0]["type"]
            ranges = [(m["trigger_start"], m["trigger_end"]) for m in ms]

            def hits(a0, a1, ranges=ranges):
                return any(a0 < r1 and r0 < a1 for r0, r1 in ranges)
            if eid in found:
                continue
            over = [c for s, c in cands if hits(*s)]
            same = [c for c in over if c.type == etype]
            if any(hits(s, e) and t == etype for s, e, t in spans):
                stage = "shadowed"
            elif not over:
                stage = "no_trigger"
            elif not same:
                stage = "wrong_type"
            elif any(hits(*s) and t == etype for s, t in filtered):
                stage = "filtered"
            elif all(c.merged for c in same):
                stage = "merged"
            else:
                c = same[0]
                stage = "constraint" if not (c.sources and c.targets) else "other"
            stages[stage] += 1
            by_type[etype] += 1
            if opts.jsonl:
                m = ms[0]
                row = {"doc": g.id, "event": eid, "type": etype, "stage": stage,
                       "trigger": g.text[m["trigger_start"]:m["trigger_end"]],
                       "gold_source": m.get("source"), "gold_target": m.get("target"),
                       "sentence": _sentence(g.text, m["trigger_start"])}
                if over:
                    c = (same or over)[0]
                    row["cand"] = {"type": c.type, "head": c.head.text,
                                   "sources": [x.actor.name for x in c.sources],
                                   "targets": [x.actor.name for x in c.targets],
                                   "modality": c.modality}
                sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
    total = sum(len({m["event"] for m in g.events}) for g in gold)
    print(json.dumps({"gold_events": total, "missed": sum(stages.values()),
                      "by_stage": dict(stages.most_common()),
                      "by_type": dict(by_type.most_common())}, indent=1))
    return 0


def _sentence(text: str, at: int) -> str:
    lo = max(text.rfind("\n", 0, at), text.rfind(". ", 0, at) + 1, 0)
    hi = min(x for x in (text.find("\n", at), text.find(". ", at), len(text)) if x >= 0)
    return text[lo:hi + 1].strip()


if __name__ == "__main__":
    sys.exit(main())
