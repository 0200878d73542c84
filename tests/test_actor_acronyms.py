"""Names introduced with their acronym (``actors.acronyms``) on hand-built Docs: the words
whose initials spell it are one name, the acronym is that name again."""

from __future__ import annotations

from newsledger.actors.acronyms import acronyms
from newsledger.actors.index import ActorIndex
from newsledger.records import Document
from tests.docs import make_doc


def _mmi(last: str = "Indonesia", acr: str = "MMI"):
    # Officials met Majelis Mujahidin <last> ( <acr> ) . <acr> attacked .
    words = ["Officials", "met", "Majelis", "Mujahidin", last, "(", acr, ")", ".",
             acr, "attacked", "."]
    heads = [1, 1, 4, 4, 1, 6, 4, 6, 1, 10, 10, 10]
    deps = ["nsubj", "ROOT", "compound", "compound", "dobj", "punct", "appos", "punct",
            "punct", "nsubj", "ROOT", "punct"]
    pos = ["NOUN", "VERB", "PROPN", "PROPN", "PROPN", "PUNCT", "PROPN", "PUNCT", "PUNCT",
           "PROPN", "VERB", "PUNCT"]
    tags = ["NNS", "VBD", "NNP", "NNP", "NNP", "-LRB-", "NNP", "-RRB-", ".", "NNP", "VBD", "."]
    # the tagger's pieces: a person and a country
    ents = ["O", "O", "B-PERSON", "I-PERSON", "B-GPE", "O", "B-ORG", "O", "O", "B-ORG", "O",
            "O"]
    return make_doc(words, heads, deps, pos, tags=tags, ents=ents,
                    sent_starts=[True] + [False] * 8 + [True, False, False])


def test_the_words_whose_initials_spell_an_acronym_are_its_name():
    doc = _mmi()
    assert [(n.text, a.text) for n, a in acronyms(doc)] == [("Majelis Mujahidin Indonesia",
                                                             "MMI")]
    # initials that do not spell it: no name
    assert acronyms(_mmi(acr="MMX")) == []


def test_a_split_name_with_its_acronym_is_one_organization_named_again_by_it():
    doc = _mmi()
    index = ActorIndex.from_doc(doc, Document(text=doc.text, source="test"))
    met = index.resolve_phrase(doc[2:5])
    again = index.resolve_phrase(doc[9:10])
    assert met is not None and met.name == "Majelis Mujahidin Indonesia"
    assert met.kind == "organization" and again is met
    # the country in the name is no actor of its own here
    assert all(a.kind != "state" for a in index.actors)
