"""Ray: a pool of actors, the model loaded once per actor, batches written as they complete.

Each batch goes to an actor as pickled ``to_dict`` records and comes back the same way, so
no spaCy object leaves an actor; the driver rebuilds the analyses and writes them through
the one ledger writer as soon as each batch is back (at most two batches in flight per
actor, like the local pool), so a run killed at any point loses only the batches in flight.
Actor processes ask Linux to kill them when their parent dies, and a reaper process ends
the rest of a local cluster this run started (Ray's agents outlive a killed driver by
minutes otherwise), so nothing Ray started for this run outlives it. Ray is optional (``pip install 'newsledger[ray]'``) and imported only
here, only when this engine is chosen.
"""

from __future__ import annotations

import logging
import os
import pickle
import subprocess
import sys
import warnings
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager
from dataclasses import asdict
from pathlib import Path
from typing import Any

from newsledger.engines import reaper
from newsledger.engines.workers import _die_with_parent
from newsledger.errors import NewsledgerError
from newsledger.nlp.model import load_nlp
from newsledger.pipeline import analyze_batch
from newsledger.records import Analysis, Document
from newsledger.settings import Settings

log = logging.getLogger(__name__)

IN_FLIGHT_PER_ACTOR = 2
"""Batches queued on each actor: one running, one waiting, so no actor idles."""
MISSING_RAY = ("the Ray engine needs Ray, which is not installed;"
               " install it with: pip install 'newsledger[ray]'")


class _Analyzer:
    """A Ray actor: loads the model once, analyzes batches of pickled documents."""

    def __init__(self, settings: dict[str, Any]) -> None:
        _die_with_parent()  # the raylet that forked this actor dies with the driver
        self.settings = Settings(**settings)
        self.nlp = load_nlp()

    def analyze(self, payload: list[bytes]) -> list[bytes]:
        documents = [Document.from_dict(pickle.loads(x)) for x in payload]
        analyses = analyze_batch(documents, nlp=self.nlp, settings=self.settings)
        return [pickle.dumps(a.to_dict()) for a in analyses]


class Reaper:
    """The driver's side of ``reaper.py``: start it, tell it about the processes to end."""

    def __init__(self) -> None:
        self._told: set[int] = set()
        self._process: subprocess.Popen | None = None
        if not os.path.isdir("/proc"):
            return
        self._process = subprocess.Popen(
            [sys.executable, str(Path(reaper.__file__))], stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
            text=True)

    def watch(self) -> None:
        """Report every descendant of this process not reported yet."""
        if self._process is None or self._process.stdin is None:
            return
        lines = []
        for pid in reaper.descendants(os.getpid()):
            started = reaper.start_time(pid)
            if pid != self._process.pid and pid not in self._told and started:
                self._told.add(pid)
                lines.append(f"{pid} {started}\n")
        if lines:
            try:
                self._process.stdin.write("".join(lines))
                self._process.stdin.flush()
            except OSError:
                self._process = None

    def close(self) -> None:
        """End of the run: the reaper ends what is left and exits."""
        if self._process is not None and self._process.stdin is not None:
            try:
                self._process.stdin.close()
                self._process.wait(timeout=reaper.GRACE_SECONDS + 5)
            except (OSError, subprocess.TimeoutExpired):
                pass
        self._process = None


def _import_ray() -> Any:
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")  # offline and quiet
    os.environ.setdefault("RAY_DEDUP_LOGS", "0")
    try:
        import ray
    except ImportError:
        raise NewsledgerError(MISSING_RAY) from None
    logging.getLogger("ray").setLevel(logging.ERROR)
    return ray


class RayEngine(AbstractContextManager):
    """Starts (or joins, with ``address``) a Ray cluster and shuts down what it started."""

    def __init__(self, workers: int, settings: Settings, address: str | None = None) -> None:
        self.workers = workers
        self.settings = settings
        self.address = address
        self._started = False
        self._actors: list[Any] = []
        self._reaper: Reaper | None = None

    def __enter__(self) -> RayEngine:
        ray = _import_ray()
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
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    ray.init(**kwargs)
            except (ConnectionError, RuntimeError, ValueError) as e:
                where = self.address or "a local cluster"
                raise NewsledgerError(f"cannot start Ray on {where}: {e}") from e
            self._started = True
            self._reaper = Reaper()
            self._reaper.watch()
        return self

    def __exit__(self, *exc: object) -> None:
        import ray

        for actor in self._actors:
            try:
                ray.kill(actor)
            except Exception:  # already gone
                pass
        self._actors = []
        if self._started:
            ray.shutdown()
            self._started = False
        if self._reaper is not None:
            self._reaper.close()
            self._reaper = None

    def map(self, batches: Iterable[list[Document]]) -> Iterator[list[Analysis]]:
        import ray

        actor_class = ray.remote(num_cpus=1, max_restarts=0)(_Analyzer)
        settings = asdict(self.settings)
        pending: deque[Any] = deque()
        for number, batch in enumerate(batches):
            if len(self._actors) < self.workers:  # started on demand: a small run needs few
                self._actors.append(actor_class.remote(settings))
            actor = self._actors[number % len(self._actors)]
            pending.append(actor.analyze.remote([pickle.dumps(d.to_dict()) for d in batch]))
            if len(pending) >= IN_FLIGHT_PER_ACTOR * self.workers:
                yield self._collect(pending.popleft())
        while pending:
            yield self._collect(pending.popleft())

    def _collect(self, ref: Any) -> list[Analysis]:
        import ray

        if self._reaper is not None:  # actors start lazily: tell the reaper about them too
            self._reaper.watch()
        try:
            payload = ray.get(ref)
        except ray.exceptions.RayError as e:
            reason = " ".join(str(e).split())[:200]
            raise NewsledgerError(f"a Ray worker failed ({type(e).__name__}: {reason}); what"
                                  " was written is kept: run the same command to resume") from e
        return [Analysis.from_dict(pickle.loads(x)) for x in payload]
