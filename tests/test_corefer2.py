"""A record must not borrow an actor from another mention far away or in another voice
(``events.corefer`` grouping, ``events.extract`` joint subjects and coordinated travellers),
on hand-built mentions and Docs (no model)."""

from __future__ import annotations

from newsledger.events.arguments import Arg
from newsledger.events.corefer import BORROW_WINDOW, Mention, group_mentions
from newsledger.events.extract import _pick_args, _within
from newsledger.events.pairs import meeting_counterparts
from newsledger.events.triggers import Candidate
from newsledger.records import Actor, Event, Participant, Span
from tests.docs import make_doc


def _p(name: str) -> Participant:
    return Participant(actor=name, name=name)


def _event(trigger: str, start: int, etype: str = "RETREAT", src: str | None = None,
           tgt: str | None = None) -> Event:
    span = Span(start, start + len(trigger), trigger)
    return Event(id="", type=etype, modality="asserted", trigger=span, evidence=span,
                 source=_p(src) if src else None, target=_p(tgt) if tgt else None)


def test_a_far_mention_lends_no_participant_to_a_record():
    # "I'll hand it over to Jake" (no source) ... thousands of characters later a release
    # with a source and the same target: two events, not one with a borrowed source
    hand = Mention(_event("hand it over", 0, tgt="Jake"), False, False)
    far = Mention(_event("released", BORROW_WINDOW + 500, src="Yemen", tgt="Jake"), False,
                  False)
    out = group_mentions([hand, far], strict=False)
    assert len(out) == 2
    assert out[0].source is None
    # close by, in the same voice, the mentions still complete each other
    near = Mention(_event("released", 300, src="Yemen", tgt="Jake"), False, False)
    out = group_mentions([hand, near], strict=False)
    assert len(out) == 1 and out[0].source.name == "Yemen"


def test_no_participant_is_lent_across_a_speaker_turn():
    hand = Mention(_event("hand it over", 0, tgt="Jake"), False, False, voice="q1")
    other = Mention(_event("released", 200, src="Yemen", tgt="Jake"), False, False,
                    voice="q2")
    assert len(group_mentions([hand, other], strict=False)) == 2
    same = Mention(_event("released", 200, src="Yemen", tgt="Jake"), False, False,
                   voice="q1")
    assert len(group_mentions([hand, same], strict=False)) == 1


def test_a_far_mention_that_adds_nothing_still_joins():
    # a referring noun far away that names no one refers back: no participant moves
    attack = Mention(_event("attacked", 0, "ASSAULT", src="Iran", tgt="Israel"), False, False)
    noun = Mention(_event("the attack", BORROW_WINDOW * 5, "ASSAULT"), True, True)
    out = group_mentions([attack, noun])
    assert len(out) == 1 and out[0].source.name == "Iran"


def test_a_joint_they_takes_the_meeting_sides_only_near_and_in_one_voice():
    assert _within((100, None), 100 + BORROW_WINDOW, None)
    assert not _within((100, None), 100 + BORROW_WINDOW + 1, None)  # ~8,000 chars later
    assert not _within((100, "q1"), 300, "q2")  # another speaker's turn
    assert not _within((500, None), 100, None)  # a meeting told after the "they"


def _actor(i: str, name: str) -> Actor:
    return Actor(id=i, name=name, kind="person")


def test_co_travellers_are_no_counterparts_but_co_subjects_of_a_meeting_are():
    doc = make_doc(["Biden", "and", "Harris", "are", "traveling", "to", "Philadelphia", "."],
                   heads=[4, 0, 0, 4, 4, 4, 5, 4],
                   deps=["nsubj", "cc", "conj", "aux", "ROOT", "prep", "pobj", "punct"],
                   pos=["PROPN", "CCONJ", "PROPN", "AUX", "VERB", "ADP", "PROPN", "PUNCT"])
    biden, harris = Arg(_actor("a1", "Biden"), 0, 5), Arg(_actor("a2", "Harris"), 10, 16)
    trip = Candidate(doc[4], [doc[4], doc[5]], "CONSULT", "visit", sources=[biden, harris])
    src, tgt = _pick_args(trip)
    assert src is biden and tgt is None
    meet = Candidate(doc[4], [doc[4]], "CONSULT", None, sources=[biden, harris])
    src, tgt = _pick_args(meet)
    assert src is biden and tgt is harris


def test_a_counterpart_named_only_by_its_possessive_pronoun_is_the_own_side():
    # "in coordination with its partners": "its" is Israel, whose partners are the
    # counterpart; Israel is no counterpart of its own coordination
    doc = make_doc(["Israel", "won", "in", "coordination", "with", "its", "partners", "."],
                   heads=[1, 1, 1, 2, 3, 6, 4, 1],
                   deps=["nsubj", "ROOT", "prep", "pobj", "prep", "poss", "pobj", "punct"],
                   pos=["PROPN", "VERB", "ADP", "NOUN", "ADP", "PRON", "NOUN", "PUNCT"],
                   tags=["NNP", "VBD", "IN", "NN", "IN", "PRP$", "NNS", "."])
    israel = _actor("a1", "Israel")
    its = Arg(israel, doc[5].idx, doc[5].idx + len(doc[5]))
    coop = Candidate(doc[3], [doc[3]], "COOPERATE", None, targets=[its])
    assert _pick_args(coop) == (None, None)
    # an attack on "its partners" is not symmetric: the owner stays the target
    hit = Candidate(doc[3], [doc[3]], "ASSAULT", None, targets=[its])
    assert _pick_args(hit) == (None, its)
    # a name is a counterpart: "with Israel"
    named = Arg(israel, doc[0].idx, doc[0].idx + len(doc[0]))
    assert _pick_args(Candidate(doc[3], [doc[3]], "COOPERATE", None, targets=[named]))[1] \
        is named


def test_a_far_referring_noun_that_names_the_party_again_completes_the_record():
    # "conducted an unprecedented attack on Israel" ... far later "the Iranian attack on
    # Israel": one attack, whose source the noun names
    first = Mention(_event("attack", 0, "ASSAULT", tgt="Israel"), True, False)
    again = Mention(_event("attack", BORROW_WINDOW * 10, "ASSAULT", src="Iran", tgt="Israel"),
                    True, True)
    out = group_mentions([first, again])
    assert len(out) == 1 and out[0].source.name == "Iran"
    # a verb far away does not, even naming the same target
    verb = Mention(_event("attacked", BORROW_WINDOW * 10, "ASSAULT", src="Iran", tgt="Israel"),
                   False, False)
    assert len(group_mentions([first, verb])) == 2


def _said(trigger: str, start: int, sentence: int, lemma: str, etype: str = "REQUEST",
          **kw) -> Mention:
    e = _event(trigger, start, etype, src="United States", tgt="Bangladesh")
    kw.setdefault("main", True)
    kw.setdefault("told", True)
    return Mention(e, False, False, sentence=sentence, lemma=lemma, **kw)


def test_statements_by_other_verbs_in_other_sentences_are_other_acts():
    # a readout: "The United States urged Bangladesh to ..." ... "The United States
    # encouraged Bangladesh to ...": two requests, each naming both parties
    urged = _said("urged", 0, 0, "urge")
    encouraged = _said("encouraged", 400, 40, "encourage")
    assert len(group_mentions([urged, encouraged], strict=False)) == 2
    # the same verb again may tell the same request ("denied ... denied")
    again = _said("urged", 400, 40, "urge")
    assert len(group_mentions([urged, again], strict=False)) == 1
    # two verbs in one sentence ("urged and encouraged") are one act
    both = _said("encouraged", 12, 0, "encourage")
    assert len(group_mentions([urged, both], strict=False)) == 1
    # a clause that reports it ("leaking that Biden told Netanyahu to ...") may retell it
    told = _said("told", 400, 40, "tell", main=False)
    assert len(group_mentions([urged, told], strict=False)) == 1
    # material acts are not statements: "attacked" ... "struck" may be one attack
    hit = _said("attacked", 0, 0, "attack", "ASSAULT")
    struck = _said("struck", 400, 40, "strike", "ASSAULT")
    assert len(group_mentions([hit, struck], strict=False)) == 1


def _act(trigger: str, start: int, etype: str, src: str | None, tgt: str | None = None,
         lemma: str | None = None, **kw) -> Mention:
    kw.setdefault("told", True)
    kw.setdefault("main", True)
    return Mention(_event(trigger, start, etype, src=src, tgt=tgt), False, False,
                   lemma=lemma or trigger, **kw)


def _consultation(a: str = "United States", b: str = "Bangladesh") -> Mention:
    return _act("Consultation", 0, "CONSULT", a, b, lemma="consultation")


def test_a_meetings_request_pledge_or_thanks_without_addressee_is_to_the_other_side():
    sought = _act("sought", 500, "REQUEST", "Bangladesh", lemma="seek")
    pledge = _act("expressed its commitment", 700, "AGREE", "Bangladesh", lemma="commitment")
    thanks = _act("expressed gratitude", 900, "SUPPORT", "Bangladesh", lemma="gratitude")
    cause = _act("reaffirmed support", 1100, "SUPPORT", "United States", lemma="support")
    call = _act("called for", 1300, "REQUEST", "United States", lemma="call")
    quoted = _act("asked", 1500, "REQUEST", "Bangladesh", lemma="ask", voice="q1")
    inner = _act("asked", 1700, "REQUEST", "Bangladesh", lemma="ask", main=False)
    mentions = [_consultation(), sought, pledge, thanks, cause, call, quoted, inner]
    meeting_counterparts(mentions)
    assert sought.event.target.name == "United States"
    assert pledge.event.target.name == "United States"
    assert thanks.event.target.name == "United States"
    # support for a cause, a public call, a quotation, an inner clause: no addressee
    assert cause.event.target is None and call.event.target is None
    assert quoted.event.target is None and inner.event.target is None


def test_no_addressee_from_a_document_of_several_meetings():
    sought = _act("sought", 500, "REQUEST", "Bangladesh", lemma="seek")
    other = _act("met", 300, "CONSULT", "Bangladesh", "India", lemma="meet")
    meeting_counterparts([_consultation(), other, sought])
    assert sought.event.target is None
    # nor for a party that is not one of the meeting's two
    third = _act("sought", 500, "REQUEST", "Nepal", lemma="seek")
    meeting_counterparts([_consultation(), third])
    assert third.event.target is None


def test_two_pledges_of_different_acts_are_two_even_with_one_noun():
    # "Bangladesh expressed its commitment to pass reforms" ... "Bangladesh also expressed
    # a commitment to address labor reform": two pledges
    one = _said("expressed its commitment", 0, 0, "commitment", "AGREE", content="pass")
    two = _said("expressed a commitment", 400, 40, "commitment", "AGREE", content="address")
    assert len(group_mentions([one, two], strict=False)) == 2
    # the same pledge told again, or one whose act is not stated, may be one
    again = _said("expressed a commitment", 400, 40, "commitment", "AGREE", content="pass")
    assert len(group_mentions([one, again], strict=False)) == 1
    bare = _said("expressed a commitment", 400, 40, "commitment", "AGREE")
    assert len(group_mentions([one, bare], strict=False)) == 1


def _met(trigger: str, start: int, target: Participant, nominal: bool, **kw) -> Mention:
    span = Span(start, start + len(trigger), trigger)
    e = Event(id="", type="CONSULT", modality="asserted", trigger=span, evidence=span,
              source=Participant(actor="a1", name="Antony J. Blinken", country="USA"),
              target=target)
    return Mention(e, nominal, nominal, **kw)


def test_a_headline_meeting_with_a_state_and_the_body_meeting_with_its_minister_are_one():
    # "Secretary Blinken's Meeting with Uzbekistan Foreign Minister Kamilov" (read as the
    # Uzbekistani government) ... "Blinken met with Uzbekistan's Foreign Minister Kamilov"
    state = Participant(actor="a3", name="Uzbekistani government", country="UZB")
    person = Participant(actor="a4", name="Abdulaziz Kamilov", country="UZB")
    title = _met("Meeting", 20, state, True, counterpart="minister",
                 party_words=frozenset({"foreign"}), states=frozenset({"a3"}))
    body = _met("met with", 150, person, False, counterpart="kamilov",
                party_words=frozenset({"foreign", "minister", "abdulaziz"}))
    out = group_mentions([title, body], strict=False)
    assert len(out) == 1 and out[0].target.name == "Abdulaziz Kamilov"
    # two ministers of one country are two meetings
    other = _met("met with", 400, Participant(actor="a5", name="Bakhtiyor Saidov",
                                               country="UZB"), False, counterpart="saidov",
                 party_words=frozenset({"saidov"}))
    assert len(group_mentions([body, other], strict=False)) == 2


def test_one_person_named_short_in_a_headline_and_in_full_is_one_party():
    short = Participant(actor="a2", name="Al Sisi", country="EGY")
    full = Participant(actor="a5", name="Abdel Fattah Al Sisi", country="EGY")
    title = _met("Meeting", 20, short, True, counterpart="sisi",
                 party_words=frozenset({"al", "president"}))
    body = _met("met", 150, full, False, counterpart="sisi",
                party_words=frozenset({"abdel", "fattah", "al", "president"}))
    out = group_mentions([title, body], strict=False)
    assert len(out) == 1 and out[0].target.name == "Abdel Fattah Al Sisi"
    # in another country the same surname is another person
    far = _met("met", 150, Participant(actor="a6", name="Ali Al Sisi", country="JOR"), False,
               counterpart="sisi", party_words=frozenset({"ali"}))
    assert len(group_mentions([title, far], strict=False)) == 2


def test_a_request_of_ones_own_country_names_no_target():
    # "we urge all Americans to ...", said by the Administration: no request between parties
    doc = make_doc(["we", "urge", "Americans"], [1, 1, 1], ["nsubj", "ROOT", "dobj"],
                   ["PRON", "VERB", "PROPN"])
    admin = Arg(Actor(id="a1", name="my Administration", kind="organization", country="USA"),
                0, 2)
    usa = Arg(Actor(id="a2", name="United States", kind="state", country="USA"), 8, 17)
    mexico = Arg(Actor(id="a3", name="Mexico", kind="state", country="MEX"), 8, 17)
    urge = Candidate(doc[1], [doc[1]], "REQUEST", None, sources=[admin], targets=[usa])
    assert _pick_args(urge) == (admin, None)
    urge = Candidate(doc[1], [doc[1]], "REQUEST", None, sources=[admin], targets=[mexico])
    assert _pick_args(urge) == (admin, mexico)


def _stance(trigger: str, start: int, content: str | None, tgt: str | None = None,
            etype: str = "SUPPORT") -> Mention:
    e = _event(trigger, start, etype, src="Slovenia and United States", tgt=tgt)
    return Mention(e, True, True, sentence=start, lemma="commitment", content=content)


def test_support_for_another_matter_is_another_act():
    # a readout: "reaffirmed their support for Ukraine's sovereignty" ... "the shared
    # commitment to BiH's stability" ... "reaffirmed their commitment to the framework of
    # responsible state behavior": three stances, not one record with three mentions
    ukraine = _stance("reaffirmed their support", 0, "sovereignty", tgt="Ukraine")
    bih = _stance("commitment", 500, "stability")
    frame = _stance("reaffirmed their commitment", 900, "framework")
    assert len(group_mentions([ukraine, bih, frame], strict=False)) == 3
    # the same matter again, or a noun that states none, may be the same stance
    again = _stance("commitment", 500, "sovereignty")
    bare = _stance("the commitment", 500, None)
    assert len(group_mentions([ukraine, again, bare], strict=False)) == 1
    # another matter with the same target named is still that target's support
    same = _stance("support", 500, "integrity", tgt="Ukraine")
    assert len(group_mentions([ukraine, same], strict=False)) == 1
    # an attack's mentions have no matter to tell apart: "the attack on X" ... "strikes"
    hit = _stance("attack", 0, "base", etype="ASSAULT")
    strikes = _stance("strikes", 500, "airport", etype="ASSAULT")
    assert len(group_mentions([hit, strikes], strict=False)) == 1


def test_an_exchange_of_fire_is_each_sides_attack_on_the_other():
    # "North and South Korea exchanged fire": the second side is the first's target
    doc = make_doc(["Pyongyang", "and", "Seoul", "exchanged", "fire"], [3, 0, 0, 3, 3],
                   ["nsubj", "cc", "conj", "ROOT", "dobj"],
                   ["PROPN", "CCONJ", "PROPN", "VERB", "NOUN"],
                   lemmas=["Pyongyang", "and", "Seoul", "exchange", "fire"])
    north = Arg(Actor(id="a1", name="North Korea", kind="state", country="PRK"), 0, 9)
    south = Arg(Actor(id="a2", name="South Korea", kind="state", country="KOR"), 14, 19)
    fire = Candidate(doc[3], [doc[3], doc[4]], "ASSAULT", None, sources=[north, south])
    assert _pick_args(fire) == (north, south)
    # one side firing ("Pyongyang and Seoul fired shells") attacks no one named
    fired = make_doc(["Pyongyang", "and", "Seoul", "fired", "shells"], [3, 0, 0, 3, 3],
                     ["nsubj", "cc", "conj", "ROOT", "dobj"],
                     ["PROPN", "CCONJ", "PROPN", "VERB", "NOUN"],
                     lemmas=["Pyongyang", "and", "Seoul", "fire", "shell"])
    shot = Candidate(fired[3], [fired[3]], "ASSAULT", None, sources=[north, south])
    assert _pick_args(shot) == (north, None)


def test_a_state_and_its_own_government_are_no_two_parties():
    # "Moscow ... forced Russia": the capital stands for the government of the same state
    doc = make_doc(["Moscow", "forced", "Russia"], [1, 1, 1], ["nsubj", "ROOT", "dobj"],
                   ["PROPN", "VERB", "PROPN"])
    moscow = Arg(Actor(id="a1", name="Moscow", kind="organization", country="RUS",
                       key="state:RUS/GOV"), 0, 6)
    russia = Arg(Actor(id="a2", name="Russia", kind="state", country="RUS", key="state:RUS"),
                 14, 20)
    forced = Candidate(doc[1], [doc[1]], "COERCE", None, sources=[moscow], targets=[russia])
    assert _pick_args(forced) == (moscow, None)
    # the government and the country's opposition are two parties
    opposition = Arg(Actor(id="a3", name="Russian opposition", kind="group", country="RUS",
                           key="state:RUS/OPP"), 14, 20)
    arrest = Candidate(doc[1], [doc[1]], "COERCE", None, sources=[moscow], targets=[opposition])
    assert _pick_args(arrest) == (moscow, opposition)


def test_a_request_to_the_sources_own_nation_states_no_addressee():
    from newsledger.events.extract import _counterpart

    # The President encourages all Americans to vote .
    words = ["President", "encourages", "all", "Americans", "to", "vote", "."]
    doc = make_doc(words, [1, 1, 3, 1, 5, 1, 1],
                   ["nsubj", "ROOT", "det", "dobj", "aux", "xcomp", "punct"],
                   ["PROPN", "VERB", "DET", "PROPN", "PART", "VERB", "PUNCT"],
                   lemmas=["President", "encourage", "all", "Americans", "to", "vote", "."],
                   ents=["O", "O", "O", "B-NORP", "O", "O", "O"])
    biden = Arg(Actor(id="a1", name="Joe Biden", kind="person", country="USA"), 0, 9)
    urge = Candidate(doc[1], [doc[1]], "REQUEST", None, sources=[biden])
    assert _counterpart(urge) is None
    # the same words from another country's leader address a foreign public
    macron = Arg(Actor(id="a2", name="Emmanuel Macron", kind="person", country="FRA"), 0, 9)
    urge = Candidate(doc[1], [doc[1]], "REQUEST", None, sources=[macron])
    assert _counterpart(urge) == "americans"
