"""The driver: prepare each document, parse it once, run the newsledger components.

Every caller (``analyze``, ``ingest``, worker processes, Ray, evaluation, benchmarks, tests)
runs the pipeline through ``analyze_documents``; the stages are the spaCy components
registered in ``newsledger.nlp.components`` and nothing calls them another way. Only plain
records leave this module, never spaCy objects.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from newsledger.actors.index import ActorIndex
from newsledger.document.pubdate import infer_published
from newsledger.document.regions import segment
from newsledger.nlp.components import STAGES
from newsledger.nlp.model import load_nlp
from newsledger.quotes.transcripts import infer_kind, transcript_quotes
from newsledger.records import Analysis, Document, Published
from newsledger.settings import Settings

log = logging.getLogger(__name__)

PIPE_CHARS = 60_000
"""Characters per ``nlp.pipe`` minibatch: parser and NER scratch memory grows with the tokens
in a batch (about 1 GB per 200k characters with the small English model)."""


def prepare(document: Document, published: str | None = None) -> Document:
    """Fill kind, regions and publication date when the reader could not; ``published``
    overrides the date."""
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


def analyze_batch(documents: list[Document], nlp: Language | None = None,
                  settings: Settings | None = None) -> list[Analysis]:
    """Prepare and analyze a batch: what every engine runs, in this process or a worker."""
    for document in documents:
        try:
            prepare(document)
        except Exception as e:  # a bad date or region must not lose the document
            log.warning("%s: prepare failed (%s: %s)", document.source, type(e).__name__, e)
            document.meta["prepare_error"] = f"{type(e).__name__}: {e}"
    return list(analyze_documents(documents, nlp=nlp, settings=settings))


def analyze_documents(
    documents: Iterable[Document],
    nlp: Language | None = None,
    settings: Settings | None = None,
) -> Iterator[Analysis]:
    """Analyze documents in input order, parsing them in character-budgeted ``nlp.pipe``
    batches.

    Documents longer than ``settings.max_chars`` are parsed in paragraph pieces joined back
    into one ``Doc`` whose text is the document's, so offsets stay document offsets. A
    document longer than ``settings.max_analysis_chars`` is returned without records.
    """
    settings = settings or Settings()
    nlp = nlp or load_nlp()
    limit = max(1000, min(settings.max_chars, nlp.max_length))
    for document, doc in _parse(nlp, documents, settings, limit):
        yield _analysis(document, doc)


def _analysis(document: Document, doc: Doc | None) -> Analysis:
    """The plain records the components left on ``doc``; failures and skips go to ``meta``."""
    if doc is None:
        return Analysis(document=document)
    if doc._.stage_errors:
        document.meta["stage_errors"] = dict(doc._.stage_errors)
        document.meta["analysis_error"] = "; ".join(
            f"{name}: {error}" for name, error in doc._.stage_errors.items())
        for name, error in doc._.stage_errors.items():
            log.warning("%s: %s failed (%s)", document.source, name, error)
    if doc._.skipped:
        document.meta["analysis_skipped"] = list(doc._.skipped)
    actors = doc._.actors
    return Analysis(document=document, actors=actors.actors if actors is not None else [],
                    quotes=doc._.quotes or [], events=doc._.events or [])


def _failed(document: Document, step: str, e: Exception) -> None:
    log.warning("%s: %s failed (%s: %s); stored without records",
                document.source, step, type(e).__name__, e)
    document.meta["analysis_error"] = f"{step}: {type(e).__name__}: {e}"


def make_doc(nlp: Language, document: Document, settings: Settings | None = None,
             doc: Doc | None = None) -> Doc:
    """A ``Doc`` for ``document`` (tokenized here unless given) carrying the document and its
    time budget, ready for ``nlp`` or ``nlp.pipe``."""
    doc = doc if doc is not None else nlp.make_doc(document.text)
    doc._.document = document
    doc._.budget = (settings or Settings()).max_seconds
    return doc


def _parse(nlp: Language, documents: Iterable[Document], settings: Settings,
           limit: int) -> Iterator[tuple[Document, Doc | None]]:
    """Documents with their analysed ``Doc`` (None when it could not be made), in input order.

    Documents go to ``nlp.pipe`` in groups of at most ``batch_size`` documents and about
    PIPE_CHARS characters; a document longer than ``limit`` is parsed alone, piece by piece.
    """
    group: list[Document] = []
    chars = 0
    for document in documents:
        n = len(document.text)
        if group and (n > limit or len(group) >= settings.batch_size or chars + n > PIPE_CHARS):
            yield from _parse_group(nlp, group, settings)
            group, chars = [], 0
        if n > settings.max_analysis_chars:
            document.meta["analysis_skipped"] = [
                f"document longer than {settings.max_analysis_chars:,} characters"]
            yield document, None
        elif n > limit:
            yield document, _parse_long(nlp, document, limit, settings)
        else:
            group.append(document)
            chars += n
    if group:
        yield from _parse_group(nlp, group, settings)


def _parse_group(nlp: Language, group: list[Document],
                 settings: Settings) -> Iterator[tuple[Document, Doc | None]]:
    """One ``nlp.pipe`` call for the group; if it fails, one by one to isolate the culprit."""
    try:
        docs = list(nlp.pipe([make_doc(nlp, d, settings) for d in group], batch_size=len(group)))
    except Exception:
        for document in group:
            try:
                yield document, nlp(make_doc(nlp, document, settings))
            except Exception as e:
                _failed(document, "parse", e)
                yield document, None
        return
    yield from zip(group, docs, strict=True)


def _parse_long(nlp: Language, document: Document, limit: int,
                settings: Settings) -> Doc | None:
    """Parse in pieces of at most ``limit`` characters with the model's components only, join
    them into one ``Doc`` whose text is the document's, then run the newsledger stages."""
    try:
        docs = list(nlp.pipe(chunks(document.text, limit), batch_size=1, disable=list(STAGES)))
        joined = Doc.from_docs(docs, ensure_whitespace=False)
        if joined.text != document.text:
            raise ValueError("the joined pieces do not reproduce the document text")
    except Exception as e:
        _failed(document, "parse", e)
        return None
    doc = make_doc(nlp, document, settings, joined)
    for name, component in nlp.pipeline:
        if name in STAGES:
            doc = component(doc)
    return doc


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


def analyze_primary(document: Document) -> Analysis:
    """A primary source's analysis without a parse: its kind, its speakers and their turns.
    Loads a large corpus of official documents into the ledger quickly for provenance."""
    prepare(document)
    actors = ActorIndex(document)
    return Analysis(document=document, actors=actors.actors,
                    quotes=transcript_quotes(document, actors))
