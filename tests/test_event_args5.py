"""Event arguments on hand-built parses (no model), fifth set: the weapons' owner as the
attacker ("Russian missiles hit Kyiv"), a place that locates what was attacked ("an air base
near Isfahan"), an amount of an event noun under a giving verb ("will send $300 million in
aid to Ukraine"), "they" with a plural noun that names no actor before it, and "the
President and the Vice President" on a White House page; a ceasefire's two sides, a sum of money given, a
counted crowd that protests."""

from __future__ import annotations

from newsledger.events.arguments import Arg
from newsledger.events.extract import _pick_args
from newsledger.events.roles import verb_args
from newsledger.events.triggers import Candidate, light_verb, verb_trigger
from newsledger.records import Actor
from tests.docs import arg_resolver, make_doc

WH = "https://www.whitehouse.gov/briefing-room/statements-releases/2023/02/10/readout/"


def _names(args) -> list[str]:
    return [a.actor.name for a in args]


def _attack(doc, i: int) -> Candidate:
    c = Candidate(head=doc[i], words=[doc[i]], type="ASSAULT", mode=None)
    verb_args(c, arg_resolver(doc), {i: c})
    return c


# the weapons' owner -------------------------------------------------------------------------

def _weapons_hit(owner: str, owner_pos: str, owner_dep: str, owner_ent: str, weapon: str):
    # <owner> <weapon> hit Kyiv .
    return make_doc([owner, weapon, "hit", "Kyiv", "."], [1, 2, 2, 2, 2],
                    [owner_dep, "nsubj", "ROOT", "dobj", "punct"],
                    [owner_pos, "NOUN", "VERB", "PROPN", "PUNCT"],
                    tags=["JJ" if owner_pos == "ADJ" else "NNP", "NNS", "VBD", "NNP", "."],
                    lemmas=[owner.lower(), weapon.rstrip("s"), "hit", "Kyiv", "."],
                    ents=[owner_ent, "O", "O", "B-GPE", "O"])


def test_the_owner_of_the_weapons_that_struck_is_the_attacker():
    c = _attack(_weapons_hit("Russian", "ADJ", "amod", "B-NORP", "missiles"), 2)
    assert [a.actor.country for a in c.sources] == ["RUS"]
    assert _names(c.targets) == ["Kyiv"]


def test_a_subject_that_is_no_weapon_lends_no_owner():
    # "Russian officials hit Kyiv": officials are resolved as themselves or not at all,
    # never through the weapon rule; "Russian reports" names no attacker
    c = _attack(_weapons_hit("Russian", "ADJ", "amod", "B-NORP", "reports"), 2)
    assert c.sources == []


# a place that locates what was attacked ---------------------------------------------------------

def test_the_place_of_a_common_noun_attacked_is_the_target():
    # Israel struck an air base near Isfahan .
    doc = make_doc(["Israel", "struck", "an", "air", "base", "near", "Isfahan", "."],
                   [1, 1, 4, 4, 1, 4, 5, 1],
                   ["nsubj", "ROOT", "det", "compound", "dobj", "prep", "pobj", "punct"],
                   ["PROPN", "VERB", "DET", "NOUN", "NOUN", "ADP", "PROPN", "PUNCT"],
                   tags=["NNP", "VBD", "DT", "NN", "NN", "IN", "NNP", "."],
                   lemmas=["Israel", "strike", "an", "air", "base", "near", "Isfahan", "."],
                   ents=["B-GPE", "O", "O", "O", "O", "O", "B-GPE", "O"])
    c = _attack(doc, 1)
    assert _names(c.sources) == ["Israel"]
    assert [(a.actor.name, a.actor.country) for a in c.targets] == [("Isfahan", "IRN")]


def test_a_place_tagged_as_an_organization_before_a_facility_is_still_a_place():
    # Iran struck the Isfahan air base .   ("Isfahan" tagged ORG)
    doc = make_doc(["Iran", "struck", "the", "Isfahan", "air", "base", "."],
                   [1, 1, 5, 5, 5, 1, 1],
                   ["nsubj", "ROOT", "det", "compound", "compound", "dobj", "punct"],
                   ["PROPN", "VERB", "DET", "PROPN", "NOUN", "NOUN", "PUNCT"],
                   tags=["NNP", "VBD", "DT", "NNP", "NN", "NN", "."],
                   lemmas=["Iran", "strike", "the", "Isfahan", "air", "base", "."],
                   ents=["B-GPE", "O", "O", "B-ORG", "O", "O", "O"])
    c = _attack(doc, 1)
    assert [a.actor.country for a in c.targets] == ["IRN"]


def test_a_thing_attacked_in_no_known_place_has_no_target():
    # Iran struck an air base near Zzyzxville .
    doc = make_doc(["Iran", "struck", "an", "air", "base", "near", "Zzyzxville", "."],
                   [1, 1, 4, 4, 1, 4, 5, 1],
                   ["nsubj", "ROOT", "det", "compound", "dobj", "prep", "pobj", "punct"],
                   ["PROPN", "VERB", "DET", "NOUN", "NOUN", "ADP", "PROPN", "PUNCT"],
                   lemmas=["Iran", "strike", "an", "air", "base", "near", "Zzyzxville", "."],
                   ents=["B-GPE", "O", "O", "O", "O", "O", "B-GPE", "O"])
    assert _attack(doc, 1).targets == []


# an amount of an event noun --------------------------------------------------------------------

def _amount_of(verb: str, lemma: str):
    # The United States will <verb> $ 300 million in aid to Ukraine .
    words = ["The", "United", "States", "will", verb, "$", "300", "million", "in", "aid", "to",
             "Ukraine", "."]
    heads = [2, 2, 4, 4, 4, 7, 7, 4, 7, 8, 4, 10, 4]
    deps = ["det", "compound", "nsubj", "aux", "ROOT", "quantmod", "compound", "dobj", "prep",
            "pobj", "prep", "pobj", "punct"]
    pos = ["DET", "PROPN", "PROPN", "AUX", "VERB", "SYM", "NUM", "NUM", "ADP", "NOUN", "ADP",
           "PROPN", "PUNCT"]
    lemmas = ["the", "United", "States", "will", lemma, "$", "300", "million", "in", "aid", "to",
              "Ukraine", "."]
    ents = ["B-GPE", "I-GPE", "I-GPE", "O", "O", "B-MONEY", "I-MONEY", "I-MONEY", "O", "O", "O",
            "B-GPE", "O"]
    return make_doc(words, heads, deps, pos, lemmas=lemmas, ents=ents)


def test_a_giving_verb_gives_the_event_noun_of_its_amount():
    doc = _amount_of("send", "send")
    found = light_verb(doc[9])
    assert found is not None and found.i == 4


def test_having_an_amount_gives_nothing():
    # "We have $5.5 billion in new funding": possession, not a gift
    assert light_verb(_amount_of("have", "have")[9]) is None


# "they" after a plural noun that names no actor --------------------------------------------

def test_they_after_a_plural_noun_that_names_no_actor_is_nobody():
    # Turkey expelled ambassadors after they called .
    doc = make_doc(["Turkey", "expelled", "ambassadors", "after", "they", "called", "."],
                   [1, 1, 1, 5, 5, 1, 1],
                   ["nsubj", "ROOT", "dobj", "mark", "nsubj", "advcl", "punct"],
                   ["PROPN", "VERB", "NOUN", "SCONJ", "PRON", "VERB", "PUNCT"],
                   tags=["NNP", "VBD", "NNS", "IN", "PRP", "VBD", "."],
                   lemmas=["Turkey", "expel", "ambassador", "after", "they", "call", "."],
                   ents=["B-GPE", "O", "O", "O", "O", "O", "O"])
    assert arg_resolver(doc).pronoun(doc[4]) is None


def test_they_after_a_singular_object_is_still_the_subject():
    # Turkey expelled the envoy after they called .
    doc = make_doc(["Turkey", "expelled", "the", "envoy", "after", "they", "called", "."],
                   [1, 1, 3, 1, 6, 6, 1, 1],
                   ["nsubj", "ROOT", "det", "dobj", "mark", "nsubj", "advcl", "punct"],
                   ["PROPN", "VERB", "DET", "NOUN", "SCONJ", "PRON", "VERB", "PUNCT"],
                   tags=["NNP", "VBD", "DT", "NN", "IN", "PRP", "VBD", "."],
                   lemmas=["Turkey", "expel", "the", "envoy", "after", "they", "call", "."],
                   ents=["B-GPE", "O", "O", "O", "O", "O", "O", "O"])
    found = arg_resolver(doc).pronoun(doc[5])
    assert found is not None and found.actor.name == "Turkey"


# "the President and the Vice President" -----------------------------------------------------

def test_the_president_with_a_conjunct_on_a_white_house_page_is_the_us_president():
    # The President and the Vice President traveled . President Xi spoke .
    words = ["The", "President", "and", "the", "Vice", "President", "traveled", ".",
             "President", "Xi", "spoke", "."]
    doc = make_doc(words, [1, 6, 1, 5, 5, 1, 6, 6, 9, 10, 10, 10],
                   ["det", "nsubj", "cc", "det", "compound", "conj", "ROOT", "punct",
                    "compound", "nsubj", "ROOT", "punct"],
                   ["DET", "PROPN", "CCONJ", "DET", "PROPN", "PROPN", "VERB", "PUNCT", "PROPN",
                    "PROPN", "VERB", "PUNCT"],
                   tags=["DT", "NNP", "CC", "DT", "NNP", "NNP", "VBD", ".", "NNP", "NNP",
                         "VBD", "."],
                   ents=["O", "O", "O", "O", "O", "O", "O", "O", "O", "B-PERSON", "O", "O"],
                   sent_starts=[True, *[False] * 7, True, False, False, False])
    found = arg_resolver(doc, url=WH).titled(doc[1])
    assert found is not None and found.name == "Joe Biden"


# a ceasefire is mutual ---------------------------------------------------------------------

def _arg(i: int, name: str, country: str) -> Arg:
    return Arg(Actor(id=f"a{i}", name=name, kind="organization", country=country), 0, 1)


def _ceasefire(mode: str | None) -> Candidate:
    doc = make_doc(["a", "ceasefire"], [1, 1], ["det", "ROOT"], ["DET", "NOUN"])
    c = Candidate(head=doc[1], words=[doc[1]], type="RETREAT", mode=mode)
    c.sources = [_arg(1, "Sudanese military", "SDN"), _arg(2, "Rapid Support Forces", "SDN")]
    return c


def test_two_sides_agreeing_to_a_ceasefire_are_each_other_s_target():
    src, tgt = _pick_args(_ceasefire("ceasefire"))
    assert (src.actor.name, tgt.actor.name) == ("Sudanese military", "Rapid Support Forces")


def test_two_sides_releasing_together_are_no_pair():
    # "Hamas and Islamic Jihad released hostages": a release is not done to each other
    src, tgt = _pick_args(_ceasefire("release"))
    assert src.actor.name == "Sudanese military" and tgt is None


# a sum of money given to a recipient ---------------------------------------------------------

def _pledged(verb: str, lemma: str, to: bool):
    # The EU <verb> 50 billion euros [to Ukraine] .
    words = ["The", "EU", verb, "50", "billion", "euros", *(["to", "Ukraine"] if to else []), "."]
    n = len(words)
    heads = [1, 2, 2, 4, 5, 2, *([2, 6] if to else []), 2]
    deps = ["det", "nsubj", "ROOT", "compound", "nummod", "dobj",
            *(["prep", "pobj"] if to else []), "punct"]
    pos = ["DET", "PROPN", "VERB", "NUM", "NUM", "NOUN", *(["ADP", "PROPN"] if to else []),
           "PUNCT"]
    lemmas = ["the", "EU", lemma, "50", "billion", "euro", *(["to", "Ukraine"] if to else []),
              "."]
    ents = ["O", "B-ORG", "O", "B-CARDINAL", "I-CARDINAL", "O", *(["O", "B-GPE"] if to else []),
            "O"]
    assert len(heads) == n
    return make_doc(words, heads, deps, pos, lemmas=lemmas, ents=ents)


def test_a_sum_of_money_given_to_a_recipient_is_aid():
    doc = _pledged("pledged", "pledge", to=True)
    found = verb_trigger(doc[2], arg_resolver(doc))
    assert found is not None and found[0] == "AID"
    assert [t.text for t in found[1]] == ["pledged", "euros"]


def test_a_sum_without_a_recipient_is_no_aid():
    # "Saudi Arabia pledged $500 million": to what, unsaid (a fund, a project ...)
    doc = _pledged("pledged", "pledge", to=False)
    found = verb_trigger(doc[2], arg_resolver(doc))
    assert found is None or found[0] != "AID"


# a counted crowd protests ---------------------------------------------------------------------

def test_a_counted_crowd_is_the_agent_of_a_protest_only():
    # Thousands of farmers protested / attacked .
    def doc_of(verb: str, lemma: str):
        return make_doc(["Thousands", "of", "farmers", verb, "."], [3, 0, 1, 3, 3],
                        ["nsubj", "prep", "pobj", "ROOT", "punct"],
                        ["NOUN", "ADP", "NOUN", "VERB", "PUNCT"],
                        tags=["NNS", "IN", "NNS", "VBD", "."],
                        lemmas=["thousand", "of", "farmer", lemma, "."])
    doc = doc_of("protested", "protest")
    c = Candidate(head=doc[3], words=[doc[3]], type="PROTEST", mode=None)
    verb_args(c, arg_resolver(doc), {3: c})
    assert [a.actor.name for a in c.sources] == ["farmers"]
    doc = doc_of("attacked", "attack")
    c = Candidate(head=doc[3], words=[doc[3]], type="ASSAULT", mode=None)
    verb_args(c, arg_resolver(doc), {3: c})
    assert c.sources == []


# ordering a party out expels it --------------------------------------------------------------

def _ordered(obj_mod: str, obj_mod_pos: str, obj_ent: str, obj: str):
    # Niger ordered <mod> <obj> to leave .
    words = ["Niger", "ordered", obj_mod, obj, "to", "leave", "."]
    return make_doc(words, [1, 1, 3, 1, 5, 1, 1],
                    ["nsubj", "ROOT", "amod" if obj_mod_pos == "ADJ" else "poss", "dobj", "aux",
                     "xcomp", "punct"],
                    ["PROPN", "VERB", obj_mod_pos, "NOUN", "PART", "VERB", "PUNCT"],
                    tags=["NNP", "VBD", "JJ" if obj_mod_pos == "ADJ" else "PRP$", "NNS", "TO",
                          "VB", "."],
                    lemmas=["Niger", "order", obj_mod.lower(), obj.rstrip("s"), "to", "leave", "."],
                    ents=["B-GPE", "O", obj_ent, "O", "O", "O", "O"])


def test_ordering_a_national_party_to_leave_expels_it():
    doc = _ordered("French", "ADJ", "B-NORP", "troops")
    found = verb_trigger(doc[1], arg_resolver(doc))
    assert found is not None and found[0].startswith("SANCTION")
    assert [t.text for t in found[1]] == ["ordered", "leave"]


def test_ordering_one_s_own_troops_to_leave_expels_no_one():
    # "ordered his troops to withdraw": a command, no expulsion
    doc = _ordered("his", "PRON", "O", "troops")
    found = verb_trigger(doc[1], arg_resolver(doc))
    assert found is None or not found[0].startswith("SANCTION")


# a settlement named by its "of" phrase ------------------------------------------------------------

def test_a_settlement_named_by_its_of_phrase_is_a_place_whatever_its_tag():
    # Russia captured the town of Avdiivka .   ("Avdiivka" tagged PERSON, unknown to the
    # gazetteer)
    doc = make_doc(["Russia", "captured", "the", "town", "of", "Avdiivka", "."],
                   [1, 1, 3, 1, 3, 4, 1],
                   ["nsubj", "ROOT", "det", "dobj", "prep", "pobj", "punct"],
                   ["PROPN", "VERB", "DET", "NOUN", "ADP", "PROPN", "PUNCT"],
                   tags=["NNP", "VBD", "DT", "NN", "IN", "NNP", "."],
                   lemmas=["Russia", "capture", "the", "town", "of", "Avdiivka", "."],
                   ents=["B-GPE", "O", "O", "O", "O", "B-PERSON", "O"])
    c = _attack(doc, 1)
    assert [(a.actor.name, a.actor.kind) for a in c.targets] == [("Avdiivka", "other")]


def test_a_name_near_a_thing_attacked_must_be_a_known_place():
    # Russia captured the house near Avdiivka .  ("near": only a place the gazetteer knows)
    doc = make_doc(["Russia", "captured", "the", "house", "near", "Avdiivka", "."],
                   [1, 1, 3, 1, 3, 4, 1],
                   ["nsubj", "ROOT", "det", "dobj", "prep", "pobj", "punct"],
                   ["PROPN", "VERB", "DET", "NOUN", "ADP", "PROPN", "PUNCT"],
                   tags=["NNP", "VBD", "DT", "NN", "IN", "NNP", "."],
                   lemmas=["Russia", "capture", "the", "house", "near", "Avdiivka", "."],
                   ents=["B-GPE", "O", "O", "O", "O", "B-GPE", "O"])
    assert _attack(doc, 1).targets == []


# a plural read as a name for its capital ---------------------------------------------------------

def test_a_sentence_initial_plural_tagged_as_a_name_is_still_the_agent_noun():
    # Protesters clashed with police .
    doc = make_doc(["Protesters", "clashed", "with", "police", "."], [1, 1, 1, 2, 1],
                   ["nsubj", "ROOT", "prep", "pobj", "punct"],
                   ["PROPN", "VERB", "ADP", "NOUN", "PUNCT"],
                   tags=["NNPS", "VBD", "IN", "NN", "."],
                   lemmas=["Protesters", "clash", "with", "police", "."])
    found = arg_resolver(doc).resolve(doc[0])
    assert [(a.actor.kind, a.actor.sector) for a in found] == [("group", "OPP")]
