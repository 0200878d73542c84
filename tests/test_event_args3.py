"""Event arguments on hand-built parses (no model), second set: who receives an event noun
("Ukraine received aid", "the President drew praise") and coordinated event nouns that
share their first conjunct's light verb ("will provide help and support to Lebanon")."""

from __future__ import annotations

import pytest

from newsledger.actors.index import ActorIndex
from newsledger.events.arguments import ArgResolver
from newsledger.events.roles import headline_passive, noun_args, verb_args
from newsledger.events.triggers import Candidate
from newsledger.records import Document, Region
from tests.docs import make_doc


def _resolver(doc) -> ArgResolver:
    document = Document(text=doc.text, source="test")
    return ArgResolver(doc, ActorIndex.from_doc(doc, document), [])


def _names(args) -> list[str]:
    return [a.actor.name for a in args]


# who receives an event noun -----------------------------------------------------------------


def _received(verb: str, lemma: str):
    # Ukraine received aid from Germany .
    return make_doc(["Ukraine", verb, "aid", "from", "Germany", "."],
                    [1, 1, 1, 1, 3, 1],
                    ["nsubj", "ROOT", "dobj", "prep", "pobj", "punct"],
                    ["PROPN", "VERB", "NOUN", "ADP", "PROPN", "PUNCT"],
                    tags=["NNP", "VBD", "NN", "IN", "NNP", "."],
                    lemmas=["ukraine", lemma, "aid", "from", "germany", "."],
                    ents=["B-GPE", "O", "O", "O", "B-GPE", "O"])


def test_the_subject_of_a_receiving_verb_is_the_target_and_from_names_the_source():
    doc = _received("received", "receive")
    args = _resolver(doc)
    c = Candidate(head=doc[2], words=[doc[1], doc[2]], type="AID", mode=None, light=doc[1])
    noun_args(c, args, {2: c})
    assert _names(c.sources) == ["Germany"]
    assert _names(c.targets) == ["Ukraine"]


def test_the_subject_of_a_giving_light_verb_stays_the_source():
    doc = _received("sent", "send")
    args = _resolver(doc)
    c = Candidate(head=doc[2], words=[doc[1], doc[2]], type="AID", mode=None, light=doc[1])
    noun_args(c, args, {2: c})
    assert _names(c.sources) == ["Ukraine"]


def test_a_received_event_without_a_giver_has_no_source():
    # Trump has drawn praise .
    doc = make_doc(["Trump", "has", "drawn", "praise", "."],
                   [2, 2, 2, 2, 2],
                   ["nsubj", "aux", "ROOT", "dobj", "punct"],
                   ["PROPN", "AUX", "VERB", "NOUN", "PUNCT"],
                   tags=["NNP", "VBZ", "VBN", "NN", "."],
                   lemmas=["trump", "have", "draw", "praise", "."],
                   ents=["B-PERSON", "O", "O", "O", "O"])
    args = _resolver(doc)
    c = Candidate(head=doc[3], words=[doc[3]], type="SUPPORT", mode=None)
    noun_args(c, args, {3: c})
    assert c.sources == []
    assert _names(c.targets) == ["Trump"]


def test_a_wave_of_sanctions_faced_is_received():
    # Russia faces a wave of sanctions .
    doc = make_doc(["Russia", "faces", "a", "wave", "of", "sanctions", "."],
                   [1, 1, 3, 1, 3, 4, 1],
                   ["nsubj", "ROOT", "det", "dobj", "prep", "pobj", "punct"],
                   ["PROPN", "VERB", "DET", "NOUN", "ADP", "NOUN", "PUNCT"],
                   tags=["NNP", "VBZ", "DT", "NN", "IN", "NNS", "."],
                   lemmas=["russia", "face", "a", "wave", "of", "sanction", "."],
                   ents=["B-GPE", "O", "O", "O", "O", "O", "O"])
    args = _resolver(doc)
    c = Candidate(head=doc[5], words=[doc[5]], type="SANCTION", mode=None)
    noun_args(c, args, {5: c})
    assert c.sources == []
    assert _names(c.targets) == ["Russia"]


# coordinated event nouns -------------------------------------------------------------------


def _coordinated(det: str | None):
    # France will provide help and [the] support to Lebanon .
    words = ["France", "will", "provide", "help", "and", *([det] if det else []), "support",
             "to", "Lebanon", "."]
    k = 1 if det else 0
    heads = [2, 2, 2, 2, 3, *([5 + k] if det else []), 3, 5 + k, 6 + k, 2]
    deps = ["nsubj", "aux", "ROOT", "dobj", "cc", *(["det"] if det else []), "conj", "prep",
            "pobj", "punct"]
    pos = ["PROPN", "AUX", "VERB", "NOUN", "CCONJ", *(["DET"] if det else []), "NOUN", "ADP",
           "PROPN", "PUNCT"]
    ents = ["B-GPE", "O", "O", "O", "O", *(["O"] if det else []), "O", "O", "B-GPE", "O"]
    doc = make_doc(words, heads, deps, pos, ents=ents)
    return doc, 5 + k


def test_a_coordinated_event_noun_shares_the_light_verb_of_the_first():
    doc, i = _coordinated(None)
    args = _resolver(doc)
    c = Candidate(head=doc[i], words=[doc[i]], type="SUPPORT", mode=None)
    noun_args(c, args, {i: c})
    assert _names(c.sources) == ["France"]
    assert _names(c.targets) == ["Lebanon"]


def test_a_coordinated_event_noun_with_its_own_determiner_is_its_own_phrase():
    doc, i = _coordinated("the")
    args = _resolver(doc)
    c = Candidate(head=doc[i], words=[doc[i]], type="SUPPORT", mode=None)
    noun_args(c, args, {i: c})
    assert c.sources == []


def test_a_shared_light_verb_without_a_performer_names_no_target():
    # grants to provide training and support to Lebanon  (nobody named supports)
    doc = make_doc(["grants", "to", "provide", "training", "and", "support", "to", "Lebanon"],
                   [0, 2, 0, 2, 3, 3, 2, 6],
                   ["ROOT", "aux", "acl", "dobj", "cc", "conj", "prep", "pobj"],
                   ["NOUN", "PART", "VERB", "NOUN", "CCONJ", "NOUN", "ADP", "PROPN"],
                   ents=["O", "O", "O", "O", "O", "O", "O", "B-GPE"])
    args = _resolver(doc)
    c = Candidate(head=doc[5], words=[doc[5]], type="SUPPORT", mode=None)
    noun_args(c, args, {5: c})
    assert c.sources == [] and c.targets == []


def test_a_compared_amount_received_is_no_act_on_the_subject():
    # Phoenix has received more funding .
    doc = make_doc(["Phoenix", "has", "received", "more", "funding", "."],
                   [2, 2, 2, 4, 2, 2],
                   ["nsubj", "aux", "ROOT", "amod", "dobj", "punct"],
                   ["PROPN", "AUX", "VERB", "ADJ", "NOUN", "PUNCT"],
                   tags=["NNP", "VBZ", "VBN", "JJR", "NN", "."],
                   lemmas=["phoenix", "have", "receive", "more", "funding", "."],
                   ents=["B-ORG", "O", "O", "O", "O", "O"])
    args = _resolver(doc)
    c = Candidate(head=doc[4], words=[doc[2], doc[4]], type="AID", mode=None, light=doc[2])
    noun_args(c, args, {4: c})
    assert c.targets == []


# headline passives --------------------------------------------------------------------------


def _headline(verb: str, tag: str, lemma: str, with_by: bool):
    # Iran attacked [by Israel]   (a title line)
    words = ["Iran", verb, *(["by", "Israel"] if with_by else [])]
    heads = [1, 1, *([1, 2] if with_by else [])]
    deps = ["nsubj", "ROOT", *(["agent", "pobj"] if with_by else [])]
    pos = ["PROPN", "VERB", *(["ADP", "PROPN"] if with_by else [])]
    tags = ["NNP", tag, *(["IN", "NNP"] if with_by else [])]
    ents = ["B-GPE", "O", *(["O", "B-GPE"] if with_by else [])]
    doc = make_doc(words, heads, deps, pos, tags=tags,
                   lemmas=["iran", lemma, *(["by", "israel"] if with_by else [])], ents=ents)
    document = Document(text=doc.text, source="test", title=doc.text)
    document.regions = [Region(kind="title", start=0, end=len(doc.text))]
    return doc, ArgResolver(doc, ActorIndex.from_doc(doc, document), [])


def test_a_headline_participle_makes_its_subject_the_target_and_by_the_source():
    doc, args = _headline("attacked", "VBN", "attack", with_by=True)
    c = Candidate(head=doc[1], words=[doc[1]], type="ASSAULT", mode=None)
    verb_args(c, args, {1: c})
    assert _names(c.sources) == ["Israel"]
    assert _names(c.targets) == ["Iran"]


def test_a_headline_participle_without_agent_has_only_the_target():
    doc, args = _headline("sanctioned", "VBD", "sanction", with_by=False)
    c = Candidate(head=doc[1], words=[doc[1]], type="SANCTION", mode=None)
    verb_args(c, args, {1: c})
    assert c.sources == []
    assert _names(c.targets) == ["Iran"]


def test_a_headline_present_tense_stays_active():
    doc, args = _headline("attacks", "VBZ", "attack", with_by=False)
    c = Candidate(head=doc[1], words=[doc[1]], type="ASSAULT", mode=None)
    verb_args(c, args, {1: c})
    assert _names(c.sources) == ["Iran"]


def test_a_headline_act_done_alone_stays_active_without_by():
    doc, args = _headline("withdrew", "VBD", "withdraw", with_by=False)
    c = Candidate(head=doc[1], words=[doc[1]], type="RETREAT", mode=None)
    verb_args(c, args, {1: c})
    assert _names(c.sources) == ["Iran"]


def _gapped_doc():
    # Germany will provide assistance to Kyiv and aid to Ukrainians
    words = ["Germany", "will", "provide", "assistance", "to", "Kyiv", "and", "aid", "to",
             "Ukrainians"]
    heads = [2, 2, 2, 2, 2, 4, 5, 5, 2, 8]
    deps = ["nsubj", "aux", "ROOT", "dobj", "prep", "pobj", "cc", "conj", "prep", "pobj"]
    pos = ["PROPN", "AUX", "VERB", "NOUN", "ADP", "PROPN", "CCONJ", "NOUN", "ADP", "PROPN"]
    tags = ["NNP", "MD", "VB", "NN", "IN", "NNP", "CC", "NN", "IN", "NNPS"]
    lemmas = ["germany", "will", "provide", "assistance", "to", "kyiv", "and", "aid", "to",
              "ukrainians"]
    ents = ["B-GPE", "O", "O", "O", "O", "B-GPE", "O", "O", "O", "B-NORP"]
    return make_doc(words, heads, deps, pos, tags=tags, lemmas=lemmas, ents=ents)


def test_a_gapped_second_object_shares_the_verb_and_takes_its_own_recipient():
    doc = _gapped_doc()
    args = _resolver(doc)
    c = Candidate(head=doc[7], words=[doc[7]], type="AID", mode=None)
    noun_args(c, args, {7: c})
    assert _names(c.sources) == ["Germany"]
    # the recipient after the noun, not the first conjunct's Kyiv
    assert [doc.text[a.start:a.end] for a in c.targets] == ["Ukrainians"]


def test_a_receiving_verb_with_a_particle_is_no_receipt():
    # the EU drew up sanctions against Russia  (the drafter acts)
    doc = make_doc(["EU", "drew", "up", "sanctions", "against", "Russia"],
                   [1, 1, 1, 1, 3, 4],
                   ["nsubj", "ROOT", "prt", "dobj", "prep", "pobj"],
                   ["PROPN", "VERB", "ADP", "NOUN", "ADP", "PROPN"],
                   tags=["NNP", "VBD", "RP", "NNS", "IN", "NNP"],
                   lemmas=["eu", "draw", "up", "sanction", "against", "russia"],
                   ents=["B-ORG", "O", "O", "O", "O", "B-GPE"])
    args = _resolver(doc)
    c = Candidate(head=doc[3], words=[doc[3]], type="SANCTION", mode=None)
    noun_args(c, args, {3: c})
    assert _names(c.targets) == ["Russia"]


def test_a_headline_whose_subject_is_an_event_noun_is_not_flipped():
    # "Iran detained": were "Iran" an event noun (a misread "X's Call with ... Detained")
    doc, args = _headline("detained", "VBN", "detain", with_by=False)
    c = Candidate(head=doc[1], words=[doc[1]], type="COERCE", mode=None)
    other = Candidate(head=doc[0], words=[doc[0]], type="CONSULT", mode=None)
    verb_args(c, args, {1: c, 0: other})
    assert c.targets == []


def test_a_participle_describing_a_noun_in_a_headline_is_no_headline_passive():
    # Families of Nationals Detained Abroad  ("Detained" describes the nationals)
    words = ["Families", "of", "Nationals", "Detained", "Abroad"]
    doc = make_doc(words, [0, 0, 1, 2, 3], ["ROOT", "prep", "pobj", "acl", "advmod"],
                   ["NOUN", "ADP", "PROPN", "VERB", "ADV"],
                   tags=["NNS", "IN", "NNPS", "VBN", "RB"],
                   lemmas=["family", "of", "national", "detain", "abroad"])
    document = Document(text=doc.text, source="test", title=doc.text)
    document.regions = [Region(kind="title", start=0, end=len(doc.text))]
    args = ArgResolver(doc, ActorIndex.from_doc(doc, document), [])
    assert not headline_passive(doc[3], "COERCE", args)


@pytest.mark.parametrize("verb,lemma,prep,etype,passive", [
    ("called", "call", "for", "REQUEST", False),    # "Hamas called for ceasefire": active
    ("fired", "fire", "on", "ASSAULT", False),      # "Rebels fired on convoy": active
    ("honored", "honor", "for", "SUPPORT", True),   # "Team honored for achievement"
    ("fired", "fire", "for", "SANCTION", True),     # "Minister fired for leaks"
])
def test_a_headline_past_form_with_its_complement_phrase_is_active(verb, lemma, prep, etype,
                                                                    passive):
    # Hamas <verb> <prep> ceasefire
    words = ["Hamas", verb, prep, "ceasefire"]
    doc = make_doc(words, [1, 1, 1, 2], ["nsubj", "ROOT", "prep", "pobj"],
                   ["PROPN", "VERB", "ADP", "NOUN"], tags=["NNP", "VBD", "IN", "NN"],
                   lemmas=["hamas", lemma, prep, "ceasefire"], ents=["B-ORG", "O", "O", "O"])
    document = Document(text=doc.text, source="test", title=doc.text)
    document.regions = [Region(kind="title", start=0, end=len(doc.text))]
    args = ArgResolver(doc, ActorIndex.from_doc(doc, document), [])
    assert headline_passive(doc[1], etype, args) is passive
