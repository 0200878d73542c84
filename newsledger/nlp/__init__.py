"""spaCy: the model, newsledger's components (``Language.factory``) and ``Doc._`` attributes."""

from newsledger.nlp.components import STAGES, add_stages
from newsledger.nlp.model import load_model, load_nlp, model_name

__all__ = ["STAGES", "add_stages", "load_model", "load_nlp", "model_name"]
