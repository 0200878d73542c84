"""Act words that in their shape report no act of their type (events/filters.py: misreading,
the habitual future, courtesy idioms), found by reading the system's records on unseen White
House, State Department and GUM news text. Hand-built Docs: a model update cannot change them."""

from __future__ import annotations

import pytest

from newsledger.events.filters import (
    SPORTS_REPORT_WORDS,
    habitual,
    idiom,
    misreading,
    sense_filter,
)
from tests.docs import make_doc


def _doc(spec: str, **kw):
    """``word/POS/dep/head[/lemma]`` items separated by spaces (head: absolute index; the
    lemma defaults to the lower-cased word)."""
    items = [s.split("/") for s in spec.split()]
    kw.setdefault("lemmas", [i[4] if len(i) > 4 else i[0].lower() for i in items])
    return make_doc([i[0] for i in items], [int(i[3]) for i in items], [i[2] for i in items],
                    [i[1] for i in items], **kw)


def _ask(spec: str):
    doc = _doc(spec)
    return doc, next(t for t in doc if t.lower_ in ("asking", "asked", "ask"))


def test_ask_without_the_act_asked_for_is_a_question():
    doc, head = _ask("Michael/PROPN/nsubj/2 was/AUX/aux/2 asking/VERB/ROOT/2/ask me/PRON/dative/2 "
                     "the/DET/det/5 question/NOUN/dobj/2")
    assert misreading(head, "REQUEST") == "question"
    doc, head = _ask("He/PRON/nsubj/1 asked/VERB/ROOT/1/ask if/SCONJ/mark/4 we/PRON/nsubj/4 "
                     "help/VERB/ccomp/1")
    assert misreading(head, "REQUEST") == "question"


@pytest.mark.parametrize("spec", [
    "The/DET/det/1 President/PROPN/nsubj/2 asked/VERB/ROOT/2/ask us/PRON/dobj/2 to/PART/aux/5 "
    "act/VERB/xcomp/2",
    "Rathbun/PROPN/nsubj/1 asked/VERB/ROOT/1/ask for/ADP/prep/1 donations/NOUN/pobj/2",
    "municipalities/NOUN/nsubj/1 ask/VERB/ROOT/1 taxes/NOUN/dobj/1 from/ADP/prep/1 "
    "schools/NOUN/pobj/3",
])
def test_ask_naming_the_act_is_a_request(spec):
    doc, head = _ask(spec)
    assert misreading(head, "REQUEST") is None


def test_calling_something_a_name_is_no_request():
    doc = _doc("advocates/NOUN/nsubj/1 calling/VERB/ROOT/1/call it/PRON/dobj/1 inhumane/ADJ/oprd/1")
    assert misreading(doc[1], "REQUEST") == "naming"
    doc = _doc("Biden/PROPN/nsubj/1 called/VERB/ROOT/1/call on/ADP/prep/1 Congress/PROPN/pobj/2 "
               "to/PART/aux/5 act/VERB/xcomp/1")
    assert misreading(doc[1], "REQUEST") is None


def test_a_proclamations_call_to_observe_and_its_honoring_are_observance():
    doc = _doc("I/PRON/nsubj/1 call/VERB/ROOT/1 upon/ADP/prep/1 Americans/PROPN/pobj/2 "
               "to/PART/aux/5 honor/VERB/xcomp/1 advocates/NOUN/dobj/5 and/CCONJ/cc/5 "
               "recognize/VERB/conj/5 women/NOUN/dobj/8")
    assert misreading(doc[1], "REQUEST") == "observance"
    assert misreading(doc[8], "SUPPORT") == "observance"
    today = _doc("we/PRON/nsubj/1 honor/VERB/ROOT/1 educators/NOUN/dobj/1",
                 tags=["PRP", "VBP", "NNS"])
    assert misreading(today[1], "SUPPORT") == "observance"
    award = _doc("Global/PROPN/nsubj/1 honored/VERB/ROOT/1/honor the/DET/det/3 team/NOUN/dobj/1",
                 tags=["NNP", "VBD", "DT", "NN"])
    assert misreading(award[1], "SUPPORT") is None


def test_giving_an_abstraction_is_no_aid_but_giving_doses_is():
    doc = _doc("Twitter/PROPN/nsubj/1 gave/VERB/ROOT/1/give Mohamed/PROPN/dative/1 the/DET/det/4 "
               "option/NOUN/dobj/1")
    assert misreading(doc[1], "AID") == "abstraction"
    doc = _doc("provide/VERB/ROOT/0 citizens/NOUN/dobj/0 with/ADP/prep/0 "
               "information/NOUN/pobj/2")
    assert misreading(doc[0], "AID") == "abstraction"
    doc = _doc("Japan/PROPN/nsubj/1 provided/VERB/ROOT/1/provide doses/NOUN/dobj/1 to/ADP/prep/1 "
               "Tonga/PROPN/pobj/3")
    assert misreading(doc[1], "AID") is None


def test_help_for_the_governments_own_residents_is_domestic_policy():
    doc = _doc("we/PRON/nsubj/1 help/VERB/ROOT/1 American/ADJ/amod/3 families/NOUN/dobj/1/family")
    assert misreading(doc[1], "AID") == "domestic"
    doc = _doc("to/PART/aux/1 help/VERB/ROOT/1 pregnant/ADJ/amod/3 workers/NOUN/dobj/1")
    assert misreading(doc[1], "AID") == "domestic"
    doc = _doc("to/PART/aux/1 help/VERB/ROOT/1 Afghan/PROPN/amod/3 women/NOUN/dobj/1")
    assert misreading(doc[1], "AID") is None
    doc = _doc("USAID/PROPN/nsubj/1 helps/VERB/ROOT/1/help women/NOUN/dobj/1")
    assert misreading(doc[1], "AID") is None


def test_released_documents_and_a_return_trip_are_no_retreat():
    doc = _doc("The/DET/det/1 office/NOUN/nsubj/2 released/VERB/ROOT/2/release the/DET/det/4 "
               "report/NOUN/dobj/2")
    assert misreading(doc[2], "RETREAT") == "document"
    doc = _doc("Biden/PROPN/nsubj/2 will/AUX/aux/2 return/VERB/ROOT/2 to/ADP/prep/2 "
               "Washington/PROPN/pobj/3")
    assert misreading(doc[2], "RETREAT") == "travel"
    doc = _doc("Hamas/PROPN/nsubj/1 released/VERB/ROOT/1/release hostages/NOUN/dobj/1")
    assert misreading(doc[1], "RETREAT") is None
    # "Joint Press Release on the Pathway": the noun names a document
    doc = _doc("Joint/PROPN/compound/2 Press/PROPN/compound/2 Release/PROPN/ROOT/2/release "
               "on/ADP/prep/2 Pathway/PROPN/pobj/3")
    assert misreading(doc[2], "RETREAT") == "document"
    doc = _doc("the/DET/det/1 release/NOUN/ROOT/1 of/ADP/prep/1 hostages/NOUN/pobj/2")
    assert misreading(doc[1], "RETREAT") is None
    # a form or "it" returned in the passive: "the questionnaire must be returned"
    for subject in ("questionnaire/NOUN", "It/PRON"):
        doc = _doc(f"{subject}/nsubjpass/3 must/AUX/aux/3 be/AUX/auxpass/3 "
                   "returned/VERB/ROOT/3/return")
        assert misreading(doc[3], "RETREAT") == "document"
    doc = _doc("hostages/NOUN/nsubjpass/2/hostage were/AUX/auxpass/2/be "
               "returned/VERB/ROOT/2/return")
    assert misreading(doc[2], "RETREAT") is None


def test_speaking_to_a_topic_or_the_public_is_no_consultation():
    doc = _doc("Biden/PROPN/nsubj/1 spoke/VERB/ROOT/1/speak to/ADP/prep/1 this/PRON/pobj/2")
    assert misreading(doc[1], "CONSULT") == "address"
    doc = _doc("Biden/PROPN/nsubj/1 spoke/VERB/ROOT/1/speak to/ADP/prep/1 the/DET/det/5 "
               "American/ADJ/amod/5 people/NOUN/pobj/2")
    assert misreading(doc[1], "CONSULT") == "address"
    doc = _doc("Biden/PROPN/nsubj/1 spoke/VERB/ROOT/1/speak to/ADP/prep/1 Scholz/PROPN/pobj/2")
    assert misreading(doc[1], "CONSULT") is None


def test_contact_with_ones_own_staff_is_no_consultation():
    spec = "Biden/PROPN/nsubj/1 stayed/VERB/ROOT/1/stay in/ADP/prep/1 regular/ADJ/amod/4 " \
           "contact/NOUN/pobj/2 with/ADP/prep/4 {who}/NOUN/pobj/5"
    doc = _doc(spec.format(who="staff"))
    assert misreading(doc[4], "CONSULT") == "internal"
    doc = _doc(spec.format(who="Seoul").replace("Seoul/NOUN", "Seoul/PROPN"))
    assert misreading(doc[4], "CONSULT") is None


def test_recall_without_an_object_is_memory():
    doc = _doc("you/PRON/nsubj/2 may/AUX/aux/2 recall/VERB/ROOT/2 that/SCONJ/mark/5 "
               "he/PRON/nsubj/5 spoke/VERB/ccomp/2/speak")
    assert misreading(doc[2], "SANCTION") == "memory"
    doc = _doc("Paris/PROPN/nsubj/1 recalled/VERB/ROOT/1/recall its/PRON/poss/3 "
               "ambassador/NOUN/dobj/1")
    assert misreading(doc[1], "SANCTION") is None


def test_committed_as_a_state_or_to_a_crime_is_no_agreement():
    doc = _doc("Biden/PROPN/nsubjpass/2 is/AUX/auxpass/2 committed/VERB/ROOT/2/commit to/ADP/prep/2 "
               "peace/NOUN/pobj/3")
    assert misreading(doc[2], "AGREE") == "stance"
    doc = _doc("Russia/PROPN/nsubj/1 committed/VERB/ROOT/1/commit war/NOUN/compound/3 "
               "crimes/NOUN/dobj/1")
    assert misreading(doc[1], "AGREE") == "stance"
    doc = _doc("companies/NOUN/nsubj/1 committed/VERB/ROOT/1/commit $/SYM/nmod/3 "
               "billions/NUM/dobj/1")
    assert misreading(doc[1], "AGREE") is None


def test_sharing_news_and_being_joined_by_guests_are_no_cooperation():
    doc = _doc("we/PRON/nsubj/1 share/VERB/ROOT/1 that/SCONJ/mark/4 Korea/PROPN/nsubj/4 "
               "joins/VERB/ccomp/1")
    assert misreading(doc[1], "COOPERATE") == "telling"
    doc = _doc("Biden/PROPN/nsubjpass/3 will/AUX/aux/3 be/AUX/auxpass/3 joined/VERB/ROOT/3/join "
               "by/ADP/agent/3 governors/NOUN/pobj/4")
    assert misreading(doc[3], "COOPERATE") == "company"
    doc = _doc("Israel/PROPN/nsubj/1 shared/VERB/ROOT/1/share intelligence/NOUN/dobj/1 "
               "with/ADP/prep/1 Jordan/PROPN/pobj/3")
    assert misreading(doc[1], "COOPERATE") is None


def test_march_the_month_is_no_protest():
    doc = _doc("in/ADP/ROOT/0 March/PROPN/pobj/0 of/ADP/prep/1 2020/NUM/pobj/2")
    assert misreading(doc[1], "PROTEST") == "month"
    doc = _doc("they/PRON/nsubj/1 joined/VERB/ROOT/1/join the/DET/det/3 March/PROPN/dobj/1")
    assert misreading(doc[3], "PROTEST") is None


def test_help_us_needs_someone_helping():
    doc = _doc("it/PRON/nsubj/2 will/AUX/aux/2 help/VERB/ROOT/2 us/PRON/dobj/2")
    assert misreading(doc[2], "AID") == "unagented"
    doc = _doc("Japan/PROPN/nsubj/2 will/AUX/aux/2 help/VERB/ROOT/2 us/PRON/dobj/2")
    assert misreading(doc[2], "AID") is None


def test_always_in_a_future_clause_stays_generic_but_regularly_is_a_schedule():
    doc = _doc("Biden/PROPN/nsubj/3 will/AUX/aux/3 always/ADV/advmod/3 defend/VERB/ROOT/3 "
               "interests/NOUN/dobj/3")
    assert habitual(doc[3], future=True)
    doc = _doc("Quad/PROPN/nsubj/2 will/AUX/aux/2 meet/VERB/ROOT/2 regularly/ADV/advmod/2")
    assert not habitual(doc[2], future=True)


def test_pardon_me_is_a_courtesy():
    doc = _doc("pardon/VERB/ROOT/0 me/PRON/dobj/0/I")
    assert idiom(doc[0])
    doc = _doc("Biden/PROPN/nsubj/1 pardoned/VERB/ROOT/1/pardon "
               "prisoners/NOUN/dobj/1/prisoner")
    assert not idiom(doc[1])


def test_what_an_actor_is_called_on_to_join_or_given_in_a_list_stays_an_event():
    doc = _doc("he/PRON/nsubj/1 calls/VERB/ROOT/1/call on/ADP/prep/1 Congress/PROPN/pobj/2 "
               "to/PART/aux/5 join/VERB/xcomp/1 us/PRON/dobj/5")
    assert misreading(doc[1], "REQUEST") is None
    assert misreading(doc[5], "COOPERATE") is None
    doc = _doc("provide/VERB/ROOT/0 Ukraine/PROPN/dobj/0 with/ADP/prep/0 "
               "security/NOUN/pobj/2 and/CCONJ/cc/3 assistance/NOUN/conj/3")
    assert misreading(doc[0], "AID") is None
    doc = _doc("helping/VERB/ROOT/0/help Americans/PROPN/dobj/0/Americans and/CCONJ/cc/1 "
               "allies/NOUN/conj/1/ally")
    assert misreading(doc[0], "AID") is None
    doc = _doc("helping/VERB/ROOT/0/help Americans/PROPN/dobj/0/Americans")
    assert misreading(doc[0], "AID") == "domestic"


def test_honored_by_someone_is_an_honor_but_i_am_honored_is_a_feeling():
    doc = _doc("I/PRON/nsubjpass/2 am/AUX/auxpass/2 honored/VERB/ROOT/2/honor")
    assert misreading(doc[2], "SUPPORT") == "feeling"
    doc = _doc("she/PRON/nsubjpass/2 was/AUX/auxpass/2 honored/VERB/ROOT/2/honor by/ADP/agent/2 "
               "Carnegie/PROPN/pobj/3")
    assert misreading(doc[2], "SUPPORT") is None


def test_beneficiaries_placed_abroad_are_not_domestic():
    doc = _doc("equip/VERB/ROOT/0 businesses/NOUN/dobj/0/business in/ADP/prep/1 "
               "ASEAN/PROPN/compound/4 countries/NOUN/pobj/2/country")
    assert misreading(doc[0], "AID") is None
    doc = _doc("equip/VERB/ROOT/0 businesses/NOUN/dobj/0/business")
    assert misreading(doc[0], "AID") == "domestic"


def test_recalling_a_thing_is_memory_but_recalling_an_envoy_is_a_withdrawal():
    doc = _doc("He/PRON/nsubj/1 recalled/VERB/ROOT/1/recall assistance/NOUN/dobj/1")
    assert misreading(doc[1], "SANCTION") == "memory"
    doc = _doc("Paris/PROPN/nsubj/1 recalled/VERB/ROOT/1/recall its/PRON/poss/3 "
               "envoy/NOUN/dobj/1")
    assert misreading(doc[1], "SANCTION") is None


def test_an_act_asked_for_lower_in_a_broken_parse_still_counts():
    # he 's asking the House , you know , Republicans to put forth their budget
    doc = _doc("he/PRON/nsubj/1 asking/VERB/ROOT/1/ask the/DET/det/3 House/PROPN/dobj/1 "
               "Republicans/PROPN/nsubj/6 to/PART/aux/6 put/VERB/conj/1 budget/NOUN/dobj/6")
    assert misreading(doc[1], "REQUEST") is None
    doc = _doc("he/PRON/nsubj/1 asking/VERB/ROOT/1/ask the/DET/det/3 House/PROPN/dobj/1")
    assert misreading(doc[1], "REQUEST") == "question"


def test_people_are_the_governments_own_only_when_marked():
    doc = _doc("to/PART/aux/1 protect/VERB/ROOT/1 the/DET/det/4 American/ADJ/amod/4 "
               "people/NOUN/dobj/1")
    assert misreading(doc[1], "AID") == "domestic"
    doc = _doc("to/PART/aux/1 help/VERB/ROOT/1 people/NOUN/dobj/1 affected/VERB/acl/2")
    assert misreading(doc[1], "AID") is None


def test_a_guest_welcomed_to_a_place_is_hospitality_not_support():
    doc = _doc("we/PRON/nsubj/1 welcome/VERB/ROOT/1 you/PRON/dobj/1 to/ADP/prep/1 "
               "Estonia/PROPN/pobj/3", ents=["O", "O", "O", "O", "B-GPE"])
    assert misreading(doc[1], "SUPPORT") == "hospitality"
    # a member welcomed into an alliance is support
    nato = _doc("we/PRON/nsubj/1 welcome/VERB/ROOT/1 Finland/PROPN/dobj/1 to/ADP/prep/1 "
                "NATO/PROPN/pobj/3", ents=["O", "O", "B-GPE", "O", "B-ORG"])
    assert misreading(nato[1], "SUPPORT") is None
    # and welcoming a decision names no guest
    step = _doc("we/PRON/nsubj/1 welcome/VERB/ROOT/1 this/DET/det/3 step/NOUN/dobj/1")
    assert misreading(step[1], "SUPPORT") is None


def test_charging_a_payer_or_a_price_is_billing_not_an_accusation():
    doc = _doc("patterns/NOUN/nsubj/2 to/PART/aux/2 charge/VERB/ROOT/2 "
               "consumers/NOUN/dobj/2/consumer")
    assert misreading(doc[2], "ACCUSE") == "billing"
    fee = _doc("it/PRON/nsubj/1 charges/VERB/ROOT/1/charge a/DET/det/3 fee/NOUN/dobj/1")
    assert misreading(fee[1], "ACCUSE") == "billing"
    # prosecutors charging people with a crime accuse them
    men = _doc("prosecutors/NOUN/nsubj/1/prosecutor charged/VERB/ROOT/1/charge five/NUM/nummod/3 "
               "men/NOUN/dobj/1/man with/ADP/prep/1 fraud/NOUN/pobj/4")
    assert misreading(men[1], "ACCUSE") is None


def test_a_question_quoted_by_another_verb_of_a_report_is_not_the_events():
    from newsledger.events.filters import question
    # Critics were critical , with one poster writing " How can they ? "
    doc = _doc('Critics/NOUN/nsubj/1/critic were/AUX/ROOT/1/be critical/ADJ/acomp/1 ,/PUNCT/punct/1 '
               'with/ADP/prep/1 one/NUM/nummod/6 poster/NOUN/pobj/4 writing/VERB/acl/6/write '
               '"/PUNCT/punct/10 How/ADV/advmod/10/how can/AUX/ccomp/7 they/PRON/nsubj/10 '
               '?/PUNCT/punct/10 "/PUNCT/punct/10', tags=["NNS", "VBD", "JJ", ",", "IN", "CD",
                                                          "NN", "VBG", "``", "WRB", "MD", "PRP",
                                                          ".", "''"])
    sent = doc[:]
    assert question(sent)  # the sentence ends asking
    assert not question(sent, doc[2])  # but the criticism asks nothing
    # asked him , " Am I ? ": the asking verb introduces the question itself
    ask = _doc('medic/NOUN/nsubj/1 asked/VERB/ROOT/1/ask him/PRON/dobj/1 ,/PUNCT/punct/1 '
               '"/PUNCT/punct/5 Am/AUX/ccomp/1/be I/PRON/nsubj/5 ?/PUNCT/punct/5 "/PUNCT/punct/5',
               tags=["NN", "VBD", "PRP", ",", "``", "VBP", "PRP", ".", "''"])
    assert question(ask[:], ask[1])


def test_joining_someone_in_mourning_is_company_not_cooperation():
    doc = _doc("I/PRON/nsubj/1 join/VERB/ROOT/1 you/PRON/dobj/1 in/ADP/prep/1 "
               "celebrating/VERB/pcomp/3/celebrate")
    assert misreading(doc[1], "COOPERATE") == "company"
    allies = _doc("Japan/PROPN/nsubj/1 joined/VERB/ROOT/1/join the/DET/det/3 coalition/NOUN/dobj/1")
    assert misreading(allies[1], "COOPERATE") is None


def test_a_releases_contact_line_is_no_consultation():
    doc = _doc("please/INTJ/intj/1 contact/VERB/ROOT/1 Vidal/PROPN/dobj/1 at/ADP/prep/1 "
               "NEA-Press@state.gov/PROPN/pobj/3", tags=["UH", "VB", "NNP", "IN", "NNP"])
    assert misreading(doc[1], "CONSULT") == "contact details"
    met = _doc("Blinken/PROPN/nsubj/1 contacted/VERB/ROOT/1/contact Lavrov/PROPN/dobj/1",
               tags=["NNP", "VBD", "NNP"])
    assert misreading(met[1], "CONSULT") is None


def test_forcing_is_coercion_only_by_a_party():
    hamas = _doc("Hamas/PROPN/nsubj/1 forced/VERB/ROOT/1/force civilians/NOUN/dobj/1/civilian "
                 "to/PART/aux/4 stay/VERB/xcomp/1")
    assert misreading(hamas[1], "COERCE") is None
    costs = _doc("costs/NOUN/nsubj/1/cost forced/VERB/ROOT/1/force the/DET/det/3 "
                 "company/NOUN/dobj/1 to/PART/aux/5 close/VERB/xcomp/1")
    assert misreading(costs[1], "COERCE") == "circumstance"
    # a passive names its doer only with "by": "she was forced to work" names no one
    passive = _doc("she/PRON/nsubjpass/2 was/AUX/auxpass/2/be forced/VERB/ROOT/2/force "
                   "to/PART/aux/4 work/VERB/xcomp/2")
    assert misreading(passive[2], "COERCE") == "circumstance"
    by = _doc("residents/NOUN/nsubjpass/2/resident were/AUX/auxpass/2/be forced/VERB/ROOT/2/force "
              "out/ADP/prt/2 by/ADP/agent/2 militias/PROPN/pobj/4/militia")
    assert misreading(by[2], "COERCE") is None
    # "the hateful forces that divide us" misread as a verb forces no one to anything
    noun = _doc("hateful/ADJ/nsubj/1 forces/VERB/ROOT/1/force that/PRON/dobj/1")
    assert misreading(noun[1], "COERCE") == "noun"


def _report(*nouns: str):
    # Belgium attacked Panama . <noun> <noun> ...  (a story's words after the event's sentence)
    spec = "Belgium/PROPN/nsubj/1 attacked/VERB/ROOT/1/attack Panama/PROPN/dobj/1 ./PUNCT/punct/1"
    spec += "".join(f" {n}/NOUN/dep/1" for n in nouns)
    return _doc(spec)


def test_a_play_in_a_match_report_is_no_attack():
    words = ["coach", "cup", "goal", "goalkeeper", "match", "player", "referee"]
    report = _report(*words[:SPORTS_REPORT_WORDS])
    assert sense_filter(report[1], report[1], report[0:4], "ASSAULT") == "sports"
    # a story that names a few sports words ("a robotics competition", "a medal") is no
    # match report: its attacks stay events
    story = _report(*words[:SPORTS_REPORT_WORDS - 1])
    assert sense_filter(story[1], story[1], story[0:4], "ASSAULT") is None


def test_a_gerund_heading_is_a_topic_not_an_act():
    heading = _doc("Supporting/VERB/ROOT/0/support Wisconsin/PROPN/compound/2 "
                   "Families/PROPN/dobj/0/family", tags=["VBG", "NNP", "NNPS"])
    assert misreading(heading[0], "SUPPORT") == "heading"
    # a label before it is still a heading: "FACT SHEET: Supporting Ukraine"
    label = _doc("FACT/PROPN/compound/1 SHEET/PROPN/dep/3 :/PUNCT/punct/3 "
                 "Supporting/VERB/ROOT/3/support Ukraine/PROPN/dobj/3",
                 tags=["NNP", "NNP", ":", "VBG", "NNP"])
    assert misreading(label[3], "SUPPORT") == "heading"
    # an opening participle clause is the main subject's act: "Working with the G20, we ..."
    clause = _doc("Working/VERB/advcl/4/work with/ADP/prep/0 partners/NOUN/pobj/1/partner "
                  ",/PUNCT/punct/4 we/PRON/nsubj/4 act/VERB/ROOT/4",
                  tags=["VBG", "IN", "NNS", ",", "PRP", "VBP"])
    assert misreading(clause[0], "COOPERATE") is None


def test_a_partnership_that_heads_a_proper_name_is_a_programme():
    # the Mekong-U.S. Partnership , and other programs
    name = _doc("the/DET/det/2 Mekong-U.S./PROPN/compound/2 Partnership/PROPN/ROOT/2 "
                ",/PUNCT/punct/2 and/CCONJ/cc/2 other/ADJ/amod/6 programs/NOUN/conj/2/program")
    assert misreading(name[2], "COOPERATE") == "name"
    # "a new partnership on clean energy" is an act of cooperation
    act = _doc("a/DET/det/2 new/ADJ/amod/2 partnership/NOUN/ROOT/2 on/ADP/prep/2 "
               "energy/NOUN/pobj/3")
    assert misreading(act[2], "COOPERATE") is None


def test_an_honour_awarded_or_an_agenda_delivered_on_is_no_aid():
    prize = _doc("he/PRON/nsubjpass/2 was/AUX/auxpass/2/be awarded/VERB/ROOT/2/award "
                 "the/DET/det/4 Award/PROPN/dobj/2/award")
    assert misreading(prize[2], "AID") == "abstraction"
    grant = _doc("Washington/PROPN/nsubj/1 awarded/VERB/ROOT/1/award a/DET/det/3 "
                 "grant/NOUN/dobj/1 to/ADP/prep/1 Kenya/PROPN/pobj/4")
    assert misreading(grant[1], "AID") is None
    agenda = _doc("we/PRON/nsubj/1 deliver/VERB/ROOT/1 on/ADP/prep/1 the/DET/det/4 "
                  "agenda/NOUN/pobj/2")
    assert misreading(agenda[1], "AID") == "fulfilment"
