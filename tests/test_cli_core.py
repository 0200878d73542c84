"""The core commands end to end: analyze --json, ingest, stats, export."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from newsledger.cli import app
from newsledger.records import SCHEMA
from tests.conftest import EXAMPLES, shared_path

runner = CliRunner()

REQUIRED_DOCUMENT_KEYS = {"id", "source", "title", "published", "text", "regions"}


def _cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "newsledger", *args], capture_output=True,
                          text=True, input=stdin, timeout=300)


def test_every_command_has_help_with_an_example():
    import click
    import typer

    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    root = typer.main.get_command(app)
    assert {"analyze", "ingest", "stats", "export"} <= set(root.commands)

    def leaves(group: click.Group, prefix: list[str]):
        for name, command in group.commands.items():
            if isinstance(command, click.Group):
                yield from leaves(command, [*prefix, name])
            else:
                yield [*prefix, name]

    for path in leaves(root, []):
        text = runner.invoke(app, [*path, "--help"]).output
        assert "Example:" in text, f"`newsledger {' '.join(path)} --help` shows no example"


@pytest.mark.shared
def test_analyze_seed_json_record():
    seed = shared_path("seed", "article.txt")
    result = _cli("analyze", str(seed), "--json")
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["schema"] == SCHEMA
    assert {"document", "actors", "quotes", "events"} <= set(record)
    doc = record["document"]
    assert REQUIRED_DOCUMENT_KEYS <= set(doc)
    assert doc["text"] == seed.read_text(encoding="utf-8")
    assert doc["title"] == "Senior US official: 'The Israelis came out very much on top'"
    assert doc["published"]["date"] == "2024-04-14"
    assert doc["published"]["method"] == "text"
    kinds = [r["kind"] for r in doc["regions"]]
    assert kinds.count("caption") == 7
    assert kinds.count("boilerplate") == 3
    assert kinds.count("deck") == 2
    for item in record["quotes"] + [m for a in record["actors"] for m in a["mentions"]]:
        assert doc["text"][item["start"]:item["end"]] == item["text"]


def test_published_override_and_bad_date(tmp_path):
    path = tmp_path / "note.txt"
    path.write_text("A short note\n\nNothing happened here.\n", encoding="utf-8")
    result = runner.invoke(app, ["analyze", str(path), "--json", "--published", "2023-02-01"])
    assert result.exit_code == 0, result.output
    published = json.loads(result.stdout)["document"]["published"]
    assert published == {"date": "2023-02-01", "precision": "day", "method": "given",
                         "evidence": None}
    bad = runner.invoke(app, ["analyze", str(path), "--published", "01/02/2023"])
    assert bad.exit_code != 0
    assert "YYYY-MM-DD" in bad.output


def test_analyze_reads_stdin():
    result = _cli("analyze", "-", "--json", stdin="Piped title\n\nThe council met on Tuesday.\n")
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)["document"]
    assert doc["title"] == "Piped title"
    assert doc["text"] == "Piped title\n\nThe council met on Tuesday.\n"


def test_ingest_stats_export(tmp_path):
    db = tmp_path / "ledger.db"
    first = runner.invoke(app, ["ingest", str(EXAMPLES), "--db", str(db)])
    assert first.exit_code == 0, first.output
    rows = [line for line in first.output.splitlines() if line.startswith("│")]
    read, new, duplicates, failed = (int(x) for x in rows[-1].strip("│ ").split("│"))
    assert read >= 3 and new == read and failed == 0
    second = runner.invoke(app, ["ingest", str(EXAMPLES), "--db", str(db)])
    assert second.exit_code == 0
    rows = [line for line in second.output.splitlines() if line.startswith("│")]
    read, new, duplicates, failed = (int(x) for x in rows[-1].strip("│ ").split("│"))
    assert new == 0 and duplicates == read and failed == 0

    stats = runner.invoke(app, ["stats", "--db", str(db)])
    assert stats.exit_code == 0 and "documents" in stats.output

    out = tmp_path / "all.jsonl"
    assert runner.invoke(app, ["export", "--db", str(db), "--format", "jsonl", "-o", str(out)]
                         ).exit_code == 0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == read
    assert all(r["schema"] == SCHEMA for r in records)

    csv_out = runner.invoke(app, ["export", "--db", str(db), "--format", "csv"])
    assert csv_out.exit_code == 0
    header = next(csv.reader(io.StringIO(csv_out.stdout)))
    assert header[:3] == ["document_id", "id", "type"] and "evidence" in header
    assert {"document_title", "published_date"} <= set(header)


def test_export_bad_format_and_missing_ledger_are_one_line(tmp_path):
    missing = _cli("stats", "--db", str(tmp_path / "missing.db"))
    assert missing.returncode == 1
    assert missing.stderr.strip().count("\n") == 0
    assert "missing.db" in missing.stderr and "Traceback" not in missing.stderr
    db = tmp_path / "l.db"
    from newsledger.ledger import connect

    connect(db).close()
    bad = _cli("export", "--db", str(db), "--format", "xml")
    assert bad.returncode == 1 and "jsonl, csv or parquet" in bad.stderr and "Traceback" not in bad.stderr
