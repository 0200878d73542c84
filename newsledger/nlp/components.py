"""newsledger's stages as spaCy components, registered in one place.

Each stage is a ``Language.factory`` declaring what it requires and assigns, with its
thresholds in ``default_config``. Like spaCy's ``SpanRuler``, ``__call__`` runs ``compute``
(a pure function of the ``Doc``) and then ``set_annotations`` (the only write). A stage that
raises records its error in ``doc._.stage_errors`` and leaves the other stages' results as
they are; a stage that would start after the document's time budget (counted from the first
newsledger stage) is skipped and named in ``doc._.skipped``.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from newsledger.actors.index import ActorIndex
from newsledger.document.regions import speaker_label, wire_dateline
from newsledger.events.extract import extract_events
from newsledger.nlp.extensions import register_extensions
from newsledger.quotes.extract import extract_quotes
from newsledger.quotes.transcripts import merge_quotes, transcript_quotes
from newsledger.records import Document

register_extensions()

PARAGRAPHS = "newsledger_paragraphs"
ACTORS = "newsledger_actors"
QUOTES = "newsledger_quotes"
EVENTS = "newsledger_events"
STAGES: tuple[str, ...] = (ACTORS, QUOTES, EVENTS)
"""The newsledger components in pipeline order (after the model's own components)."""


class Stage:
    """Shared ``__call__``: budget check, compute, set annotations, failure isolation."""

    name: str

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        if doc._.document is None:
            raise ValueError(f"{self.name}: doc._.document is not set; run documents through "
                             "newsledger.pipeline.analyze_documents")
        if doc._.deadline is None and doc._.budget is not None:
            doc._.deadline = time.monotonic() + doc._.budget
        if doc._.deadline is not None and time.monotonic() > doc._.deadline:
            doc._.skipped = [*(doc._.skipped or []), self.name]
            return doc
        try:
            result = self.compute(doc)
        except Exception as e:  # a stage's failure must not lose the other stages' results
            doc._.stage_errors = {**(doc._.stage_errors or {}),
                                  self.name: f"{type(e).__name__}: {e}"}
            return doc
        self.set_annotations(doc, result)
        return doc

    def compute(self, doc: Doc) -> Any:
        raise NotImplementedError

    def set_annotations(self, doc: Doc, result: Any) -> None:
        raise NotImplementedError


@Language.factory(PARAGRAPHS, requires=[], assigns=["token.is_sent_start"],
                  default_config={"min_newlines": 2})
class ParagraphStarts:
    """A blank line starts a sentence. Placed before the parser, which keeps preset
    boundaries: otherwise a headline or caption is parsed as one sentence with the lead
    below it, and its subject becomes the speaker or actor of the lead's verbs."""

    def __init__(self, nlp: Language, name: str, min_newlines: int) -> None:
        self.name = name
        self.min_newlines = min_newlines

    def __call__(self, doc: Doc) -> Doc:
        starts = [0]
        for tok in doc[:-1]:
            if tok.is_space and tok.text.count("\n") >= self.min_newlines:
                nxt = doc[tok.i + 1]
                if not nxt.is_space:
                    nxt.is_sent_start = True
                    starts.append(nxt.i)
        text = doc.text
        for i in starts:
            after = _after_opening(doc, text, i)
            if after is not None:
                doc[after].is_sent_start = True
        return doc


def _after_opening(doc: Doc, text: str, start: int) -> int | None:
    """The first token after the wire dateline or the transcript's speaker label opening
    the paragraph at ``start``, if any: parsed with the lead, the dateline's place or the
    label's name becomes a party to the lead's first sentence."""
    end = wire_dateline(text, doc[start].idx) or speaker_label(text, doc[start].idx)
    if end is None:
        return None
    span = doc.char_span(end, end + 1, alignment_mode="expand")
    return span.start if span is not None and span.start > start else None


def document_actors(doc: Doc) -> ActorIndex:
    """The actors stage's index, or an empty one when that stage failed or was skipped."""
    return doc._.actors if doc._.actors is not None else ActorIndex(doc._.document)


@Language.factory(ACTORS, requires=["doc.ents", "token.dep", "token.tag"],
                  assigns=["doc._.actors"], default_config={})
class ActorStage(Stage):
    """People, organizations, states, groups and anonymous sources of the document."""

    def compute(self, doc: Doc) -> ActorIndex:
        return ActorIndex.from_doc(doc, doc._.document)

    def set_annotations(self, doc: Doc, result: ActorIndex) -> None:
        doc._.actors = result


@Language.factory(QUOTES, requires=["doc._.actors", "token.dep", "doc.sents"],
                  assigns=["doc._.quotes"], default_config={"transcript_turns": True})
class QuoteStage(Stage):
    """Quotations and their speakers; in transcripts, readouts and statements, the issuer's
    turns and statements too (``transcript_turns``)."""

    def __init__(self, nlp: Language, name: str, transcript_turns: bool) -> None:
        super().__init__(nlp, name)
        self.transcript_turns = transcript_turns

    def compute(self, doc: Doc) -> list:
        document: Document = doc._.document
        actors = document_actors(doc)
        quotes = extract_quotes(doc, document, actors)
        if self.transcript_turns and document.kind != "news":
            quotes = merge_quotes(quotes, transcript_quotes(document, actors))
        return quotes

    def set_annotations(self, doc: Doc, result: list) -> None:
        doc._.quotes = result


@Language.factory(EVENTS, requires=["doc._.actors", "doc._.quotes", "token.dep"],
                  assigns=["doc._.events"], default_config={"strict": True})
class EventStage(Stage):
    """PLOVER events with their actors, modality, date, place and quantities. ``strict``
    (the ledger's rule) drops mentions without the actors their type needs; a task that
    supplies the actor pair itself (PLOVER sentence coding) turns it off."""

    def __init__(self, nlp: Language, name: str, strict: bool) -> None:
        super().__init__(nlp, name)
        self.strict = strict

    def compute(self, doc: Doc) -> list:
        return extract_events(doc, doc._.document, document_actors(doc), doc._.quotes or [],
                              strict=self.strict)

    def set_annotations(self, doc: Doc, result: list) -> None:
        doc._.events = result


def add_stages(nlp: Language, config: dict[str, dict[str, Any]] | None = None) -> Language:
    """Append the newsledger components that ``nlp`` does not have yet, in order."""
    config = config or {}
    if PARAGRAPHS not in nlp.pipe_names:
        where = {"before": "parser"} if "parser" in nlp.pipe_names else {"first": True}
        nlp.add_pipe(PARAGRAPHS, config=config.get(PARAGRAPHS, {}), **where)
    for name in STAGES:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name, config=config.get(name, {}))
    return nlp


@contextmanager
def configured(nlp: Language, name: str, **settings: Any) -> Iterator[Language]:
    """Run ``nlp`` with some of one component's settings changed, restored afterwards
    (e.g. the quotation stage without transcript turns, for stage-only evaluation)."""
    component = nlp.get_pipe(name)
    saved = {key: getattr(component, key) for key in settings}
    for key, value in settings.items():
        setattr(component, key, value)
    try:
        yield nlp
    finally:
        for key, value in saved.items():
            setattr(component, key, value)
