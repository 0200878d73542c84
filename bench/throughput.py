"""Throughput of the pipeline against the bare spaCy parse, on the same documents.

Runs each configuration in a fresh process (so peak memory is its own) on the first N
documents of the White House corpus, and prints a Markdown table: wall time, documents/s,
words/s, peak RSS (the process and all its children, sampled), CPU time (the process and
the children it reaped: less sensitive than wall time to a busy machine) and the ratios to
bare ``nlp.pipe``. Documents are read before the clock starts; model loading is outside the
clock for single-process runs and inside it for the pool and Ray (their start-up is part of
them).

    python bench/throughput.py --n 1000
    python bench/throughput.py --n 100 --workers 2 --skip-ray
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpora" / "whitehouse"


def corpus_files(root: Path, n: int) -> list[str]:
    files = sorted(p for p in root.rglob("*.md") if p.name != "README.md")
    return [str(p) for p in files[:n]]


def load_documents(files: list[str]):
    from newsledger.ingest import read_paths

    return [d for d in read_paths(files) if not hasattr(d, "reason")]


def run_one(config: str, files: list[str], workers: int, batch_size: int) -> dict:
    """One configuration, in this process; returns timings as a dict."""
    from newsledger.nlp.model import load_model, load_nlp
    from newsledger.settings import Settings

    documents = load_documents(files)
    words = sum(len(d.text.split()) for d in documents)
    settings = Settings(batch_size=batch_size)
    if config == "bare":
        load_model()
    elif config in ("analyze", "ingest-1"):
        load_nlp()
    cpu, own = _cpu_seconds(), time.process_time()
    start = time.perf_counter()
    if config == "bare":
        nlp = load_model()
        for _ in nlp.pipe((d.text for d in documents), batch_size=batch_size):
            pass
    elif config == "analyze":
        from newsledger.pipeline import analyze_batch

        for i in range(0, len(documents), batch_size):
            analyze_batch(documents[i:i + batch_size], settings=settings)
    else:
        from newsledger.engines.local import ingest

        with tempfile.TemporaryDirectory() as tmp:
            engine = "ray" if config.startswith("ray") else "local"
            report = ingest(documents, Path(tmp) / "bench.db", settings=settings,
                            workers=1 if config == "ingest-1" else workers, engine=engine)
            assert report.stored + report.duplicates == len(documents), report
    seconds = time.perf_counter() - start
    return {"config": config, "seconds": seconds, "cpu": _cpu_seconds() - cpu,
            "cpu_main": time.process_time() - own, "documents": len(documents), "words": words}


def _cpu_seconds() -> float:
    """CPU time of this process and of the children it has reaped (pool workers, Ray)."""
    me = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + children.ru_utime + children.ru_stime


def measure(config: str, args: argparse.Namespace) -> dict:
    """Run a configuration in a child process, sampling the RSS of its whole process tree."""
    import psutil

    command = [sys.executable, __file__, "--one", config, "--n", str(args.n), "--workers",
               str(args.workers), "--batch-size", str(args.batch_size), "--root", str(args.root)]
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    peak = {"total": 0, "single": 0}
    done = threading.Event()

    def sample() -> None:
        parent = psutil.Process(proc.pid)
        while not done.is_set():
            try:
                tree = [parent, *parent.children(recursive=True)]
                rss = []
                for p in tree:
                    try:
                        rss.append(p.memory_info().rss)
                    except psutil.Error:
                        pass
                peak["total"] = max(peak["total"], sum(rss))
                peak["single"] = max(peak["single"], max(rss, default=0))
            except psutil.Error:
                pass
            time.sleep(0.05)

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    out, _ = proc.communicate()
    done.set()
    thread.join()
    if proc.returncode != 0:
        raise SystemExit(f"{config}: failed with exit code {proc.returncode}")
    result = json.loads(out.strip().splitlines()[-1])
    result["peak_rss_mb"] = peak["total"] / 2**20
    result["peak_single_mb"] = peak["single"] / 2**20
    return result


def machine() -> str:
    import psutil

    cpu = platform.processor() or "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = psutil.virtual_memory().total / 2**30
    return f"{cpu}, {os.cpu_count()} cores, {ram:.0f} GB RAM, Python {platform.python_version()}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=1000, help="documents (default 1000)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--root", type=Path, default=CORPUS)
    parser.add_argument("--skip-ray", action="store_true")
    parser.add_argument("--one", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if not args.root.exists():
        raise SystemExit(f"{args.root}: corpus not found (use --root)")
    files = corpus_files(args.root, args.n)
    if args.one:
        print(json.dumps(run_one(args.one, files, args.workers, args.batch_size)))
        return

    configs = ["bare", "analyze", "ingest-1", f"ingest-{args.workers}"]
    if not args.skip_ray:
        configs.append(f"ray-{args.workers}")
    load_before = os.getloadavg()
    results = []
    for config in configs:
        print(f"running {config} ...", file=sys.stderr, flush=True)
        results.append(measure(config, args))
    load_after = os.getloadavg()

    labels = {
        "bare": "bare `nlp.pipe` (floor)",
        "analyze": "full pipeline, 1 process, no ledger",
        "ingest-1": "full pipeline + ledger, 1 worker",
        f"ingest-{args.workers}": f"full pipeline + ledger, {args.workers} workers",
        f"ray-{args.workers}": f"Ray engine, {args.workers} actors",
    }
    bare = results[0]["seconds"]
    one = next(r["seconds"] for r in results if r["config"] == "ingest-1")
    print(f"\n{len(files)} White House documents ({results[0]['words']:,} words), "
          f"batch size {args.batch_size}\n")
    print(f"Machine: {machine()}; load average {load_before[0]:.1f} before, "
          f"{load_after[0]:.1f} after\n")
    print("| run | wall time (s) | documents/s | words/s | peak RSS (MB) | wall / bare |"
          " CPU time (s) | CPU / bare | CPU of the main process (s) |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    bare_cpu = results[0]["cpu"]
    for r in results:
        # Ray's actors are not children this process reaps: their CPU time is not seen here
        cpu = ("n/a", "n/a") if r["config"].startswith("ray") else (
            f"{r['cpu']:.1f}", f"{r['cpu'] / bare_cpu:.2f}x")
        print(f"| {labels[r['config']]} | {r['seconds']:.1f} | {r['documents'] / r['seconds']:.1f}"
              f" | {r['words'] / r['seconds']:,.0f} | {r['peak_rss_mb']:,.0f} |"
              f" {r['seconds'] / bare:.2f}x | {cpu[0]} | {cpu[1]} | {r['cpu_main']:.1f} |")
    one_cpu = next(r["cpu"] for r in results if r["config"] == "ingest-1")
    print(f"\nfull/bare (1 worker): {one / bare:.2f}x wall, {one_cpu / bare_cpu:.2f}x CPU")
    for r in results[3:]:
        print(f"{labels[r['config']]}: {one / r['seconds']:.2f}x the throughput of 1 worker")


if __name__ == "__main__":
    main()
