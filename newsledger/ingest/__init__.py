"""Readers: every supported input becomes ``Document`` records (or a ``ReadError`` per bad item).

``read_path`` handles a file, a directory (recursively, by type; hidden files skipped) or
``-`` for stdin. Every file is checked for size, emptiness and binary content before its
reader runs, and a reader's failure becomes a one-line ``ReadError``: never a traceback, and
the rest of the batch goes on.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from newsledger.errors import ReadError
from newsledger.ingest import feed, html, jsonl, markdown, text  # noqa: F401  (registers readers)
from newsledger.ingest.decode import looks_binary
from newsledger.ingest.registry import READERS, reader_for
from newsledger.records import Document
from newsledger.settings import Settings

__all__ = ["READERS", "read_path", "read_paths", "supported_suffixes"]

log = logging.getLogger(__name__)

STDIN = "<stdin>"


def supported_suffixes() -> list[str]:
    return sorted(READERS)


def read_path(path: str, settings: Settings | None = None) -> Iterator[Document | ReadError]:
    """Documents from one path (file, directory, or ``-`` for stdin); errors are yielded, not raised."""
    settings = settings or Settings()
    if path == "-":
        stream = getattr(sys.stdin, "buffer", None)
        data = stream.read() if stream is not None else sys.stdin.read().encode("utf-8")
        yield from _read_bytes(data, STDIN, ".txt", settings)
        return
    p = Path(path)
    if p.is_dir():
        yield from _read_directory(p, settings)
    elif p.exists():
        yield from _read_file(p, settings, explicit=True)
    else:
        yield ReadError(path, "no such file or directory")


def read_paths(paths: Iterable[str], settings: Settings | None = None) -> Iterator[Document | ReadError]:
    """Documents from several paths, in order."""
    settings = settings or Settings()
    for path in paths:
        yield from read_path(path, settings)


def _read_directory(root: Path, settings: Settings) -> Iterator[Document | ReadError]:
    """Files under ``root`` in sorted order, by type; hidden files and directories skipped."""
    problems: list[OSError] = []
    for folder, dirnames, filenames in os.walk(root, onerror=problems.append):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for problem in problems:
            yield ReadError(str(problem.filename or folder),
                            f"cannot read directory ({problem.strerror or problem})")
        problems.clear()
        for name in sorted(filenames):
            path = Path(folder) / name
            if name.startswith(".") or not path.is_file():
                continue
            if reader_for(path.suffix) is None:
                log.debug("%s: skipped (no reader for %r)", path, path.suffix)
                continue
            yield from _read_file(path, settings, explicit=False)
    for problem in problems:
        yield ReadError(str(problem.filename or root),
                        f"cannot read directory ({problem.strerror or problem})")


def _read_file(path: Path, settings: Settings, explicit: bool) -> Iterator[Document | ReadError]:
    source = str(path)
    suffix = path.suffix.lower() or ".txt"
    if reader_for(suffix) is None:
        yield ReadError(source, f"unsupported file type {path.suffix!r} "
                                f"(supported: {', '.join(supported_suffixes())})")
        return
    try:
        size = path.stat().st_size
        if size > settings.max_bytes:
            yield ReadError(source, f"file too large ({size:,} bytes; the limit is "
                                    f"{settings.max_bytes:,}, see --max-bytes)")
            return
        data = path.read_bytes()
    except OSError as e:
        yield ReadError(source, f"cannot read ({e.strerror or e})")
        return
    yield from _read_bytes(data, source, suffix, settings)


def _read_bytes(data: bytes, source: str, suffix: str,
                settings: Settings) -> Iterator[Document | ReadError]:
    if len(data) > settings.max_bytes:
        yield ReadError(source, f"input too large ({len(data):,} bytes; the limit is "
                                f"{settings.max_bytes:,}, see --max-bytes)")
        return
    if not data.strip():
        yield ReadError(source, "empty file" if not data else "empty file (only whitespace)")
        return
    binary = looks_binary(data)
    if binary:
        yield ReadError(source, binary)
        return
    read = reader_for(suffix)
    assert read is not None
    try:
        yield from read(data, source, settings)
    except ReadError as e:
        yield e
    except Exception as e:  # a reader bug or a library error must not stop the batch
        reason = " ".join(str(e).split())[:200]
        yield ReadError(source, f"could not read ({type(e).__name__}: {reason})")
