"""The pipeline: prepare a document (regions, date), parse it once, run the stages.

Every engine (``analyze``, ``ingest``, worker processes, Ray) goes through
``analyze_documents``; only plain records leave it, never spaCy objects.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from newsledger.actors.index import ActorIndex
from newsledger.document.pubdate import infer_published
from newsledger.document.regions import segment
from newsledger.events.extract import extract_events
from newsledger.nlp.model import load_nlp
from newsledger.quotes.extract import extract_quotes
from newsledger.quotes.transcripts import infer_kind, merge_quotes, transcript_quotes
from newsledger.records import Analysis, Document, Published
from newsledger.settings import Settings

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

log = logging.getLogger(__name__)


def prepare(document: Document, published: str | None = None) -> Document:
    """Fill regions and publication date when the reader could not; ``published`` overrides."""
    if document.kind == "news":
        document.kind = infer_kind(document)
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
    if document.kind != "news":
        quotes = merge_quotes(quotes, transcript_quotes(document, actors))
    events = extract_events(parsed, document, actors, quotes)
    return Analysis(document=document, actors=actors.actors, quotes=quotes, events=events)


PIPE_CHARS = 60_000
"""Characters per ``nlp.pipe`` minibatch: parser and NER scratch memory grows with the tokens
in a batch (about 1 GB per 200k characters with the small English model)."""


def analyze_documents(
    documents: Iterable[Document],
    nlp: Language | None = None,
    settings: Settings | None = None,
) -> Iterator[Analysis]:
    """Parse documents in character-budgeted batches with ``nlp.pipe`` and analyze each one.

    Documents longer than ``settings.max_chars`` are parsed in paragraph chunks joined back
    into one ``Doc`` whose text is the document's, so offsets stay document offsets.
    """
    settings = settings or Settings()
    nlp = nlp or load_nlp()
    limit = max(1000, min(settings.max_chars, nlp.max_length))
    for document, parsed in _parse(nlp, documents, settings.batch_size, limit):
        if parsed is None:
            yield Analysis(document=document)
            continue
        try:
            yield analyze_parsed(parsed, document)
        except Exception as e:  # one document's failure must not lose the batch
            _failed(document, "analysis", e)
            yield Analysis(document=document)


def _failed(document: Document, step: str, e: Exception) -> None:
    log.warning("%s: %s failed (%s: %s); stored without records",
                document.source, step, type(e).__name__, e)
    document.meta["analysis_error"] = f"{type(e).__name__}: {e}"


def _parse(nlp: Language, documents: Iterable[Document], size: int,
           limit: int) -> Iterator[tuple[Document, Doc | None]]:
    """Documents with their parse (None when parsing failed), in input order.

    Documents go to ``nlp.pipe`` in groups of at most ``size`` documents and about PIPE_CHARS
    characters; a document longer than ``limit`` is parsed alone, piece by piece.
    """
    group: list[Document] = []
    chars = 0
    for document in documents:
        n = len(document.text)
        if group and (n > limit or len(group) >= size or chars + n > PIPE_CHARS):
            yield from _parse_group(nlp, group)
            group, chars = [], 0
        if n > limit:
            yield document, _parse_long(nlp, document, limit)
            continue
        group.append(document)
        chars += n
    if group:
        yield from _parse_group(nlp, group)


def _parse_group(nlp: Language, group: list[Document]) -> Iterator[tuple[Document, Doc | None]]:
    """One ``nlp.pipe`` call for the group; if it fails, parse one by one to isolate the culprit."""
    try:
        parsed = list(nlp.pipe([d.text for d in group], batch_size=len(group)))
    except Exception:
        for document in group:
            try:
                yield document, nlp(document.text)
            except Exception as e:
                _failed(document, "parse", e)
                yield document, None
        return
    yield from zip(group, parsed, strict=True)


def _parse_long(nlp: Language, document: Document, limit: int) -> Doc | None:
    """Parse in pieces of at most ``limit`` characters and join them into one ``Doc`` whose
    text is the document's, so every offset is still a document offset."""
    from spacy.tokens import Doc

    try:
        docs = list(nlp.pipe(chunks(document.text, limit), batch_size=1))
        joined = Doc.from_docs(docs, ensure_whitespace=False)
        if joined.text != document.text:
            raise ValueError("the joined pieces do not reproduce the document text")
        return joined
    except Exception as e:
        _failed(document, "parse", e)
        return None


def chunks(text: str, limit: int) -> list[str]:
    """Pieces of at most ``limit`` characters that concatenate back to ``text``, cut at a
    paragraph break when there is one, else a line break, a sentence end or a space."""
    pieces = []
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = -1
        for mark in ("\n\n", "\n", ". ", " "):
            cut = window.rfind(mark, limit // 2)
            if cut >= 0:
                cut += len(mark)
                break
        if cut <= 0:
            cut = limit
        pieces.append(text[start : start + cut])
        start += cut
    pieces.append(text[start:])
    return pieces


def analyze_document(document: Document, published: str | None = None,
                     nlp: Language | None = None) -> Analysis:
    """Prepare and analyze one document."""
    prepare(document, published)
    return next(analyze_documents([document], nlp=nlp))
