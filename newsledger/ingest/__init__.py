"""Readers: every supported input becomes ``Document`` records (or a ``ReadError`` per bad item).

``read_path`` handles a file, a directory (recursively, by type; hidden files skipped) or
``-`` for stdin. This module is the reader boundary, the one place that decides what may be
read and turns any failure into a one-line ``ReadError`` for that unit while the rest goes on:

- every source (file, stdin, device) is read with a bound: at most ``max_bytes`` + 1 bytes
  are ever read, so ``/dev/zero`` or an endless pipe is refused as too large;
- only regular files are opened (without blocking), so a FIFO, socket or device named on the
  command line is refused with one line instead of hanging; stdin (``-``) is the way to pipe;
- symbolic links inside an input folder are followed only when their target stays inside
  that folder (files and folders alike); one leading outside is reported, not read. A path
  named on the command line is read as given;
- text fields are made storable: lone surrogates (from ``\\ud800`` in JSON, or undecodable
  file names) become U+FFFD, one character for one, so offsets do not move.
"""

from __future__ import annotations

import logging
import os
import stat
import sys
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import BinaryIO

from newsledger.errors import ReadError
from newsledger.ingest import feed, html, jsonl, markdown, text  # noqa: F401  (registers readers)
from newsledger.ingest.decode import looks_binary
from newsledger.ingest.registry import READERS, reader_for
from newsledger.ingest.sanitize import sanitize
from newsledger.records import Document, content_id
from newsledger.settings import Settings

__all__ = ["READERS", "read_path", "read_paths", "sanitize", "supported_suffixes"]

log = logging.getLogger(__name__)

STDIN = "<stdin>"
READ_CHUNK = 1 << 20
"""Bytes per read call when reading a stream with a bound."""
_FILE_KINDS = ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"),
               (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
               (stat.S_ISDIR, "a directory"))


def supported_suffixes() -> list[str]:
    return sorted(READERS)


def _storable(document: Document) -> Document:
    """The document with every text field encodable; its id follows its (sanitized) text."""
    fields = ("text", "source", "title", "url", "author", "site", "meta")
    changed = {f: sanitize(getattr(document, f)) for f in fields}
    if document.published is not None:
        changed["published"] = replace(document.published,
                                       evidence=sanitize(document.published.evidence))
    if changed["text"] != document.text:
        changed["id"] = content_id(changed["text"])
    return replace(document, **changed)


def read_path(path: str, settings: Settings | None = None) -> Iterator[Document | ReadError]:
    """Documents from one path (file, directory, or ``-`` for stdin); errors are yielded, not raised."""
    settings = settings or Settings()
    for item in _read_path(path, settings):
        if isinstance(item, Document):
            try:
                item = _storable(item)
            except Exception as e:  # one document never stops the batch
                item = ReadError(sanitize(item.source), f"could not read ({type(e).__name__})")
        yield item


def _read_path(path: str, settings: Settings) -> Iterator[Document | ReadError]:
    if path == "-":
        stream = getattr(sys.stdin, "buffer", None)
        if stream is None:  # a text stream (tests, embedding): bounded by characters
            data = sys.stdin.read(settings.max_bytes + 1).encode("utf-8", "surrogatepass")
        else:
            data = _read_bounded(stream, settings.max_bytes)
        yield from _read_bytes(data, STDIN, ".txt", settings)
        return
    p = Path(path)
    if p.is_dir():
        yield from _read_directory(p, settings)
    elif p.exists() or p.is_symlink():
        yield from _read_file(p, settings)
    else:
        yield ReadError(path, "no such file or directory")


def read_paths(paths: Iterable[str], settings: Settings | None = None) -> Iterator[Document | ReadError]:
    """Documents from several paths, in order."""
    settings = settings or Settings()
    for path in paths:
        yield from read_path(path, settings)


def _inside(path: Path, root: Path) -> bool:
    try:
        return path.resolve().is_relative_to(root)
    except (OSError, RuntimeError):  # a link loop
        return False


def _read_directory(root: Path, settings: Settings) -> Iterator[Document | ReadError]:
    """Files under ``root`` in sorted order, by type; hidden files and directories skipped;
    links followed only while they stay inside ``root`` (each real folder walked once)."""
    problems: list[OSError] = []
    real_root = root.resolve()
    walked: set[Path] = {real_root}
    for folder, dirnames, filenames in os.walk(root, onerror=problems.append, followlinks=True):
        for problem in problems:
            yield ReadError(str(problem.filename or folder),
                            f"cannot read directory ({problem.strerror or problem})")
        problems.clear()
        keep = []
        for name in sorted(d for d in dirnames if not d.startswith(".")):
            sub = Path(folder) / name
            if not sub.is_symlink():
                keep.append(name)
            elif not _inside(sub, real_root):
                yield ReadError(str(sub), "symbolic link leads outside the input folder;"
                                          " not followed")
            elif sub.resolve() not in walked:
                walked.add(sub.resolve())
                keep.append(name)
        dirnames[:] = keep
        for name in sorted(filenames):
            path = Path(folder) / name
            if name.startswith(".") or reader_for(path.suffix) is None:
                if not name.startswith("."):
                    log.debug("%s: skipped (no reader for %r)", path, path.suffix)
                continue
            if path.is_symlink() and not _inside(path, real_root):
                yield ReadError(str(path), "symbolic link leads outside the input folder;"
                                           " not followed")
                continue
            yield from _read_file(path, settings)
    for problem in problems:
        yield ReadError(str(problem.filename or root),
                        f"cannot read directory ({problem.strerror or problem})")


def _read_bounded(stream: BinaryIO, limit: int) -> bytes:
    """At most ``limit`` + 1 bytes: one more than allowed tells the caller it is too large."""
    chunks: list[bytes] = []
    left = limit + 1
    while left > 0:
        chunk = stream.read(min(READ_CHUNK, left))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def _too_large(source: str, size: int | None, settings: Settings) -> ReadError:
    if size is None:  # a stream: only its first limit + 1 bytes were read
        return ReadError(source, f"input too large (more than the limit of "
                                 f"{settings.max_bytes:,} bytes, see --max-bytes)")
    return ReadError(source, f"input too large ({size:,} bytes; the limit is "
                             f"{settings.max_bytes:,}, see --max-bytes)")


def _not_regular(source: str, mode: int) -> ReadError | None:
    if stat.S_ISREG(mode):
        return None
    kind = next((name for test, name in _FILE_KINDS if test(mode)), "not a regular file")
    return ReadError(source, f"not a regular file ({kind}); use - to read a stream")


def _read_file(path: Path, settings: Settings) -> Iterator[Document | ReadError]:
    source = str(path)
    suffix = path.suffix.lower() or ".txt"
    if reader_for(suffix) is None:
        yield ReadError(source, f"unsupported file type {path.suffix!r} "
                                f"(supported: {', '.join(supported_suffixes())})")
        return
    try:
        refused = _not_regular(source, os.stat(path).st_mode)
        if refused is not None:  # a socket cannot even be opened; a FIFO would block
            yield refused
            return
        # O_NONBLOCK: should it have become a FIFO since, opening must not wait for a writer
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as e:
        yield ReadError(source, f"cannot read ({e.strerror or e})")
        return
    try:
        with os.fdopen(fd, "rb") as handle:
            info = os.fstat(handle.fileno())
            refused = _not_regular(source, info.st_mode)
            if refused is not None:
                yield refused
                return
            if info.st_size > settings.max_bytes:
                yield _too_large(source, info.st_size, settings)
                return
            data = _read_bounded(handle, settings.max_bytes)
    except OSError as e:
        yield ReadError(source, f"cannot read ({e.strerror or e})")
        return
    yield from _read_bytes(data, source, suffix, settings)


def _read_bytes(data: bytes, source: str, suffix: str,
                settings: Settings) -> Iterator[Document | ReadError]:
    if len(data) > settings.max_bytes:
        yield _too_large(source, None, settings)
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
    produced = False
    try:
        for item in read(data, source, settings):
            produced = True
            yield item
        if not produced:  # every input gives a document or says why not: nothing is silent
            yield ReadError(source, "no documents in the file (no text after decoding)")
    except ReadError as e:
        yield e
    except Exception as e:  # a reader bug or a library error must not stop the batch
        reason = " ".join(str(e).split())[:200]
        yield ReadError(source, f"could not read ({type(e).__name__}: {reason})")
