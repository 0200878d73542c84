"""The reader registry: a dict from file suffix to reader, filled by the ``@reader`` decorator.

Readers take the raw bytes of one file and yield ``Document`` records or ``ReadError``s; the
checks every file gets (size, emptiness, binary content) happen before, in ``read_path``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from newsledger.errors import ReadError
from newsledger.records import Document
from newsledger.settings import Settings

Reader = Callable[[bytes, str, Settings], Iterator[Document | ReadError]]

READERS: dict[str, Reader] = {}


def reader(*suffixes: str) -> Callable[[Reader], Reader]:
    """Register a reader for file suffixes (lower case, with the dot)."""

    def register(func: Reader) -> Reader:
        for suffix in suffixes:
            READERS[suffix.lower()] = func
        return func

    return register


def reader_for(suffix: str) -> Reader | None:
    return READERS.get(suffix.lower())
