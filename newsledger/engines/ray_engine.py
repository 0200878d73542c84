"""Ray Data: ``map_batches`` over an actor pool, the model loaded once per actor.

Documents travel as pickled ``to_dict`` records in a binary column and come back the same
way, so no spaCy object leaves an actor; the driver rebuilds the analyses and writes them
through the one ledger writer. Documents are sent in waves (a Dataset each), which keeps the
driver's memory bounded on very large runs; each wave starts its actor pool afresh.
"""

from __future__ import annotations

import logging
import os
import pickle
import warnings
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager
from dataclasses import asdict
from itertools import islice
from typing import Any

from newsledger.errors import NewsledgerError
from newsledger.records import Analysis, Document
from newsledger.settings import Settings

log = logging.getLogger(__name__)

WAVE_DOCUMENTS = 4096
"""Documents per Dataset: bounds the driver's memory; each wave reloads the model per actor."""


class _Analyzer:
    """A Ray actor: loads the model once, analyzes batches of pickled documents."""

    SETTINGS: dict[str, Any] = {}

    def __init__(self) -> None:
        from newsledger.nlp.model import load_nlp

        self.settings = Settings(**self.SETTINGS)
        self.nlp = load_nlp()

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[bytes]]:
        from newsledger.engines.local import analyze_batch

        documents = [Document.from_dict(pickle.loads(x)) for x in batch["document"]]
        analyses = analyze_batch(documents, nlp=self.nlp, settings=self.settings)
        return {"analysis": [pickle.dumps(a.to_dict()) for a in analyses]}


def _analyzer_class(settings: dict[str, Any]) -> type[_Analyzer]:
    """The actor class with the settings baked in (pickled by value with the class, so no
    constructor argument has to live in the object store)."""
    return type("Analyzer", (_Analyzer,), {"SETTINGS": settings})


class RayEngine(AbstractContextManager):
    """Starts (or joins, with ``address``) a Ray cluster and shuts down what it started."""

    def __init__(self, workers: int, settings: Settings, address: str | None = None) -> None:
        self.workers = workers
        self.settings = settings
        self.address = address
        self._started = False

    def __enter__(self) -> RayEngine:
        os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")  # offline and quiet
        os.environ.setdefault("RAY_DEDUP_LOGS", "0")
        import ray
        import ray.data

        for name in ("ray", "ray.data"):  # after importing ray.data, which configures its own
            logging.getLogger(name).setLevel(logging.ERROR)
        if not ray.is_initialized():
            kwargs: dict[str, Any] = {
                "include_dashboard": False, "log_to_driver": False,
                "logging_level": logging.ERROR, "configure_logging": True,
            }
            if self.address:
                kwargs["address"] = self.address
            else:
                kwargs["num_cpus"] = self.workers
            try:
                ray.init(**kwargs)
            except (ConnectionError, RuntimeError, ValueError) as e:
                where = self.address or "a local cluster"
                raise NewsledgerError(f"cannot start Ray on {where}: {e}") from e
            self._started = True
        with warnings.catch_warnings():  # deprecation notices about options we do not use
            warnings.simplefilter("ignore")
            context = ray.data.DataContext.get_current()
        context.enable_progress_bars = False
        context.print_on_execution_start = False
        return self

    def __exit__(self, *exc: object) -> None:
        if self._started:
            import ray

            ray.shutdown()
            self._started = False

    def map(self, batches: Iterable[list[Document]]) -> Iterator[list[Analysis]]:
        import ray

        analyzer = _analyzer_class(asdict(self.settings))
        documents = (d for batch in batches for d in batch)
        while wave := list(islice(documents, WAVE_DOCUMENTS)):
            rows = [{"document": pickle.dumps(d.to_dict())} for d in wave]
            blocks = _blocks(len(rows), self)
            dataset = ray.data.from_items(rows, override_num_blocks=blocks)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                results = dataset.map_batches(
                    analyzer, batch_size=self.settings.batch_size, num_cpus=1,
                    batch_format="numpy",
                    compute=ray.data.ActorPoolStrategy(size=min(self.workers, blocks)),
                    max_restarts=0,  # a lost actor fails the run; running it again resumes
                )
            for out in results.iter_batches(batch_size=self.settings.batch_size,
                                            batch_format="numpy"):
                yield [Analysis.from_dict(pickle.loads(x)) for x in out["analysis"]]


def _blocks(rows: int, engine: RayEngine) -> int:
    """Enough blocks to keep every actor busy, each at least one batch."""
    return max(1, min(rows // engine.settings.batch_size + 1, 4 * engine.workers))
