"""A speaker saying that a named party must act demands it (``events.appraisals.demanded``):
REQUEST from the speaker to that party, on the model's parse of real statement and news
text."""

from __future__ import annotations

import pytest

from newsledger.pipeline import analyze_document
from newsledger.records import Document

DEMANDS = [
    # White House, 2023-03-17 statement on senior bank executives (the issuer speaks)
    ("Statement from President Joe Biden\n\nCongress must act to impose tougher penalties for "
     "senior bank executives whose mismanagement contributed to their institutions failing.",
     "Joe Biden", "Congress"),
    ("“Russia must withdraw its troops from Ukraine,” Secretary Blinken said on Monday.",
     "Blinken", "Russia"),
    ("Secretary Blinken said on Monday that Russia must withdraw its troops from Ukraine.",
     "Blinken", "Russia"),
]

NOT_DEMANDS = [
    "“We must act now,” Secretary Blinken said on Monday.",  # the speaker's own side
    "“Governments must respect human rights,” Harris said.",  # no named party
    "Russia must withdraw its troops from Ukraine.",  # nobody says it
    "“Those responsible must be held accountable,” Blinken said.",  # a passive
]


@pytest.mark.parametrize("text,source,target", DEMANDS)
def test_a_party_that_must_act_is_asked_to_by_the_speaker(nlp, text, source, target):
    document = Document(text=text, source="test", title=text.split("\n")[0])
    analysis = analyze_document(document, published="2023-03-17", nlp=nlp)
    found = [e for e in analysis.events if e.type == "REQUEST"]
    assert found, [(e.type, e.trigger.text) for e in analysis.events]
    e = found[0]
    assert e.trigger.text.startswith("must") and e.modality == "asserted"
    assert source in e.source.name and e.target.name == target


@pytest.mark.parametrize("text", NOT_DEMANDS)
def test_no_demand_without_a_speaker_and_a_named_other_party(nlp, text):
    analysis = analyze_document(Document(text=text, source="test"), published="2023-03-17",
                                nlp=nlp)
    assert not [e for e in analysis.events if e.trigger.text.startswith("must")]

