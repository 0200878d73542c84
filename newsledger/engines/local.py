"""Single-process ingest: read, skip what is stored, analyze in batches, commit per batch."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from newsledger.errors import ReadError
from newsledger.ledger import connect, known_ids, write_analyses
from newsledger.pipeline import analyze_documents, prepare
from newsledger.records import Document
from newsledger.settings import Settings

log = logging.getLogger(__name__)


@dataclass
class IngestReport:
    read: int = 0
    stored: int = 0
    duplicates: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)


def _batches(items: Iterable[Document], size: int) -> Iterator[list[Document]]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def ingest(
    documents: Iterable[Document | ReadError],
    db: str | Path,
    settings: Settings | None = None,
    on_error: Callable[[str], None] | None = None,
    on_progress: Callable[[int], None] | None = None,
) -> IngestReport:
    """Analyze and store documents; one bad document never stops the batch."""
    settings = settings or Settings()
    report = IngestReport()
    conn = connect(db)

    def good_documents() -> Iterator[Document]:
        for item in documents:
            if isinstance(item, ReadError):
                report.failed += 1
                report.errors.append(str(item))
                if on_error:
                    on_error(str(item))
                continue
            report.read += 1
            yield item

    try:
        for batch in _batches(good_documents(), settings.batch_size):
            stored = known_ids(conn, (d.id for d in batch))
            seen: set[str] = set()
            fresh = []
            for doc in batch:
                if doc.id in stored or doc.id in seen:
                    report.duplicates += 1
                else:
                    seen.add(doc.id)
                    fresh.append(prepare(doc))
            analyses = list(analyze_documents(fresh, settings=settings))
            report.stored += write_analyses(conn, analyses)
            if on_progress:
                on_progress(len(batch))
    finally:
        conn.close()
    return report
