"""Trigger rules of the second lexicon pass (recall of acts a PLOVER coder codes reliably):
agreed joint acts, people held at a facility, camps of confinement, submitted requests,
shared intelligence, and claims that an actor did a hostile act. Each on hand-built Docs."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from newsledger.events.triggers import Candidate, allegation, noun_code, verb_trigger
from tests.docs import make_doc


def _code(found) -> str | None:
    return None if found is None else found[0]


class _Names:
    """An argument resolver for hand-built Docs: every proper noun or pronoun is an actor."""

    def resolve(self, tok, conjuncts=True):
        if tok.pos_ not in ("PROPN", "PRON"):
            return []
        return [SimpleNamespace(actor=SimpleNamespace(id=tok.lower_))]


# agreed joint acts ----------------------------------------------------------------------------

def _agreed(subject: list[str], verb: str, obj: str = "facility", obj_lemma: str = "facility",
            with_: str | None = None):
    """<subject...> agreed [with <with_>] to <verb> a <obj> ."""
    n = len(subject)
    words, heads, deps, pos, tags = [], [], [], [], []
    if n == 3:  # "A and B"
        words += subject
        heads += [n, 0, 0]
        deps += ["nsubj", "cc", "conj"]
        pos += ["PROPN", "CCONJ", "PROPN"]
        tags += ["NNP", "CC", "NNP"]
    elif subject[0] in ("The", "the"):  # "The leaders"
        words += subject
        heads += [1, n]
        deps += ["det", "nsubj"]
        pos += ["DET", "NOUN"]
        tags += ["DT", "NNS" if subject[1].endswith("s") else "NN"]
    else:
        words += subject
        heads += [n]
        deps += ["nsubj"]
        pos += ["PROPN"]
        tags += ["NNP"]
    agree = n
    words.append("agreed")
    heads.append(agree)
    deps.append("ROOT")
    pos.append("VERB")
    tags.append("VBD")
    if with_:
        words += ["with", with_]
        heads += [agree, agree + 1]
        deps += ["prep", "pobj"]
        pos += ["ADP", "PROPN"]
        tags += ["IN", "NNP"]
    v = len(words) + 1
    words += ["to", verb, "a", obj, "."]
    heads += [v, agree, v + 2, v, agree]
    deps += ["aux", "xcomp", "det", "dobj", "punct"]
    pos += ["PART", "VERB", "DET", "NOUN", "PUNCT"]
    tags += ["TO", "VB", "DT", "NN", "."]
    lemmas = [w.lower() for w in words]
    lemmas[agree] = "agree"
    lemmas[v + 2] = obj_lemma
    if subject[0] in ("The", "the"):
        lemmas[1] = subject[1].lower().rstrip("s")
    return make_doc(words, heads, deps, pos, tags=tags, lemmas=lemmas), v


@pytest.mark.parametrize("subject,with_,code", [
    (["Australia", "and", "Moderna"], None, "COOPERATE"),  # two parties agree to build
    (["The", "leaders"], None, "COOPERATE"),               # the joint plural
    (["Japan"], "Korea", "COOPERATE"),                     # "agreed with Korea to ..."
    (["Japan"], None, None),                               # one party: a bare promise (AGREE)
    (["The", "company"], None, None),                      # a singular is no joint party
])
def test_a_joint_agreement_to_act_is_cooperation(subject, with_, code):
    doc, v = _agreed(subject, "build", with_=with_)
    assert _code(verb_trigger(doc[v], None)) == code


@pytest.mark.parametrize("verb,obj,obj_lemma", [
    ("stay", "course", "course"),   # a state, not a joint act ("agreed to stay in touch")
    ("do", "favor", "favor"),       # "agreed to do so"
    ("expand", "cooperation", "cooperation"),  # the noun is the act (its own trigger)
])
def test_agreed_states_and_event_objects_are_not_the_joint_act(verb, obj, obj_lemma):
    doc, v = _agreed(["Australia", "and", "Moderna"], verb, obj, obj_lemma)
    assert _code(verb_trigger(doc[v], None)) != "COOPERATE"


# people held at a facility; camps ----------------------------------------------------------------

def _held(subject: str, subject_pos: str, verb: str, lemma: str, place: list[str],
          place_ent: str, ent: str = "O"):
    """<subject> was <verb> at <place...> ."""
    words = [subject, "was", verb, "at", *place, "."]
    k = len(place)
    last = 3 + k
    heads = [2, 2, 2, 2, *([last] * (k - 1)), 3, 2]
    deps = ["nsubjpass", "auxpass", "ROOT", "prep", *(["compound"] * (k - 1)), "pobj", "punct"]
    pos = [subject_pos, "AUX", "VERB", "ADP", *(["PROPN"] * k), "PUNCT"]
    tags = ["PRP" if subject_pos == "PRON" else "NNS", "VBD", "VBN", "IN", *(["NNP"] * k), "."]
    ents = [ent, "O", "O", "O", *(f"{'B' if i == 0 else 'I'}-{place_ent}" if place_ent != "O"
                                   else "O" for i in range(k)), "O"]
    lemmas = [subject.lower(), "be", lemma, "at", *(p.lower() for p in place), "."]
    return make_doc(words, heads, deps, pos, tags=tags, lemmas=lemmas, ents=ents)


def test_a_person_kept_at_a_named_facility_is_detained():
    doc = _held("She", "PRON", "kept", "keep", ["Flag", "Land", "Base"], "FAC")
    assert verb_trigger(doc[2], None) == ("COERCE:arrest", [doc[2], doc[3]])


@pytest.mark.parametrize("subject,pos_,place,place_ent", [
    ("Talks", "NOUN", ["Camp", "David"], "FAC"),   # a meeting held there
    ("She", "PRON", ["Clearwater"], "GPE"),        # a town: read as the holder, not a place
    ("She", "PRON", ["Home"], "O"),                # no named facility
])
def test_held_at_needs_a_person_and_a_named_facility(subject, pos_, place, place_ent):
    doc = _held(subject, pos_, "held", "hold", place, place_ent)
    assert verb_trigger(doc[2], None) is None


@pytest.mark.parametrize("modifier,code", [
    ("labor", "COERCE:arrest"),     # a camp of confinement
    ("internment", "COERCE:arrest"),
    ("refugee", None),              # shelter, not confinement
    ("summer", None),
])
def test_sent_to_a_camp_only_of_confinement(modifier, code):
    # The regime sent him to a <modifier> camp .
    words = ["The", "regime", "sent", "him", "to", "a", modifier, "camp", "."]
    heads = [1, 2, 2, 2, 2, 7, 7, 4, 2]
    deps = ["det", "nsubj", "ROOT", "dobj", "prep", "det", "compound", "pobj", "punct"]
    pos = ["DET", "NOUN", "VERB", "PRON", "ADP", "DET", "NOUN", "NOUN", "PUNCT"]
    lemmas = ["the", "regime", "send", "he", "to", "a", modifier, "camp", "."]
    doc = make_doc(words, heads, deps, pos, lemmas=lemmas)
    assert _code(verb_trigger(doc[2], None)) == code


# requests and intelligence ------------------------------------------------------------------------

@pytest.mark.parametrize("verb,lemma,tag,obj,obj_lemma,code", [
    ("submitted", "submit", "VBD", "application", "application", "REQUEST"),  # to join NATO
    ("submitted", "submit", "VBD", "request", "request", "REQUEST"),
    ("submit", "submit", "VB", "application", "application", None),  # a procedure's step
    ("submitted", "submit", "VBD", "report", "report", None),        # a document handed in
    ("provided", "provide", "VBD", "intelligence", "intelligence", "COOPERATE"),  # not AID
    ("provided", "provide", "VBD", "weapons", "weapon", "AID"),
])
def test_submitted_requests_and_shared_intelligence(verb, lemma, tag, obj, obj_lemma, code):
    words = ["Finland", verb, "the", obj, "."]
    doc = make_doc(words, [1, 1, 3, 1, 1], ["nsubj", "ROOT", "det", "dobj", "punct"],
                   ["PROPN", "VERB", "DET", "NOUN", "PUNCT"], tags=["NNP", tag, "DT", "NN", "."],
                   lemmas=["finland", lemma, "the", obj_lemma, "."])
    assert _code(verb_trigger(doc[1], None)) == code


# claims of hostile acts -----------------------------------------------------------------------------

def _claim(claimant: str, verb: str, lemma: str, doer: str | None):
    """<claimant> <verb> <doer> imprisoned her .  /  <claimant> <verb> she was imprisoned ."""
    if doer is not None:
        words = [claimant, verb, doer, "imprisoned", "her", "."]
        heads, deps = [1, 1, 3, 1, 3, 1], ["nsubj", "ROOT", "nsubj", "ccomp", "dobj", "punct"]
        pos = ["PROPN", "VERB", "PROPN", "VERB", "PRON", "PUNCT"]
        lemmas = [claimant.lower(), lemma, doer.lower(), "imprison", "she", "."]
    else:
        words = [claimant, verb, "she", "was", "imprisoned", "."]
        heads = [1, 1, 4, 4, 1, 1]
        deps = ["nsubj", "ROOT", "nsubjpass", "auxpass", "ccomp", "punct"]
        pos = ["PROPN", "VERB", "PRON", "AUX", "VERB", "PUNCT"]
        lemmas = [claimant.lower(), lemma, "she", "be", "imprison", "."]
    doc = make_doc(words, heads, deps, pos, lemmas=lemmas)
    act_tok = doc[3] if doer is not None else doc[4]
    code, words_ = verb_trigger(act_tok, None)
    etype, _, mode = code.partition(":")
    return Candidate(act_tok, words_, etype, mode or None)


def test_claiming_an_actor_imprisoned_someone_accuses_that_actor():
    act = _claim("Paris", "claims", "claim", "Scientology")
    found = allegation(act, _Names(), {act.head.i})
    assert found is not None and (found.type, found.mode) == ("ACCUSE", "allege")
    assert found.head.lower_ == "claims"
    assert [a.actor.id for a in found.targets] == ["scientology"]


@pytest.mark.parametrize("claimant,verb,lemma,doer", [
    ("Paris", "says", "say", "Scientology"),     # a report, not a claim
    ("Paris", "claims", "claim", None),          # nobody named as the doer
    ("They", "claim", "claim", "they"),          # the claimant's own act
])
def test_no_allegation_without_a_claim_verb_or_another_doer(claimant, verb, lemma, doer):
    act = _claim(claimant, verb, lemma, doer)
    assert allegation(act, _Names(), {act.head.i}) is None


# condolences and visa restrictions ------------------------------------------------------------------

def test_offered_condolences_are_support_not_an_offer():
    # Blinken offered his condolences .   ("offer" alone would be AGREE)
    words = ["Blinken", "offered", "his", "condolences", "."]
    doc = make_doc(words, [1, 1, 3, 1, 1], ["nsubj", "ROOT", "poss", "dobj", "punct"],
                   ["PROPN", "VERB", "PRON", "NOUN", "PUNCT"],
                   lemmas=["blinken", "offer", "his", "condolence", "."])
    assert noun_code(doc[3]) == "SUPPORT"
    assert verb_trigger(doc[1], None) is None  # the light verb carries the noun's event


@pytest.mark.parametrize("modifier,code", [
    ("visa", "SANCTION"),     # a State Department visa restriction on officials
    ("new", None),            # restrictions in general are no trigger
])
def test_visa_restrictions_are_a_sanction(modifier, code):
    # State imposed <modifier> restrictions .
    words = ["State", "imposed", modifier, "restrictions", "."]
    dep = "compound" if modifier == "visa" else "amod"
    doc = make_doc(words, [1, 1, 3, 1, 1], ["nsubj", "ROOT", dep, "dobj", "punct"],
                   ["PROPN", "VERB", "NOUN" if modifier == "visa" else "ADJ", "NOUN", "PUNCT"],
                   lemmas=["state", "impose", modifier, "restriction", "."])
    assert noun_code(doc[3]) == code


@pytest.mark.parametrize("obj,obj_lemma,code", [
    ("intelligence", "intelligence", "COOPERATE"),   # sharing intelligence with allies
    ("technology", "technology", "COOPERATE"),
    ("vaccines", "vaccine", "AID"),                   # vaccine sharing is material help
    ("evidence", "evidence", "COOPERATE"),           # "shared evidence with India" (PLV)
    ("story", "story", None),                         # a telling
    ("optimism", "optimism", None),                   # a state ("we share the optimism")
])
def test_share_is_cooperation_only_with_a_cooperative_object(obj, obj_lemma, code):
    words = ["Japan", "shared", "the", obj, "."]
    doc = make_doc(words, [1, 1, 3, 1, 1], ["nsubj", "ROOT", "det", "dobj", "punct"],
                   ["PROPN", "VERB", "DET", "NOUN", "PUNCT"],
                   lemmas=["japan", "share", "the", obj_lemma, "."])
    assert _code(verb_trigger(doc[1], None)) == code


@pytest.mark.parametrize("obj,obj_lemma,code", [
    ("money", "money", "AID"),          # material help
    ("vaccines", "vaccine", "AID"),
    ("euros", "euro", "AID"),           # "gave 352.5 million euros to ..." (PLV)
    ("equipment", "equipment", "AID"),  # "gives medical equipment to Nicaragua"
    ("confidence", "confidence", None),  # "give us confidence": a figure of speech
    ("space", "space", None),            # "giving the Fed the space"
])
def test_give_is_aid_only_with_a_material_object(obj, obj_lemma, code):
    words = ["Japan", "gave", "the", obj, "."]
    doc = make_doc(words, [1, 1, 3, 1, 1], ["nsubj", "ROOT", "det", "dobj", "punct"],
                   ["PROPN", "VERB", "DET", "NOUN", "PUNCT"],
                   lemmas=["japan", "give", "the", obj_lemma, "."])
    assert _code(verb_trigger(doc[1], None)) == code


@pytest.mark.parametrize("obj,obj_lemma,code", [
    ("Kishida", "kishida", "CONSULT"),     # a meeting with a person
    ("challenges", "challenge", None),     # "meet the challenges of our time"
    ("standards", "standard", None),       # "met the standards"
    ("needs", "need", None),
])
def test_meeting_goals_and_standards_is_no_meeting(obj, obj_lemma, code):
    words = ["Biden", "met", "the", obj, "."]
    doc = make_doc(words, [1, 1, 3, 1, 1], ["nsubj", "ROOT", "det", "dobj", "punct"],
                   ["PROPN", "VERB", "DET", "PROPN" if obj == "Kishida" else "NOUN", "PUNCT"],
                   lemmas=["biden", "meet", "the", obj_lemma, "."])
    assert _code(verb_trigger(doc[1], None)) == code


def test_protecting_is_an_aim_not_an_act_of_aid():
    # The Department protects the workers .   (an aim of policy, not PLOVER AID)
    words = ["Labor", "protects", "the", "workers", "."]
    doc = make_doc(words, [1, 1, 3, 1, 1], ["nsubj", "ROOT", "det", "dobj", "punct"],
                   ["PROPN", "VERB", "DET", "NOUN", "PUNCT"],
                   lemmas=["labor", "protect", "the", "worker", "."])
    assert verb_trigger(doc[1], None) is None


def test_an_attack_on_a_website_is_a_cyber_attack():
    from newsledger.events.triggers import CYBER
    # Hackers attack the website .
    doc = make_doc(["Hackers", "attack", "the", "website", "."], [1, 1, 3, 1, 1],
                   ["nsubj", "ROOT", "det", "dobj", "punct"],
                   ["NOUN", "VERB", "DET", "NOUN", "PUNCT"],
                   lemmas=["hacker", "attack", "the", "website", "."])
    assert _code(verb_trigger(doc[1], None)) == CYBER
    # the attacks on the website ; the attacks on the justice system (no cyber attack)
    for thing, code in (("website", CYBER), ("system", "ASSAULT")):
        noun = make_doc(["the", "attacks", "on", "the", thing], [1, 1, 1, 4, 2],
                        ["det", "ROOT", "prep", "det", "pobj"],
                        ["DET", "NOUN", "ADP", "DET", "NOUN"],
                        lemmas=["the", "attack", "on", "the", thing])
        assert noun_code(noun[1]) == code
