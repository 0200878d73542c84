"""Bad input: one line naming the file (and line) and the problem; the batch goes on."""

from __future__ import annotations

import json
import os
import random
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from newsledger.errors import ReadError
from newsledger.ingest import read_path, read_paths
from newsledger.settings import Settings
from tests.conftest import EXAMPLES

GOOD_TEXT = "Ceasefire talks resume\n\nNegotiators met in Cairo on Monday, officials said.\n"


def random_bytes(n: int, low: int = 0x80) -> bytes:
    rng = random.Random(7)
    return bytes(rng.randrange(low, 256) for _ in range(n))


# name -> (file name, content, expected words in the reason)
BAD_FILES: dict[str, tuple[str, bytes, str]] = {
    "empty": ("empty.txt", b"", "empty file"),
    "whitespace": ("blank.md", b"  \n\n\t\n", "empty file"),
    "nul bytes": ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + random_bytes(200, 0), "binary"),
    "control bytes": ("dump.html", bytes([1, 2, 3, 4, 5, 6, 7, 8, 14, 15]) * 40, "binary"),
    "undecodable": ("garbled.txt", b"Title\n\n" + random_bytes(3000), "undecodable bytes"),
    "html without main text": (
        "nav.html", b"<html><head><title>Menu</title></head><body><nav><a href='/'>Home</a>"
        b"</nav><script>var x = 1;</script></body></html>", "no main text"),
    "malformed feed": (
        "broken.rss", b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
        b"<item><title>One</title></item><item><title>Two", "malformed feed"),
    "not a feed": ("note.xml", b'<?xml version="1.0"?><note><to>Tove</to></note>',
                   "not an RSS or Atom feed"),
    "bad front matter": ("bad.md", b"---\ntitle: [unclosed\n---\nBody.\n", "malformed YAML"),
    "unsupported type": ("slides.pdf", b"%PDF-1.4 fake", "unsupported file type"),
}


def single_error(path: Path, settings: Settings | None = None) -> ReadError:
    items = list(read_path(str(path), settings))
    assert len(items) == 1, items
    (error,) = items
    assert isinstance(error, ReadError), error
    message = str(error)
    assert "\n" not in message and str(path) in message
    return error


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_bad_file_gives_one_line_naming_it(tmp_path, case):
    name, content, reason = BAD_FILES[case]
    path = tmp_path / name
    path.write_bytes(content)
    error = single_error(path)
    assert reason in error.reason
    assert error.source == str(path)


def test_missing_path(tmp_path):
    error = single_error(tmp_path / "nowhere.txt")
    assert error.reason == "no such file or directory"


def test_file_over_the_size_limit(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text(GOOD_TEXT * 50, encoding="utf-8")
    error = single_error(path, Settings(max_bytes=1000))
    assert "too large" in error.reason and "1,000" in error.reason
    assert Settings().max_bytes == 20 * 1024 * 1024
    assert len(list(read_path(str(path), Settings(max_bytes=10_000)))) == 1


def test_size_limit_from_the_environment(monkeypatch):
    monkeypatch.setenv("NEWSLEDGER_MAX_BYTES", "4096")
    assert Settings.from_env().max_bytes == 4096


def test_legacy_encoding_is_not_an_error(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("Grève à Marseille\n\nLes dockers ont cessé le travail.\n".encode("latin-1"))
    (doc,) = read_path(str(path))
    assert doc.title == "Grève à Marseille"


def test_malformed_jsonl_lines_name_the_line_and_the_rest_goes_on(tmp_path):
    path = tmp_path / "items.jsonl"
    lines = [json.dumps({"title": "One", "text": "First story."}),
             '{"title": "Two", "text": "unterminated',
             json.dumps(["not", "an", "object"]),
             json.dumps({"title": "Four", "url": "https://x.example/4"}),
             "",
             json.dumps({"title": "Six", "html": "<nav>menu only</nav>"}),
             json.dumps({"title": "Seven", "text": "Last story."})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(read_path(str(path)))
    errors = [i for i in items if isinstance(i, ReadError)]
    docs = [i for i in items if not isinstance(i, ReadError)]
    assert [d.title for d in docs] == ["One", "Seven"]
    assert [e.line for e in errors] == [2, 3, 4, 6]
    assert str(errors[0]).startswith(f"{path}:2: malformed JSON")
    assert "expected a JSON object" in errors[1].reason
    assert "no 'text' or 'html'" in errors[2].reason
    assert "no main text" in errors[3].reason
    assert all("\n" not in str(e) for e in errors)


def test_a_bad_file_in_a_directory_does_not_stop_it(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD_TEXT, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"")
    (tmp_path / "c.txt").write_text(GOOD_TEXT.replace("Cairo", "Doha"), encoding="utf-8")
    items = list(read_paths([str(tmp_path), str(tmp_path / "missing")]))
    assert [type(i).__name__ for i in items] == ["Document", "ReadError", "Document", "ReadError"]


def write_batch(directory: Path) -> tuple[list[Path], list[Path]]:
    """Good files and one of every bad kind, side by side."""
    good = [directory / "good.txt", directory / "readout.md"]
    good[0].write_text(GOOD_TEXT, encoding="utf-8")
    good[1].write_bytes((EXAMPLES / "readout-coastal-security-call.md").read_bytes())
    bad = []
    for name, content, _ in BAD_FILES.values():
        path = directory / name
        path.write_bytes(content)
        bad.append(path)
    big = directory / "big.txt"
    big.write_text(GOOD_TEXT * 100, encoding="utf-8")
    bad.append(big)
    bad.append(directory / "missing.txt")
    return good, bad


@pytest.mark.slow
def test_cli_ingest_stores_the_good_and_names_each_bad_file(tmp_path):
    files = tmp_path / "in"
    files.mkdir()
    good, bad = write_batch(files)
    db = tmp_path / "ledger.db"
    args = [sys.executable, "-m", "newsledger", "ingest", *map(str, good + bad), "--db", str(db),
            "--max-bytes", "4000"]
    # a narrow terminal: long paths must still come out as one line each
    env = {**os.environ, "COLUMNS": "40"}
    result = subprocess.run(args, capture_output=True, text=True, timeout=600, env=env)
    assert result.returncode == 3, result.stderr  # stored the good, refused some: documented
    assert "Traceback" not in result.stderr
    error_lines = [line for line in result.stderr.splitlines() if line.startswith("newsledger:")]
    assert len(error_lines) == len(bad), result.stderr
    for path in bad:
        assert sum(str(path) in line for line in error_lines) == 1, (path, error_lines)
    with sqlite3.connect(db) as conn:
        sources = {row[0] for row in conn.execute("SELECT source FROM documents")}
    assert sources == {str(p) for p in good}
