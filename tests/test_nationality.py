"""Nationality, office and possessor rules for actor country and sector, on hand-built Docs
(tests/docs.py: no model), and a floor on PLV_train sentences (the model, ../shared)."""

from __future__ import annotations

import pytest

from newsledger.actors.index import ActorIndex
from newsledger.records import Document, Published
from tests.conftest import ROOT, shared_path
from tests.docs import make_doc


def actors_of(doc, date: str | None = "2024-03-01") -> list:
    document = Document(text=doc.text, source="test",
                        published=Published(date=date) if date else None)
    return ActorIndex.from_doc(doc, document).actors


def by_mention(actors, text: str):
    hits = [a for a in actors if any(m.text == text for m in a.mentions)]
    assert len(hits) == 1, [(a.name, [m.text for m in a.mentions]) for a in actors]
    return hits[0]


def test_demonym_and_office_before_a_name():
    doc = make_doc(
        ["British", "Prime", "Minister", "Rishi", "Sunak", "spoke", "."],
        [4, 2, 4, 4, 5, 5, 5], ["amod", "compound", "compound", "compound", "nsubj", "ROOT",
                                "punct"],
        ["ADJ", "PROPN", "PROPN", "PROPN", "PROPN", "VERB", "PUNCT"],
        ents=["B-NORP", "O", "O", "B-PERSON", "I-PERSON", "O", "O"])
    sunak = by_mention(actors_of(doc), "Rishi Sunak")
    assert (sunak.kind, sunak.country, sunak.sector) == ("person", "GBR", "GOV")


def test_iranian_foreign_minister():
    doc = make_doc(
        ["Iranian", "Foreign", "Minister", "Hossein", "Amirabdollahian", "spoke", "."],
        [4, 2, 4, 4, 5, 5, 5], ["amod", "compound", "compound", "compound", "nsubj", "ROOT",
                                "punct"],
        ["ADJ", "PROPN", "PROPN", "PROPN", "PROPN", "VERB", "PUNCT"],
        ents=["B-NORP", "O", "O", "B-PERSON", "I-PERSON", "O", "O"])
    person = by_mention(actors_of(doc), "Hossein Amirabdollahian")
    assert (person.country, person.sector) == ("IRN", "GOV")


def test_demonym_and_sector_noun():
    doc = make_doc(["The", "Israeli", "military", "struck", "."], [2, 2, 3, 3, 3],
                   ["det", "amod", "nsubj", "ROOT", "punct"],
                   ["DET", "ADJ", "NOUN", "VERB", "PUNCT"],
                   ents=["O", "B-NORP", "O", "O", "O"])
    military = by_mention(actors_of(doc), "The Israeli military")
    assert (military.country, military.sector) == ("ISR", "MIL")


def test_the_russian_ambassador():
    doc = make_doc(["The", "Russian", "ambassador", "left", "."], [2, 2, 3, 3, 3],
                   ["det", "amod", "nsubj", "ROOT", "punct"],
                   ["DET", "ADJ", "NOUN", "VERB", "PUNCT"],
                   ents=["O", "B-NORP", "O", "O", "O"])
    envoy = by_mention(actors_of(doc), "The Russian ambassador")
    assert (envoy.country, envoy.sector) == ("RUS", "GOV")


def test_apposition_with_possessive_country():
    words = ["Rustem", "Umerov", ",", "Ukraine", "'s", "defence", "minister", ",", "spoke", "."]
    doc = make_doc(words, [1, 8, 1, 6, 3, 6, 1, 1, 8, 8],
                   ["compound", "nsubj", "punct", "poss", "case", "compound", "appos", "punct",
                    "ROOT", "punct"],
                   ["PROPN", "PROPN", "PUNCT", "PROPN", "PART", "NOUN", "NOUN", "PUNCT", "VERB",
                    "PUNCT"],
                   ents=["B-PERSON", "I-PERSON", "O", "B-GPE", "O", "O", "O", "O", "O", "O"])
    person = by_mention(actors_of(doc), "Rustem Umerov")
    assert (person.country, person.sector) == ("UKR", "GOV")


def test_possessor_country_of_an_organization():
    words = ["Iran", "'s", "Foreign", "Ministry", "protested", "."]
    doc = make_doc(words, [3, 0, 3, 4, 4, 4], ["poss", "case", "compound", "nsubj", "ROOT",
                                               "punct"],
                   ["PROPN", "PART", "PROPN", "PROPN", "VERB", "PUNCT"],
                   ents=["B-GPE", "O", "B-ORG", "I-ORG", "O", "O"])
    ministry = by_mention(actors_of(doc), "Foreign Ministry")
    assert ministry.country == "IRN"


def test_country_name_tagged_person_is_the_state():
    doc = make_doc(["Nepal", "'s", "prime", "minister", "resigned", "."], [3, 0, 3, 4, 4, 4],
                   ["poss", "case", "amod", "nsubj", "ROOT", "punct"],
                   ["PROPN", "PART", "ADJ", "NOUN", "VERB", "PUNCT"],
                   ents=["B-PERSON", "O", "O", "O", "O", "O"])
    actors = actors_of(doc)
    assert not [a for a in actors if a.kind == "person"]
    pm = by_mention(actors, "Nepal's prime minister")
    assert (pm.country, pm.sector) == ("NPL", "GOV")


def test_several_demonyms_give_no_single_owner():
    # "Ethiopian, Mozambican and South African troops arrived." as the model parses it
    words = ["Ethiopian", ",", "Mozambican", "and", "South", "African", "troops", "arrived",
             "."]
    doc = make_doc(words, [6, 0, 6, 2, 5, 2, 7, 7, 7],
                   ["amod", "punct", "amod", "cc", "amod", "conj", "nsubj", "ROOT", "punct"],
                   ["PROPN", "PUNCT", "PROPN", "CCONJ", "ADJ", "ADJ", "NOUN", "VERB", "PUNCT"],
                   ents=["B-NORP", "O", "B-NORP", "O", "B-NORP", "I-NORP", "O", "O", "O"],
                   lemmas=[w.lower() for w in words[:6]] + ["troop", "arrive", "."])
    actors = actors_of(doc)
    assert not [a for a in actors if any("troops" in m.text for m in a.mentions)]


def test_dateline_city_does_not_make_a_national():
    words = ["PARIS", "-", "John", "Smith", "said", "it", "was", "over", "."]
    doc = make_doc(words, [4, 4, 3, 4, 4, 6, 4, 6, 4],
                   ["npadvmod", "punct", "compound", "nsubj", "ROOT", "nsubj", "ccomp", "acomp",
                    "punct"],
                   ["PROPN", "PUNCT", "PROPN", "PROPN", "VERB", "PRON", "AUX", "ADV", "PUNCT"],
                   ents=["B-GPE", "O", "B-PERSON", "I-PERSON", "O", "O", "O", "O", "O"])
    smith = by_mention(actors_of(doc), "John Smith")
    assert smith.country is None


def test_office_stated_once_holds_for_later_mentions():
    words = ["British", "Prime", "Minister", "Rishi", "Sunak", "spoke", ".", "Sunak", "said",
             "no", "."]
    doc = make_doc(words, [4, 2, 4, 4, 5, 5, 5, 8, 8, 8, 8],
                   ["amod", "compound", "compound", "compound", "nsubj", "ROOT", "punct",
                    "nsubj", "ROOT", "intj", "punct"],
                   ["ADJ", "PROPN", "PROPN", "PROPN", "PROPN", "VERB", "PUNCT", "PROPN", "VERB",
                    "INTJ", "PUNCT"],
                   ents=["B-NORP", "O", "O", "B-PERSON", "I-PERSON", "O", "O", "B-PERSON", "O",
                         "O", "O"],
                   sent_starts=[True] + [False] * 6 + [True] + [False] * 3)
    actors = actors_of(doc)
    sunak = by_mention(actors, "Sunak")
    assert sunak is by_mention(actors, "Rishi Sunak")
    assert (sunak.country, sunak.sector) == ("GBR", "GOV")


def test_dated_role_of_a_bare_surname():
    doc = make_doc(["President", "Biden", "spoke", "."], [1, 2, 2, 2],
                   ["compound", "nsubj", "ROOT", "punct"], ["PROPN", "PROPN", "VERB", "PUNCT"],
                   ents=["O", "B-PERSON", "O", "O"])
    biden = by_mention(actors_of(doc, "2024-03-01"), "Biden")
    assert (biden.country, biden.sector) == ("USA", "GOV")


PLV_SLICE = 80  # sentences: a few seconds of parsing
PLV_PAIR_FLOOR = 0.6  # both marked actors' stated countries right (0.76 on the first 300)


@pytest.mark.shared
def test_plv_country_pairs_floor():
    shared_path("dictionaries", "plv", "PLV_train.tsv")
    import sys

    sys.path.insert(0, str(ROOT))
    from bench.plv_actors import load_rows, score

    result = score(load_rows(PLV_SLICE))
    assert result["pairs"] >= 20
    assert result["pairs_right"] / result["pairs"] >= PLV_PAIR_FLOOR
    assert result["wrong"] <= result["cued"] // 20  # wrong countries stay rare


def test_name_in_apposition_to_a_demonym_role():
    words = ["his", "Pakistani", "counterpart", "Imran", "Khan", "signed", "."]
    doc = make_doc(words, [2, 2, 5, 4, 2, 5, 5],
                   ["poss", "amod", "nsubj", "compound", "appos", "ROOT", "punct"],
                   ["PRON", "ADJ", "NOUN", "PROPN", "PROPN", "VERB", "PUNCT"],
                   ents=["O", "B-NORP", "O", "B-PERSON", "I-PERSON", "O", "O"])
    khan = by_mention(actors_of(doc), "Imran Khan")
    assert khan.country == "PAK"
    assert khan.sector is None  # "counterpart" names no sector ("-" in the agents table)


def test_country_of_a_brief_is_not_a_nationality():
    words = ["The", "UN", "envoy", "for", "Somalia", "James", "Swan", "said", "so", "."]
    doc = make_doc(words, [2, 2, 7, 2, 6, 6, 3, 7, 7, 7],
                   ["det", "compound", "nsubj", "prep", "compound", "compound", "pobj", "ROOT",
                    "advmod", "punct"],
                   ["DET", "PROPN", "NOUN", "ADP", "PROPN", "PROPN", "PROPN", "VERB", "ADV",
                    "PUNCT"],
                   ents=["O", "B-ORG", "O", "O", "B-GPE", "B-PERSON", "I-PERSON", "O", "O",
                         "O"])
    swan = by_mention(actors_of(doc), "James Swan")
    assert swan.country is None


def test_possessor_country_overrides_a_table_organization():
    words = ["Burundi", "'s", "National", "Security", "Council", "met", "."]
    doc = make_doc(words, [4, 0, 4, 4, 5, 5, 5],
                   ["poss", "case", "compound", "compound", "nsubj", "ROOT", "punct"],
                   ["PROPN", "PART", "PROPN", "PROPN", "PROPN", "VERB", "PUNCT"],
                   ents=["B-GPE", "O", "B-ORG", "I-ORG", "I-ORG", "O", "O"])
    council = by_mention(actors_of(doc), "National Security Council")
    assert council.country == "BDI"
