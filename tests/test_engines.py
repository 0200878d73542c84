"""Engines: the process pool and Ray give the single-process ledger; a killed run resumes."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsledger.cli import app
from newsledger.engines.local import count_inputs, ingest
from newsledger.ingest import read_paths
from newsledger.ledger import connect, load_analysis
from newsledger.ledger.store import iter_document_ids, stats
from newsledger.pipeline import _parse_long, analyze_documents, chunks
from newsledger.records import Document
from newsledger.settings import Settings
from tests.conftest import EXAMPLES, ROOT, SEED, shared_path

SMALL_BATCHES = Settings(batch_size=4)


def ledger_contents(db: Path) -> dict[str, dict]:
    """Every stored analysis keyed by document id: rowids and timestamps left out, actor
    references resolved to the document's local actor ids."""
    conn = connect(db, readonly=True)
    try:
        contents = {i: load_analysis(conn, i).to_dict() for i in iter_document_ids(conn)}
        _canonical_incidents(contents)
        contents["#counts"] = stats(conn)
        rows = conn.execute("SELECT COUNT(*), COUNT(DISTINCT id) FROM documents").fetchone()
        assert rows[0] == rows[1]
    finally:
        conn.close()
    return contents


def _canonical_incidents(contents: dict[str, dict]) -> None:
    """Incident ids number incidents in the order documents were stored, which engines may
    vary: name each incident by its first (document id, event id) instead."""
    members: dict[str, list[tuple[str, str]]] = {}
    for doc_id, record in contents.items():
        for event in record["events"]:
            if event.get("incident"):
                members.setdefault(event["incident"], []).append((doc_id, event["id"]))
    names = {incident: "/".join(min(refs)) for incident, refs in members.items()}
    for record in contents.values():
        for event in record["events"]:
            if event.get("incident"):
                event["incident"] = names[event["incident"]]


def whitehouse_sample(n: int, max_bytes: int = 30_000) -> list[str]:
    """``n`` White House documents spread over the corpus (small ones, to keep tests quick)."""
    root = shared_path("corpora", "whitehouse")
    files = sorted(p for p in root.rglob("*.md") if p.name != "README.md")
    small = [p for p in files if p.stat().st_size <= max_bytes]
    step = max(1, len(small) // n)
    return [str(p) for p in small[::step][:n]]


@pytest.mark.parametrize("text, limit", [
    ("First paragraph here.\n\nSecond one follows.\n\nThird.", 25),
    ("one line\nanother line\nand a third line\n", 12),
    ("A sentence. Another sentence. A third sentence.", 20),
    ("x" * 95, 10),
    ("short", 100),
])
def test_chunks_rebuild_the_text_within_the_limit(text, limit):
    pieces = chunks(text, limit)
    assert "".join(pieces) == text
    assert all(0 < len(p) <= limit for p in pieces)


def test_long_document_parsed_in_pieces_keeps_document_offsets(nlp, model):
    text = (EXAMPLES / "iran-attack-toi.txt").read_text(encoding="utf-8")
    document = Document(text=text, source="iran-attack-toi.txt")
    parsed = _parse_long(nlp, document, 1500, Settings())
    assert len(chunks(text, 1500)) > 3
    assert parsed is not None and parsed.text == text
    whole = model(text)
    assert len(parsed.ents) >= 0.9 * len(whole.ents)
    for ent in parsed.ents:
        assert text[ent.start_char:ent.end_char] == ent.text
    assert [t.idx for t in parsed][:50] == [t.idx for t in whole][:50]


def test_long_documents_are_analyzed_with_valid_spans(nlp):
    text = (EXAMPLES / "iran-attack-toi.txt").read_text(encoding="utf-8")
    settings = Settings(max_chars=2000)
    analysis = next(analyze_documents([Document(text=text, source="x")], nlp, settings))
    assert "analysis_error" not in analysis.document.meta
    assert analysis.actors
    for actor in analysis.actors:
        for m in actor.mentions:
            assert text[m.start:m.end] == m.text


def test_count_inputs_counts_what_the_readers_will_yield(tmp_path):
    (tmp_path / "a.txt").write_text("One document.", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.md").write_text("# Two\n\nText.", encoding="utf-8")
    (tmp_path / "c.jsonl").write_text('{"text": "x"}\n{"text": "y"}\n\n{"text": "z"}\n',
                                      encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("skipped", encoding="utf-8")
    (tmp_path / "image.xyz").write_bytes(b"\x00\x01")
    assert count_inputs([str(tmp_path)]) == 5
    assert count_inputs([str(tmp_path / "a.txt"), str(tmp_path / "c.jsonl")]) == 4
    assert count_inputs(["-"]) is None


def test_rerun_skips_stored_documents_before_parsing(db_path, monkeypatch):
    paths = [str(EXAMPLES)]
    first = ingest(read_paths(paths), db_path, settings=SMALL_BATCHES)
    assert first.stored == first.read > 0
    import newsledger.engines.local as local

    parsed: list[str] = []
    real = local.analyze_batch

    def spy(documents, **kwargs):
        parsed.extend(d.id for d in documents)
        return real(documents, **kwargs)

    monkeypatch.setattr(local, "analyze_batch", spy)
    progress: list[int] = []
    second = ingest(read_paths(paths), db_path, settings=SMALL_BATCHES,
                    on_progress=progress.append)
    assert (second.stored, second.duplicates) == (0, first.read)
    assert parsed == []
    assert sum(progress) == first.read + first.failed


def test_cli_rejects_an_unknown_engine(db_path):
    result = CliRunner().invoke(app, ["ingest", str(EXAMPLES), "--db", str(db_path),
                                      "--engine", "spark"])
    assert result.exit_code == 1
    assert "unknown engine 'spark'" in str(result.exception) + result.output


def _reference_run(paths: list[str], db: Path, *options: str) -> None:
    """``newsledger ingest`` in a fresh process with batches of 4 and a fixed hash seed, so
    runs in different processes are comparable whatever order sets iterate in."""
    env = {**os.environ, "NEWSLEDGER_BATCH_SIZE": "4", "PYTHONHASHSEED": "0",
           "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    done = subprocess.run([sys.executable, "-m", "newsledger", "ingest", *paths, "--db", str(db),
                           *options], env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr


@pytest.mark.shared
def test_pool_of_two_workers_equals_single_process(tmp_path):
    shared_path("seed", "article.txt")
    paths = [str(SEED / "article.txt"), str(EXAMPLES), *whitehouse_sample(20)]
    _reference_run(paths, tmp_path / "one.db", "--workers", "1")
    _reference_run(paths, tmp_path / "two.db", "--workers", "2")
    one, two = ledger_contents(tmp_path / "one.db"), ledger_contents(tmp_path / "two.db")
    assert len(one) >= 20
    assert one == two


@pytest.mark.shared
@pytest.mark.slow
def test_ray_local_two_workers_equals_single_process(tmp_path, monkeypatch):
    paths = [str(EXAMPLES), *whitehouse_sample(8)]
    _reference_run(paths, tmp_path / "one.db", "--workers", "1")
    monkeypatch.setenv("PYTHONHASHSEED", "0")  # Ray's workers inherit it
    report = ingest(read_paths(paths), tmp_path / "ray.db", settings=SMALL_BATCHES, workers=2,
                    engine="ray")
    assert report.stored > 8
    assert ledger_contents(tmp_path / "one.db") == ledger_contents(tmp_path / "ray.db")
    import ray

    assert not ray.is_initialized()


def _cli_ingest(files: list[str], db: Path) -> subprocess.Popen:
    """``newsledger ingest`` in its own session, batches of 3, two workers."""
    # one hash seed for every run, so the comparison is about resuming, not about set order
    env = {**os.environ, "NEWSLEDGER_BATCH_SIZE": "3", "PYTHONHASHSEED": "0",
           "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    return subprocess.Popen(
        [sys.executable, "-m", "newsledger", "ingest", *files, "--db", str(db), "--workers", "2"],
        env=env, stdout=subprocess.DEVNULL, stderr=db.with_suffix(".log").open("ab"),
        start_new_session=True,
    )


def _stored(db: Path) -> int:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


@pytest.mark.shared
@pytest.mark.slow
def test_sigkill_mid_run_then_rerun_equals_an_uninterrupted_run(tmp_path):
    files = whitehouse_sample(60, max_bytes=15_000)
    killed_db, clean_db = tmp_path / "killed.db", tmp_path / "clean.db"

    proc = _cli_ingest(files, killed_db)
    try:
        deadline = time.monotonic() + 240
        while _stored(killed_db) < 6 and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.1)
        assert proc.poll() is None, "the run ended before it could be killed"
        children = _children(proc.pid)
        os.kill(proc.pid, signal.SIGKILL)  # the main process only: workers must follow
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    partial = _stored(killed_db)
    assert 0 < partial < len(files)
    if children is not None:
        assert len(children) >= 2, "the run did not use worker processes"
        _assert_gone(children)

    resumed = _cli_ingest(files, killed_db)
    assert resumed.wait(timeout=300) == 0, killed_db.with_suffix(".log").read_text()
    clean = _cli_ingest(files, clean_db)
    assert clean.wait(timeout=300) == 0, clean_db.with_suffix(".log").read_text()

    contents = ledger_contents(clean_db)
    assert ledger_contents(killed_db) == contents
    assert len(contents) - 1 == _stored(clean_db) > partial


def _children(pid: int) -> list[int] | None:
    try:
        import psutil
    except ImportError:
        return None
    return [c.pid for c in psutil.Process(pid).children(recursive=True)]


def _assert_gone(pids: list[int]) -> None:
    deadline = time.monotonic() + 10
    alive = list(pids)
    while alive and time.monotonic() < deadline:
        alive = [p for p in alive if _alive(p)]
        time.sleep(0.2)
    assert not alive, f"worker processes outlived the killed run: {alive}"


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as handle:
            return handle.read().split(")")[-1].split()[0] != "Z"
    except FileNotFoundError:
        return False
