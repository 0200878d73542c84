"""Quotations and their speakers (filled in by the quotation stage)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsledger.actors import ActorIndex
from newsledger.records import Document, Quote

if TYPE_CHECKING:
    from spacy.tokens import Doc


def extract_quotes(parsed: Doc, document: Document, actors: ActorIndex) -> list[Quote]:
    return []
