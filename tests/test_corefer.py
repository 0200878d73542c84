"""Grouping coreferent event mentions into one record (``events.corefer``), on hand-built
mentions (no model)."""

from __future__ import annotations

from newsledger.events.corefer import Mention, group_mentions, purpose_head
from newsledger.records import Event, Participant, Span
from tests.docs import make_doc


def _p(name: str) -> Participant:
    return Participant(actor=name, name=name)


def _event(trigger: str, start: int, etype: str = "CONSULT", modality: str = "asserted",
           src: str | None = None, tgt: str | None = None) -> Event:
    span = Span(start, start + len(trigger), trigger)
    return Event(id="", type=etype, modality=modality, trigger=span, evidence=span,
                 source=_p(src) if src else None, target=_p(tgt) if tgt else None)


def test_the_parties_of_a_meeting_may_come_in_either_order():
    noun = Mention(_event("conversation", 0, src="Netanyahu", tgt="Biden"), True, True)
    verb = Mention(_event("speaking with", 60, src="Biden", tgt="Netanyahu"), False, False)
    out = group_mentions([noun, verb])
    assert len(out) == 1 and out[0].trigger.text == "speaking with"
    # an attack is no meeting: reversed parties are two attacks
    a = Mention(_event("attacked", 0, "ASSAULT", src="Iran", tgt="Israel"), False, False)
    b = Mention(_event("attacked", 60, "ASSAULT", src="Israel", tgt="Iran"), False, False)
    assert len(group_mentions([a, b])) == 2


def test_a_purpose_clause_of_the_same_type_is_the_same_event():
    # Biden meets with his Cabinet to discuss the attack (the parser gave "discuss" a
    # wrong counterpart: the meeting keeps its own)
    meets = Mention(_event("meets with", 0, src="Biden", tgt="Cabinet"), False, False,
                    clause=1)
    discuss = Mention(_event("discuss", 40, src="Biden", tgt="White House"), False, False,
                      clause=7, purpose_of=1)
    out = group_mentions([meets, discuss])
    assert len(out) == 1
    assert out[0].target.name == "Cabinet"
    assert [m.trigger.text for m in out[0].mentions] == ["discuss"]
    # another source, or a purpose of another type, stays apart
    other = Mention(_event("discuss", 40, src="Putin", tgt="White House"), False, False,
                    clause=7, purpose_of=1)
    assert len(group_mentions([meets, other])) == 2


def test_an_asserted_referring_noun_prefers_an_asserted_antecedent():
    launched = Mention(_event("launched", 0, "ASSAULT", src="Iran", tgt="Israel"), False,
                       False)
    suspected = Mention(_event("attack", 80, "ASSAULT", "alleged", src="Israel",
                               tgt="Syria"), True, False)
    the_attacks = Mention(_event("the attacks", 200, "ASSAULT"), True, True)
    out = group_mentions([launched, suspected, the_attacks])
    assert len(out) == 2
    iran = next(e for e in out if e.source.name == "Iran")
    assert [m.trigger.text for m in iran.mentions] == ["the attacks"]


def test_purpose_head_is_the_verb_an_infinitive_states_the_purpose_of():
    # Biden meets officials to discuss attacks .
    doc = make_doc(["Biden", "meets", "officials", "to", "discuss", "attacks", "."],
                   [1, 1, 1, 4, 1, 4, 1],
                   ["nsubj", "ROOT", "dobj", "aux", "advcl", "dobj", "punct"],
                   ["PROPN", "VERB", "NOUN", "PART", "VERB", "NOUN", "PUNCT"])
    assert purpose_head(doc[4]) == 1
    assert purpose_head(doc[1]) is None
    # Biden meets officials after discussing attacks : no infinitive, no purpose
    doc = make_doc(["Biden", "meets", "officials", "after", "discussing", "attacks", "."],
                   [1, 1, 1, 1, 3, 4, 1],
                   ["nsubj", "ROOT", "dobj", "prep", "pcomp", "dobj", "punct"],
                   ["PROPN", "VERB", "NOUN", "ADP", "VERB", "NOUN", "PUNCT"])
    assert purpose_head(doc[4]) is None


def test_an_announced_referring_noun_is_not_the_event_already_told():
    met = Mention(_event("met", 0, src="Biden", tgt="Xi"), False, False)
    upcoming = Mention(_event("the upcoming meeting", 80, modality="future", src="Biden",
                              tgt="Xi"), True, True)
    out = group_mentions([met, upcoming])
    assert sorted(e.modality for e in out) == ["asserted", "future"]
