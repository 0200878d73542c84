"""Rules of the event stage on hand-built parses (no model): modality in scope, sense
filters, type constraints, argument fallbacks and the grouping of coreferent mentions."""

from __future__ import annotations

import pytest

from newsledger.events.arguments import controller, left_subject
from newsledger.events.corefer import Mention, group_mentions
from newsledger.events.filters import habitual, idiom, meets_constraints, question, sense_filter
from newsledger.events.modality import modality
from newsledger.events.triggers import verb_trigger
from newsledger.records import Event, Participant, Span
from tests.docs import make_doc

# modality -----------------------------------------------------------------------------------


def test_plans_to_is_future():
    # Iran plans to attack Israel .
    doc = make_doc(["Iran", "plans", "to", "attack", "Israel", "."],
                   [1, 1, 3, 1, 3, 1], ["nsubj", "ROOT", "aux", "xcomp", "dobj", "punct"],
                   ["PROPN", "VERB", "PART", "VERB", "PROPN", "PUNCT"],
                   lemmas=["iran", "plan", "to", "attack", "israel", "."])
    assert modality(doc[3]) == "future"


def test_no_plans_to_is_negated():
    # There are no plans to open talks .
    doc = make_doc(["There", "are", "no", "plans", "to", "open", "talks", "."],
                   [1, 1, 3, 1, 5, 3, 5, 1],
                   ["expl", "ROOT", "det", "attr", "aux", "acl", "dobj", "punct"],
                   ["PRON", "VERB", "DET", "NOUN", "PART", "VERB", "NOUN", "PUNCT"],
                   lemmas=["there", "be", "no", "plan", "to", "open", "talk", "."])
    assert modality(doc[6], doc[5]) == "negated"


def test_is_due_to_is_future():
    # Biden is due to meet Netanyahu .
    doc = make_doc(["Biden", "is", "due", "to", "meet", "Netanyahu", "."],
                   [1, 1, 1, 4, 2, 4, 1],
                   ["nsubj", "ROOT", "acomp", "aux", "xcomp", "dobj", "punct"],
                   ["PROPN", "AUX", "ADJ", "PART", "VERB", "PROPN", "PUNCT"],
                   lemmas=["biden", "be", "due", "to", "meet", "netanyahu", "."])
    assert modality(doc[4]) == "future"


def test_present_tense_with_a_date_is_scheduled():
    # The club meets Argentina on March 3 .
    doc = make_doc(["The", "club", "meets", "Argentina", "on", "March", "3", "."],
                   [1, 2, 2, 2, 2, 4, 5, 2],
                   ["det", "nsubj", "ROOT", "dobj", "prep", "pobj", "nummod", "punct"],
                   ["DET", "NOUN", "VERB", "PROPN", "ADP", "PROPN", "NUM", "PUNCT"],
                   tags=["DT", "NN", "VBZ", "NNP", "IN", "NNP", "CD", "."],
                   lemmas=["the", "club", "meet", "argentina", "on", "march", "3", "."],
                   ents=["O", "O", "O", "B-GPE", "O", "B-DATE", "I-DATE", "O"])
    assert modality(doc[2]) == "future"


def test_past_tense_with_a_date_stays_asserted():
    doc = make_doc(["The", "club", "met", "Argentina", "on", "March", "3", "."],
                   [1, 2, 2, 2, 2, 4, 5, 2],
                   ["det", "nsubj", "ROOT", "dobj", "prep", "pobj", "nummod", "punct"],
                   ["DET", "NOUN", "VERB", "PROPN", "ADP", "PROPN", "NUM", "PUNCT"],
                   tags=["DT", "NN", "VBD", "NNP", "IN", "NNP", "CD", "."],
                   lemmas=["the", "club", "meet", "argentina", "on", "march", "3", "."],
                   ents=["O", "O", "O", "B-GPE", "O", "B-DATE", "I-DATE", "O"])
    assert modality(doc[2]) == "asserted"


def test_declined_to_say_whether_leaves_the_event_unasserted():
    # He declined to say whether Israel would attack .
    doc = make_doc(["He", "declined", "to", "say", "whether", "Israel", "would", "attack", "."],
                   [1, 1, 3, 1, 7, 7, 7, 3, 1],
                   ["nsubj", "ROOT", "aux", "xcomp", "mark", "nsubj", "aux", "ccomp", "punct"],
                   ["PRON", "VERB", "PART", "VERB", "SCONJ", "PROPN", "AUX", "VERB", "PUNCT"],
                   lemmas=["he", "decline", "to", "say", "whether", "israel", "would",
                           "attack", "."])
    assert modality(doc[7]) != "asserted"


# filters ------------------------------------------------------------------------------------


def test_question_sentence():
    doc = make_doc(["Did", "Iran", "attack", "Israel", "?"], [2, 2, 2, 2, 2],
                   ["aux", "nsubj", "ROOT", "dobj", "punct"],
                   ["AUX", "PROPN", "VERB", "PROPN", "PUNCT"])
    assert question(doc[0:5])
    statement = make_doc(["Iran", "attacked", "Israel", "."], [1, 1, 1, 1],
                         ["nsubj", "ROOT", "dobj", "punct"], ["PROPN", "VERB", "PROPN", "PUNCT"])
    assert not question(statement[0:4])


@pytest.mark.parametrize("subject,group", [
    ("storm", "disasters"), ("shares", "markets"), ("team", None), ("Iran", None)])
def test_sense_filter_by_argument(subject, group):
    # <subject> hit the coast .
    doc = make_doc([subject, "hit", "the", "coast", "."], [1, 1, 3, 1, 1],
                   ["nsubj", "ROOT", "det", "dobj", "punct"],
                   ["NOUN", "VERB", "DET", "NOUN", "PUNCT"],
                   lemmas=[subject.lower().rstrip("s") if subject == "shares" else
                           subject.lower(), "hit", "the", "coast", "."])
    assert sense_filter(doc[1], doc[1], doc[0:5]) == group


def test_poll_context_word_filters():
    # Most of those surveyed backed the minister .
    doc = make_doc(["Most", "of", "those", "surveyed", "backed", "the", "minister", "."],
                   [4, 0, 1, 2, 4, 6, 4, 4],
                   ["nsubj", "prep", "pobj", "acl", "ROOT", "det", "dobj", "punct"],
                   ["ADJ", "ADP", "PRON", "VERB", "VERB", "DET", "NOUN", "PUNCT"],
                   lemmas=["most", "of", "those", "survey", "back", "the", "minister", "."])
    assert sense_filter(doc[4], doc[4], doc[0:8]) is not None


def test_idiom_and_habitual():
    doc = make_doc(["He", "hit", "back", "."], [1, 1, 1, 1], ["nsubj", "ROOT", "prt", "punct"],
                   ["PRON", "VERB", "ADP", "PUNCT"])
    assert idiom(doc[1])
    doc = make_doc(["We", "always", "defend", "Israel", "."], [2, 2, 2, 2, 2],
                   ["nsubj", "advmod", "ROOT", "dobj", "punct"],
                   ["PRON", "ADV", "VERB", "PROPN", "PUNCT"])
    assert habitual(doc[2])
    doc = make_doc(["We", "defend", "Israel", "."], [1, 1, 1, 1],
                   ["nsubj", "ROOT", "dobj", "punct"], ["PRON", "VERB", "PROPN", "PUNCT"])
    assert not habitual(doc[1])


@pytest.mark.parametrize("etype,src,tgt,nominal,ok", [
    ("ACCUSE", True, False, True, False),     # a one-sided noun ("claims") states no act
    ("ACCUSE", False, False, False, False),   # no actor at all
    ("ACCUSE", True, False, False, True),     # "critics charge": a speech act by its speaker
    ("REJECT", True, False, False, True),     # "Moscow denied the report"
    ("REQUEST", True, False, False, False),   # "asked whether", "is seeking": no request
    ("THREATEN", True, False, False, True),
    ("SUPPORT", True, False, False, False),   # one-sided support reads as commitment/funding
    ("AGREE", True, False, False, False),     # "is committed to expanding production"
    ("ACCUSE", True, True, False, True),
    ("ASSAULT", True, False, False, False),   # no attackable target
    ("ASSAULT", False, True, False, False),   # no agent and no attack noun
    ("ASSAULT", False, True, True, True),     # "the attack on Israel"
    ("AID", True, False, False, False),       # no recipient
    ("CONSULT", True, False, False, False),   # no counterpart
    ("COOPERATE", True, False, False, True),
    ("PROTEST", True, False, False, True),
])
def test_type_constraints(etype, src, tgt, nominal, ok):
    assert meets_constraints(etype, src, tgt, nominal, asserted=True) is ok


def test_one_sided_speech_act_must_be_asserted():
    assert meets_constraints("THREATEN", True, False, False, asserted=True)
    assert not meets_constraints("THREATEN", True, False, False, asserted=False)
    assert meets_constraints("THREATEN", True, True, False, asserted=False)


# arguments ----------------------------------------------------------------------------------


def test_subject_nearest_before_the_verb():
    # a title run into the first sentence: "Readout ... Biden , Jr. spoke"
    doc = make_doc(["Readout", "Biden", ",", "Jr.", "spoke", "."], [4, 3, 3, 4, 4, 4],
                   ["nsubj", "compound", "punct", "nsubj", "ROOT", "punct"],
                   ["PROPN", "PROPN", "PUNCT", "PROPN", "VERB", "PUNCT"])
    assert controller(doc[4]).text == "Jr."


def test_left_subject_when_the_parser_lost_it():
    # In Honduras , Under Secretary Fernandez will meet Castro .
    words = ["In", "Honduras", ",", "Under", "Secretary", "Fernandez", "will", "meet", "Castro",
             "."]
    doc = make_doc(words, [7, 0, 7, 7, 5, 3, 7, 7, 7, 7],
                   ["prep", "pobj", "punct", "prep", "compound", "pobj", "aux", "ROOT", "dobj",
                    "punct"],
                   ["ADP", "PROPN", "PUNCT", "ADP", "PROPN", "PROPN", "AUX", "VERB", "PROPN",
                    "PUNCT"],
                   ents=["O", "B-GPE", "O", "O", "O", "B-PERSON", "O", "O", "B-PERSON", "O"])
    assert left_subject(doc[7]).text == "Fernandez"
    assert controller(doc[7]) is None


# coreference --------------------------------------------------------------------------------


def _p(name: str) -> Participant:
    return Participant(actor=name, name=name)


def _event(trigger: str, start: int, etype: str = "ASSAULT", modality: str = "asserted",
           src: str | None = None, tgt: str | None = None) -> Event:
    span = Span(start, start + len(trigger), trigger)
    return Event(id="", type=etype, modality=modality, trigger=span, evidence=span,
                 source=_p(src) if src else None, target=_p(tgt) if tgt else None)


def test_referring_nominal_joins_and_keeps_the_event_modality():
    launched = Mention(_event("launched", 0, src="Iran", tgt="Israel"), False, False)
    # "careful not to say ... the attack": its own clause is hypothetical
    the_attack = Mention(_event("the attack", 50, modality="hypothetical"), True, True)
    irans = Mention(_event("Iran's strike", 90, src="Iran"), True, True)
    out = group_mentions([launched, the_attack, irans])
    assert len(out) == 1
    e = out[0]
    assert e.trigger.text == "launched" and e.modality == "asserted"
    assert [m.trigger.text for m in e.mentions] == ["the attack", "Iran's strike"]


def test_conflicting_participants_stay_apart():
    a = Mention(_event("attacked", 0, src="Iran", tgt="Israel"), False, False)
    b = Mention(_event("attacked", 40, src="Israel", tgt="Iran"), False, False)
    assert len(group_mentions([a, b])) == 2


def test_new_event_noun_does_not_join():
    a = Mention(_event("launched", 0, src="Iran", tgt="Israel"), False, False)
    # "an Israeli response" (not referential): hypothetical, a different event
    b = Mention(_event("response", 40, modality="hypothetical", src="Israel", tgt="Iran"),
                True, False)
    out = group_mentions([a, b])
    assert len(out) == 2 and {e.modality for e in out} == {"asserted", "hypothetical"}


def test_mention_without_antecedent_or_actor_is_dropped():
    lone = Mention(_event("the attack", 0), True, True)
    one_sided = Mention(_event("sanctioned", 20, etype="SANCTION", src="G7"), False, False)
    assert group_mentions([lone, one_sided]) == []


def test_asserted_one_sided_accusation_stands_negated_one_does_not():
    charge = Mention(_event("charge", 0, etype="ACCUSE", src="critics"), False, False)
    denied = Mention(_event("did not deny", 40, etype="REJECT", modality="negated",
                            src="Moscow"), False, False)
    out = group_mentions([charge, denied])
    assert [e.trigger.text for e in out] == ["charge"]


def test_most_informative_mention_is_the_trigger():
    noun = Mention(_event("the meeting", 0, etype="CONSULT", src="Biden", tgt="Sisi"), True,
                   True)
    verb = Mention(_event("spoke with", 30, etype="CONSULT", src="Biden", tgt="Sisi"), False,
                   False)
    out = group_mentions([noun, verb])
    assert len(out) == 1 and out[0].trigger.text == "spoke with"
    assert [m.trigger.text for m in out[0].mentions] == ["the meeting"]


def test_same_participants_different_modality_verbs_stay_apart():
    a = Mention(_event("met", 0, etype="CONSULT", src="Biden", tgt="Xi"), False, False)
    b = Mention(_event("will meet", 30, etype="CONSULT", modality="future", src="Biden",
                       tgt="Xi"), False, False)
    assert len(group_mentions([a, b])) == 2


def test_definite_event_noun_keeps_its_reality_under_negation():
    # We were not informed of the timing of the attack .
    words = ["We", "were", "not", "informed", "of", "the", "timing", "of", "the", "attack", "."]
    doc = make_doc(words, [3, 3, 3, 3, 3, 6, 4, 6, 9, 7, 3],
                   ["nsubjpass", "auxpass", "neg", "ROOT", "prep", "det", "pobj", "prep", "det",
                    "pobj", "punct"],
                   ["PRON", "AUX", "PART", "VERB", "ADP", "DET", "NOUN", "ADP", "DET", "NOUN",
                    "PUNCT"])
    assert modality(doc[9]) == "asserted"
    # ... of the timing of an attack: an indefinite one is not taken as given
    words[8] = "an"
    doc = make_doc(words, [3, 3, 3, 3, 3, 6, 4, 6, 9, 7, 3],
                   ["nsubjpass", "auxpass", "neg", "ROOT", "prep", "det", "pobj", "prep", "det",
                    "pobj", "punct"],
                   ["PRON", "AUX", "PART", "VERB", "ADP", "DET", "NOUN", "ADP", "DET", "NOUN",
                    "PUNCT"])
    assert modality(doc[9]) != "asserted"


# trigger lexicon ----------------------------------------------------------------------------

@pytest.mark.parametrize("words,lemmas,code", [
    # The navy turned the boats away .  (turning away asylum seekers: REJECT)
    (["The", "navy", "turned", "the", "boats", "away", "."],
     ["the", "navy", "turn", "the", "boat", "away", "."], "REJECT"),
    # Police contacted the embassy .
    (["Police", "contacted", "the", "embassy", ".", "."],
     ["police", "contact", "the", "embassy", ".", "."], "CONSULT"),
    # Fishermen saved the migrants .
    (["Fishermen", "saved", "the", "migrants", ".", "."],
     ["fisherman", "save", "the", "migrant", ".", "."], "AID"),
])
def test_added_triggers(words, lemmas, code):
    if len(words) == 7:
        heads, deps = [1, 2, 2, 4, 2, 2, 2], ["det", "nsubj", "ROOT", "det", "dobj", "prt",
                                             "punct"]
        pos = ["DET", "NOUN", "VERB", "DET", "NOUN", "ADP", "PUNCT"]
        verb = 2
    else:
        heads, deps = [1, 1, 3, 1, 1, 1], ["nsubj", "ROOT", "det", "dobj", "punct", "punct"]
        pos = ["NOUN", "VERB", "DET", "NOUN", "PUNCT", "PUNCT"]
        verb = 1
    doc = make_doc(words, heads, deps, pos, lemmas=lemmas)
    found = verb_trigger(doc[verb], None)  # no weapon or "call" check reaches the resolver
    assert found is not None and found[0].split(":")[0] == code


@pytest.mark.parametrize(("etype", "expected"), [("CONSULT", "press"), ("ASSAULT", None)])
def test_the_press_as_counterpart_is_no_meeting_but_may_be_attacked(etype, expected):
    # The official briefed reporters . (and, as an attack, "... attacked reporters")
    doc = make_doc(["The", "official", "briefed", "reporters", "."], [1, 2, 2, 2, 2],
                   ["det", "nsubj", "ROOT", "dobj", "punct"],
                   ["DET", "NOUN", "VERB", "NOUN", "PUNCT"],
                   lemmas=["the", "official", "brief", "reporter", "."])
    assert sense_filter(doc[2], doc[2], doc[0:5], etype) == expected
