"""Heavier reliability runs than the test suite: hostile inputs and repeated SIGKILLs.

Part 1 reads every hostile input of ``tests/hostile.py`` and ``--variants`` seeded random
relatives, each in a forked child beside one good document, with a hang guard: it counts
failures (one-line errors, expected), crashes (an exception or a dead child), hangs, the
peak memory of a child, and good documents lost. ``--store`` also ingests what was read.
Part 2 runs ``newsledger ingest`` on generated documents and kills the main process with
SIGKILL ``--kills`` times per engine, resuming each time, then compares the ledger with an
uninterrupted run: documents lost or duplicated, and processes left behind.

Usage: nice python bench/reliability.py --variants 200 --kills 10 --engines pool,ray
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import resource
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newsledger.engines.local import ingest  # noqa: E402
from newsledger.errors import ReadError  # noqa: E402
from newsledger.ingest import read_paths  # noqa: E402
from newsledger.settings import Settings  # noqa: E402
from tests.hostile import GOOD, cases, event_dense_text, variants  # noqa: E402

HANG_SECONDS = 60.0
"""An input still being read after this long counts as a hang."""
KILL_AFTER_NEW = 2
"""Documents a run must store past the previous kill before it is killed again."""


def _read_one(folder: str, conn: multiprocessing.connection.Connection) -> None:
    good = errors = crashes = 0
    try:
        for item in read_paths([folder]):
            if isinstance(item, ReadError):
                errors += 1
                assert "\n" not in str(item)
            elif item.source.endswith("zz-good.txt") and item.text == GOOD:
                good += 1
            else:
                item.text.encode("utf-8")
    except Exception as e:  # a crash: what the reader boundary must never let out
        crashes += 1
        print(f"crash: {folder}: {type(e).__name__}: {e}", file=sys.stderr)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    conn.send((good, errors, crashes, peak))


def hostile_inputs(count: int, store: bool) -> dict[str, object]:
    """Read every hostile input in a forked child; the table's first row."""
    inputs = cases(scale=2) + list(variants(count))
    totals = {"inputs": len(inputs), "failures (error lines)": 0, "crashes": 0, "hangs": 0, "peak MB": 0,
              "good lost": 0, "store errors": 0}
    context = multiprocessing.get_context("fork")
    with tempfile.TemporaryDirectory() as tmp:
        for i, case in enumerate(inputs):
            folder = Path(tmp) / f"{i:04d}"
            folder.mkdir()
            (folder / case.name).write_bytes(case.data)
            (folder / "zz-good.txt").write_text(GOOD, encoding="utf-8")
            parent, child = context.Pipe(duplex=False)
            process = context.Process(target=_read_one, args=(str(folder), child))
            process.start()
            if parent.poll(HANG_SECONDS):
                good, errors, crashes, peak = parent.recv()
                totals["failures (error lines)"] += errors
                totals["crashes"] += crashes
                totals["good lost"] += 1 - good
                totals["peak MB"] = max(totals["peak MB"], peak)
            else:
                totals["hangs"] += 1
                print(f"hang: {case.name}", file=sys.stderr)
            process.kill()
            process.join()
            if process.exitcode not in (0, -signal.SIGKILL):
                totals["crashes"] += 1
        if store:
            db = Path(tmp) / "ledger.db"
            report = ingest(read_paths([tmp]), db, settings=Settings(batch_size=16))
            totals["store errors"] = sum("ledger refused" in e for e in report.errors)
    return totals


def _stored(db: Path) -> tuple[int, int]:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return conn.execute("SELECT COUNT(*), COUNT(DISTINCT text) FROM documents").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return 0, 0


def _descendants(pid: int) -> list[int]:
    from newsledger.engines.reaper import descendants

    return descendants(pid)


def _alive(pids: list[int]) -> list[int]:
    alive = []
    for pid in pids:
        try:
            with open(f"/proc/{pid}/stat", encoding="ascii") as handle:
                if handle.read().rsplit(")", 1)[1].split()[0] != "Z":
                    alive.append(pid)
        except OSError:
            pass
    return alive


def _run(files: list[str], db: Path, options: list[str]) -> subprocess.Popen:
    env = {**os.environ, "NEWSLEDGER_BATCH_SIZE": "2", "PYTHONHASHSEED": "0"}
    return subprocess.Popen([sys.executable, "-m", "newsledger", "ingest", *files, "--db",
                             str(db), *options], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True, cwd=ROOT)


def sigkills(engine: str, kills: int, documents: int) -> dict[str, object]:
    """Kill an ingest ``kills`` times, resume it, compare with an uninterrupted run."""
    options = ["--workers", "2"] + (["--engine", "ray"] if engine == "ray" else [])
    row = {"engine": engine, "kills": 0, "survived": 0, "lost": 0, "duplicated": 0,
           "left running": 0}
    with tempfile.TemporaryDirectory() as tmp:
        files = []
        for i in range(documents):
            path = Path(tmp) / f"doc{i:03d}.txt"
            path.write_text(f"Report {i}\n\n" + event_dense_text(1, seed=i).split("\n", 2)[2])
            files.append(str(path))
        db = Path(tmp) / "killed.db"
        for _ in range(kills):
            before = _stored(db)[0]
            if before >= documents - KILL_AFTER_NEW:
                break
            proc = _run(files, db, options)
            deadline = time.monotonic() + 600
            while (_stored(db)[0] < before + KILL_AFTER_NEW and proc.poll() is None
                   and time.monotonic() < deadline):
                time.sleep(0.05)
            if proc.poll() is not None:
                break
            children = _descendants(proc.pid)
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait()
            row["kills"] += 1
            time.sleep(5)
            left = _alive(children)
            row["left running"] += len(left)
            for pid in left:
                os.kill(pid, signal.SIGKILL)
        final = _run(files, db, options)
        status = final.wait(timeout=1800)
        stored, distinct = _stored(db)
        row["survived"] = row["kills"] if status == 0 else 0
        row["lost"] = documents - distinct
        row["duplicated"] = stored - distinct
    return row


def _table(rows: list[dict[str, object]]) -> str:
    keys = list(rows[0])
    lines = ["| " + " | ".join(keys) + " |", "|" + "---|" * len(keys)]
    lines += ["| " + " | ".join(str(r[k]) for k in keys) + " |" for r in rows]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--variants", type=int, default=200, help="random hostile variants")
    parser.add_argument("--store", action="store_true", help="also ingest what was read")
    parser.add_argument("--kills", type=int, default=10, help="SIGKILLs per engine")
    parser.add_argument("--documents", type=int, default=40, help="documents per kill run")
    parser.add_argument("--engines", default="pool,ray", help="pool, ray, or both")
    args = parser.parse_args()
    start = time.perf_counter()
    print(_table([hostile_inputs(args.variants, args.store)]))
    print()
    engines = [e for e in args.engines.split(",") if e]
    if args.kills and engines:
        print(_table([sigkills(engine, args.kills, args.documents) for engine in engines]))
    print(f"\n{time.perf_counter() - start:.0f} s")


if __name__ == "__main__":
    main()
