"""Joint phrases as event arguments ("both countries", "the two sides": actors/joint.py,
events/arguments.py joint) and meetings named by their pair ("U.S.-Slovenia Strategic
Dialogue": events/pairs.py). Hand-built Docs, so a model update cannot change what they
check; one model test runs a real sentence shape end to end."""

from __future__ import annotations

import pytest

from newsledger.actors.index import ActorIndex
from newsledger.actors.joint import dash_countries
from newsledger.events.arguments import ArgResolver
from newsledger.events.pairs import pair_meetings
from newsledger.records import Document, Region
from tests.docs import make_doc


def _resolver(doc, title: str | None = None, url: str | None = None) -> ArgResolver:
    document = Document(text=doc.text, source="test", title=title, url=url)
    return ArgResolver(doc, ActorIndex.from_doc(doc, document), [])


STATE_DEPARTMENT = "https://www.state.gov/a-release/"


def _spec(spec: str, ents: dict[int, str] | None = None):
    """``word/POS/TAG/dep/head[/lemma]`` items (head: absolute index); sentences start after
    a full stop; ``ents`` gives entity labels by index (single-token entities)."""
    items = [s.split("/") for s in spec.split()]
    n = len(items)
    return make_doc([i[0] for i in items], [int(i[4]) for i in items], [i[3] for i in items],
                    [i[1] for i in items], tags=[i[2] for i in items],
                    lemmas=[i[5] if len(i) > 5 else i[0].lower() for i in items],
                    ents=[_iob((ents or {}).get(k)) for k in range(n)],
                    sent_starts=[k == 0 or items[k - 1][0] == "." for k in range(n)])


def _iob(label: str | None) -> str:
    """"GPE" opens an entity, "I-PERSON" goes on with one, None is outside."""
    return "O" if label is None else label if label.startswith("I-") else f"B-{label}"


# Slovenia met Croatia . Both countries support Ukraine .
TWO_NAMED = ("Slovenia/PROPN/NNP/nsubj/1 met/VERB/VBD/ROOT/1/meet Croatia/PROPN/NNP/dobj/1 "
             "./PUNCT/./punct/1 Both/DET/DT/det/5 countries/NOUN/NNS/nsubj/6/country "
             "support/VERB/VBP/ROOT/6 Ukraine/PROPN/NNP/dobj/6 ./PUNCT/./punct/6")


def _names(resolver: ArgResolver, tok) -> list[str]:
    return [a.actor.name for a in resolver.resolve(tok)]


def test_both_countries_are_the_two_states_named_before():
    doc = _spec(TWO_NAMED, {0: "GPE", 2: "GPE", 7: "GPE"})
    found = _resolver(doc).resolve(doc[5])
    assert [a.actor.name for a in found] == ["Slovenia and Croatia"]
    assert found[0].actor.kind == "group"
    assert doc.text[found[0].start:found[0].end] == "Both countries"


def test_a_briefing_names_no_pair():
    """In a briefing the two people named are who asks and who answers."""
    doc = _spec(TWO_NAMED, {0: "GPE", 2: "GPE", 7: "GPE"})
    assert " and " not in " ".join(_names(_resolver(doc, "Department Press Briefing"), doc[5]))


def test_many_named_the_pair_last_coordinated_stands():
    # Slovenia met Croatia and Italy . Finland and Sweden applied . Both countries qualify .
    doc = _spec("Slovenia/PROPN/NNP/nsubj/1 met/VERB/VBD/ROOT/1/meet Croatia/PROPN/NNP/dobj/1 "
                "and/CCONJ/CC/cc/2 Italy/PROPN/NNP/conj/2 ./PUNCT/./punct/1 "
                "Finland/PROPN/NNP/nsubj/9 and/CCONJ/CC/cc/6 Sweden/PROPN/NNP/conj/6 "
                "applied/VERB/VBD/ROOT/9/apply ./PUNCT/./punct/9 Both/DET/DT/det/12 "
                "countries/NOUN/NNS/nsubj/13/country qualify/VERB/VBP/ROOT/13 ./PUNCT/./punct/13",
                {0: "GPE", 2: "GPE", 4: "GPE", 6: "GPE", 8: "GPE"})
    assert _names(_resolver(doc), doc[12]) == ["Finland and Sweden"]


def test_co_subjects_of_a_meeting_with_a_third_are_one_side_not_the_two():
    # Biden and Harris spoke with Netanyahu . The two leaders agreed .
    # ("the two leaders" are the call's sides; the two who called together are one side)
    spec = ("Biden/PROPN/NNP/nsubj/3 and/CCONJ/CC/cc/0 Harris/PROPN/NNP/conj/0 "
            "spoke/VERB/VBD/ROOT/3/speak {with} ./PUNCT/./punct/3 The/DET/DT/det/9 "
            "two/NUM/CD/nummod/9 leaders/NOUN/NNS/nsubj/10/leader agreed/VERB/VBD/ROOT/10/agree "
            "./PUNCT/./punct/10")
    people = {0: "PERSON", 2: "PERSON", 5: "PERSON"}
    doc = _spec(spec.format(**{"with": "with/ADP/IN/prep/3 Netanyahu/PROPN/NNP/pobj/4"}),
                people)
    assert _names(_resolver(doc), doc[9]) == []
    # coordinated without a party met, the two are the pair
    alone = _spec(spec.format(**{"with": "today/NOUN/NN/npadvmod/3 again/ADV/RB/advmod/3"}),
                  {0: "PERSON", 2: "PERSON"})
    assert _names(_resolver(alone), alone[9]) == ["Biden and Harris"]


def test_three_coordinated_are_no_pair():
    # Finland , Sweden and Norway applied . Both countries qualify .
    doc = _spec("Finland/PROPN/NNP/nsubj/5 ,/PUNCT/,/punct/0 Sweden/PROPN/NNP/conj/0 "
                "and/CCONJ/CC/cc/2 Norway/PROPN/NNP/conj/2 applied/VERB/VBD/ROOT/5/apply "
                "./PUNCT/./punct/5 Both/DET/DT/det/8 countries/NOUN/NNS/nsubj/9/country "
                "qualify/VERB/VBP/ROOT/9 ./PUNCT/./punct/9",
                {0: "GPE", 2: "GPE", 4: "GPE"})
    assert " and " not in " ".join(_names(_resolver(doc), doc[8]))


@pytest.mark.parametrize("phrase", [
    # the Quad countries support Ukraine : a name of its own
    "The/DET/DT/det/6 Quad/PROPN/NNP/compound/6 countries/NOUN/NNS/nsubj/7/country",
    # all the parties support Ukraine : many, not the pair
    "all/DET/PDT/predet/6 the/DET/DT/det/6 parties/NOUN/NNS/nsubj/7/party",
    # the four parties support Ukraine
    "the/DET/DT/det/6 four/NUM/CD/nummod/6 parties/NOUN/NNS/nsubj/7/party",
])
def test_a_phrase_that_names_its_own_parties_is_no_pair(phrase):
    words = phrase.split()
    spec = ("Slovenia/PROPN/NNP/nsubj/1 met/VERB/VBD/ROOT/1/meet Croatia/PROPN/NNP/dobj/1 "
            "./PUNCT/./punct/1 " + " ".join(words) + " support/VERB/VBP/ROOT/7 "
            "Ukraine/PROPN/NNP/dobj/7 ./PUNCT/./punct/7")
    if len(words) == 2:  # keep the indices of the three-word phrases
        spec = spec.replace("/6 ", "/5 ").replace("/7", "/6")
    doc = _spec(spec, {0: "GPE", 2: "GPE"})
    head = next(t for t in doc if t.lemma_ in ("country", "party"))
    assert " and " not in " ".join(_names(_resolver(doc), head))


# Joe Biden called King Salman . The parties should negotiate .
CALL = ("Joe/PROPN/NNP/compound/1 Biden/PROPN/NNP/nsubj/2 called/VERB/VBD/ROOT/2/call "
        "King/PROPN/NNP/compound/4 Salman/PROPN/NNP/dobj/2 ./PUNCT/./punct/2 The/DET/DT/det/7 "
        "parties/NOUN/NNS/nsubj/9/party should/AUX/MD/aux/9 negotiate/VERB/VB/ROOT/9 "
        "./PUNCT/./punct/9")


def test_the_issuers_own_side_is_in_a_pair_only_when_named_as_one():
    """In a US release "the parties" after Biden's call to King Salman are the parties to
    the conflict, not Biden and the King; in a news story with no issuer they are the two
    people named."""
    doc = _spec(CALL, {0: "PERSON", 1: "I-PERSON", 4: "PERSON"})
    assert " and " not in " ".join(_names(_resolver(doc, url=STATE_DEPARTMENT), doc[7]))
    assert _names(_resolver(doc), doc[7]) == ["Joe Biden and Salman"]


def test_as_an_object_a_pair_holding_the_issuers_country_is_others():
    # The United States met Yemen . We urge both sides .
    doc = _spec("The/DET/DT/det/2 United/PROPN/NNP/compound/2 States/PROPN/NNP/nsubj/3 "
                "met/VERB/VBD/ROOT/3/meet Yemen/PROPN/NNP/dobj/3 ./PUNCT/./punct/3 "
                "We/PRON/PRP/nsubj/7 urge/VERB/VBP/ROOT/7 both/DET/DT/det/9 "
                "sides/NOUN/NNS/dobj/7/side ./PUNCT/./punct/7")
    resolver = _resolver(doc, url=STATE_DEPARTMENT)
    assert " and " not in " ".join(_names(resolver, doc[9]))


def test_a_dashed_pair_in_the_title_is_the_pair():
    # U.S.-Bangladesh Consultation \n Blinken , Smith and Rahman met . Both sides agreed .
    doc = _spec("U.S.-Bangladesh/PROPN/NNP/compound/1 Consultation/PROPN/NNP/ROOT/1 "
                "Blinken/PROPN/NNP/nsubj/7 ,/PUNCT/,/punct/2 Smith/PROPN/NNP/conj/2 "
                "and/CCONJ/CC/cc/4 Rahman/PROPN/NNP/conj/4 met/VERB/VBD/ROOT/7/meet "
                "./PUNCT/./punct/7 Both/DET/DT/det/10 sides/NOUN/NNS/nsubj/11/side "
                "agreed/VERB/VBD/ROOT/11/agree ./PUNCT/./punct/11",
                {2: "PERSON", 4: "PERSON", 6: "PERSON"})
    resolver = _resolver(doc, title="U.S.-Bangladesh Consultation")
    resolver.actors.document.regions = [Region(kind="title", start=0, end=len(
        "U.S.-Bangladesh Consultation"))]
    assert _names(resolver, doc[10]) == ["United States and Bangladesh"]


# meetings named by their pair ------------------------------------------------------------


@pytest.mark.parametrize("text,pair", [
    ("U.S.-Bangladesh High-Level Economic ", ("USA", "BGD")),
    ("Japan - Philippines ", ("JPN", "PHL")),
    ("U.S. – North Macedonia Strategic ", ("USA", "MKD")),
    ("United States-Thailand Energy Policy ", ("USA", "THA")),
    ("U.S.-Algerian Strategic ", ("USA", "DZA")),
    ("Indo-Pacific Economic ", None),
    ("High-Level ", None),
    ("Washington-Moscow ", None),  # capitals are no pair of governments
])
def test_dash_countries(text, pair):
    assert dash_countries(text) == pair


def _meetings(spec: str):
    doc = _spec(spec)
    resolver = _resolver(doc)
    return pair_meetings(doc, resolver, [])


def test_a_dialogue_named_by_two_countries_is_their_meeting():
    found = _meetings("U.S.-Slovenia/PROPN/NNP/compound/2 Strategic/PROPN/NNP/compound/2 "
                      "Dialogue/PROPN/NNP/ROOT/2/dialogue")
    assert [(c.type, [a.actor.name for a in c.sources]) for c in found] == \
        [("CONSULT", ["United States", "Slovenia"])]


def test_a_summit_named_by_a_dashed_pair():
    found = _meetings("Japan/PROPN/NNP/compound/3 -/PUNCT/HYPH/punct/3 "
                      "Philippines/PROPN/NNP/compound/3 summit/NOUN/NN/ROOT/3")
    assert [a.actor.country for a in found[0].sources] == ["JPN", "PHL"]


@pytest.mark.parametrize("spec", [
    # U.S.-Japan Economic Consultative Committee : a body, not a meeting
    "U.S.-Japan/PROPN/NNP/compound/3 Economic/PROPN/NNP/compound/3 "
    "Consultative/PROPN/NNP/compound/3 Committee/PROPN/NNP/ROOT/3",
    # U.S.-Slovenia Dialogue Working Group : the group of a dialogue
    "U.S.-Slovenia/PROPN/NNP/compound/3 Dialogue/PROPN/NNP/compound/3/dialogue "
    "Working/PROPN/NNP/compound/3 Group/PROPN/NNP/ROOT/3",
    # Indo-Pacific Strategic Dialogue : no two countries
    "Indo-Pacific/PROPN/NNP/compound/2 Strategic/PROPN/NNP/compound/2 "
    "Dialogue/PROPN/NNP/ROOT/2/dialogue",
])
def test_no_meeting_without_a_pair_heading_the_name(spec):
    assert _meetings(spec) == []


# a real sentence shape, end to end -----------------------------------------------------------


def test_both_countries_act_as_the_pair_coordinated_before(nlp):
    from newsledger.pipeline import analyze_document

    text = ("Finland and Sweden applied to join NATO in May. "
            "Both countries have agreed to cooperate with Turkey on counterterrorism.")
    analysis = analyze_document(Document(text=text, source="test"))
    found = [(e.source.name, e.target.name) for e in analysis.events
             if e.type == "COOPERATE" and e.source is not None and e.target is not None
             and e.modality == "future"]
    assert found == [("Finland and Sweden", "Turkey")]


def test_the_two_leaders_of_a_readout_are_the_calls_sides(nlp):
    from newsledger.pipeline import analyze_document

    title = "Readout of President Biden's Call with Prime Minister Netanyahu of Israel"
    text = (f"{title}\n\nThis afternoon, President Biden and Vice President Harris spoke with "
            "Prime Minister Netanyahu of Israel to provide an update on the situation.\n\n"
            "The two leaders agreed to speak again in the next few days.\n")
    analysis = analyze_document(Document(text=text, source="test", title=title), nlp=nlp)
    again = [e for e in analysis.events if e.type == "CONSULT" and e.modality == "future"]
    assert len(again) == 1, [(e.type, e.modality, e.trigger.text) for e in analysis.events]
    # the call's two sides, across the readout's paragraphs: not Biden and Harris
    assert "Biden" in again[0].source.name and "Harris" not in again[0].source.name
    assert "Netanyahu" in again[0].target.name
