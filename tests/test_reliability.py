"""Hostile input, crashes and concurrency (issue 13): nothing lost, nothing hangs, nothing leaks.

The hostile inputs are generated (``tests/hostile.py``); readers are fuzzed with hypothesis
(bounded example counts); ledgers are opened by 40 processes at once; runs are killed with
SIGKILL and resumed. ``bench/reliability.py`` runs heavier versions of the same checks.
"""

from __future__ import annotations

import io
import json
import multiprocessing
import os
import socket
import sqlite3
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsledger.engines.local import ingest
from newsledger.errors import LedgerError, ReadError
from newsledger.ingest import READERS, read_path, read_paths
from newsledger.ledger import connect
from newsledger.records import Document
from newsledger.settings import Settings
from tests.conftest import ROOT
from tests.hostile import GOOD, SENTENCE, cases

HANG_GUARD = 120  # seconds: a subprocess that reads a FIFO must be refused long before this


def read_all(path: Path, settings: Settings | None = None) -> tuple[list[Document], list[ReadError]]:
    items = list(read_path(str(path), settings))
    assert all(isinstance(i, Document | ReadError) for i in items)
    docs = [i for i in items if isinstance(i, Document)]
    errors = [i for i in items if isinstance(i, ReadError)]
    for error in errors:
        assert "\n" not in str(error)
    return docs, errors


def storable(document: Document) -> None:
    """Every text field encodes as UTF-8 (what SQLite and JSON output need)."""
    json.dumps(document.to_dict(), ensure_ascii=False).encode("utf-8")


@pytest.mark.parametrize("case", cases(), ids=lambda c: c.name)
def test_hostile_input_is_read_or_refused_with_one_line(tmp_path, case):
    path = tmp_path / case.name
    path.write_bytes(case.data)
    docs, errors = read_all(path)
    for doc in docs:
        storable(doc)
    if case.expect == "doc":
        assert any(case.words in d.text for d in docs), (errors, [d.text[:80] for d in docs])
    else:
        assert not docs and errors
        assert all(case.words in e.reason for e in errors), errors


def test_jsonl_bad_lines_name_their_line_and_later_lines_are_kept(tmp_path):
    path = tmp_path / "items.jsonl"
    path.write_bytes(b"\n".join([
        json.dumps({"text": "First story."}).encode(),
        b"[" * 100_000,
        b'{"text": "x", "n": ' + b"9" * 5000 + b"}",
        json.dumps({"text": "Fourth story.", "url": "http://x/\ud800"}).encode(),
        json.dumps({"text": "Fifth story."}).encode()]))
    docs, errors = read_all(path)
    assert [d.text for d in docs] == ["First story.", "Fourth story.", "Fifth story."]
    assert [e.line for e in errors] == [2, 3]
    assert str(errors[0]) == f"{path}:2: JSON nested too deeply"
    assert docs[1].url == "http://x/\ufffd"


def test_bad_front_matter_date_drops_the_field_not_the_document(tmp_path):
    path = tmp_path / "talks.md"
    path.write_bytes(b"---\ntitle: Talks\ndate: 2024-13-45\nsource_url: https://x.example/1\n"
                     b"---\n" + GOOD.encode())
    (doc,), errors = read_all(path)
    assert not errors
    assert doc.title == "Talks" and doc.url == "https://x.example/1"
    assert doc.published is None and doc.meta["dropped_fields"] == ["date"]


def test_yaml_alias_bomb_is_refused(tmp_path):
    path = tmp_path / "bomb.md"
    path.write_bytes(next(c.data for c in cases() if c.name == "alias-bomb.md"))
    assert len(path.read_bytes()) < 1000
    docs, (error,) = read_all(path)
    assert not docs and "aliases are expanded" in error.reason


def test_devices_and_fifos_are_refused_and_reads_are_bounded(tmp_path, monkeypatch):
    limit = Settings(max_bytes=10_000)
    _, (error,) = read_all(Path("/dev/zero"), limit)
    assert error.reason == "not a regular file (a character device); use - to read a stream"
    sock_path = tmp_path / "s.txt"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(sock_path))
    try:
        _, (error,) = read_all(sock_path, limit)
    finally:
        server.close()
    assert error.reason.startswith("not a regular file (a socket)")
    with open("/dev/zero", "rb") as zero:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(zero))
        (error,) = list(read_path("-", limit))
    assert str(error) == ("<stdin>: input too large (more than the limit of 10,000 bytes,"
                          " see --max-bytes)")


def test_a_fifo_on_the_command_line_is_refused_not_waited_on(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    code = ("import sys; from newsledger.ingest import read_path;"
            " print(*map(str, read_path(sys.argv[1])))")
    result = subprocess.run([sys.executable, "-c", code, str(fifo)], capture_output=True,
                            text=True, timeout=HANG_GUARD, cwd=ROOT)
    assert result.stdout.strip() == f"{fifo}: not a regular file (a FIFO); use - to read a stream"


def test_symlinks_never_lead_out_of_the_input_folder(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("Secret\n\nThe password is swordfish.\n")
    root = tmp_path / "in"
    (root / "sub").mkdir(parents=True)
    (root / "sub" / "good.txt").write_text(GOOD)
    (root / "passwd.txt").symlink_to(outside / "secret.txt")
    (root / "elsewhere").symlink_to(outside)
    (root / "inside.txt").symlink_to(root / "sub" / "good.txt")
    (root / "loop").symlink_to(root)
    docs, errors = read_all(root)
    assert sorted(str(e) for e in errors) == [
        f"{root / 'elsewhere'}: symbolic link leads outside the input folder; not followed",
        f"{root / 'passwd.txt'}: symbolic link leads outside the input folder; not followed"]
    assert all("swordfish" not in d.text for d in docs)
    assert sorted(d.source for d in docs) == [str(root / "inside.txt"), str(root / "sub/good.txt")]


def test_content_is_not_lost_silently(tmp_path):
    deep_md = tmp_path / "deep.md"
    deep_md.write_text(">" * 5000 + f" {SENTENCE}\n\n" + "- item\n" * 3 + "\nThe end of it all.\n")
    (doc,), _ = read_all(deep_md)
    assert SENTENCE in doc.text and "The end of it all." in doc.text
    late_nul = tmp_path / "late.txt"
    late_nul.write_bytes(b"Title\n\n" + b"Text. " * 20_000 + b"\x00")
    _, (error,) = read_all(late_nul)
    assert error.reason == "binary file (contains NUL bytes, the first at byte 120,007)"
    utf16 = tmp_path / "u16.txt"
    utf16.write_bytes(GOOD.encode("utf-16-le"))
    (doc,), _ = read_all(utf16)
    assert doc.text == GOOD and doc.meta["encoding"] == "utf-16-le"
    mixed = tmp_path / "mixed.txt"
    mixed.write_bytes("Grève à Marseille — déjà vu\n".encode()
                      + "Les dockers ont cessé le travail.\n".encode("cp1252"))
    (doc,), _ = read_all(mixed)
    assert doc.text == "Grève à Marseille — déjà vu\nLes dockers ont cessé le travail.\n"


def test_a_huge_page_of_tiny_paragraphs_is_read_block_by_block(tmp_path):
    page = tmp_path / "many.html"
    page.write_text("<html><head><title>Many</title></head><body>"
                    + "".join(f"<p>Paragraph {i}.</p>" for i in range(20_000)) + "</body></html>")
    (doc,), _ = read_all(page)
    assert doc.title == "Many" and "Paragraph 19999." in doc.text
    assert doc.meta["extraction"].startswith("blocks")


def test_html_cleaning_dependency_is_declared():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert any(d.lower().startswith(("lxml_html_clean", "lxml-html-clean", "lxml[html_clean]",
                                     "lxml[html-clean]"))
               for d in project["dependencies"])
    import lxml.html.clean  # noqa: F401  (what jusText, under trafilatura, imports)


# ---- fuzzing every reader --------------------------------------------------------------------

TEXTY = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=400)
MARKUP = st.lists(st.sampled_from(["<p>", "</p>", "<div>", "---\n", "title: x\n", "> ", "- ",
                                   "# ", "&amp;", "<![CDATA[", "]]>", "<item>", "<rss>", "{",
                                   "}", '"text": ', "\n", "\n\n", "\\ud800", "*a", "&a ", "\x00",
                                   SENTENCE]), max_size=40).map("".join)


@pytest.mark.parametrize("suffix", sorted(READERS))
@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.one_of(st.binary(max_size=600), TEXTY.map(str.encode), MARKUP.map(str.encode)))
def test_fuzzed_bytes_never_escape_the_reader(tmp_path, suffix, data):
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(data)
    docs, errors = read_all(path)
    assert docs or errors
    for doc in docs:
        storable(doc)
        assert doc.text.strip()


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(records=st.lists(st.dictionaries(
    st.sampled_from(["text", "title", "url", "author", "site", "date", "html", "id"]),
    st.one_of(st.text(max_size=60), st.integers(), st.none(), st.lists(st.integers(), max_size=3)),
    max_size=6), min_size=1, max_size=6))
def test_fuzzed_jsonl_records_give_one_item_per_line(tmp_path, records):
    path = tmp_path / "fuzz.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    docs, errors = read_all(path)
    assert len(docs) + len(errors) == len(records)
    for doc in docs:
        storable(doc)


# ---- the ledger: concurrency and the write path ----------------------------------------------

def _first_connection(path: str) -> str:
    try:
        conn = connect(path)
        try:
            return str(conn.execute("SELECT MAX(version) FROM schema_migrations").fetchone()[0])
        finally:
            conn.close()
    except Exception as e:  # reported, compared below
        return f"{type(e).__name__}: {e}"


def test_forty_simultaneous_first_connections_all_succeed(tmp_path):
    from newsledger.ledger.db import migrations

    latest = str(migrations()[-1][0])
    with multiprocessing.get_context("fork").Pool(40) as pool:
        results = pool.map(_first_connection, [str(tmp_path / "new.db")] * 40)
    assert set(results) == {latest}
    conn = sqlite3.connect(tmp_path / "new.db")
    versions = [row[0] for row in conn.execute("SELECT version FROM schema_migrations")]
    conn.close()
    assert versions == sorted(set(versions)) and str(versions[-1]) == latest


def test_not_a_ledger_is_refused_and_never_modified(tmp_path):
    junk = tmp_path / "notes.db"
    junk.write_text("shopping list\n")
    with pytest.raises(LedgerError, match=r"notes\.db: not a newsledger ledger \(file is not a database\)"):
        connect(junk)
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.commit()
    with pytest.raises(LedgerError, match="refusing to add tables"):
        connect(other)
    with pytest.raises(LedgerError, match="no such ledger"):
        connect(tmp_path / "typo.db", create=False)
    assert not (tmp_path / "typo.db").exists()
    assert junk.read_text() == "shopping list\n"


@pytest.mark.slow
def test_one_record_the_ledger_refuses_does_not_roll_back_the_batch(db_path):
    documents = [Document(text=f"Story {i}\n\nOfficials met in Cairo on day {i}.\n",
                          source=f"s{i}.txt") for i in range(5)]
    documents[2].url = "http://x/\ud800"  # a reader would have sanitized it: the ledger must cope
    errors: list[str] = []
    report = ingest(documents, db_path, on_error=errors.append)
    assert report.stored == 4 and report.failed == 1
    assert errors == ["s2.txt: not stored, the ledger refused it (UnicodeEncodeError: 'utf-8'"
                      " codec can't encode character '\\ud800' in position 9: surrogates not"
                      " allowed)"]


@pytest.mark.slow
def test_surrogates_in_jsonl_fields_are_stored_with_the_rest(tmp_path, db_path):
    path = tmp_path / "items.jsonl"
    lines = [{"title": f"T{i}", "text": f"Story {i}: officials met in Cairo."} for i in range(6)]
    lines[1]["url"], lines[3]["author"], lines[4]["site"] = "http://x/\ud800", "\udfff", "\ud800"
    path.write_text("\n".join(json.dumps(r) for r in lines), encoding="utf-8")
    report = ingest(read_paths([str(path)]), db_path)
    assert (report.stored, report.failed) == (6, 0)


# ---- the command line: one line per error, nothing raw on the terminal ------------------------

def run_main(monkeypatch, capsys, *args: str) -> tuple[int, str, str]:
    """``newsledger.cli.main()`` with these arguments: (exit status, stdout, stderr)."""
    from newsledger.cli import main

    monkeypatch.setattr(sys, "argv", ["newsledger", *args])
    with pytest.raises(SystemExit) as exit_info:
        main()
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    code = exit_info.value.code
    return (code if isinstance(code, int) else 1), out, err


@pytest.mark.parametrize("command", [["stats"], ["export"], ["quotes"], ["events"],
                                     ["provenance"], ["ingest", "-"]])
def test_cli_on_a_file_that_is_not_a_ledger(tmp_path, monkeypatch, capsys, command):
    junk = tmp_path / "notes.db"
    junk.write_text("shopping list\n")
    monkeypatch.setattr(sys, "stdin", io.StringIO(GOOD))
    code, out, err = run_main(monkeypatch, capsys, *command, "--db", str(junk))
    assert (code, err) == (1, f"newsledger: {junk}: not a newsledger ledger"
                              " (file is not a database)\n")
    assert junk.read_text() == "shopping list\n"


@pytest.mark.parametrize("command", [["stats"], ["export"], ["provenance"],
                                     ["provenance", "--no-link"]])
def test_cli_never_creates_a_ledger_it_was_not_asked_to(tmp_path, monkeypatch, capsys, command):
    typo = tmp_path / "ledgr.db"
    code, _, err = run_main(monkeypatch, capsys, *command, "--db", str(typo))
    assert (code, err) == (1, f"newsledger: {typo}: no such ledger; build one with"
                              " `newsledger ingest`\n")
    assert not typo.exists()


def test_cli_error_lines_neutralize_escapes_and_newlines(tmp_path, monkeypatch, capsys):
    bad = tmp_path / "bad\nname\x1b[2J.txt"
    bad.write_bytes(b"")
    code, _, err = run_main(monkeypatch, capsys, "analyze", str(bad))
    shown = str(tmp_path) + "/bad\\nname\\x1b[2J.txt"
    assert (code, err) == (1, f"newsledger: {shown}: empty file\n")


def test_main_turns_an_unexpected_error_into_one_line(monkeypatch, capsys):
    import newsledger.cli.core as core

    def boom(*args, **kwargs):
        raise KeyError("\x1b[31mred")

    monkeypatch.setattr(core, "connect", boom)
    code, _, err = run_main(monkeypatch, capsys, "stats", "--db", "x.db")
    assert (code, err) == (1, "newsledger: internal error (KeyError: '\\x1b[31mred');"
                              " please report it\n")


@pytest.mark.slow
def test_ingest_exit_status_says_some_inputs_were_refused(tmp_path, monkeypatch, capsys):
    good = tmp_path / "good.txt"
    good.write_text(GOOD)
    db = tmp_path / "l.db"
    code, _, err = run_main(monkeypatch, capsys, "ingest", str(good), str(tmp_path / "nope.txt"),
                            "/dev/zero", "--db", str(db), "--workers", "1")
    assert code == 3
    assert [line for line in err.splitlines() if line.strip()] == [
        f"newsledger: {tmp_path / 'nope.txt'}: no such file or directory",
        "newsledger: /dev/zero: not a regular file (a character device); use - to read a stream"]
    code, _, _ = run_main(monkeypatch, capsys, "ingest", str(good), "--db", str(db))
    assert code == 0


# ---- crashes and concurrent runs ---------------------------------------------------------------

def _documents(folder: Path, n: int, tag: str = "") -> list[str]:
    from tests.hostile import event_dense_text

    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        path = folder / f"doc{tag}{i:03d}.txt"
        path.write_text(f"Report {tag}{i}\n\n" + event_dense_text(1, seed=i).split("\n", 2)[2])
        paths.append(str(path))
    return paths


def _ingest_process(files: list[str], db: Path, *options: str) -> subprocess.Popen:
    env = {**os.environ, "NEWSLEDGER_BATCH_SIZE": "2", "PYTHONHASHSEED": "0",
           "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    return subprocess.Popen(
        [sys.executable, "-m", "newsledger", "ingest", *files, "--db", str(db), *options],
        env=env, stdout=subprocess.DEVNULL, stderr=db.with_suffix(".log").open("ab"),
        start_new_session=True)


def _stored(db: Path) -> int:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def kill_when_stored(proc: subprocess.Popen, db: Path, at_least: int) -> tuple[int, list[int]]:
    """SIGKILL the run's main process once ``at_least`` documents are stored; returns how many
    were stored then and the process ids it had started."""
    import time

    import psutil

    deadline = time.monotonic() + 300  # a hang guard, not a speed check
    while _stored(db) < at_least and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert proc.poll() is None, db.with_suffix(".log").read_text()
    children = [c.pid for c in psutil.Process(proc.pid).children(recursive=True)]
    os.kill(proc.pid, 9)
    proc.wait(timeout=30)
    return _stored(db), children


def assert_gone(pids: list[int], within: float = 30.0) -> None:
    import time

    import psutil

    deadline = time.monotonic() + within
    alive = pids
    while alive and time.monotonic() < deadline:
        alive = [p for p in alive if psutil.pid_exists(p)
                 and psutil.Process(p).status() != psutil.STATUS_ZOMBIE]
        time.sleep(0.2)
    assert not alive, [psutil.Process(p).name() for p in alive]


ENGINES = [pytest.param(["--workers", "2"], id="pool"),
           pytest.param(["--engine", "ray", "--workers", "2"], id="ray")]


@pytest.mark.slow
@pytest.mark.parametrize("options", ENGINES)
def test_sigkill_then_resume_equals_an_uninterrupted_run(tmp_path, options):
    if "ray" in options:
        pytest.importorskip("ray", reason="Ray is not installed (pip install 'newsledger[ray]')")
    from tests.test_engines import ledger_contents

    files = _documents(tmp_path / "in", 24)
    killed = tmp_path / "killed.db"
    partial, children = kill_when_stored(_ingest_process(files, killed, *options), killed, 4)
    assert 4 <= partial < len(files)
    assert_gone(children)
    resumed = _ingest_process(files, killed, *options)
    assert resumed.wait(timeout=600) == 0, killed.with_suffix(".log").read_text()
    clean = tmp_path / "clean.db"
    report = ingest(read_paths(files), clean, settings=Settings(batch_size=2))
    assert report.stored == len(files)
    assert ledger_contents(killed) == ledger_contents(clean)


@pytest.mark.slow
def test_two_ingests_on_a_new_ledger_both_succeed(tmp_path):
    db = tmp_path / "new.db"
    runs = [_ingest_process(_documents(tmp_path / name, 3, name), db, "--workers", "1")
            for name in ("a", "b")]
    assert [run.wait(timeout=600) for run in runs] == [0, 0], db.with_suffix(".log").read_text()
    assert _stored(db) == 6


@pytest.mark.slow
def test_listing_commands_print_document_text_without_escapes_or_markup(tmp_path, monkeypatch,
                                                                        capsys):
    text = ("Police arrest two men in Lyon\n\nFrench police arrested two men in Lyon on Tuesday."
            ' "We will \x1b[2J find [/red] those responsible," Interior Minister Gerald'
            " Darmanin told reporters in Paris.\n")
    db = tmp_path / "l.db"
    report = ingest([Document(text=text, source="lyon\x1b[31m.txt")], db)
    assert report.stored == 1
    for command in (["quotes"], ["events"], ["quotes", "--json"], ["export"]):
        code, out, _ = run_main(monkeypatch, capsys, *command, "--db", str(db))
        assert code == 0 and "\x1b" not in out, command
    code, out, _ = run_main(monkeypatch, capsys, "quotes", "--db", str(db))
    assert "\\x1b[2J" in out and "[/red]" in out  # shown, not obeyed nor taken as markup
    code, out, _ = run_main(monkeypatch, capsys, "quotes", "--json", "--db", str(db))
    assert "We will \\u001b[2J find [/red] those responsible" in out
