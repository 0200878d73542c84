"""Uncued quotes carrying on the previous speaker's speech, on hand-built parses (no model):
the next paragraph continues only when the quote opens it, counted from the line where the
previous quote ends."""

from __future__ import annotations

from newsledger.actors.index import ActorIndex
from newsledger.quotes.extract import extract_quotes
from newsledger.records import Document, Region
from tests.docs import make_doc

FIRST_WORDS = ['"', "We", "will", "win", ".", "\n", "We", "always", "do", ",", '"', "Smith",
               "said", ".", "\n\n"]
FIRST_SPACES = [False, True, True, False, False, False, True, True, False, False, True, True,
                False, False, False]
FIRST_HEADS = [3, 3, 3, 12, 3, 3, 8, 8, 3, 12, 12, 12, 12, 12, 12]
FIRST_DEPS = ["punct", "nsubj", "aux", "ccomp", "punct", "dep", "nsubj", "advmod", "conj",
              "punct", "punct", "nsubj", "ROOT", "punct", "dep"]
FIRST_POS = ["PUNCT", "PRON", "AUX", "VERB", "PUNCT", "SPACE", "PRON", "ADV", "VERB", "PUNCT",
             "PUNCT", "PROPN", "VERB", "PUNCT", "SPACE"]
FIRST_LEMMAS = ['"', "we", "will", "win", ".", "\n", "we", "always", "do", ",", '"', "Smith",
                "say", ".", "\n\n"]
FIRST_ENTS = ["O"] * 11 + ["B-PERSON"] + ["O"] * 3


def quotes_of(words, spaces, heads, deps, pos, lemmas, ents, tags=None):
    doc = make_doc(words, heads, deps, pos, lemmas=lemmas, ents=ents, spaces=spaces, tags=tags)
    document = Document(text=doc.text, source="test", regions=[Region("body", 0, len(doc.text))])
    return doc.text, extract_quotes(doc, document, ActorIndex.from_doc(doc, document))


def test_quote_opening_the_next_paragraph_continues_a_quote_over_two_lines():
    # "We will win.\nWe always do," Smith said.\n\n"Nobody can stop us."
    n = len(FIRST_WORDS)
    text, quotes = quotes_of(
        FIRST_WORDS + ['"', "Nobody", "can", "stop", "us", ".", '"'],
        FIRST_SPACES + [False, True, True, True, False, False, False],
        FIRST_HEADS + [n + 3] * 3 + [n + 3, n + 3, n + 3, n + 3],
        FIRST_DEPS + ["punct", "nsubj", "aux", "ROOT", "dobj", "punct", "punct"],
        FIRST_POS + ["PUNCT", "PRON", "AUX", "VERB", "PRON", "PUNCT", "PUNCT"],
        FIRST_LEMMAS + ['"', "nobody", "can", "stop", "we", ".", '"'],
        FIRST_ENTS + ["O"] * 7)
    assert text.endswith('said.\n\n"Nobody can stop us."')
    last = next(q for q in quotes if "Nobody" in q.text)
    assert last.speaker is not None and last.speaker.name == "Smith"


def test_quote_after_words_of_its_own_paragraph_is_not_continued():
    # "We always do," Smith said.\n\nThe Guardian cited: "Were you ever subject to it?"
    one = [0, *range(6, 15)]  # the first quote on one line: '"We always do," Smith said.'
    words = [FIRST_WORDS[k] for k in one]
    heads = [3, 3, 3, 7, 7, 7, 7, 7, 7, 7]
    n = len(words)
    text, quotes = quotes_of(
        words + ["The", "Guardian", "cited", ":", '"', "Were", "you", "ever", "subject",
                 "to", "it", "?", '"'],
        [FIRST_SPACES[k] for k in one] + [True, True, False, True, False, True, True, True,
                                          True, True, False, False, False],
        heads + [n + 1, n + 2, n + 2, n + 2, n + 5, n + 2, n + 5, n + 5, n + 5,
                           n + 8, n + 9, n + 5, n + 5],
        ["punct", "nsubj", "advmod", "ccomp", "punct", "punct", "nsubj", "ROOT", "punct",
         "dep"] + ["det", "nsubj", "ROOT", "punct", "punct", "ccomp", "nsubj", "advmod",
                   "acomp", "prep", "pobj", "punct", "punct"],
        [FIRST_POS[k] for k in one] + ["DET", "PROPN", "VERB", "PUNCT", "PUNCT", "AUX", "PRON",
                                       "ADV", "ADJ", "ADP", "PRON", "PUNCT", "PUNCT"],
        [FIRST_LEMMAS[k] for k in one] + ["the", "Guardian", "cite", ":", '"', "be", "you",
                                          "ever", "subject", "to", "it", "?", '"'],
        [FIRST_ENTS[k] for k in one] + ["O", "B-ORG"] + ["O"] * 11)
    assert text.startswith('"We always do," Smith said.\n\nThe Guardian cited: "Were')
    first = next(q for q in quotes if "always" in q.text)
    assert first.speaker is not None and first.speaker.name == "Smith"
    last = next(q for q in quotes if "Were you" in q.text)
    assert last.speaker is None or last.speaker.name != "Smith"


def _urge(subject: str, pos: str, ent: str):
    # <subject> urges the authorities to act now.
    return quotes_of([subject, "urges", "the", "authorities", "to", "act", "now", "."],
                     [True, True, True, True, True, True, False, False],
                     [1, 1, 3, 1, 5, 1, 5, 1],
                     ["nsubj", "ROOT", "det", "dobj", "aux", "xcomp", "advmod", "punct"],
                     [pos, "VERB", "DET", "NOUN", "PART", "VERB", "ADV", "PUNCT"],
                     [subject.lower(), "urge", "the", "authority", "to", "act", "now", "."],
                     [ent, "O", "O", "O", "O", "O", "O", "O"])[1]


def test_the_documents_own_we_is_no_quotation():
    # a press release read as news: "We urge ..." is its own statement, not a quotation
    assert _urge("We", "PRON", "O") == []
    quotes = _urge("Smith", "PROPN", "B-PERSON")
    assert len(quotes) == 1 and quotes[0].speaker is not None \
        and quotes[0].speaker.name == "Smith"


def test_long_label_headed_by_a_name_is_the_speaker():
    # House Committee Chair Jason Smith on the new bill: “It helps families.”
    _, quotes = quotes_of(
        ["House", "Committee", "Chair", "Jason", "Smith", "on", "the", "new", "bill", ":", "“",
         "It", "helps", "families", ".", "”"],
        [True, True, True, True, True, True, True, True, False, True, False, True, True,
         False, False, False],
        [4, 4, 4, 4, 4, 4, 8, 8, 5, 4, 12, 12, 4, 12, 12, 12],
        ["compound", "compound", "compound", "compound", "ROOT", "prep", "det", "amod", "pobj",
         "punct", "punct", "nsubj", "appos", "dobj", "punct", "punct"],
        ["PROPN", "PROPN", "PROPN", "PROPN", "PROPN", "ADP", "DET", "ADJ", "NOUN", "PUNCT",
         "PUNCT", "PRON", "VERB", "NOUN", "PUNCT", "PUNCT"],
        ["House", "Committee", "Chair", "Jason", "Smith", "on", "the", "new", "bill", ":", "“",
         "it", "help", "family", ".", "”"],
        ["B-ORG", "I-ORG", "O", "B-PERSON", "I-PERSON"] + ["O"] * 11)
    assert len(quotes) == 1 and quotes[0].text == "It helps families."
    assert quotes[0].speaker is not None and "Jason Smith" in quotes[0].speaker.name


def _they_after(noun: str, lemma: str):
    # The <noun> revealed that prices rose. They say prices will fall.
    return quotes_of(
        ["The", noun, "revealed", "that", "prices", "rose", ".", "They", "say", "prices", "will",
         "fall", "."],
        [True, True, True, True, True, False, True, True, True, True, True, False, False],
        [1, 2, 2, 5, 5, 2, 2, 8, 8, 11, 11, 8, 8],
        ["det", "nsubj", "ROOT", "mark", "nsubj", "ccomp", "punct", "nsubj", "ROOT", "nsubj",
         "aux", "ccomp", "punct"],
        ["DET", "NOUN", "VERB", "SCONJ", "NOUN", "VERB", "PUNCT", "PRON", "VERB", "NOUN", "AUX",
         "VERB", "PUNCT"],
        ["the", lemma, "reveal", "that", "price", "rise", ".", "they", "say", "price", "will",
         "fall", "."],
        ["O"] * 13,
        ["DT", "NNS", "VBD", "IN", "NNS", "VBD", ".", "PRP", "VBP", "NNS", "MD", "VB", "."])[1]


def test_they_never_refers_to_things():
    # "the results" speak as a text; "they" then is not the results
    quotes = _they_after("results", "result")
    assert quotes[0].speaker is not None and quotes[0].speaker.kind == "other"
    assert quotes[1].speaker is None or quotes[1].speaker.name != quotes[0].speaker.name
    quotes = _they_after("researchers", "researcher")
    assert quotes[1].speaker is not None and quotes[1].speaker.name == quotes[0].speaker.name
