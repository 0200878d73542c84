"""A name the document establishes is that actor where the tagger misses or mislabels it
again (``ActorIndex._untagged``). Hand-built Docs: the model's labels must not decide it."""

from __future__ import annotations

from newsledger.actors.index import ActorIndex
from newsledger.records import Document
from tests.docs import make_doc


def _doc(second_label: str):
    # Officials met World Human Care . Washington designated World Human Care .
    words = ["Officials", "met", "World", "Human", "Care", ".",
             "Washington", "designated", "World", "Human", "Care", "."]
    heads = [1, 1, 4, 4, 1, 1, 7, 7, 10, 10, 7, 7]
    deps = ["nsubj", "ROOT", "compound", "compound", "dobj", "punct",
            "nsubj", "ROOT", "compound", "compound", "dobj", "punct"]
    pos = ["NOUN", "VERB", "PROPN", "PROPN", "PROPN", "PUNCT",
           "PROPN", "VERB", "PROPN", "PROPN", "PROPN", "PUNCT"]
    tags = ["NNS", "VBD", "NNP", "NNP", "NNP", ".", "NNP", "VBD", "NNP", "NNP", "NNP", "."]
    second = ["O", "O", "O"] if second_label == "O" else \
        [f"B-{second_label}", f"I-{second_label}", f"I-{second_label}"]
    ents = ["O", "O", "B-ORG", "I-ORG", "I-ORG", "O", "B-GPE", "O", *second, "O"]
    return make_doc(words, heads, deps, pos, tags=tags, ents=ents,
                    sent_starts=[True] + [False] * 5 + [True] + [False] * 5)


def test_a_name_established_as_an_organization_is_it_where_mislabelled():
    for label in ("EVENT", "O"):
        doc = _doc(label)
        index = ActorIndex.from_doc(doc, Document(text=doc.text, source="test"))
        first = index.resolve_phrase(doc[2:5])
        again = index.resolve_phrase(doc[8:11])
        assert first is not None and first.kind == "organization"
        assert again is first, label
        assert any(m.start == doc[8].idx for m in first.mentions)


def test_a_name_the_document_never_establishes_stays_unknown():
    doc = _doc("O")
    ents = ["O"] * 6 + ["B-GPE"] + ["O"] * 5  # no mention tagged as a name anywhere
    doc = make_doc([t.text for t in doc], [t.head.i for t in doc], [t.dep_ for t in doc],
                   [t.pos_ for t in doc], tags=[t.tag_ for t in doc], ents=ents)
    index = ActorIndex.from_doc(doc, Document(text=doc.text, source="test"))
    assert index.resolve_phrase(doc[8:11]) is None


def test_a_title_case_headline_echoes_no_name():
    from newsledger.actors.spans import title_cased
    words = ["San", "Diego", "Chargers", "Tackle", "Faces", "DUI", "Charges"]
    doc = make_doc(words, [2, 2, 3, 4, 4, 6, 4],
                   ["compound", "compound", "compound", "nsubj", "ROOT", "compound", "dobj"],
                   ["PROPN"] * 4 + ["VERB", "PROPN", "PROPN"])
    assert title_cased(doc[:])
    doc = _doc("O")
    assert not title_cased(doc[6:12])  # "Washington designated World Human Care ."
