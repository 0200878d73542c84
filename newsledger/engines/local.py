"""The ingest driver: read, skip what is stored before parsing it, analyze with an engine, and
commit each batch in one transaction from this process, the only writer.

Documents are keyed by the hash of their text and inserted with INSERT OR IGNORE, and a batch
is one transaction, so a run killed at any point (SIGKILL included) loses at most the batches
in flight; running the same command again skips what is stored and finishes the rest.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from itertools import chain, islice
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from newsledger.engines.ray_engine import RayEngine
from newsledger.engines.workers import PoolEngine
from newsledger.errors import NewsledgerError, ReadError
from newsledger.incidents import link_new
from newsledger.ingest.registry import reader_for
from newsledger.ledger import connect, known_ids, write_analyses
from newsledger.pipeline import analyze_batch
from newsledger.records import Analysis, Document
from newsledger.settings import Settings

if TYPE_CHECKING:
    pass

log = logging.getLogger(__name__)

ENGINES = ("local", "ray")


@dataclass
class IngestReport:
    read: int = 0
    stored: int = 0
    duplicates: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)


class Engine(Protocol):
    """Turns batches of fresh documents into their analyses, batch for batch."""

    def map(self, batches: Iterable[list[Document]]) -> Iterator[list[Analysis]]: ...


class InlineEngine(AbstractContextManager):
    """One process: the model is loaded here and batches are analyzed as they come."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def map(self, batches: Iterable[list[Document]]) -> Iterator[list[Analysis]]:
        for batch in batches:
            yield analyze_batch(batch, settings=self.settings)

    def __exit__(self, *exc: object) -> None:
        return None


def default_workers() -> int:
    return os.cpu_count() or 1


def ingest(
    documents: Iterable[Document | ReadError],
    db: str | Path,
    settings: Settings | None = None,
    on_error: Callable[[str], None] | None = None,
    on_progress: Callable[[int], None] | None = None,
    *,
    workers: int = 1,
    engine: str = "local",
    address: str | None = None,
) -> IngestReport:
    """Analyze and store documents; one bad document never stops the batch.

    ``workers`` > 1 analyzes in a local process pool (started only when there is more than
    one batch to do); ``engine="ray"`` uses Ray Data on a local or existing (``address``)
    cluster. Either way results come back here and are written batch by batch.
    """
    if engine not in ENGINES:
        raise NewsledgerError(f"unknown engine {engine!r}; choose {' or '.join(ENGINES)}")
    if workers < 1:
        raise NewsledgerError(f"--workers {workers}: need at least 1")
    settings = settings or Settings()
    report = IngestReport()
    conn = connect(db)
    try:
        batches = _fresh_batches(documents, conn, settings.batch_size, report, on_error,
                                 on_progress)
        runner, batches = _start(engine, workers, address, settings, batches)
        with runner:
            for analyses in runner.map(batches):
                report.stored += _write(conn, analyses, report, on_error)
                link_new(conn)  # attach the batch's events to incidents (committed per batch)
                if on_progress:
                    on_progress(len(analyses))
    finally:
        conn.close()
    return report


def _write(conn: sqlite3.Connection, analyses: list[Analysis], report: IngestReport,
           on_error: Callable[[str], None] | None) -> int:
    """Write a batch in one transaction; should the ledger refuse it, write its documents one
    by one, so one record the ledger cannot take never rolls back the others."""
    try:
        return write_analyses(conn, analyses)
    except (sqlite3.Error, ValueError, TypeError, OverflowError):
        log.warning("a batch of %d could not be written; writing it one by one", len(analyses))
    stored = 0
    for analysis in analyses:
        try:
            stored += write_analyses(conn, [analysis])
        except (sqlite3.Error, ValueError, TypeError, OverflowError) as e:
            message = (f"{analysis.document.source}: not stored, the ledger refused it "
                       f"({type(e).__name__}: {' '.join(str(e).split())[:150]})")
            report.failed += 1
            report.errors.append(message)
            if on_error:
                on_error(message)
    return stored


def _start(engine: str, workers: int, address: str | None, settings: Settings,
           batches: Iterator[list[Document]]) -> tuple[AbstractContextManager, Iterator]:
    if engine == "ray":
        return RayEngine(workers, settings, address=address), batches
    if workers == 1:
        return InlineEngine(settings), batches
    head = list(islice(batches, 2))  # a pool (one model per worker) pays off from two batches
    rest = chain(head, batches)
    if len(head) < 2:
        return InlineEngine(settings), rest
    return PoolEngine(workers, settings), rest


def _fresh_batches(
    items: Iterable[Document | ReadError],
    conn: sqlite3.Connection,
    size: int,
    report: IngestReport,
    on_error: Callable[[str], None] | None,
    on_progress: Callable[[int], None] | None,
) -> Iterator[list[Document]]:
    """Batches of documents neither stored nor seen earlier in this run.

    Read errors and skipped documents are counted (and shown as progress) here, before any
    parsing, so a resumed run moves quickly through what an earlier run stored.
    """
    seen: set[str] = set()
    it = iter(items)
    while chunk := list(islice(it, size)):
        documents = []
        for item in chunk:
            if isinstance(item, ReadError):
                report.failed += 1
                report.errors.append(str(item))
                if on_error:
                    on_error(str(item))
            else:
                report.read += 1
                documents.append(item)
        stored = known_ids(conn, (d.id for d in documents))
        fresh = []
        for document in documents:
            if document.id in stored or document.id in seen:
                report.duplicates += 1
            else:
                seen.add(document.id)
                fresh.append(document)
        if on_progress and len(chunk) > len(fresh):
            on_progress(len(chunk) - len(fresh))
        if fresh:
            yield fresh


def count_inputs(paths: Iterable[str]) -> int | None:
    """How many documents (or read errors) these paths will yield, counted cheaply for a
    progress total: files a reader accepts, lines of JSON Lines files; None for stdin."""
    total = 0
    for path in paths:
        if path == "-":
            return None
        p = Path(path)
        if p.is_dir():
            for f in p.rglob("*"):
                rel = f.relative_to(p).parts
                if f.is_file() and not any(part.startswith(".") for part in rel) \
                        and reader_for(f.suffix) is not None:
                    total += _count_file(f)
        else:
            total += _count_file(p)
    return total


def _count_file(path: Path) -> int:
    if path.suffix.lower() in (".jsonl", ".ndjson") and path.is_file():  # never open a FIFO
        try:
            with path.open("rb") as handle:
                return sum(1 for line in handle if line.strip())
        except OSError:
            return 1
    return 1
