""""The President" points back at the person the text titled President, not at a "Vice
President" or a deputy named later (``quotes.descriptions.titled_antecedent``). Hand-built
Docs: a model update cannot change them."""

from __future__ import annotations

from newsledger.actors.index import ActorIndex
from newsledger.quotes.descriptions import titled_antecedent
from newsledger.records import Document
from tests.docs import make_doc


def test_the_president_is_not_the_vice_president_named_after_him():
    # President Biden and Vice President Harris spoke . The President explained .
    words = ["President", "Biden", "and", "Vice", "President", "Harris", "spoke", ".",
             "The", "President", "explained", "."]
    doc = make_doc(words,
                   [1, 6, 1, 4, 5, 1, 6, 6, 9, 10, 10, 10],
                   ["compound", "nsubj", "cc", "compound", "compound", "conj", "ROOT", "punct",
                    "det", "nsubj", "ROOT", "punct"],
                   ["PROPN", "PROPN", "CCONJ", "PROPN", "PROPN", "PROPN", "VERB", "PUNCT",
                    "DET", "PROPN", "VERB", "PUNCT"],
                   ents=["O", "B-PERSON", "O", "O", "O", "B-PERSON", "O", "O", "O", "O", "O",
                         "O"],
                   sent_starts=[True] + [False] * 7 + [True] + [False] * 3)
    actors = ActorIndex.from_doc(doc, Document(text=doc.text, source="test"))
    found = titled_antecedent(actors, doc[9])
    assert found is not None and found.name == "Biden"
    # "the Vice President" is Harris
    vice = make_doc(words[:8] + ["The", "Vice", "President", "explained", "."],
                    [1, 6, 1, 4, 5, 1, 6, 6, 10, 10, 11, 11, 11],
                    ["compound", "nsubj", "cc", "compound", "compound", "conj", "ROOT",
                     "punct", "det", "compound", "nsubj", "ROOT", "punct"],
                    ["PROPN", "PROPN", "CCONJ", "PROPN", "PROPN", "PROPN", "VERB", "PUNCT",
                     "DET", "PROPN", "PROPN", "VERB", "PUNCT"],
                    ents=["O", "B-PERSON", "O", "O", "O", "B-PERSON"] + ["O"] * 7,
                    sent_starts=[True] + [False] * 7 + [True] + [False] * 4)
    actors = ActorIndex.from_doc(vice, Document(text=vice.text, source="test"))
    found = titled_antecedent(actors, vice[10])
    assert found is not None and found.name == "Harris"
