"""A local process pool: each worker loads the model once and returns plain dicts.

Documents go out and analyses come back as ``to_dict`` records (never spaCy objects); the
main process rebuilds them and is the only one that writes to the ledger. A worker that dies
(segfault, out of memory) is replaced; the documents of its batch are retried one by one,
and one that kills a worker on its own is stored without records, flagged in its meta.
"""

from __future__ import annotations

import logging
import multiprocessing
import signal
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import AbstractContextManager
from dataclasses import asdict
from typing import Any

from newsledger.nlp.model import load_nlp
from newsledger.pipeline import analyze_batch
from newsledger.records import Analysis, Document
from newsledger.settings import Settings

log = logging.getLogger(__name__)

_worker: dict[str, Any] = {}


def _die_with_parent() -> None:
    """Ask Linux to kill this worker when the main process dies (SIGKILL included)."""
    try:
        import ctypes

        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _init(settings: dict[str, Any]) -> None:
    _die_with_parent()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's to handle

    _worker["settings"] = Settings(**settings)
    _worker["nlp"] = load_nlp()


def _work(payload: list[dict[str, Any]]) -> list[dict[str, Any]]:
    documents = [Document.from_dict(d) for d in payload]
    analyses = analyze_batch(documents, nlp=_worker["nlp"], settings=_worker["settings"])
    return [a.to_dict() for a in analyses]


class PoolEngine(AbstractContextManager):
    """``workers`` processes, at most two batches in flight per worker, results in order."""

    def __init__(self, workers: int, settings: Settings) -> None:
        self.workers = workers
        self.settings = settings
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> PoolEngine:
        self._pool = self._new_pool()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=exc[0] is None, cancel_futures=True)
            self._pool = None

    def _new_pool(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=self.workers, mp_context=multiprocessing.get_context("spawn"),
            initializer=_init, initargs=(asdict(self.settings),),
        )

    def _submit(self, batch: list[Document]) -> Future:
        assert self._pool is not None
        return self._pool.submit(_work, [d.to_dict() for d in batch])

    def map(self, batches: Iterable[list[Document]]) -> Iterator[list[Analysis]]:
        pending: deque[tuple[list[Document], Future]] = deque()
        for batch in batches:
            pending.append((batch, self._submit(batch)))
            if len(pending) >= 2 * self.workers:
                yield self._collect(pending)
        while pending:
            yield self._collect(pending)

    def _collect(self, pending: deque[tuple[list[Document], Future]]) -> list[Analysis]:
        batch, future = pending.popleft()
        try:
            return [Analysis.from_dict(d) for d in future.result()]
        except BrokenProcessPool:
            log.warning("a worker died; retrying its batch of %d documents one by one", len(batch))
            self._restart(pending)
            return [self._one(document, pending) for document in batch]

    def _one(self, document: Document,
             pending: deque[tuple[list[Document], Future]]) -> Analysis:
        try:
            return Analysis.from_dict(self._submit([document]).result()[0])
        except BrokenProcessPool:
            log.warning("%s: a worker died analyzing it; stored without records",
                        document.source)
            self._restart(pending)
            document.meta["analysis_error"] = "worker process died"
            return Analysis(document=document)

    def _restart(self, pending: deque[tuple[list[Document], Future]]) -> None:
        """Replace the broken pool and resubmit the batches that were in flight."""
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
        self._pool = self._new_pool()
        for i, (batch, _) in enumerate(pending):
            pending[i] = (batch, self._submit(batch))
