"""Held-out gold: White House readouts, articles and a briefing excerpt, GUM Wikinews news.

The annotations (tests/gold/quotes/*.json) point at ../shared by path; the floors are pinned in
tests/gold/quotes_floors.json.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsledger.evaluate.quotes import evaluate_quotes, load_gold
from tests.conftest import shared_path

pytestmark = pytest.mark.shared

GOLD = Path(__file__).parent / "gold" / "quotes"
FLOORS = json.loads((Path(__file__).parent / "gold" / "quotes_floors.json").read_text())


@pytest.fixture(scope="module")
def gold_scores(nlp):
    shared_path("corpora", "whitehouse")
    shared_path("corpora", "gum")
    return evaluate_quotes(GOLD, stage_only=True)


@pytest.mark.parametrize("path", sorted(GOLD.glob("*.json")), ids=lambda p: p.stem)
def test_gold_files_locate_their_quotes(path):
    shared_path("corpora")
    gold = load_gold(path)
    assert len(gold.quotes) >= 3
    for q in gold.quotes:
        assert gold.document.text[q.start:q.end] == q.fragment


def test_at_least_five_annotated_documents():
    files = sorted(GOLD.glob("*.json"))
    assert len(files) >= 5
    readers = {json.loads(f.read_text())["reader"] for f in files}
    assert readers >= {"gum", "newsledger"}


@pytest.mark.parametrize("kind", ["direct", "mixed", "indirect", "overall"])
def test_floors(gold_scores, kind):
    score = gold_scores.overall if kind == "overall" else gold_scores.by_type[kind]
    for metric, floor in FLOORS[kind].items():
        value = getattr(score, metric)
        assert value is not None and value >= floor, (kind, metric, value, gold_scores.details)
