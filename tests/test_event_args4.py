"""Event arguments on hand-built parses (no model), fourth set: wrong actors on White House
text. A bare "the President" in a US government document is the US president at the
document's date, not the foreign president named nearby."""

from __future__ import annotations

from newsledger.actors.index import ActorIndex
from newsledger.events.arguments import ArgResolver
from newsledger.events.filters import misreading
from newsledger.events.roles import noun_args, verb_args
from newsledger.events.triggers import Candidate
from newsledger.records import Document, Published, Quote, Speaker
from tests.docs import make_doc

WH = "https://www.whitehouse.gov/briefing-room/statements-releases/2023/02/10/readout/"


def _resolver(doc, url: str | None = WH, quotes: list[Quote] | None = None) -> ArgResolver:
    document = Document(text=doc.text, source="test", url=url,
                        published=Published(date="2023-02-10", method="metadata"))
    return ArgResolver(doc, ActorIndex.from_doc(doc, document), quotes or [])


def _names(args) -> list[str]:
    return [a.actor.name for a in args]


def _lula_then_president():
    # President Lula spoke . The President met with Scholz .
    return make_doc(
        ["President", "Lula", "spoke", ".", "The", "President", "met", "with", "Scholz", "."],
        [1, 2, 2, 2, 5, 6, 6, 6, 7, 6],
        ["compound", "nsubj", "ROOT", "punct", "det", "nsubj", "ROOT", "prep", "pobj",
         "punct"],
        ["PROPN", "PROPN", "VERB", "PUNCT", "DET", "PROPN", "VERB", "ADP", "PROPN", "PUNCT"],
        tags=["NNP", "NNP", "VBD", ".", "DT", "NNP", "VBD", "IN", "NNP", "."],
        lemmas=["President", "Lula", "speak", ".", "the", "President", "meet", "with",
                "Scholz", "."],
        ents=["O", "B-PERSON", "O", "O", "O", "O", "O", "O", "B-PERSON", "O"],
        sent_starts=[True, False, False, False, True, False, False, False, False, False])


def _met(args, doc) -> Candidate:
    c = Candidate(head=doc[6], words=[doc[6]], type="CONSULT", mode=None)
    verb_args(c, args, {6: c})
    return c


def test_a_bare_the_president_in_a_white_house_text_is_the_us_president():
    doc = _lula_then_president()
    c = _met(_resolver(doc), doc)
    assert _names(c.sources) == ["Joe Biden"]
    assert _names(c.targets) == ["Scholz"]


def test_outside_a_us_government_site_the_president_is_the_one_named_before():
    doc = _lula_then_president()
    c = _met(_resolver(doc, url="https://example.org/news/1"), doc)
    assert _names(c.sources) != ["Joe Biden"]


def test_in_the_presidents_own_words_the_president_is_his_counterpart():
    doc = _lula_then_president()
    speaker = Speaker(actor=None, name="Joe Biden", kind="person")
    quote = Quote(id="q1", type="direct", start=doc[4].idx, end=len(doc.text), text="",
                  speaker=speaker)
    c = _met(_resolver(doc, quotes=[quote]), doc)
    assert _names(c.sources) != ["Joe Biden"]


# a briefer's first person -------------------------------------------------------------------

BRIEFING = "https://www.whitehouse.gov/briefing-room/press-briefings/2023/02/09/press-gaggle/"


def _briefing(words, heads, deps, pos, tags, lemmas):
    doc = make_doc(words, heads, deps, pos, tags=tags, lemmas=lemmas)
    document = Document(text=doc.text, source="test", url=BRIEFING, kind="transcript",
                        title="Press Gaggle by Press Secretary Karine Jean-Pierre",
                        published=Published(date="2023-02-09", method="metadata"))
    actors = ActorIndex.from_doc(doc, document)
    actors.add("United States", "state", 0, 0, "", country="USA", key="state:USA")
    kjp = actors.add("Karine Jean-Pierre", "person", 0, 0, "",
                     key="person:karine jean-pierre")
    speaker = Speaker(actor=kjp.id, name=kjp.name, kind="person")
    quote = Quote(id="t1", type="direct", start=0, end=len(doc.text), text=doc.text,
                  speaker=speaker)
    return doc, ArgResolver(doc, actors, [quote])


def _urge(subject: str):
    # we urge Congress .  /  I urge Congress .
    return _briefing([subject, "urge", "Congress", "."], [1, 1, 1, 1],
                     ["nsubj", "ROOT", "dobj", "punct"], ["PRON", "VERB", "PROPN", "PUNCT"],
                     ["PRP", "VBP", "NNP", "."], [subject.lower(), "urge", "Congress", "."])


def test_a_briefers_we_is_the_issuing_government_not_the_briefer():
    doc, args = _urge("we")
    c = Candidate(head=doc[1], words=[doc[1]], type="REQUEST", mode=None)
    verb_args(c, args, {1: c})
    assert _names(c.sources) == ["United States"]


def test_a_briefer_is_the_source_of_her_own_statement_acts():
    doc, args = _urge("I")
    c = Candidate(head=doc[1], words=[doc[1]], type="REQUEST", mode=None)
    verb_args(c, args, {1: c})
    assert _names(c.sources) == ["Karine Jean-Pierre"]


def test_a_briefers_podium_acts_name_no_source():
    # I was calling Alex .
    doc, args = _briefing(["I", "was", "calling", "Alex", "."], [2, 2, 2, 2, 2],
                          ["nsubj", "aux", "ROOT", "dobj", "punct"],
                          ["PRON", "AUX", "VERB", "PROPN", "PUNCT"],
                          ["PRP", "VBD", "VBG", "NNP", "."], ["I", "be", "call", "Alex", "."])
    c = Candidate(head=doc[2], words=[doc[2]], type="CONSULT", mode=None)
    verb_args(c, args, {2: c})
    assert c.sources == []


def test_a_remarks_speaker_named_in_the_title_is_no_briefer():
    doc, args = _urge("we")
    args.actors.document.title = "Remarks by Foreign Minister Karine Jean-Pierre at a Dinner"
    c = Candidate(head=doc[1], words=[doc[1]], type="REQUEST", mode=None)
    verb_args(c, args, {1: c})
    assert _names(c.sources) != ["United States"]


# a domestic trip is no consultation ---------------------------------------------------------


def _trip(place: str, ent: str):
    # Biden 's trip to Ohio
    doc = make_doc(["Biden", "'s", "trip", "to", place, "."], [2, 0, 2, 2, 3, 2],
                   ["poss", "case", "ROOT", "prep", "pobj", "punct"],
                   ["PROPN", "PART", "NOUN", "ADP", "PROPN", "PUNCT"],
                   tags=["NNP", "POS", "NN", "IN", "NNP", "."],
                   ents=["B-PERSON", "O", "O", "O", ent, "O"])
    args = _resolver(doc)
    c = Candidate(head=doc[2], words=[doc[2]], type="CONSULT", mode=None)
    noun_args(c, args, {2: c})
    return c


def test_a_trip_to_a_place_meets_no_one():
    c = _trip("Ohio", "B-GPE")
    assert c.targets == []


def test_a_trip_to_a_state_visits_the_state():
    c = _trip("Ghana", "B-GPE")
    assert _names(c.targets) == ["Ghana"]


# a warning of a danger is no threat -------------------------------------------------------


def _warned(obj: str, condition: bool = False):
    # Leaders warned of the consequences [if Russia invaded] .
    words = ["Leaders", "warned", "of", "the", obj]
    heads = [1, 1, 1, 4, 2]
    deps = ["nsubj", "ROOT", "prep", "det", "pobj"]
    pos = ["NOUN", "VERB", "ADP", "DET", "NOUN"]
    if condition:
        words += ["if", "Russia", "invaded"]
        heads += [7, 7, 1]
        deps += ["mark", "nsubj", "advcl"]
        pos += ["SCONJ", "PROPN", "VERB"]
    doc = make_doc(words + ["."], heads + [1], deps + ["punct"], pos + ["PUNCT"],
                   lemmas=[w.lower() for w in words] + ["."])
    doc[1].lemma_ = "warn"
    return misreading(doc[1], "THREATEN")


def test_a_warning_of_consequences_is_no_threat():
    assert _warned("consequences") == "caution"


def test_a_conditional_warning_stays_a_threat():
    assert _warned("consequences", condition=True) is None


def test_a_warning_of_ones_own_response_stays_a_threat():
    assert _warned("response") is None


def _travel(city: str, country: str):
    # Medina will travel to CITY , COUNTRY .
    doc = make_doc(["Medina", "will", "travel", "to", city, ",", country, "."],
                   [2, 2, 2, 2, 3, 4, 4, 2],
                   ["nsubj", "aux", "ROOT", "prep", "pobj", "punct", "appos", "punct"],
                   ["PROPN", "AUX", "VERB", "ADP", "PROPN", "PUNCT", "PROPN", "PUNCT"],
                   tags=["NNP", "MD", "VB", "IN", "NNP", ",", "NNP", "."],
                   lemmas=["Medina", "will", "travel", "to", city, ",", country, "."],
                   ents=["B-PERSON", "O", "O", "O", "B-GPE", "O", "B-GPE", "O"])
    args = _resolver(doc)
    c = Candidate(head=doc[2], words=[doc[2]], type="CONSULT", mode=None)
    verb_args(c, args, {2: c})
    return c


def test_a_city_of_a_foreign_country_visits_the_country():
    assert _names(_travel("Tegucigalpa", "Honduras").targets) == ["Honduras"]


def test_a_city_of_the_issuers_own_country_visits_no_one():
    assert _travel("Boston", "USA").targets == []
