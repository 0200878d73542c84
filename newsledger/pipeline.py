"""The pipeline: prepare a document (regions, date), parse it once, run the stages.

Every engine (``analyze``, ``ingest``, worker processes, Ray) goes through
``analyze_documents``; only plain records leave it, never spaCy objects.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from newsledger.actors import ActorIndex
from newsledger.events import extract_events
from newsledger.nlp import load_nlp
from newsledger.pubdate import infer_published
from newsledger.quotes import extract_quotes
from newsledger.records import Analysis, Document, Published
from newsledger.regions import segment
from newsledger.settings import Settings

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

log = logging.getLogger(__name__)


def prepare(document: Document, published: str | None = None) -> Document:
    """Fill regions and publication date when the reader could not; ``published`` overrides."""
    if not document.regions:
        document.regions = segment(document)
    if published:
        document.published = Published(date=published, precision="day", method="given",
                                       evidence=None)
    elif document.published is None or not document.published.date:
        document.published = infer_published(document)
    return document


def analyze_parsed(parsed: Doc, document: Document) -> Analysis:
    """Run the stages over one parsed document; returns plain records."""
    actors = ActorIndex.from_doc(parsed, document)
    quotes = extract_quotes(parsed, document, actors)
    events = extract_events(parsed, document, actors, quotes)
    return Analysis(document=document, actors=actors.actors, quotes=quotes, events=events)


def analyze_documents(
    documents: Iterable[Document],
    nlp: Language | None = None,
    settings: Settings | None = None,
) -> Iterator[Analysis]:
    """Parse documents in batches with ``nlp.pipe`` and analyze each one."""
    settings = settings or Settings()
    nlp = nlp or load_nlp()
    docs = iter(documents)
    pairs = ((d.text, d) for d in docs)
    for parsed, document in nlp.pipe(pairs, as_tuples=True, batch_size=settings.batch_size):
        try:
            yield analyze_parsed(parsed, document)
        except Exception as e:  # one document's failure must not lose the batch
            log.warning("%s: analysis failed (%s: %s); stored without records",
                        document.source, type(e).__name__, e)
            document.meta["analysis_error"] = f"{type(e).__name__}: {e}"
            yield Analysis(document=document)


def analyze_document(document: Document, published: str | None = None,
                     nlp: Language | None = None) -> Analysis:
    """Prepare and analyze one document."""
    prepare(document, published)
    return next(analyze_documents([document], nlp=nlp))
