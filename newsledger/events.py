"""PLOVER events with source, target, modality, date, place and quantities."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsledger.actors import ActorIndex
from newsledger.records import Document, Event, Quote

if TYPE_CHECKING:
    from spacy.tokens import Doc


def extract_events(
    parsed: Doc, document: Document, actors: ActorIndex, quotes: list[Quote]
) -> list[Event]:
    return []
