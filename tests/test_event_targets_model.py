"""Targets of events the gate would drop as one-sided, on the model's parse of news-style
sentences (the rules are checked without the model in ``test_event_targets.py``)."""

from __future__ import annotations

import pytest

from newsledger.pipeline import analyze_document
from newsledger.records import Document

CASES = [
    # text, type, source country, target country
    ("The United States is providing nearly $50 million in humanitarian assistance for the "
     "people of Ethiopia.", "AID", "USA", "ETH"),
    ("Germany announced a new pledge of humanitarian aid to millions of Ukrainians.",
     "AID", "DEU", "UKR"),
    ("The United States and Australia are coordinating closely to provide immediate help and "
     "support on assistance to Tonga.", "AID", None, "TON"),
    ("Japan donated vaccines to help the Vietnamese people.", "AID", "JPN", "VNM"),
    ("Germany expressed support for Ukraine's sovereignty.", "SUPPORT", "DEU", "UKR"),
    ("Japan reaffirmed its support for the sovereignty of Ukraine.", "SUPPORT", "JPN", "UKR"),
]


@pytest.mark.parametrize("text,etype,source,target", CASES)
def test_one_sided_events_find_their_stated_target(nlp, text, etype, source, target):
    analysis = analyze_document(Document(text=text, source="test"), published="2024-04-14",
                                nlp=nlp)
    found = [e for e in analysis.events if e.type == etype]
    assert found, [(e.type, e.trigger.text) for e in analysis.events]
    e = found[0]
    assert e.target is not None and e.target.country == target
    if source is not None:
        assert e.source is not None and e.source.country == source


def test_support_declared_for_a_cause_stands_with_its_speaker(nlp):
    text = ("Slovenia and the United States met in Ljubljana. Both sides reaffirmed their "
            "commitment to the framework of responsible state behavior in cyberspace.")
    analysis = analyze_document(Document(text=text, source="test"), published="2022-03-14",
                                nlp=nlp)
    found = [e for e in analysis.events if e.type == "SUPPORT"]
    assert len(found) == 1 and found[0].source is not None
    assert found[0].modality == "asserted" and "commitment" in found[0].trigger.text
    # a stance stated without its cause, or not declared, is no record
    for text in ("Slovenia reaffirmed its commitment.", "Slovenia is committed to peace."):
        analysis = analyze_document(Document(text=text, source="test"), nlp=nlp)
        assert not [e for e in analysis.events if e.type == "SUPPORT"], text
