"""Plain text (``.txt``): stored verbatim, so offsets index the input exactly; line one is the title."""

from __future__ import annotations

from collections.abc import Iterator

from newsledger.errors import ReadError
from newsledger.ingest.decode import decode
from newsledger.ingest.registry import reader
from newsledger.records import Document
from newsledger.settings import Settings


def first_line(text: str) -> str | None:
    """The first non-blank line, stripped: a plain-text document's title."""
    for line in text.splitlines():
        if line.strip():
            return line.strip()
    return None


@reader(".txt", ".text")
def read_text(data: bytes, source: str, settings: Settings) -> Iterator[Document | ReadError]:
    text, encoding = decode(data, source)
    if not text.strip():
        yield ReadError(source, "empty file (no text after decoding)")
        return
    meta: dict[str, object] = {"reader": "text"}
    if encoding != "utf-8":
        meta["encoding"] = encoding
    yield Document(text=text, source=source, title=first_line(text), meta=meta)
