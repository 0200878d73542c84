"""Splitting a document into title, deck, body, caption, byline and boilerplate regions."""

from __future__ import annotations

from newsledger.records import Document, Region


def segment(document: Document) -> list[Region]:
    text = document.text
    first = text.find("\n")
    first = len(text) if first < 0 else first
    regions = [Region("title", 0, first)] if first else []
    if first < len(text):
        regions.append(Region("body", first, len(text)))
    return regions
