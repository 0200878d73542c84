"""Event dates in context: the seed's gold dates, nouns that refer back, states and habits."""

from __future__ import annotations

import pytest

from tests.conftest import shared_path

SUNDAY = "2024-04-14"


def _analyze(nlp, text: str):
    from newsledger.pipeline import analyze_document
    from newsledger.records import Document

    return analyze_document(Document(text=text, source="t"), published=SUNDAY, nlp=nlp)


@pytest.mark.shared
def test_every_matched_gold_date_is_right(nlp):
    from newsledger.evaluate.events import load_gold, score
    from newsledger.pipeline import analyze_document

    data, document, gold = load_gold(shared_path("seed", "gold.json"))
    analysis = analyze_document(document, published=data["published"], nlp=nlp)
    s = score(gold, analysis.events)
    assert [d for d in s.details if d["problem"] == "date"] == []
    assert s.dates_ok >= 10


def test_a_noun_that_refers_back_takes_the_date_and_so_do_acts_against_it(nlp):
    a = _analyze(nlp, "Iran launched a drone attack on Israel on Saturday night. "
                      "Jordan helped to intercept the attack, officials said.")
    launched = [e for e in a.events if e.modality == "asserted"
                and e.trigger.text.startswith("launched")]
    assert launched and launched[0].date is not None
    assert launched[0].date.value == "2024-04-13"
    later = [e for e in a.events if e.trigger.start > a.document.text.index("Jordan")]
    for e in later:
        if e.date is not None and e.modality == "asserted":
            assert e.date.value == "2024-04-13", e


def test_present_states_and_habits_are_not_dated_at_publication(nlp):
    a = _analyze(nlp, "Regional roundup\n\nIran supports Hezbollah with weapons and money.")
    assert all(e.date is None for e in a.events), a.events


def test_a_future_date_never_dates_an_asserted_event(nlp):
    a = _analyze(nlp, "Europe briefing\n\nFrench Foreign Minister Stephane Sejourne meets "
                      "Ukrainian Foreign Minister Dmytro Kuleba in Brussels on April 20.")
    meet = [e for e in a.events if e.trigger.text.startswith("meet")]
    assert meet
    for e in meet:
        assert e.date is None or e.date.value == "2024-04-20" and e.modality != "asserted", e


def test_a_caption_date_does_not_date_the_next_paragraph(nlp):
    """The parser may run a caption without a full stop into the next paragraph's sentence;
    the caption's date stays on its side of the paragraph break."""
    a = _analyze(nlp, "Briefing\n\nBiden meets with officials at the White House, April 13, "
                      "2024. (White House)\n\n“We are committed to defending Israel,” the "
                      "official said.")
    after = a.document.text.index("“We")
    later = [e for e in a.events if e.trigger.start > after]
    assert later, a.events
    for e in later:
        assert e.date is None or e.date.text is None or e.date.start > after, e
