"""Statement-acts no event verb names (events/appraisals.py and the trigger rules that use
it): thanks and criticism by adjective, a stated need for a party to act, a party's merit
pointed out, agreed meetings, declarations of war, support listing material help. Rules on hand-built Docs (a model update
cannot change what they check); a few model-based cases on real sentences."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from newsledger.events.appraisals import adjective_stance, need_request, needed, praised
from newsledger.events.triggers import noun_code, verb_trigger
from newsledger.pipeline import analyze_document
from newsledger.records import Document
from tests.docs import make_doc


class _Names:
    """An argument resolver for hand-built Docs: every proper noun or pronoun is an actor."""

    def resolve(self, tok, conjuncts=True):
        if tok.pos_ not in ("PROPN", "PRON"):
            return []
        return [SimpleNamespace(actor=SimpleNamespace(id=tok.lower_))]


def _code(found) -> str | None:
    return None if found is None else found[0]


# adjectives of thanks and criticism -------------------------------------------------------

def _predicated(adj: str, prep: str, obj: str, obj_pos: str = "PROPN"):
    """Washington is <adj> <prep> <obj> ."""
    words = ["Washington", "is", adj, prep, obj, "."]
    heads, deps = [1, 1, 1, 2, 3, 1], ["nsubj", "ROOT", "acomp", "prep", "pobj", "punct"]
    return make_doc(words, heads, deps, ["PROPN", "AUX", "ADJ", "ADP", obj_pos, "PUNCT"])


@pytest.mark.parametrize("adj,prep,code", [
    ("grateful", "to", "SUPPORT"),
    ("grateful", "for", "SUPPORT"),
    ("thankful", "to", "SUPPORT"),
    ("critical", "of", "ACCUSE:disapprove"),
    ("critical", "to", None),          # "critical to our security": importance, no stance
    ("grateful", "of", None),
    ("happy", "to", None),             # no stance adjective
])
def test_stance_adjectives_with_their_preposition(adj, prep, code):
    doc = _predicated(adj, prep, "Warsaw")
    found = adjective_stance(doc[2])
    assert _code(found) == code
    if code:
        assert [w.i for w in found[1]] == [2, 3]  # the adjective and its preposition


def test_a_stance_adjective_as_a_modifier_is_no_stance():
    # a critical role of Warsaw .
    words = ["a", "critical", "role", "of", "Warsaw", "."]
    doc = make_doc(words, [2, 2, 2, 2, 3, 2], ["det", "amod", "ROOT", "prep", "pobj", "punct"],
                   ["DET", "ADJ", "NOUN", "ADP", "PROPN", "PUNCT"])
    assert adjective_stance(doc[1]) is None


def test_grateful_to_do_something_is_no_thanks():
    # I am grateful to join them .   ("to" is the infinitive's mark, no preposition)
    words = ["I", "am", "grateful", "to", "join", "them", "."]
    doc = make_doc(words, [1, 1, 1, 4, 2, 4, 1],
                   ["nsubj", "ROOT", "acomp", "aux", "xcomp", "dobj", "punct"],
                   ["PRON", "AUX", "ADJ", "PART", "VERB", "PRON", "PUNCT"])
    assert adjective_stance(doc[2]) is None


# a stated need for a party to act ---------------------------------------------------------

def _need(verb: str, lemma: str, *, party: bool = True, as_prep: bool = False):
    """Blinken <verb> the need for Russia to withdraw .  ("for" as mark or as preposition)"""
    if not party:  # Blinken <verb> the need to withdraw .
        words = ["Blinken", verb, "the", "need", "to", "withdraw", "."]
        return make_doc(words, [1, 1, 3, 1, 5, 3, 1],
                        ["nsubj", "ROOT", "det", "dobj", "aux", "acl", "punct"],
                        ["PROPN", "VERB", "DET", "NOUN", "PART", "VERB", "PUNCT"],
                        lemmas=["blinken", lemma, "the", "need", "to", "withdraw", "."])
    words = ["Blinken", verb, "the", "need", "for", "Russia", "to", "withdraw", "."]
    lemmas = ["blinken", lemma, "the", "need", "for", "russia", "to", "withdraw", "."]
    pos = ["PROPN", "VERB", "DET", "NOUN", "ADP", "PROPN", "PART", "VERB", "PUNCT"]
    if as_prep:
        heads = [1, 1, 3, 1, 3, 4, 7, 5, 1]
        deps = ["nsubj", "ROOT", "det", "dobj", "prep", "pobj", "aux", "relcl", "punct"]
    else:
        heads = [1, 1, 3, 1, 7, 7, 7, 3, 1]
        deps = ["nsubj", "ROOT", "det", "dobj", "mark", "nsubj", "aux", "advcl", "punct"]
        pos[4] = "SCONJ"
    return make_doc(words, heads, deps, pos, lemmas=lemmas)


@pytest.mark.parametrize("as_prep", [False, True])
def test_stressing_a_party_s_need_to_act_names_the_party(as_prep):
    doc = _need("underscored", "underscore", as_prep=as_prep)
    found = need_request(doc[1])
    assert found is not None
    need, party = found
    assert (need.i, party.text) == (3, "Russia")


def test_a_need_without_a_party_or_after_another_verb_asks_nobody():
    assert need_request(_need("stressed", "stress", party=False)[1]) is None
    assert need_request(_need("met", "meet")[1]) is None  # "met the need for ...": no request


# agreed meetings ----------------------------------------------------------------------------

def _agreed(subject: list[str], tail: list[str], tail_heads: list[int], tail_deps: list[str],
            tail_pos: list[str]):
    """<subject> agreed to <tail> .  (tail heads relative to the tail's first word; the
    first word itself hangs on "agreed")"""
    n = len(subject)
    words = [*subject, "agreed", "to", *tail, "."]
    heads = [n - 1] * (n - 1) + [n] + [n, n + 2] + [n] + [n + 2 + h for h in tail_heads[1:]] + [n]
    deps = ["det"] * (n - 1) + ["nsubj", "ROOT", "aux"] + tail_deps + ["punct"]
    pos = ["DET"] * (n - 1) + ["NOUN" if n > 1 else "PROPN", "VERB", "PART"] + tail_pos + \
        ["PUNCT"]
    tags = ["DT"] * (n - 1) + ["NNS" if n > 1 else "NNP", "VBD", "TO"] + \
        ["VB"] + ["XX"] * (len(tail) - 1) + ["."]
    lemmas = [{"agreed": "agree", "leaders": "leader"}.get(w, w.lower()) for w in words]
    return make_doc(words, heads, deps, pos, tags=tags, lemmas=lemmas), n + 2


def test_an_agreement_to_speak_again_is_a_meeting():
    doc, i = _agreed(["the", "leaders"], ["speak", "again"], [0, 0], ["xcomp", "advmod"],
                     ["VERB", "ADV"])
    assert _code(verb_trigger(doc[i], _Names())) == "CONSULT"
    one, i = _agreed(["Biden"], ["speak", "again"], [0, 0], ["xcomp", "advmod"],
                     ["VERB", "ADV"])
    assert verb_trigger(one[i], _Names()) is None  # one party's promise: no meeting


def test_an_agreement_to_stay_in_contact_is_a_meeting():
    tail, heads = ["stay", "in", "close", "contact"], [0, 0, 3, 1]
    deps, pos = ["xcomp", "prep", "amod", "pobj"], ["VERB", "ADP", "ADJ", "NOUN"]
    doc, i = _agreed(["the", "leaders"], tail, heads, deps, pos)
    found = verb_trigger(doc[i], _Names())
    assert _code(found) == "CONSULT" and [w.text for w in found[1]] == ["stay", "in", "contact"]
    tail[3] = "power"  # "agreed to stay in power": no contact
    doc, i = _agreed(["the", "leaders"], tail, heads, deps, pos)
    assert verb_trigger(doc[i], _Names()) is None


# declarations of war ------------------------------------------------------------------------

@pytest.mark.parametrize("obj,obj_pos,code", [
    ("Ukraine", "PROPN", "THREATEN:violence"),
    ("cancer", "NOUN", None),          # a figure of speech: nobody threatened
])
def test_declaring_war_on_a_party_is_a_threat(obj, obj_pos, code):
    # Russia declared war on <obj> .
    doc = make_doc(["Russia", "declared", "war", "on", obj, "."], [1, 1, 1, 2, 3, 1],
                   ["nsubj", "ROOT", "dobj", "prep", "pobj", "punct"],
                   ["PROPN", "VERB", "NOUN", "ADP", obj_pos, "PUNCT"],
                   lemmas=["russia", "declare", "war", "on", obj.lower(), "."])
    assert _code(verb_trigger(doc[1], _Names())) == code


# on real sentences --------------------------------------------------------------------------

def _events(nlp, text: str) -> list[tuple[str, str | None, str | None]]:
    analysis = analyze_document(Document(text=text, source="test"), published="2024-04-14",
                                nlp=nlp)
    name = lambda p: None if p is None else p.name  # noqa: E731
    return [(e.type, name(e.source), name(e.target)) for e in analysis.events]


@pytest.mark.parametrize("text,expected", [
    ("Secretary Blinken underscored the need for Russia to withdraw its forces from Ukraine.",
     ("REQUEST", "Blinken", "Russia")),
    ("The Secretary said the United States is grateful to Poland for hosting refugees.",
     ("SUPPORT", "United States", "Poland")),
])
def test_appraisals_on_real_text(nlp, text, expected):
    found = _events(nlp, text)
    assert any(t == expected[0] and (s or "").endswith(expected[1]) and
               (g or "").endswith(expected[2]) for t, s, g in found), found


# support whose listed content is material -------------------------------------------------

@pytest.mark.parametrize("listed,code", [
    ("funding", "AID"),        # "U.S. support for Ukraine, including funding"
    ("sector", "SUPPORT"),     # "including its energy sector": backing, not help
])
def test_support_listing_material_help_is_aid(listed, code):
    # Biden praised U.S. support for Kyiv , including <listed> .
    words = ["Biden", "praised", "U.S.", "support", "for", "Kyiv", ",", "including", listed, "."]
    heads = [1, 1, 3, 1, 3, 4, 3, 3, 7, 1]
    deps = ["nsubj", "ROOT", "compound", "dobj", "prep", "pobj", "punct", "prep", "pobj",
            "punct"]
    pos = ["PROPN", "VERB", "PROPN", "NOUN", "ADP", "PROPN", "PUNCT", "VERB", "NOUN", "PUNCT"]
    lemmas = ["biden", "praise", "u.s.", "support", "for", "kyiv", ",", "include", listed, "."]
    doc = make_doc(words, heads, deps, pos, lemmas=lemmas)
    assert noun_code(doc[3]) == code



# pointing out a party's merit -----------------------------------------------------------

class _Countries:
    """A resolver for hand-built Docs: each proper noun is an actor of the country given."""

    def __init__(self, countries: dict[str, str | None]) -> None:
        self.countries = countries

    def resolve(self, tok, conjuncts=True):
        if tok.text not in self.countries:
            return []
        actor = SimpleNamespace(id=tok.lower_, country=self.countries[tok.text])
        return [SimpleNamespace(actor=actor)]


def _merit_doc(subject: str, subject_pos: str, verb: str, lemma: str, merit: str,
               extra: str | None = None):
    """<subject> <verb> Ghana 's [<extra>] <merit> ."""
    mods = [extra] if extra else []
    words = [subject, verb, "Ghana", "'s", *mods, merit, "."]
    m = 4 + len(mods)
    heads = [1, 1, m, 2, *([m] if extra else []), 1, 1]
    deps = ["nsubj", "ROOT", "poss", "case", *(["amod"] if extra else []), "dobj", "punct"]
    pos = [subject_pos, "VERB", "PROPN", "PART", *(["ADJ"] if extra else []), "NOUN", "PUNCT"]
    lemmas = [subject.lower(), lemma, "ghana", "'s", *mods, {"efforts": "effort"}.get(merit, merit), "."]
    return make_doc(words, heads, deps, pos, lemmas=lemmas), 1


@pytest.mark.parametrize("merit,extra,expected", [
    ("progress", None, True),
    ("leadership", None, True),
    ("role", "vital", True),       # a role as a merit
    ("role", None, False),         # any part played ("Iran's role in the attacks")
    ("efforts", None, False),      # "China's nefarious efforts": no merit by itself
    ("commitment", None, False),   # a stance, no merit
])
def test_pointing_out_a_party_s_merit_praises_it(merit, extra, expected):
    doc, i = _merit_doc("Harris", "PROPN", "acknowledged", "acknowledge", merit, extra)
    found = praised(doc[i], _Countries({"Harris": "USA", "Ghana": "GHA"}))
    assert (found is not None) is expected
    if expected:
        assert (found.type, [a.actor.id for a in found.targets]) == ("SUPPORT", ["ghana"])


@pytest.mark.parametrize("merit,praise", [("progress", True), ("commitment", False)])
def test_a_name_with_of_owns_the_merit_the_parser_hung_under_it(merit, praise):
    # Harris acknowledged the Government of Ghana 's progress .  -- parsed as
    # "Government of [Ghana 's progress]": the owner is the whole name, "Government"
    words = ["Harris", "acknowledged", "the", "Government", "of", "Ghana", "'s", merit, "."]
    heads = [1, 1, 3, 1, 3, 7, 5, 4, 1]
    deps = ["nsubj", "ROOT", "det", "dobj", "prep", "poss", "case", "pobj", "punct"]
    pos = ["PROPN", "VERB", "DET", "PROPN", "ADP", "PROPN", "PART", "NOUN", "PUNCT"]
    lemmas = ["harris", "acknowledge", "the", "government", "of", "ghana", "'s", merit, "."]
    doc = make_doc(words, heads, deps, pos, lemmas=lemmas)
    found = praised(doc[1], _Countries({"Harris": "USA", "Government": "GHA"}))
    assert (found is not None) is praise
    if praise:
        assert [a.actor.id for a in found.targets] == ["government"]
        assert [t.text for t in found.words] == ["acknowledged", "progress"]


@pytest.mark.parametrize("countries", [
    {"Harris": "GHA", "Ghana": "GHA"},   # its own side's merit
    {"Harris": None, "Ghana": "GHA"},    # whose side the speaker is, unknown
    {"Ghana": "GHA"},                    # the subject names no actor
])
def test_no_praise_of_one_s_own_side_or_by_nobody(countries):
    doc, i = _merit_doc("Harris", "PROPN", "highlighted", "highlight", "progress")
    assert praised(doc[i], _Countries(countries)) is None


def test_a_thing_stressing_a_need_asks_nobody():
    # Blinken / This underscored the need for Russia to withdraw .
    names = _Countries({"Blinken": "USA", "Russia": "RUS"})
    doc = _need("underscored", "underscore")
    found = needed(doc[1], names)
    assert found is not None and [a.actor.id for a in found.targets] == ["russia"]
    words = ["This", *[t.text for t in doc][1:]]
    thing = make_doc(words, [t.head.i for t in doc], [t.dep_ for t in doc],
                     ["PRON", *[t.pos_ for t in doc][1:]], lemmas=[t.lemma_ for t in doc])
    assert needed(thing[1], names) is None


def test_thanks_for_a_thing_named_by_a_pronoun_is_none():
    assert adjective_stance(_predicated("grateful", "for", "it", "PRON")[2]) is None
    assert _code(adjective_stance(_predicated("grateful", "to", "you", "PRON")[2])) == "SUPPORT"


def test_no_praise_of_a_party_of_unknown_country():
    # "the President will highlight the Administration's progress": whose side, unknown
    doc, i = _merit_doc("Harris", "PROPN", "highlighted", "highlight", "progress")
    assert praised(doc[i], _Countries({"Harris": "USA", "Ghana": None})) is None


# a commitment to act is a pledge ---------------------------------------------------------

@pytest.mark.parametrize("after,heads,deps,pos,code", [
    # Bangladesh expressed its commitment to pass reforms .
    (["pass", "reforms"], [5, 3, 5], ["aux", "acl", "dobj"], ["PART", "VERB", "NOUN"], "AGREE"),
    # Bangladesh expressed its commitment to the framework .
    (["the", "framework"], [3, 6, 4], ["prep", "det", "pobj"], ["ADP", "DET", "NOUN"],
     "SUPPORT"),
])
def test_a_commitment_to_act_is_a_pledge_and_to_a_cause_is_support(after, heads, deps, pos,
                                                                    code):
    words = ["Bangladesh", "expressed", "its", "commitment", "to", *after, "."]
    doc = make_doc(words, [1, 1, 3, 1, *heads, 1],
                   ["nsubj", "ROOT", "poss", "dobj", *deps, "punct"],
                   ["PROPN", "VERB", "PRON", "NOUN", *pos, "PUNCT"])
    assert noun_code(doc[3]) == code
