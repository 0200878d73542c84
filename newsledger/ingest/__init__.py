"""Readers: every supported input becomes ``Document`` records (or a ``ReadError`` per bad item)."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from newsledger.errors import ReadError
from newsledger.records import Document
from newsledger.settings import Settings

__all__ = ["read_path", "read_paths"]


def read_path(path: str, settings: Settings | None = None) -> Iterator[Document | ReadError]:
    """Documents from one path (file, directory, or ``-`` for stdin); errors are yielded, not raised."""
    settings = settings or Settings()
    if path == "-":
        text = sys.stdin.read()
        yield Document(text=text, source="<stdin>", title=text.split("\n", 1)[0].strip() or None)
        return
    p = Path(path)
    if not p.exists():
        yield ReadError(path, "no such file or directory")
        return
    text = p.read_text(encoding="utf-8")
    yield Document(text=text, source=str(p), title=text.split("\n", 1)[0].strip() or None)


def read_paths(paths: Iterable[str], settings: Settings | None = None) -> Iterator[Document | ReadError]:
    for path in paths:
        yield from read_path(path, settings)
