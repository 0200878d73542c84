"""Grouping coreferent event mentions into one record (``events.corefer``), on hand-built
mentions (no model)."""

from __future__ import annotations

from newsledger.events.corefer import (
    Mention,
    act_kind,
    group_mentions,
    joint_sides,
    purpose_head,
)
from newsledger.events.extract import _own_counterpart
from newsledger.events.triggers import Candidate
from newsledger.records import Event, Participant, Span
from tests.docs import make_doc


def _p(name: str) -> Participant:
    return Participant(actor=name, name=name)


def _event(trigger: str, start: int, etype: str = "CONSULT", modality: str = "asserted",
           src: str | None = None, tgt: str | None = None, mode: str | None = None) -> Event:
    span = Span(start, start + len(trigger), trigger)
    return Event(id="", type=etype, modality=modality, trigger=span, evidence=span,
                 source=_p(src) if src else None, target=_p(tgt) if tgt else None, mode=mode)


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


def test_meetings_with_different_stated_counterparts_are_different_events():
    # will meet with the Minister of Health ... will meet with civil society groups
    minister = Mention(_event("meet with", 0, "CONSULT", "future", src="Fernandez"), False,
                       False, counterpart="amaya")
    groups = Mention(_event("meet with", 90, "CONSULT", "future", src="Fernandez"), False,
                     False, counterpart="group")
    out = group_mentions([minister, groups])
    assert len(out) == 2
    # the same counterpart, or one mention naming none, is one meeting
    again = Mention(_event("discuss", 150, "CONSULT", "future", src="Fernandez"), False, False,
                    counterpart="amaya")
    bare = Mention(_event("talks", 200, "CONSULT", "future", src="Fernandez"), False, False)
    assert len(group_mentions([minister, again, bare])) == 1
    # "consulting with our allies" ... "discussions with partners": too vague to split
    allies = Mention(_event("consulting", 0, src="Price"), False, False, counterpart="ally")
    partners = Mention(_event("discussed", 60, src="Price"), False, False,
                       counterpart="partner")
    assert len(group_mentions([allies, partners])) == 1


def test_the_same_party_named_otherwise_or_in_the_other_order_is_no_other_counterpart():
    noun = Mention(_event("conversation", 0, src="Netanyahu", tgt="Biden"), True, True,
                   counterpart="biden")
    verb = Mention(_event("speaking with", 60, src="Biden", tgt="Netanyahu"), False, False,
                   counterpart="netanyahu")
    assert len(group_mentions([noun, verb])) == 1


def test_one_party_named_by_two_head_words_is_one_counterpart():
    # title: "Finer's Meeting with Presidency of Bosnia and Herzegovina Members ...";
    # body: "Finer met today with Members of the Presidency of Bosnia and Herzegovina ..."
    title = Mention(_event("Meeting", 0, src="Finer"), True, True, counterpart="presidency",
                    party_words=frozenset({"bosnia", "herzegovina", "members"}))
    body = Mention(_event("met today with", 90, src="Finer"), False, False,
                   counterpart="member",
                   party_words=frozenset({"presidency", "bosnia", "herzegovina"}))
    out = group_mentions([title, body])
    assert len(out) == 1 and out[0].trigger.text == "met today with"
    # a role noun found in the other phrase names no one in particular: "met with Prime
    # Minister Kishida" ... "met with ministers of the cabinet" stay two meetings
    kishida = Mention(_event("met with", 0, src="Biden"), False, False, counterpart="kishida",
                      party_words=frozenset({"prime", "minister"}))
    cabinet = Mention(_event("met with", 90, src="Biden"), False, False,
                      counterpart="minister", party_words=frozenset({"cabinet"}))
    assert len(group_mentions([kishida, cabinet])) == 2


def test_mentions_on_different_days_of_their_own_are_different_events():
    monday = Mention(_event("met", 0, src="Blinken", tgt="Lavrov"), False, False,
                     day="2022-01-10")
    friday = Mention(_event("met", 80, src="Blinken", tgt="Lavrov"), False, False,
                     day="2022-01-14")
    assert len(group_mentions([monday, friday])) == 2
    # a referring noun keeps joining its antecedent whatever day its sentence names
    the_meeting = Mention(_event("the meeting", 160, src="Blinken"), True, True,
                          day="2022-01-20")
    out = group_mentions([monday, the_meeting])
    assert len(out) == 1 and [m.trigger.text for m in out[0].mentions] == ["the meeting"]


def test_a_trip_is_not_the_meetings_it_holds():
    trip = Mention(_event("travel to", 0, "CONSULT", "future", src="Fernandez", tgt="Honduras"),
                   False, False)
    trip.event.mode = "visit"
    minister = Mention(_event("meet with", 90, "CONSULT", "future", src="Fernandez"), False,
                       False, counterpart="amaya")
    assert len(group_mentions([trip, minister])) == 2
    # a talk with no stated counterpart may still be the trip's
    talks = Mention(_event("discussions", 90, "CONSULT", "future", src="Fernandez"), True,
                    False)
    assert len(group_mentions([trip, talks])) == 1


def test_a_trip_told_by_a_verb_is_no_earlier_contact_with_the_same_party():
    # Montalvo got in touch with Devocht ... He traveled to Florida to meet with Devocht.
    touch = Mention(_event("get in touch", 0, src="Montalvo", tgt="Devocht"), False, False,
                    counterpart="devocht")
    trip = Mention(_event("traveled to", 30, src="Montalvo", tgt="Devocht", mode="visit"),
                   False, False, clause=5)
    meet = Mention(_event("meet with", 53, src="Montalvo", tgt="Devocht"), False, False,
                   clause=9, purpose_of=5, counterpart="devocht")
    out = group_mentions([touch, trip, meet])
    assert [(e.trigger.text, [m.trigger.text for m in e.mentions]) for e in out] == \
        [("get in touch", []), ("traveled to", ["meet with"])]
    # a noun may still refer back to the meeting with that party ("he spoke with Macron ...
    # around this trip")
    this_trip = Mention(_event("trip", 60, src="Montalvo", tgt="Devocht", mode="visit"),
                        True, True)
    assert len(group_mentions([touch, this_trip])) == 1


def test_mentions_placed_in_different_countries_are_different_events():
    # Blinken met with Kuleba in Kyiv ... Blinken met with Kuleba in Brussels
    kyiv = Mention(_event("met with", 0, src="Blinken", tgt="Kuleba"), False, False,
                   country="UKR")
    brussels = Mention(_event("met with", 90, src="Blinken", tgt="Kuleba"), False, False,
                       country="BEL")
    assert len(group_mentions([kyiv, brussels])) == 2
    # the same country, or a mention that names no place, may be that meeting told again
    lviv = Mention(_event("talks", 90, src="Blinken", tgt="Kuleba"), False, False,
                   country="UKR")
    unplaced = Mention(_event("discussed", 90, src="Blinken", tgt="Kuleba"), False, False)
    assert len(group_mentions([kyiv, lviv])) == 1
    assert len(group_mentions([kyiv, unplaced])) == 1
    # a referring noun refers back wherever its sentence is ("the meeting ... in Brussels")
    the_meeting = Mention(_event("the meeting", 90, src="Blinken", tgt="Kuleba"), True, True,
                          country="BEL")
    assert len(group_mentions([kyiv, the_meeting])) == 1


def test_different_kinds_of_act_of_one_type_are_different_events():
    # "the Church imprisoned her" ... "her passport was taken away": an arrest, a seizure
    jailed = Mention(_event("imprisoned", 0, "COERCE", "alleged", src="Church", tgt="Paris",
                            mode="arrest"), False, False)
    taken = Mention(_event("taken away", 90, "COERCE", "alleged", tgt="Paris", mode="seize"),
                    False, False)
    assert len(group_mentions([jailed, taken])) == 2
    # the same kind, or a mention that names no kind, joins
    kept = Mention(_event("detained", 90, "COERCE", "alleged", tgt="Paris", mode="arrest"),
                   False, False)
    plain = Mention(_event("forced", 90, "COERCE", "alleged", tgt="Paris"), False, False)
    assert len(group_mentions([jailed, kept])) == 1
    assert len(group_mentions([jailed, plain])) == 1
    # a referring noun refers back only to an act of its own kind: "the release of all
    # hostages" ... "a prolonged humanitarian pause" ... "the truce"
    release = Mention(_event("release", 0, "RETREAT", src="Hamas", tgt="hostages",
                             mode="release"), True, True)
    truce = Mention(_event("the truce", 90, "RETREAT", mode="ceasefire"), True, True)
    out = group_mentions([release, truce], strict=False)
    assert len(out) == 2


def test_an_investigation_is_no_accusation_but_accusing_and_condemning_are_one_kind():
    assert act_kind("ACCUSE", "investigate") != act_kind("ACCUSE", "allege")
    assert act_kind("ACCUSE", "allege") == act_kind("ACCUSE", "disapprove")
    assert act_kind("ASSAULT", "aerial") is None  # manners of one attack
    assert act_kind("CONSULT", "visit") is None  # hosting a summit is that summit
    charged = Mention(_event("charged", 0, "ACCUSE", tgt="Montalvo", mode="allege"), False,
                      False)
    probe = Mention(_event("interrogated", 90, "ACCUSE", src="Moxon", tgt="Montalvo",
                           mode="investigate"), False, False)
    assert len(group_mentions([charged, probe])) == 2
    # criticism and blame of one party by the same critics stay one record
    blame = Mention(_event("blame", 0, "ACCUSE", src="critics", tgt="Trump", mode="allege"),
                    False, False)
    criticism = Mention(_event("criticism", 90, "ACCUSE", src="critics", tgt="Trump",
                               mode="disapprove"), True, True)
    assert len(group_mentions([blame, criticism])) == 1


def test_they_of_a_meeting_that_names_its_own_counterpart():
    pair = (_p("Fernandez"), _p("Castro"))
    # "They discussed ...": the last meeting's two sides
    e = _event("discussed", 0)
    joint_sides(e, pair, own=False)
    assert (e.source.name, e.target.name) == ("Fernandez", "Castro")
    # "They will hold meetings with government and the private sector": not with Castro
    e = _event("meetings", 0)
    joint_sides(e, pair, own=True)
    assert e.source.name == "Fernandez" and e.target is None
    e = _event("meet with", 0, tgt="European Union")
    joint_sides(e, pair, own=True)
    assert (e.source.name, e.target.name) == ("Fernandez", "European Union")
    # a joint subject of another type takes the source only
    e = _event("work together", 0, "COOPERATE", tgt="Honduras")
    joint_sides(e, pair, own=False)
    assert (e.source.name, e.target.name) == ("Fernandez", "Honduras")


def _with(words: list[str], pos: list[str], ents: list[str]) -> Candidate:
    """"They discussed with <counterpart> ." as a hand-built parse (counterpart head last)."""
    n = len(words)
    head = n + 2  # the counterpart's head: the last word
    doc = make_doc(["They", "discussed", "with", *words, "."],
                   [1, 1, 1, *([head] * (n - 1)), 2, 1],
                   ["nsubj", "ROOT", "prep", *(["compound"] * (n - 1)), "pobj", "punct"],
                   ["PRON", "VERB", "ADP", *pos, "PUNCT"],
                   ents=["O", "O", "O", *ents, "O"],
                   lemmas=["they", "discuss", "with",
                           *(w.lower().removesuffix("s") for w in words), "."])
    for t in doc[3:head]:
        if t.lower_ == "the":
            t.dep_, t.pos_ = "det", "DET"
    return Candidate(doc[1], [doc[1]], "CONSULT", None)


def test_a_definite_role_noun_is_the_party_already_met_not_a_counterpart_of_its_own():
    # They discussed with the Deputy Minister . -> the meeting's counterpart named again
    assert not _own_counterpart(_with(["the", "Deputy", "Minister"],
                                      ["DET", "PROPN", "PROPN"], ["O", "O", "O"]))
    # They discussed with the Ukrainian President . -> a named party
    assert _own_counterpart(_with(["the", "Ukrainian", "President"],
                                  ["DET", "ADJ", "PROPN"], ["O", "B-NORP", "O"]))
    # They discussed with government officials . -> a party of its own
    assert _own_counterpart(_with(["government", "officials"], ["NOUN", "NOUN"], ["O", "O"]))
    # They discussed with each other . -> the two sides again
    assert not _own_counterpart(_with(["each", "other"], ["DET", "ADJ"], ["O", "O"]))


def test_a_month_of_its_own_tells_two_meetings_apart_too():
    # "today hosted Prime Minister Kishida" ... "which she discussed with Prime Minister
    # Kishida in Tokyo in September 2022"
    hosted = Mention(_event("hosted", 0, src="Harris", tgt="Kishida"), False, False,
                     day="2023-01-13")
    earlier = Mention(_event("discussed", 90, src="Harris", tgt="Kishida"), False, False,
                      day="2022-09")
    assert len(group_mentions([hosted, earlier])) == 2
    # a month that holds the day may be the same meeting
    january = Mention(_event("discussed", 90, src="Harris", tgt="Kishida"), False, False,
                      day="2023-01")
    assert len(group_mentions([hosted, january])) == 1
