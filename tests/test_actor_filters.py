"""What is no actor (programs, regions, formulas, transcript markers), headline verbs glued to
names, and a bare surname tagged as an organization, on hand-built Docs (no model)."""

from __future__ import annotations

import pytest

from newsledger.actors.filters import headline_verb, not_an_actor, program_name
from newsledger.actors.index import ActorIndex
from newsledger.actors.offices import domestic_office
from newsledger.records import Document, Published
from tests.docs import make_doc

APRIL_2024 = "2024-04-10"


def _index(doc, kind: str = "statement", date: str = APRIL_2024) -> ActorIndex:
    document = Document(text=doc.text, source="test", kind=kind,
                        published=Published(date=date))
    return ActorIndex.from_doc(doc, document)


@pytest.mark.parametrize(("name", "kind"), [
    ("Medicare", "organization"), ("Social Security", "organization"),
    ("the American Rescue Plan", "organization"), ("Bipartisan Safer Communities Act", "group"),
    ("Investing in America Agenda", "organization"), ("Indo-Pacific", "organization"),
    ("Middle East", "state"), ("Independence of the United States of America", "organization"),
    ("Q", "organization"), ("Laughter", "person"), ("Crosstalk", "person"),
    ("Second Chance Month", "organization"), ("Nation", "organization"),
    ("National Security", "organization"),
])
def test_not_actors(name, kind):
    assert not_an_actor(name, kind)


@pytest.mark.parametrize(("name", "kind"), [
    ("Congress", "organization"), ("Environmental Protection Agency", "organization"),
    ("Peter Marks", "person"), ("Joe Biden", "person"), ("Hamas", "group"),
    ("Planned Parenthood", "organization"), ("Act", "organization"),
    ("Office of Management and Budget", "organization"),
    ("Center for International Environmental Law", "organization"),
])
def test_actors_stay(name, kind):
    assert not not_an_actor(name, kind)


def test_program_words_only_end_a_name():
    assert program_name("Inflation Reduction Act")
    assert not program_name("Action Network") and not program_name("Plan")


def test_headline_verbs_are_capitalised_verbs():
    assert headline_verb("Announces") and headline_verb("Marks")
    assert not headline_verb("announces") and not headline_verb("Biden")


def _headline(words, label):
    """"<words> Anniversary" as a title line, the first words one entity of ``label``."""
    n = len(words)
    return make_doc([*words, "the", "Anniversary"], [n - 1] * (n - 1) + [n - 1, n + 1, n - 1],
                    ["compound"] * (n - 1) + ["ROOT", "det", "dobj"],
                    ["PROPN"] * n + ["DET", "PROPN"],
                    ents=[f"B-{label}"] + [f"I-{label}"] * (n - 1) + ["O", "O"])


def test_headline_verb_is_cut_from_a_known_name():
    index = _index(_headline(["Biden", "Marks"], "PERSON"))
    names = {(a.name, a.kind, a.key) for a in index.actors}
    assert names == {("Joe Biden", "person", "person:joe biden")}


def test_headline_verb_stays_in_an_unknown_name():
    index = _index(_headline(["Peter", "Marks"], "PERSON"))
    assert [a.name for a in index.actors] == ["Peter Marks"]


def test_administration_before_a_headline_verb_is_the_us_government():
    index = _index(_headline(["Biden-Harris", "Administration", "Announces"], "ORG"))
    assert [(a.kind, a.country, a.sector, a.key) for a in index.actors] == [
        ("organization", "USA", "GOV", "state:USA/GOV")]


def test_office_holders_surname_tagged_org_is_the_person():
    # "President Biden's Efforts", the tagger's ORG on "Biden"
    doc = make_doc(["President", "Biden", "'s", "Efforts"], [1, 3, 1, 3],
                   ["compound", "poss", "case", "ROOT"], ["PROPN", "PROPN", "PART", "NOUN"],
                   ents=["O", "B-ORG", "O", "O"])
    index = _index(doc)
    assert [(a.name, a.kind, a.key) for a in index.actors] == [
        ("Joe Biden", "person", "person:joe biden")]


def test_org_tagged_surname_of_nobody_known_stays_an_org():
    doc = make_doc(["Acme", "grew"], [1, 1], ["nsubj", "ROOT"], ["PROPN", "VERB"],
                   ents=["B-ORG", "O"])
    assert [a.kind for a in _index(doc).actors] == ["organization"]


@pytest.mark.parametrize("words", [["Medicare"], ["Indo-Pacific"], ["Social", "Security"]])
def test_programs_and_regions_tagged_org_are_no_actors(words):
    n = len(words)
    doc = make_doc([*words, "grew"], [n - 1] * (n - 1) + [n, n],
                   ["compound"] * (n - 1) + ["nsubj", "ROOT"], ["PROPN"] * n + ["VERB"],
                   ents=["B-ORG"] + ["I-ORG"] * (n - 1) + ["O"])
    assert _index(doc).actors == []


def test_congress_has_one_key():
    doc = make_doc(["United", "States", "Congress", "and", "Congress"], [2, 2, 2, 2, 2],
                   ["compound", "compound", "ROOT", "cc", "conj"],
                   ["PROPN", "PROPN", "PROPN", "CCONJ", "PROPN"],
                   ents=["B-ORG", "I-ORG", "I-ORG", "O", "B-ORG"])
    index = _index(doc)
    assert len(index.actors) == 1 and index.actors[0].key == "org:USA:congress"


WH_URL = "https://www.whitehouse.gov/briefing-room/press-briefings/2024/04/10/press-gaggle/"


def _titled(title: list[str], name: list[str]):
    """"<title> <name> said", the title compounds on the name's last word."""
    n, m = len(title), len(name)
    last = n + m - 1
    heads = [i + 1 for i in range(n - 1)] + [last] + [last] * (m - 1) + [last + 1, last + 1]
    return make_doc([*title, *name, "said"], heads,
                    ["compound"] * (n + m - 1) + ["nsubj", "ROOT"],
                    ["PROPN"] * (n + m) + ["VERB"],
                    ents=["O"] * n + ["B-PERSON"] + ["I-PERSON"] * (m - 1) + ["O"])


def _in_source(doc, url: str | None) -> ActorIndex:
    document = Document(text=doc.text, source="test", kind="transcript", url=url,
                        published=Published(date=APRIL_2024))
    return ActorIndex.from_doc(doc, document)


def test_domestic_title_in_a_government_source_gives_its_country():
    doc = _titled(["Press", "Secretary"], ["Karine", "Jean-Pierre"])
    [actor] = _in_source(doc, WH_URL).actors
    assert (actor.name, actor.country, actor.sector) == ("Karine Jean-Pierre", "USA", "GOV")


def test_domestic_title_elsewhere_gives_no_country():
    doc = _titled(["Press", "Secretary"], ["Karine", "Jean-Pierre"])
    assert [a.country for a in _in_source(doc, "https://example.org/news/1").actors] == [None]


def test_foreign_title_in_a_government_source_gives_no_home_country():
    doc = _titled(["Foreign", "Secretary"], ["Alan", "Smithers"])
    assert [a.country for a in _in_source(doc, WH_URL).actors] != ["USA"]


@pytest.mark.parametrize(("title", "sector"), [
    ("White House Press Secretary", "GOV"), ("Senate Majority Leader", "LEG"),
    ("Governor", "GOV"), ("Prime Minister", None), ("Foreign Secretary", None),
    ("Deputy Secretary-General", None),
])
def test_domestic_office(title, sector):
    assert domestic_office("USA", title) == sector
    assert domestic_office(None, title) is None


def test_question_label_is_not_part_of_a_name():
    doc = make_doc(["Q", "John", ",", "can", "you", "say"], [1, 5, 5, 5, 5, 5],
                   ["compound", "npadvmod", "punct", "aux", "nsubj", "ROOT"],
                   ["PROPN", "PROPN", "PUNCT", "AUX", "PRON", "VERB"],
                   ents=["B-PERSON", "I-PERSON", "O", "O", "O", "O"])
    names = [a.name for a in _index(doc, kind="transcript").actors]
    assert not any(n.startswith("Q ") for n in names), names


def test_city_tagged_person_is_no_actor():
    doc = make_doc(["Rafah", "was", "quiet"], [2, 2, 2], ["nsubj", "cop", "ROOT"],
                   ["PROPN", "AUX", "ADJ"], ents=["B-PERSON", "O", "O"])
    assert _index(doc, kind="news").actors == []


def test_city_tagged_org_is_a_place():
    doc = make_doc(["Aid", "reached", "Gaza"], [1, 1, 1], ["nsubj", "ROOT", "dobj"],
                   ["NOUN", "VERB", "PROPN"], ents=["O", "O", "B-ORG"])
    index = _index(doc, kind="news")
    gaza = index.resolve_phrase(doc[2:3])
    assert gaza is None or gaza.kind != "organization"


def test_one_key_for_the_forms_of_a_department():
    doc = make_doc(["Department", "of", "Energy", "and", "DOE"], [0, 0, 1, 0, 0],
                   ["ROOT", "prep", "pobj", "cc", "conj"],
                   ["PROPN", "ADP", "PROPN", "CCONJ", "PROPN"],
                   ents=["B-ORG", "I-ORG", "I-ORG", "O", "B-ORG"])
    index = _index(doc)
    assert {(a.key, a.country) for a in index.actors} == {("org:USA:doe", "USA")}


def _trip(first_ent: list[str], label: str = "PERSON"):
    """"Fagin Conclude Trip . Ambassador Steve Fagin met Alimi ." with the tagger's first
    entity over ``first_ent`` (a headline, then the body naming the person in full)."""
    words = ["Fagin", "Conclude", "Trip", ".", "Ambassador", "Steve", "Fagin", "met",
             "Alimi", "."]
    heads = [1, 1, 1, 1, 6, 6, 7, 7, 7, 7]
    deps = ["nsubj", "ROOT", "dobj", "punct", "compound", "compound", "nsubj", "ROOT", "dobj",
            "punct"]
    pos = ["PROPN", "VERB", "PROPN", "PUNCT", "PROPN", "PROPN", "PROPN", "VERB", "PROPN",
           "PUNCT"]
    n = len(first_ent)
    ents = [f"B-{label}"] + [f"I-{label}"] * (n - 1) + ["O"] * (4 - n) + \
        ["O", "B-PERSON", "I-PERSON", "O", "B-PERSON", "O"]
    return make_doc(words, heads, deps, pos, ents=ents,
                    sent_starts=[True, False, False, False, True, False, False, False, False,
                                 False])


def test_plural_headline_verb_is_cut_from_a_surname_named_in_full_later():
    # "Special Envoy Lenderking and Ambassador Fagin Conclude Trip": the verb agrees with
    # two people, so headline verbs include base forms; "Fagin" is Steve Fagin of the body.
    index = _index(_trip(["Fagin", "Conclude", "Trip"]))
    people = {a.name for a in index.actors if a.kind == "person"}
    assert "Fagin Conclude Trip" not in people and "Steve Fagin" in people
    fagin = next(a for a in index.actors if a.name == "Steve Fagin")
    assert any(m.text == "Fagin" for m in fagin.mentions)


def test_titled_surname_the_tagger_missed_is_the_person_named_in_full():
    # "Tim Lenderking met Alimi . Special Envoy Lenderking spoke ."
    words = ["Tim", "Lenderking", "met", "Alimi", ".", "Special", "Envoy", "Lenderking",
             "spoke", "."]
    doc = make_doc(words, [1, 2, 2, 2, 2, 7, 7, 8, 8, 8],
                   ["compound", "nsubj", "ROOT", "dobj", "punct", "compound", "compound",
                    "nsubj", "ROOT", "punct"],
                   ["PROPN", "PROPN", "VERB", "PROPN", "PUNCT", "PROPN", "PROPN", "PROPN",
                    "VERB", "PUNCT"],
                   ents=["B-PERSON", "I-PERSON", "O", "B-PERSON", "O", "O", "O", "O", "O",
                         "O"],
                   sent_starts=[True, False, False, False, False, True, False, False, False,
                                False])
    index = _index(doc)
    actor = index.resolve_phrase(doc[5:8])
    assert actor is not None and actor.name == "Tim Lenderking" and actor.kind == "person"


def test_a_common_noun_listed_as_an_alias_is_no_organization():
    # Phoenix lists "ORGANIZATION" (its translation) as an alias of Tanzim: "an
    # Indonesia-Based Organization" must not become that group
    from newsledger.actors.tables import tables
    assert tables().org("organization") is None
    assert tables().org("Al-Qaida") is not None


def test_a_headings_gerund_is_no_part_of_the_name_after_it():
    # "Welcoming Israel" tagged as one PERSON: the state; "Supporting Acme Families": Acme
    doc = make_doc(["Welcoming", "Israel"], [0, 0], ["ROOT", "dobj"], ["VERB", "PROPN"],
                   tags=["VBG", "NNP"], ents=["B-PERSON", "I-PERSON"])
    assert [(a.name, a.kind) for a in _index(doc).actors] == [("Israel", "state")]
    doc = make_doc(["Supporting", "Acme", "Families"], [0, 2, 0], ["ROOT", "compound", "dobj"],
                   ["VERB", "PROPN", "PROPN"], tags=["VBG", "NNP", "NNPS"],
                   ents=["B-ORG", "I-ORG", "I-ORG"])
    assert [a.name for a in _index(doc).actors] == ["Acme Families"]
    # a name whose first word only ends in -ing stays whole ("Reading Football Club")
    doc = make_doc(["Reading", "Club", "won"], [1, 2, 2], ["compound", "nsubj", "ROOT"],
                   ["PROPN", "PROPN", "VERB"], tags=["NNP", "NNP", "VBD"],
                   ents=["B-ORG", "I-ORG", "O"])
    assert [a.name for a in _index(doc).actors] == ["Reading Club"]


def test_two_countries_sharing_their_last_word_are_two_states():
    # "North and South Korea exchanged fire": written once, two states
    doc = make_doc(["North", "and", "South", "Korea", "fired"], [3, 0, 0, 4, 4],
                   ["nmod", "cc", "conj", "nsubj", "ROOT"],
                   ["PROPN", "CCONJ", "PROPN", "PROPN", "VERB"],
                   ents=["B-GPE", "I-GPE", "I-GPE", "I-GPE", "O"])
    index = _index(doc)
    found = index.resolve_phrases(doc[0:4])
    assert [(a.name, a.country) for a in found] == [("North Korea", "PRK"),
                                                    ("South Korea", "KOR")]
    assert [doc.text[m.start:m.end] for a in found for m in a.mentions][-1] == "South Korea"
    # "South and Central America" joins no two countries: the phrase resolves as before
    doc = make_doc(["South", "and", "Central", "America", "grew"], [3, 0, 0, 4, 4],
                   ["nmod", "cc", "conj", "nsubj", "ROOT"],
                   ["PROPN", "CCONJ", "PROPN", "PROPN", "VERB"],
                   ents=["B-LOC", "I-LOC", "I-LOC", "I-LOC", "O"])
    assert len(_index(doc).resolve_phrases(doc[0:4])) <= 1
