"""The seed article's 39 gold quotations: the acceptance test of the quotation stage."""

from __future__ import annotations

import pytest

from newsledger.evaluate.quotes import evaluate_quotes
from tests.conftest import SEED

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def seed_scores(seed_analysis, seed_gold):
    return evaluate_quotes(SEED / "gold.json", predicted=seed_analysis)


def test_seed_quotes_found(seed_scores):
    overall = seed_scores.overall
    assert overall.gold == 39
    assert overall.found >= 37, [d for d in seed_scores.details if d["problem"] == "missed"]


def test_seed_speakers(seed_scores):
    overall = seed_scores.overall
    assert overall.attributed >= 36, [d for d in seed_scores.details
                                      if d["problem"] == "wrong speaker"]


def test_programme_titles_are_not_quotes(seed_analysis, seed_gold):
    for title in seed_gold["not_quotes"]:
        assert all(q.text.strip(" ,.") != title for q in seed_analysis.quotes)


def test_stray_mark_is_contained(seed_analysis, seed_text):
    stray = seed_text.index("drone and missile attack.”")
    for quote in seed_analysis.quotes:
        assert "\n" not in quote.text, quote.text[:80]
        if quote.start <= stray < quote.end:
            assert quote.end <= seed_text.index("\n", stray)


def test_anonymous_official_is_one_actor(seed_analysis):
    anonymous = {q.speaker.actor for q in seed_analysis.quotes
                 if q.speaker and q.speaker.kind == "anonymous"}
    assert len(anonymous) == 1
    actor = next(a for a in seed_analysis.actors if a.id in anonymous)
    assert "official" in actor.name.lower()
    assert sum(1 for q in seed_analysis.quotes if q.speaker and q.speaker.actor in anonymous) >= 15


def test_every_speaker_is_an_actor(seed_analysis):
    ids = {a.id for a in seed_analysis.actors}
    for quote in seed_analysis.quotes:
        if quote.speaker is not None:
            assert quote.speaker.actor in ids
            assert quote.region in ("title", "deck", "body", "caption")
