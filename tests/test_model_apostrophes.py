"""The model reads a typographic apostrophe as the straight one (``nlp.model``
``straight_apostrophes``): news and government sites print "Bangladesh’s", and the small
model, trained on "Bangladesh's", misparsed the possessive. Model-based: real sentences."""

from __future__ import annotations

import pytest

from newsledger.nlp.model import CURLY_PIECES, load_model

SENTENCES = [
    # State Department, U.S.-Bangladesh High-Level Economic Consultation
    "The United States highlighted Bangladesh’s evident potential to be a regional leader "
    "in digital trade.",
    "Secretary Blinken’s Meeting with Uzbekistan Foreign Minister Kamilov",
    "We don’t believe that Iran’s attack will go unanswered, and we’re ready.",
]


def test_curly_pieces_carry_the_straight_features():
    vocab = load_model().vocab
    for piece in CURLY_PIECES:
        curly, straight = vocab[piece], vocab[piece.replace("’", "'")]
        assert (curly.prefix_, curly.suffix_, curly.shape_) == \
            (straight.prefix_, straight.suffix_, straight.shape_)
        assert curly.orth_ == piece  # the text itself is untouched


@pytest.mark.parametrize("text", SENTENCES)
def test_curly_and_straight_apostrophes_parse_alike(text):
    nlp = load_model()
    curly, straight = nlp(text), nlp(text.replace("’", "'"))
    assert curly.text == text  # offsets stay those of the printed text
    assert [(t.dep_, t.head.i, t.tag_) for t in curly] == \
        [(t.dep_, t.head.i, t.tag_) for t in straight]


def test_a_curly_possessive_is_a_possessive():
    doc = load_model()(SENTENCES[0])
    bangladesh = next(t for t in doc if t.text == "Bangladesh")
    assert bangladesh.dep_ == "poss" and bangladesh.head.text == "potential"
