"""Cue rules of the quotation stage on hand-built parses (no model): which clause a reporting
verb reports, and when a verb names an act rather than a saying."""

from __future__ import annotations

from newsledger.quotes.cues import find_cues
from tests.docs import make_doc


def comps(doc, verb: str) -> list[str]:
    """The reported clauses of the cues on ``verb`` (empty when it reports nothing)."""
    text = doc.text
    return [text[c.comp[0]:c.comp[1]] for c in find_cues(doc, text, [])
            if c.token is not None and c.token.text == verb and c.comp is not None]


def test_relative_clause_of_the_object_is_not_reported():
    # NASA announced the locations that would be given the orbiters.
    doc = make_doc(
        ["NASA", "announced", "the", "locations", "that", "would", "be", "given", "the",
         "orbiters", "."],
        [1, 1, 3, 1, 7, 7, 7, 3, 9, 7, 1],
        ["nsubj", "ROOT", "det", "dobj", "nsubjpass", "aux", "auxpass", "relcl", "det", "dobj",
         "punct"],
        ["PROPN", "VERB", "DET", "NOUN", "PRON", "AUX", "AUX", "VERB", "DET", "NOUN", "PUNCT"],
        lemmas=["NASA", "announce", "the", "location", "that", "would", "be", "give", "the",
                "orbiter", "."])
    assert comps(doc, "announced") == []


def test_that_clause_hung_on_the_object_is_reported():
    # NASA told reporters that it would retire the orbiters. (clause attached to the object)
    doc = make_doc(
        ["NASA", "told", "reporters", "that", "it", "would", "retire", "the", "orbiters", "."],
        [1, 1, 1, 6, 6, 6, 2, 8, 6, 1],
        ["nsubj", "ROOT", "dobj", "mark", "nsubj", "aux", "relcl", "det", "dobj", "punct"],
        ["PROPN", "VERB", "NOUN", "SCONJ", "PRON", "AUX", "VERB", "DET", "NOUN", "PUNCT"],
        lemmas=["NASA", "tell", "reporter", "that", "it", "would", "retire", "the", "orbiter",
                "."])
    assert comps(doc, "told") == ["it would retire the orbiters"]


def test_as_clause_of_an_act_attributes_nothing():
    # Prices fell sharply as the administration continued to cut costs.
    doc = make_doc(
        ["Prices", "fell", "sharply", "as", "the", "administration", "continued", "to", "cut",
         "costs", "."],
        [1, 1, 1, 6, 5, 6, 1, 8, 6, 8, 1],
        ["nsubj", "ROOT", "advmod", "mark", "det", "nsubj", "advcl", "aux", "xcomp", "dobj",
         "punct"],
        ["NOUN", "VERB", "ADV", "SCONJ", "DET", "NOUN", "VERB", "PART", "VERB", "NOUN", "PUNCT"],
        lemmas=["price", "fall", "sharply", "as", "the", "administration", "continue", "to",
                "cut", "cost", "."])
    assert comps(doc, "continued") == []


def test_as_clause_of_a_saying_attributes_the_main_clause():
    # As the spokesman said, prices fell sharply.
    doc = make_doc(
        ["As", "the", "spokesman", "said", ",", "prices", "fell", "sharply", "."],
        [3, 2, 3, 6, 6, 6, 6, 6, 6],
        ["mark", "det", "nsubj", "advcl", "punct", "nsubj", "ROOT", "advmod", "punct"],
        ["SCONJ", "DET", "NOUN", "VERB", "PUNCT", "NOUN", "VERB", "ADV", "PUNCT"],
        lemmas=["as", "the", "spokesman", "say", ",", "price", "fall", "sharply", "."])
    assert comps(doc, "said") == ["prices fell sharply"]


def test_speech_not_yet_made_is_not_reported():
    # The Secretary will underscore that the treaty works. / The Secretary underscored that ...
    def doc_for(words: list[str], lemmas: list[str], pos: list[str], tags: list[str]):
        n = len(words)  # the verb stands six words before the end
        v = n - 6
        return make_doc(
            words, [1, v, *([v] * (v - 2)), v, v + 4, v + 3, v + 4, v, v],
            ["det", "nsubj", *(["aux"] * (v - 2)), "ROOT", "mark", "det", "nsubj", "ccomp",
             "punct"],
            pos, lemmas=lemmas, tags=tags)
    future = doc_for(["The", "Secretary", "will", "underscore", "that", "the", "treaty", "works",
                      "."],
                     ["the", "secretary", "will", "underscore", "that", "the", "treaty", "work",
                      "."],
                     ["DET", "NOUN", "AUX", "VERB", "SCONJ", "DET", "NOUN", "VERB", "PUNCT"],
                     ["DT", "NN", "MD", "VB", "IN", "DT", "NN", "VBZ", "."])
    assert comps(future, "underscore") == []
    past = doc_for(["The", "Secretary", "underscored", "that", "the", "treaty", "works", "."],
                   ["the", "secretary", "underscore", "that", "the", "treaty", "work", "."],
                   ["DET", "NOUN", "VERB", "SCONJ", "DET", "NOUN", "VERB", "PUNCT"],
                   ["DT", "NN", "VBD", "IN", "DT", "NN", "VBZ", "."])
    assert comps(past, "underscored") == ["the treaty works"]


def test_highlighting_that_reports_and_highlighting_a_thing_does_not():
    # Bangladesh highlighted that flights are a priority .
    doc = make_doc(["Bangladesh", "highlighted", "that", "flights", "are", "a", "priority", "."],
                   [1, 1, 4, 4, 1, 6, 4, 1],
                   ["nsubj", "ROOT", "mark", "nsubj", "ccomp", "det", "attr", "punct"],
                   ["PROPN", "VERB", "SCONJ", "NOUN", "AUX", "DET", "NOUN", "PUNCT"],
                   lemmas=["Bangladesh", "highlight", "that", "flight", "be", "a", "priority",
                           "."])
    assert comps(doc, "highlighted") == ["flights are a priority"]
    # The United States highlighted Bangladesh 's role .
    role = make_doc(["Bangladesh", "highlighted", "the", "role", "."], [1, 1, 3, 1, 1],
                    ["nsubj", "ROOT", "det", "dobj", "punct"],
                    ["PROPN", "VERB", "DET", "NOUN", "PUNCT"],
                    lemmas=["Bangladesh", "highlight", "the", "role", "."])
    assert comps(role, "highlighted") == []
