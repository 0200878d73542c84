"""Speaker rules on hand-built parses (no model): an infinitive cue in an expletive frame
reports nothing, "it" speaks only for an institution, coordinated subjects speak together
or through their first name, and a dash after a pull quote signs it."""

from __future__ import annotations

from newsledger.actors.index import ActorIndex
from newsledger.quotes.cues import find_cues
from newsledger.quotes.extract import _dash_signature
from newsledger.quotes.marks import find_marked
from newsledger.quotes.speakers import SpeakerResolver
from newsledger.records import Document, Region
from tests.docs import make_doc


def resolver(doc):
    text = doc.text
    document = Document(text=text, source="test", regions=[Region("body", 0, len(text))])
    return SpeakerResolver(doc, document, ActorIndex.from_doc(doc, document), [])


def speaker_of(doc, verb: str):
    return resolver(doc).from_cue(next(t for t in doc if t.text == verb))


def cue_words(doc) -> list[str]:
    return [c.token.text for c in find_cues(doc, doc.text, []) if c.token is not None]


# ------------------------------------------------------------ expletive frames


def _expletive(word: str, dep: str, pos: str):
    # It is wrong to say that prices rose .   /  It is a mistake to claim that prices rose .
    words = ["It", "is", word, "to", "say", "that", "prices", "rose", "."]
    return make_doc(words, [1, 1, 1, 4, 1, 7, 7, 4, 1],
                    ["nsubj", "ROOT", dep, "aux", "xcomp", "mark", "nsubj", "ccomp", "punct"],
                    ["PRON", "AUX", pos, "PART", "VERB", "SCONJ", "NOUN", "VERB", "PUNCT"],
                    lemmas=["it", "be", word, "to", "say", "that", "price", "rise", "."])


def test_infinitive_cue_of_an_expletive_it_reports_nothing():
    assert "say" not in cue_words(_expletive("wrong", "acomp", "ADJ"))


def test_infinitive_under_the_noun_of_an_expletive_frame_reports_nothing():
    # It is a false choice to suggest that prices rose .  ("suggest" hung on "choice")
    words = ["It", "is", "a", "false", "choice", "to", "suggest", "that", "prices", "rose", "."]
    doc = make_doc(words, [1, 1, 4, 4, 1, 6, 4, 9, 9, 6, 1],
                   ["nsubj", "ROOT", "det", "amod", "attr", "aux", "acl", "mark", "nsubj",
                    "ccomp", "punct"],
                   ["PRON", "AUX", "DET", "ADJ", "NOUN", "PART", "VERB", "SCONJ", "NOUN",
                    "VERB", "PUNCT"],
                   lemmas=["it", "be", "a", "false", "choice", "to", "suggest", "that", "price",
                           "rise", "."])
    assert "suggest" not in cue_words(doc)


def test_infinitive_cue_of_a_real_subject_still_reports():
    # The minister wants to say that prices rose .
    words = ["The", "minister", "wants", "to", "say", "that", "prices", "rose", "."]
    doc = make_doc(words, [1, 2, 2, 4, 2, 7, 7, 4, 2],
                   ["det", "nsubj", "ROOT", "aux", "xcomp", "mark", "nsubj", "ccomp", "punct"],
                   ["DET", "NOUN", "VERB", "PART", "VERB", "SCONJ", "NOUN", "VERB", "PUNCT"],
                   lemmas=["the", "minister", "want", "to", "say", "that", "price", "rise",
                           "."])
    assert "say" in cue_words(doc)


# ------------------------------------------------------------ "it" as a speaker


def _it_doc(noun: str, ent: str = "O", pos: str = "NOUN"):
    # Gun violence rose . It said that prices rose .
    words = ["Gun", noun, "rose", ".", "It", "said", "that", "prices", "rose", "."]
    return make_doc(words, [1, 2, 2, 2, 5, 5, 8, 8, 5, 5],
                    ["compound", "nsubj", "ROOT", "punct", "nsubj", "ROOT", "mark", "nsubj",
                     "ccomp", "punct"],
                    ["PROPN", pos, "VERB", "PUNCT", "PRON", "VERB", "SCONJ", "NOUN", "VERB",
                     "PUNCT"],
                    ents=["O", ent, "O", "O", "O", "O", "O", "O", "O", "O"],
                    sent_starts=[True, False, False, False, True, False, False, False, False,
                                 False])


def test_it_never_speaks_for_an_abstract_noun():
    assert speaker_of(_it_doc("violence"), "said") is None


def test_it_speaks_for_an_institution_noun():
    found = speaker_of(_it_doc("ministry"), "said")
    assert found is not None and found.kind == "organization"


def test_it_speaks_for_a_named_organization():
    found = speaker_of(_it_doc("Corp", ent="B-ORG", pos="PROPN"), "said")
    assert found is not None and found.kind == "organization"


# ------------------------------------------------------------ coordinated subjects


def test_all_named_conjuncts_speak_together():
    # Slovenia and Croatia said it .
    doc = make_doc(["Slovenia", "and", "Croatia", "said", "it", "."], [3, 0, 0, 3, 3, 3],
                   ["nsubj", "cc", "conj", "ROOT", "dobj", "punct"],
                   ["PROPN", "CCONJ", "PROPN", "VERB", "PRON", "PUNCT"],
                   ents=["B-GPE", "O", "B-GPE", "O", "O", "O"])
    found = speaker_of(doc, "said")
    assert found is not None and found.name == "Slovenia and Croatia"
    assert found.text == "Slovenia and Croatia"


def test_a_generic_conjunct_leaves_the_named_one():
    # Rights groups and Amnesty said it .
    doc = make_doc(["Rights", "groups", "and", "Amnesty", "said", "it", "."],
                   [1, 4, 1, 1, 4, 4, 4],
                   ["compound", "nsubj", "cc", "conj", "ROOT", "dobj", "punct"],
                   ["NOUN", "NOUN", "CCONJ", "PROPN", "VERB", "PRON", "PUNCT"],
                   tags=["NNS", "NNS", "CC", "NNP", "VBD", "PRP", "."],
                   ents=["O", "O", "O", "B-ORG", "O", "O", "O"])
    found = speaker_of(doc, "said")
    assert found is not None and found.name == "Amnesty"


def test_generic_plural_speaks_through_its_named_example():
    # Other sites such as Gawker have stated it .
    words = ["Other", "sites", "such", "as", "Gawker", "have", "stated", "it", "."]
    doc = make_doc(words, [1, 6, 3, 1, 3, 6, 6, 6, 6],
                   ["amod", "nsubj", "amod", "prep", "pobj", "aux", "ROOT", "dobj", "punct"],
                   ["ADJ", "NOUN", "ADJ", "ADP", "PROPN", "AUX", "VERB", "PRON", "PUNCT"],
                   tags=["JJ", "NNS", "JJ", "IN", "NNP", "VBP", "VBN", "PRP", "."],
                   ents=["O", "O", "O", "O", "B-ORG", "O", "O", "O", "O"])
    found = speaker_of(doc, "stated")
    assert found is not None and found.name == "Gawker"


# ------------------------------------------------------------ pull quotes


def _signed(words, ents):
    n = len(words)
    return make_doc(words, [0] * n, ["ROOT"] + ["dep"] * (n - 1), ["X"] * n, ents=ents,
                    spaces=[w not in ('"',) and i + 1 < n and words[i + 1] not in ('"', ".")
                            or w == '"' and i > 0 for i, w in enumerate(words)])


def test_dash_after_a_pull_quote_names_its_speaker():
    words = ['"', "We", "will", "win", ".", '"', "-", "Matthew", "Ingram"]
    doc = _signed(words, ["O"] * 7 + ["B-PERSON", "I-PERSON"])
    m = find_marked(doc.text)[0]
    k = _dash_signature(doc.text, m, doc)
    assert k is not None and doc[k].text == "Ingram"


def test_a_signature_the_tagger_misses_counts_where_the_article_tags_the_name():
    # "We will win." - Matthew Ingram <blank line> Matthew Ingram wrote .   (only the
    # second tagged)
    words = ['"', "We", "will", "win", ".", '"', "-", "Matthew", "Ingram", "\n\n", "Matthew",
             "Ingram", "wrote", "."]
    tagged = ["O"] * 10 + ["B-PERSON", "I-PERSON", "O", "O"]
    doc = _signed(words, tagged)
    m = find_marked(doc.text)[0]
    k = _dash_signature(doc.text, m, doc)
    assert k is not None and doc[k].text == "Ingram" and k < 10
    # named nowhere as a person: no signature
    doc = _signed(words, ["O"] * 14)
    assert _dash_signature(doc.text, find_marked(doc.text)[0], doc) is None


def test_dash_after_a_cited_headline_names_no_speaker():
    words = ['"', "We", "will", "win", ".", '"', "-", "New", "York", "Times"]
    doc = _signed(words, ["O"] * 7 + ["B-ORG", "I-ORG", "I-ORG"])
    m = find_marked(doc.text)[0]
    assert _dash_signature(doc.text, m, doc) is None


# ------------------------------------------------------------ joint parties


def _both_countries(third: bool = False):
    # Slovenia met Croatia [ and Italy ] . Both countries said it .
    words = ["Slovenia", "met", "Croatia"] + (["and", "Italy"] if third else []) + [
        ".", "Both", "countries", "said", "it", "."]
    n = len(words)
    p = 5 if third else 3  # the full stop
    heads = [1, 1, 1] + ([2, 2] if third else []) + [1, p + 2, p + 3, p + 3, p + 3, p + 3]
    deps = ["nsubj", "ROOT", "dobj"] + (["cc", "conj"] if third else []) + [
        "punct", "det", "nsubj", "ROOT", "dobj", "punct"]
    pos = ["PROPN", "VERB", "PROPN"] + (["CCONJ", "PROPN"] if third else []) + [
        "PUNCT", "DET", "NOUN", "VERB", "PRON", "PUNCT"]
    tags = ["NNP", "VBD", "NNP"] + (["CC", "NNP"] if third else []) + [
        ".", "DT", "NNS", "VBD", "PRP", "."]
    ents = ["B-GPE", "O", "B-GPE"] + (["O", "B-GPE"] if third else []) + ["O"] * 6
    lemmas = [w.lower() for w in words]
    lemmas[p + 2] = "country"
    return make_doc(words, heads, deps, pos, tags=tags, ents=ents, lemmas=lemmas,
                    sent_starts=[k in (0, p + 1) for k in range(n)])


def test_both_countries_are_the_two_named_before():
    found = speaker_of(_both_countries(), "said")
    assert found is not None and found.name == "Slovenia and Croatia"
    assert found.text == "Both countries"


def test_both_countries_after_three_named_stays_a_description():
    found = speaker_of(_both_countries(third=True), "said")
    assert found is None or " and " not in found.name


def test_disjoined_names_do_not_speak_together():
    # Slovenia or Croatia said it .
    doc = make_doc(["Slovenia", "or", "Croatia", "said", "it", "."], [3, 0, 0, 3, 3, 3],
                   ["nsubj", "cc", "conj", "ROOT", "dobj", "punct"],
                   ["PROPN", "CCONJ", "PROPN", "VERB", "PRON", "PUNCT"],
                   ents=["B-GPE", "O", "B-GPE", "O", "O", "O"])
    found = speaker_of(doc, "said")
    assert found is None or " and " not in found.name
