"""Within-document entity resolution: person names, non-actors, ledger keys, pronouns.

Rule tests run on plain strings or hand-built Docs (``tests/docs.py``); model tests on real
text; ``shared`` tests on a handful of White House documents of April 2024.
"""

from __future__ import annotations

import pytest

from newsledger.actors.filters import not_an_actor
from newsledger.actors.names import PersonNames, compatible
from newsledger.actors.registry import is_local, ledger_key
from newsledger.actors.syntax import PronounResolver, subject_of
from newsledger.actors.syntax import compatible as pronoun_fits
from newsledger.pipeline import analyze_documents, prepare
from newsledger.records import Actor, Document, Mention, Published
from tests.conftest import shared_path
from tests.docs import make_doc


@pytest.mark.parametrize(("a", "b", "same"), [
    ("Joe Biden", "Jill Biden", False),
    ("Joe Biden", "Hunter Biden", False),
    ("Joe Biden", "Joseph R. Biden, Jr.", True),
    ("Joe Biden", "J. Biden", True),
    ("John Kirby", "John Kirby", True),
    ("John Kirby", "Kirby", False),  # a bare surname is resolved, not "compatible"
    ("Antony Blinken", "Tony Blinken", True),
])
def test_full_names_compatible_only_with_compatible_given_names(a, b, same):
    assert compatible(a, b) is same


def test_surname_joins_the_one_compatible_full_name():
    names = PersonNames(["John Kirby", "Kirby", "Karine Jean-Pierre"])
    assert names.resolve("Kirby") == "John Kirby"
    assert names.resolve("Jean-Pierre") == "Karine Jean-Pierre"


def test_shared_surname_stays_unresolved_unless_a_holder_breaks_the_tie():
    names = PersonNames(["Jill Biden", "Joe Biden", "Hunter Biden", "Biden"])
    assert names.resolve("Biden") is None
    assert names.resolve("Biden", prefer=["Joe Biden"]) == "Joe Biden"
    assert names.resolve("Jill Biden") == "Jill Biden"
    # a title naming another person never takes the only Biden in the text
    assert PersonNames(["Jill Biden"]).resolve("Biden", prefer=["Joe Biden"]) is None


def test_partial_name_takes_the_longer_form():
    assert PersonNames(["Yoon Suk Yeol", "Yoon Suk"]).resolve("Yoon Suk") == "Yoon Suk Yeol"


@pytest.mark.parametrize(("name", "kind"), [
    ("Laughter", "person"), ("Applause", "person"), ("Q", "person"), ("Press", "organization"),
    ("Crosstalk", "person"), ("Read More", "organization"), ("Watch", "person"),
    ("Evan Vucci/AP", "person"), ("Jack Guez/AFP", "person"), ("$1.2 billion", "organization"),
    ("40 percent", "organization"), ("Budget", "organization"),
    ("most diverse administration in history", "organization"),
    ("extraordinary people who have demonstrated", "person"), ("pro-Beijing", "person"),
])
def test_not_actors(name, kind):
    assert not_an_actor(name, kind)


@pytest.mark.parametrize(("name", "kind"), [
    ("John Kirby", "person"), ("Abdel Fattah al-Sisi", "person"), ("G7", "organization"),
    ("Ursula von der Leyen", "person"), ("1920 Revolution Brigades", "group"),
    ("Office of Management and Budget", "organization"), ("Iran", "state"),
])
def test_real_actors_pass(name, kind):
    assert not not_an_actor(name, kind)


def test_ledger_keys_global_for_identified_local_otherwise():
    doc_id = "f" * 64
    assert ledger_key("person:john kirby", "person", "John Kirby", doc_id) == "person:john kirby"
    assert ledger_key("state:IRN", "state", "Iran", doc_id) == "state:IRN"
    assert is_local(ledger_key("person:kirby", "person", "Kirby", doc_id))
    assert is_local(ledger_key("anonymous:official:12", "anonymous", "official", doc_id))
    assert is_local(ledger_key("group:protesters", "group", "protesters", doc_id))
    assert not is_local(ledger_key("group:hamas", "group", "Hamas", doc_id))


def _actor(name: str, kind: str, role: str | None = None) -> Actor:
    return Actor(id=name, name=name, kind=kind, role=role,
                 mentions=[Mention(0, len(name), name)])


def test_pronoun_number_and_gender():
    assert pronoun_fits("he", _actor("John Kirby", "person"))
    assert not pronoun_fits("he", _actor("Mrs. May", "person"))
    assert pronoun_fits("she", _actor("Theresa May", "person", role="Mrs."))
    assert not pronoun_fits("she", _actor("Iran", "state"))
    assert pronoun_fits("it", _actor("KCNA", "organization"))
    assert not pronoun_fits("it", _actor("John Kirby", "person"))
    assert pronoun_fits("they", _actor("protesters", "group"))


# "Kirby spoke . He said it ." — heads are absolute indices
KIRBY = make_doc(
    ["Kirby", "spoke", ".", "He", "said", "it", "."],
    [1, 1, 1, 4, 4, 4, 4],
    ["nsubj", "ROOT", "punct", "nsubj", "ROOT", "dobj", "punct"],
    ["PROPN", "VERB", "PUNCT", "PRON", "VERB", "PRON", "PUNCT"],
    tags=["NNP", "VBD", ".", "PRP", "VBD", "PRP", "."],
    sent_starts=[True, False, False, True, False, False, False],
)


def test_subject_finder_on_a_hand_built_doc():
    assert subject_of(KIRBY[4]).text == "He"
    assert subject_of(KIRBY[1]).text == "Kirby"


def test_pronoun_takes_the_salient_compatible_subject():
    kirby = _actor("John Kirby", "person")
    resolver = PronounResolver(KIRBY, in_quote=lambda pos: False)
    resolve = {0: kirby}.get
    assert resolver.antecedent(KIRBY[3], lambda t: resolve(t.i)) is kirby


def test_pronoun_never_crosses_a_turn_or_guesses():
    kirby = _actor("John Kirby", "person")
    turn = PronounResolver(KIRBY, in_quote=lambda pos: False, barrier=lambda pos: KIRBY[3].idx)
    assert turn.antecedent(KIRBY[3], lambda t: kirby if t.i == 0 else None) is None
    iran = _actor("Iran", "state")  # no compatible antecedent: unresolved
    plain = PronounResolver(KIRBY, in_quote=lambda pos: False)
    assert plain.antecedent(KIRBY[3], lambda t: iran if t.i == 0 else None) is None


def test_they_takes_coordinated_names_as_a_pair():
    # Lenderking and Fagin visited . They met Alimi .
    doc = make_doc(["Lenderking", "and", "Fagin", "visited", ".", "They", "met", "Alimi", "."],
                   [3, 0, 0, 3, 3, 6, 6, 6, 6],
                   ["nsubj", "cc", "conj", "ROOT", "punct", "nsubj", "ROOT", "dobj", "punct"],
                   ["PROPN", "CCONJ", "PROPN", "VERB", "PUNCT", "PRON", "VERB", "PROPN",
                    "PUNCT"],
                   tags=["NNP", "CC", "NNP", "VBD", ".", "PRP", "VBD", "NNP", "."],
                   sent_starts=[True, False, False, False, False, True, False, False, False])
    lenderking = _actor("Tim Lenderking", "person")
    resolver = PronounResolver(doc, in_quote=lambda pos: False)
    assert resolver.antecedent(doc[5], lambda t: lenderking if t.i == 0 else None) \
        is lenderking
    alone = make_doc(["Lenderking", "visited", ".", "They", "met", "."], [1, 1, 1, 4, 4, 4],
                     ["nsubj", "ROOT", "punct", "nsubj", "ROOT", "punct"],
                     ["PROPN", "VERB", "PUNCT", "PRON", "VERB", "PUNCT"],
                     tags=["NNP", "VBD", ".", "PRP", "VBD", "."],
                     sent_starts=[True, False, False, True, False, False])
    single = PronounResolver(alone, in_quote=lambda pos: False)
    assert single.antecedent(alone[3], lambda t: lenderking if t.i == 0 else None) is None


def _analyze(nlp, text: str, url: str | None = None, date: str = "2024-04-16"):
    document = prepare(Document(text=text, source="t.txt", url=url,
                                published=Published(date=date)))
    return next(analyze_documents([document], nlp))


def test_biden_family_are_three_actors(nlp):
    text = ("First Lady Jill Biden visited the school on Monday. President Joe Biden praised "
            "the teachers, and Hunter Biden attended. Biden said the program works.")
    analysis = _analyze(nlp, text, url="https://www.whitehouse.gov/briefing-room/x/")
    people = {a.name: a for a in analysis.actors if a.kind == "person"}
    assert {"Jill Biden", "Joe Biden", "Hunter Biden"} <= set(people)
    assert len({people[n].key for n in ("Jill Biden", "Joe Biden", "Hunter Biden")}) == 3
    said = next(q for q in analysis.quotes if "program works" in q.text)
    assert said.speaker is not None and said.speaker.name == "Joe Biden"


def test_surname_joins_full_name_and_keys_are_ledger_wide(nlp):
    text = ("John Kirby, the national security spokesman, spoke to reporters. "
            "Kirby said the talks would continue.")
    a1 = _analyze(nlp, text)
    a2 = _analyze(nlp, "Kirby said on Tuesday that John Kirby's office had no comment.")
    k1 = [a for a in a1.actors if a.name == "John Kirby"]
    k2 = [a for a in a2.actors if a.name == "John Kirby"]
    assert len(k1) == 1 and len(k2) == 1 and k1[0].key == k2[0].key == "person:john kirby"


@pytest.mark.shared
def test_white_house_april_2024_actors():
    """No transcript marker is an actor; Jill and Joe Biden stay two actors."""
    from newsledger.ingest import read_path
    from newsledger.pipeline import analyze_documents, prepare

    base = shared_path("corpora", "whitehouse")
    files = [
        base / "press-briefings/2024-04/2024-04-01-press-briefing-by-press-secretary-karine-"
               "jean-pierre-54.md",
        base / "statements-releases/2024-04/2024-04-16-first-lady-jill-biden-unveils-new-"
               "installation-of-the-military-childrens-corner-in-celebration-of-month-of-the-"
               "military-child.md",
    ]
    documents = [prepare(next(read_path(str(f)))) for f in files]
    analyses = list(analyze_documents(documents))
    names = {a.name.lower() for an in analyses for a in an.actors}
    assert not names & {"laughter", "applause", "q", "press", "crosstalk"}
    keys = {a.key for an in analyses for a in an.actors if a.kind == "person"}
    assert "person:jill biden" in keys
    for an in analyses:
        bidens = [a for a in an.actors if a.kind == "person" and "Biden" in a.name]
        assert all(sum(1 for b in bidens if b.key == k) == 1 for k in {b.key for b in bidens})


def test_they_prefers_the_group_speaker_to_a_singular_organization():
    leaders = _actor("leaders of G7 nations", "group")
    g7 = _actor("G7", "organization")
    they = make_doc(["G7", "met", ".", "They", "said", "so", "."], [1, 1, 1, 4, 4, 4, 4],
                    ["nsubj", "ROOT", "punct", "nsubj", "ROOT", "advmod", "punct"],
                    ["PROPN", "VERB", "PUNCT", "PRON", "VERB", "ADV", "PUNCT"],
                    tags=["NNP", "VBD", ".", "PRP", "VBD", "RB", "."],
                    sent_starts=[True, False, False, True, False, False, False])
    resolver = PronounResolver(they, in_quote=lambda pos: False)
    assert resolver.antecedent(they[3], lambda t: g7 if t.i == 0 else None, leaders) is leaders
    assert resolver.antecedent(they[3], lambda t: g7 if t.i == 0 else None) is g7
