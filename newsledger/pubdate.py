"""Publication dates with their provenance: metadata, html, text or given."""

from __future__ import annotations

from newsledger.records import Document, Published


def infer_published(document: Document) -> Published | None:
    return None
