"""Speaker rules of the quotation stage on hand-built parses (no model): title phrases ending
in a name, a subject the parser split in two, a bare surname the tagger read as a place,
pronouns that never reach into captions, source phrases ("according to", "in the words of")."""

from __future__ import annotations

from spacy.tokens import Doc

from newsledger.actors.index import ActorIndex
from newsledger.quotes.cues import find_cues
from newsledger.quotes.speakers import SpeakerResolver
from newsledger.records import Document, Region
from tests.docs import make_doc


def resolver(doc, regions=None):
    text = doc.text
    document = Document(text=text, source="test",
                        regions=regions or [Region("body", 0, len(text))])
    return SpeakerResolver(doc, document, ActorIndex.from_doc(doc, document), [])


def speaker_of(doc, verb: str, regions=None):
    res = resolver(doc, regions)
    cue = next(t for t in doc if t.text == verb)
    return res.from_cue(cue)


def test_title_phrase_ending_in_a_name_is_that_person():
    # Governor of Washington Chris Gregoire said ...
    doc = make_doc(["Governor", "of", "Washington", "Chris", "Gregoire", "said", "it", "."],
                   [5, 0, 4, 4, 1, 5, 5, 5],
                   ["nsubj", "prep", "compound", "compound", "pobj", "ROOT", "dobj", "punct"],
                   ["PROPN", "ADP", "PROPN", "PROPN", "PROPN", "VERB", "PRON", "PUNCT"],
                   ents=["O", "O", "B-GPE", "B-PERSON", "I-PERSON", "O", "O", "O"])
    found = speaker_of(doc, "said")
    assert found is not None and found.name == "Chris Gregoire"


def test_name_as_object_of_a_preposition_is_not_the_speaker():
    # The wife of John Smith said ...: the wife speaks, not John Smith
    doc = make_doc(["The", "wife", "of", "John", "Smith", "said", "it", "."],
                   [1, 5, 1, 4, 2, 5, 5, 5],
                   ["det", "nsubj", "prep", "compound", "pobj", "ROOT", "dobj", "punct"],
                   ["DET", "NOUN", "ADP", "PROPN", "PROPN", "VERB", "PRON", "PUNCT"],
                   ents=["O", "O", "O", "B-PERSON", "I-PERSON", "O", "O", "O"])
    found = speaker_of(doc, "said")
    assert found is None or "Smith" not in found.name


def test_conjoined_title_and_name_is_the_person():
    # American academic and professor Marc Hill commented
    doc = make_doc(["American", "academic", "and", "professor", "Marc", "Hill", "commented"],
                   [1, 6, 1, 5, 5, 1, 6],
                   ["amod", "nsubj", "cc", "compound", "compound", "conj", "ROOT"],
                   ["ADJ", "ADJ", "CCONJ", "NOUN", "PROPN", "PROPN", "VERB"],
                   ents=["B-NORP", "O", "O", "O", "B-PERSON", "I-PERSON", "O"])
    found = speaker_of(doc, "commented")
    assert found is not None and found.name == "Marc Hill"


def test_split_subject_takes_the_name_next_to_the_verb():
    # Facebook co founder Mark Zuckerberg said ...: the parser made "co" a second subject
    doc = make_doc(["Facebook", "co", "founder", "Mark", "Zuckerberg", "said", "it", "."],
                   [1, 5, 4, 4, 5, 5, 5, 5],
                   ["compound", "nsubj", "compound", "compound", "nsubj", "ROOT", "dobj",
                    "punct"],
                   ["NOUN", "NOUN", "NOUN", "PROPN", "PROPN", "VERB", "PRON", "PUNCT"],
                   ents=["O", "O", "O", "B-PERSON", "I-PERSON", "O", "O", "O"])
    found = speaker_of(doc, "said")
    assert found is not None and found.name == "Mark Zuckerberg"


def _paris_doc():
    # Valeska Paris spoke . Paris claims it .   ("Paris" tagged as a place the second time)
    return make_doc(["Valeska", "Paris", "spoke", ".", "Paris", "claims", "it", "."],
                    [1, 2, 2, 2, 5, 5, 5, 5],
                    ["compound", "nsubj", "ROOT", "punct", "nsubj", "ROOT", "dobj", "punct"],
                    ["PROPN", "PROPN", "VERB", "PUNCT", "PROPN", "VERB", "PRON", "PUNCT"],
                    ents=["B-PERSON", "I-PERSON", "O", "O", "B-GPE", "O", "O", "O"],
                    sent_starts=[True, False, False, False, True, False, False, False])


def test_bare_surname_read_as_a_place_is_the_person_named_before():
    found = speaker_of(_paris_doc(), "claims")
    assert found is not None and found.name == "Valeska Paris" and found.kind == "person"


def test_a_place_without_a_person_of_that_name_stays_a_place():
    doc = make_doc(["Paris", "claims", "it", "."], [1, 1, 1, 1],
                   ["nsubj", "ROOT", "dobj", "punct"], ["PROPN", "VERB", "PRON", "PUNCT"],
                   ents=["B-GPE", "O", "O", "O"])
    found = speaker_of(doc, "claims")
    assert found is not None and found.name == "Paris" and found.kind != "person"


def _caption_doc():
    # Evan Vucci took it .  He said it .   (the first line is a photo caption)
    words = ["Evan", "Vucci", "took", "it", ".", "\n", "He", "said", "it", "."]
    doc = make_doc(words, [1, 2, 2, 2, 2, 4, 7, 7, 7, 7],
                   ["compound", "nsubj", "ROOT", "dobj", "punct", "dep", "nsubj", "ROOT",
                    "dobj", "punct"],
                   ["PROPN", "PROPN", "VERB", "PRON", "PUNCT", "SPACE", "PRON", "VERB",
                    "PRON", "PUNCT"],
                   ents=["B-PERSON", "I-PERSON", "O", "O", "O", "O", "O", "O", "O", "O"],
                   sent_starts=[True, False, False, False, False, False, True, False, False,
                                False])
    return doc


def test_pronoun_never_resolves_to_a_caption_credit():
    doc = _caption_doc()
    cut = doc.text.index("\n") + 1
    regions = [Region("caption", 0, cut), Region("body", cut, len(doc.text))]
    assert speaker_of(doc, "said", regions) is None


def test_pronoun_resolves_to_the_same_person_in_body_text():
    found = speaker_of(_caption_doc(), "said")
    assert found is not None and found.name == "Evan Vucci"


def test_according_to_after_that_attributes_what_follows():
    # We learned that according to a posting , the site is down .
    words = ["We", "learned", "that", "according", "to", "a", "posting", ",", "the", "site",
             "is", "down", "."]
    doc = make_doc(words, [1, 1, 10, 10, 3, 6, 4, 10, 9, 10, 1, 10, 1],
                   ["nsubj", "ROOT", "mark", "prep", "prep", "det", "pobj", "punct", "det",
                    "nsubj", "ccomp", "acomp", "punct"],
                   ["PRON", "VERB", "SCONJ", "VERB", "ADP", "DET", "NOUN", "PUNCT", "DET",
                    "NOUN", "AUX", "ADV", "PUNCT"])
    cues = [c for c in find_cues(doc, doc.text, []) if doc.text[c.start:c.end] == "according to"]
    assert len(cues) == 1 and cues[0].comp is not None
    assert doc.text[slice(*cues[0].comp)] == "the site is down"


def test_in_the_words_of_attributes_what_follows():
    # Finally , in the words of the judge , it was over .
    words = ["Finally", ",", "in", "the", "words", "of", "the", "judge", ",", "it", "was",
             "over", "."]
    doc = make_doc(words, [10, 10, 10, 4, 2, 4, 7, 5, 10, 10, 10, 10, 10],
                   ["advmod", "punct", "prep", "det", "pobj", "prep", "det", "pobj", "punct",
                    "nsubj", "ROOT", "acomp", "punct"],
                   ["ADV", "PUNCT", "ADP", "DET", "NOUN", "ADP", "DET", "NOUN", "PUNCT",
                    "PRON", "AUX", "ADV", "PUNCT"])
    cues = [c for c in find_cues(doc, doc.text, []) if c.speaker_tokens is not None]
    assert len(cues) == 1
    assert doc.text[slice(*cues[0].comp)] == "it was over"
    assert doc[cues[0].speaker_tokens[0]].text == "judge"


def test_relative_clause_cue_is_spoken_by_the_noun_it_modifies():
    # Devocht , who told Montalvo it , left .
    doc = make_doc(["Tom", "Devocht", ",", "who", "told", "Montalvo", "it", ",", "left", "."],
                   [1, 8, 1, 4, 1, 4, 4, 1, 8, 8],
                   ["compound", "nsubj", "punct", "nsubj", "relcl", "dative", "dobj", "punct",
                    "ROOT", "punct"],
                   ["PROPN", "PROPN", "PUNCT", "PRON", "VERB", "PROPN", "PRON", "PUNCT",
                    "VERB", "PUNCT"],
                   ents=["B-PERSON", "I-PERSON", "O", "O", "O", "B-PERSON", "O", "O", "O",
                         "O"])
    found = speaker_of(doc, "told")
    assert found is not None and found.name == "Tom Devocht"


def test_an_institution_noun_may_speak():
    # The city reasoned it .
    doc = make_doc(["The", "city", "reasoned", "it", "."], [1, 2, 2, 2, 2],
                   ["det", "nsubj", "ROOT", "dobj", "punct"],
                   ["DET", "NOUN", "VERB", "PRON", "PUNCT"], lemmas=["the", "city", "reason",
                                                                     "it", "."])
    found = speaker_of(doc, "reasoned")
    assert found is not None and found.kind == "organization" and found.name == "city"


def test_a_common_noun_that_names_no_institution_does_not_speak():
    doc = make_doc(["The", "husband", "reasoned", "it", "."], [1, 2, 2, 2, 2],
                   ["det", "nsubj", "ROOT", "dobj", "punct"],
                   ["DET", "NOUN", "VERB", "PRON", "PUNCT"])
    found = speaker_of(doc, "reasoned")
    assert found is None or found.kind != "organization"


def test_transcript_markers_and_furniture_never_speak():
    # Laughter says it .   (the tagger read the marker as a person)
    doc = make_doc(["Laughter", "says", "it", "."], [1, 1, 1, 1],
                   ["nsubj", "ROOT", "dobj", "punct"], ["PROPN", "VERB", "PRON", "PUNCT"],
                   ents=["B-PERSON", "O", "O", "O"])
    assert speaker_of(doc, "says") is None


def test_honorific_and_untagged_surname_is_a_person():
    # Mr Sunak told it .   (no entity tag on "Sunak")
    doc = make_doc(["Mr", "Sunak", "told", "it", "."], [1, 2, 2, 2, 2],
                   ["compound", "nsubj", "ROOT", "dobj", "punct"],
                   ["PROPN", "PROPN", "VERB", "PRON", "PUNCT"])
    found = speaker_of(doc, "told")
    assert found is not None and found.kind == "person" and found.name == "Mr Sunak"


def test_the_name_after_told_is_the_addressee_not_the_speaker():
    # Yesterday , told Reuters .   (no subject: the parse lost it)
    doc = make_doc(["Yesterday", ",", "told", "Reuters", "."], [2, 2, 2, 2, 2],
                   ["npadvmod", "punct", "ROOT", "dobj", "punct"],
                   ["NOUN", "PUNCT", "VERB", "PROPN", "PUNCT"],
                   lemmas=["yesterday", ",", "tell", "Reuters", "."],
                   ents=["B-DATE", "O", "O", "B-ORG", "O"])
    assert speaker_of(doc, "told") is None


def test_an_inverted_name_after_said_is_the_speaker():
    doc = make_doc(["Yesterday", ",", "said", "Reuters", "."], [2, 2, 2, 2, 2],
                   ["npadvmod", "punct", "ROOT", "dobj", "punct"],
                   ["NOUN", "PUNCT", "VERB", "PROPN", "PUNCT"],
                   ents=["B-DATE", "O", "O", "B-ORG", "O"])
    found = speaker_of(doc, "said")
    assert found is not None and found.name == "Reuters"


def _emphasis_doc(subject: list[str], subject_pos: list[str], obj: list[str]) -> Doc:
    """<subject> underscored <obj> to the security of Poland ."""
    n = len(subject)
    words = [*subject, "underscored", *obj, "to", "the", "security", "of", "Poland", "."]
    v = n
    o = n + len(obj)  # the object's head noun is the last word of ``obj``
    heads = [n - 1] * (n - 1) + [v] + [v] + [o] * (len(obj) - 1) + [v]
    deps = ["det"] * (n - 1) + ["nsubj", "ROOT"] + ["det"] * (len(obj) - 1) + ["dobj"]
    pos = [*subject_pos, "VERB"] + ["DET"] * (len(obj) - 1) + ["NOUN"]
    k = len(words) - 6
    heads += [o, k + 2, k, k + 2, k + 3, v]
    deps += ["prep", "det", "pobj", "prep", "pobj", "punct"]
    pos += ["ADP", "DET", "NOUN", "ADP", "PROPN", "PUNCT"]
    lemmas = ["underscore" if w == "underscored" else w.lower() for w in words]
    return make_doc(words, heads, deps, pos, lemmas=lemmas)


def test_emphasis_verb_reports_its_object_as_a_position():
    # The two leaders underscored their commitment to the security of Poland .
    doc = _emphasis_doc(["The", "two", "leaders"], ["DET", "NUM", "NOUN"],
                        ["their", "commitment"])
    cues = [c for c in find_cues(doc, doc.text, []) if c.token.lower_ == "underscored"]
    assert len(cues) == 1 and cues[0].comp is not None
    assert doc.text[slice(*cues[0].comp)] == "their commitment to the security of Poland"


def test_emphasis_verb_with_a_thing_as_subject_reports_nothing():
    # This visit underscored ...: a visit holds no position, so no quotation.
    doc = _emphasis_doc(["This", "visit"], ["DET", "NOUN"], ["their", "commitment"])
    cues = [c for c in find_cues(doc, doc.text, []) if c.token.lower_ == "underscored"]
    assert all(c.comp is None for c in cues)


def test_emphasis_verb_with_a_short_object_reports_nothing():
    # He underscored the point ... : two words state nothing.
    doc = make_doc(["He", "underscored", "the", "point", "."], [1, 1, 3, 1, 1],
                   ["nsubj", "ROOT", "det", "dobj", "punct"],
                   ["PRON", "VERB", "DET", "NOUN", "PUNCT"],
                   lemmas=["he", "underscore", "the", "point", "."])
    cues = [c for c in find_cues(doc, doc.text, []) if c.token.lower_ == "underscored"]
    assert all(c.comp is None for c in cues)


def test_institution_noun_with_a_named_appositive_is_the_name():
    # The security firm Secunia.com said it ... / The spokesman Acme Corp said it ...
    def doc_for(noun: str):
        return make_doc(["The", "security", noun, "Secunia.com", "said", "it", "."],
                        [2, 2, 4, 2, 4, 4, 4],
                        ["det", "compound", "nsubj", "appos", "ROOT", "dobj", "punct"],
                        ["DET", "NOUN", "NOUN", "PROPN", "VERB", "PRON", "PUNCT"],
                        lemmas=["the", "security", noun, "Secunia.com", "say", "it", "."],
                        ents=["O", "O", "O", "B-ORG", "O", "O", "O"])
    found = speaker_of(doc_for("firm"), "said")
    assert found is not None and found.name == "Secunia.com"
    found = speaker_of(doc_for("spokesman"), "said")
    assert found is None or found.name != "Secunia.com"


def test_inverted_cue_before_a_title_ending_in_a_name_is_that_person():
    # "We win," said White House Director Michael Kratsios.
    doc = make_doc(["“", "We", "win", ",", "”", "said", "White", "House", "Director", "Michael",
                    "Kratsios", "."],
                   [2, 2, 5, 5, 5, 5, 7, 5, 10, 10, 7, 5],
                   ["punct", "nsubj", "ccomp", "punct", "punct", "ROOT", "compound", "nsubj",
                    "compound", "compound", "appos", "punct"],
                   ["PUNCT", "PRON", "VERB", "PUNCT", "PUNCT", "VERB", "PROPN", "PROPN", "PROPN",
                    "PROPN", "PROPN", "PUNCT"],
                   lemmas=["“", "we", "win", ",", "”", "say", "White", "House", "Director",
                           "Michael", "Kratsios", "."],
                   ents=["O"] * 6 + ["B-ORG", "I-ORG", "O", "B-PERSON", "I-PERSON", "O"])
    found = speaker_of(doc, "said")
    assert found is not None and found.name == "Michael Kratsios"
