"""newsledger: a verifiable ledger of who did what to whom, and who said what, from news text."""

import logging

from newsledger.errors import NewsledgerError
from newsledger.records import Analysis, Document

__version__ = "0.1.0"
__all__ = ["Analysis", "Document", "NewsledgerError", "__version__", "analyze"]

logging.getLogger(__name__).addHandler(logging.NullHandler())


def analyze(document: Document) -> Analysis:
    """Run the whole pipeline on one document (loads the English model on first use)."""
    from newsledger.pipeline import analyze_document

    return analyze_document(document)
