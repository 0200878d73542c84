"""Scoring incidents against an event-coreference gold set (the event-coref-dev format).

Only gold mentions the system itself found are scored: a gold mention aligns with the first
event record one of whose triggers (its own or its other ``mentions``) overlaps it. Over the
aligned mentions, B-cubed and pairwise precision/recall compare the records' ``incident``
(each record alone when it has none) with the gold chains. Texts are matched by their words,
so whitespace differences between the gold texts and the stored texts do not matter.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from newsledger.errors import NewsledgerError


def _words(text: str) -> str:
    return " ".join((text or "").split())


def _triggers(event: dict[str, Any], stored: str, text: str) -> list[tuple[int, int]]:
    """Trigger spans of the record and its mentions, moved into the gold text."""
    spans = []
    for t in [event.get("trigger")] + [m.get("trigger") or m for m in event.get("mentions") or []]:
        if not t or "start" not in t:
            continue
        start, end = t["start"], t["end"]
        if stored != text:
            frag = stored[start:end]
            start = text.find(frag)
            if start < 0:
                continue
            end = start + len(frag)
        spans.append((start, end))
    return spans


def aligned_mentions(records: Iterable[dict[str, Any]], gold: list[dict[str, Any]],
                     texts_root: Path) -> tuple[list[tuple[str, str]], int]:
    """(gold chain, predicted cluster) for every annotated gold mention found; and the number
    of annotated gold mentions."""
    by_text = {_words(r["document"]["text"]): r for r in records}
    pairs, total = [], 0
    for d in gold:
        try:
            text = (texts_root / d["path"]).read_text(encoding="utf-8")
        except (OSError, KeyError) as e:
            raise NewsledgerError(f"{texts_root}: gold text {d.get('path')!r} unreadable ({e})"
                                  ) from e
        record = by_text.get(_words(text))
        events = []
        if record:
            stored = record["document"]["text"]
            events = [(e, _triggers(e, stored, text)) for e in record.get("events") or []]
        for m in d["mentions"]:
            if not m.get("annotated"):
                continue
            total += 1
            hit = next((e for e, spans in events for s, t in spans
                        if min(t, m["end"]) > max(s, m["start"])), None)
            if hit is not None:
                pairs.append((m["chain"], hit.get("incident") or f'{d["id"]}/{hit["id"]}'))
    return pairs, total


def bcubed(pairs: list[tuple[str, str]]) -> tuple[float, float, float]:
    gold: dict[str, set[int]] = defaultdict(set)
    pred: dict[str, set[int]] = defaultdict(set)
    for i, (g, p) in enumerate(pairs):
        gold[g].add(i)
        pred[p].add(i)
    if not pairs:
        return 0.0, 0.0, 0.0
    precision = sum(len(gold[g] & pred[p]) / len(pred[p]) for g, p in pairs) / len(pairs)
    recall = sum(len(gold[g] & pred[p]) / len(gold[g]) for g, p in pairs) / len(pairs)
    return precision, recall, _f1(precision, recall)


def pairwise(pairs: list[tuple[str, str]]) -> tuple[float, float, float]:
    """Link precision/recall, counted per cluster intersection rather than over all pairs."""
    def links(sizes: Iterable[int]) -> int:
        return sum(n * (n - 1) // 2 for n in sizes)

    cells: dict[tuple[str, str], int] = defaultdict(int)
    gold: dict[str, int] = defaultdict(int)
    pred: dict[str, int] = defaultdict(int)
    for g, p in pairs:
        cells[(g, p)] += 1
        gold[g] += 1
        pred[p] += 1
    tp = links(cells.values())
    predicted, true = links(pred.values()), links(gold.values())
    precision = tp / predicted if predicted else 0.0
    recall = tp / true if true else 0.0
    return precision, recall, _f1(precision, recall)


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def score_records(records: Iterable[dict[str, Any]], gold_path: str | Path) -> dict[str, Any]:
    """Detection, B-cubed and pairwise P/R/F1 of the records' incidents against the gold."""
    gold_path = Path(gold_path)
    try:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise NewsledgerError(f"{gold_path}: cannot read the gold file ({e})") from e
    pairs, total = aligned_mentions(records, gold, gold_path.parent)
    return {
        "documents": len(gold), "gold_mentions": total, "aligned": len(pairs),
        "detection": round(len(pairs) / total, 3) if total else 0.0,
        "b3_p_r_f1": [round(x, 3) for x in bcubed(pairs)],
        "pairwise_p_r_f1": [round(x, 3) for x in pairwise(pairs)],
        "predicted_clusters": len({p for _, p in pairs}),
        "gold_chains": len({g for g, _ in pairs}),
    }
