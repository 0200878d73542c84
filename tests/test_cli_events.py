"""`newsledger events` over a temporary ledger and `newsledger evaluate events` on a small gold."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from newsledger.cli import app

runner = CliRunner()

TEXTS = [
    ("Russia launched dozens of drones at Ukraine on Saturday. Poland condemned the attack.",
     "2024-03-10"),
    ("Japan could impose sanctions on China. Canada called for an immediate ceasefire in Sudan.",
     "2024-05-02"),
]


@pytest.fixture()
def ledger(tmp_path, nlp):
    from newsledger.ledger import connect
    from newsledger.ledger.store import write_analyses
    from newsledger.pipeline import analyze_document
    from newsledger.records import Document

    path = tmp_path / "ledger.db"
    conn = connect(path)
    analyses = [analyze_document(Document(text=t, source=f"doc{i}.txt"), published=p, nlp=nlp)
                for i, (t, p) in enumerate(TEXTS)]
    write_analyses(conn, analyses)
    conn.close()
    return path


def _rows(args):
    result = runner.invoke(app, ["events", *args, "--json"])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.output.splitlines() if line.strip()]


def test_events_filters(ledger):
    rows = _rows(["--db", str(ledger), "--source", "RUS"])
    assert rows and all(r["source_country"] == "RUS" or "russia" in r["source_name"].lower()
                        for r in rows)
    assert any(r["type"] == "ASSAULT" and r["date_value"] == "2024-03-09" for r in rows)
    hypo = _rows(["--db", str(ledger), "--modality", "hypothetical", "--type", "sanction"])
    assert hypo and all(r["type"] == "SANCTION" for r in hypo)
    assert _rows(["--db", str(ledger), "--since", "2024-04-01", "--type", "ASSAULT"]) == []
    assert len(_rows(["--db", str(ledger), "--limit", "1"])) == 1


def test_events_source_is_a_bound_value(ledger):
    assert _rows(["--db", str(ledger), "--source", "x' OR '1'='1"]) == []


def test_events_table_and_errors(ledger, tmp_path):
    result = runner.invoke(app, ["events", "--db", str(ledger)])
    assert result.exit_code == 0 and "ASSAULT" in result.output
    bad = runner.invoke(app, ["events", "--db", str(ledger), "--since", "April"])
    assert bad.exit_code != 0 and "YYYY-MM-DD" in bad.output
    missing = runner.invoke(app, ["events", "--db", str(tmp_path / "none.db")])
    assert missing.exit_code != 0


def test_events_help_ends_with_example():
    for cmd in (["events", "--help"], ["evaluate", "events", "--help"]):
        text = runner.invoke(app, cmd).output
        assert "Example: newsledger" in text


def test_evaluate_events_on_own_gold(tmp_path):
    article = tmp_path / "article.txt"
    article.write_text("Russia launched dozens of drones at Ukraine on Saturday. Germany said it "
                       "would not join any offensive against Belarus.", encoding="utf-8")
    gold = {"article": "article.txt", "published": "2024-03-10", "events": [
        {"type": "ASSAULT", "source": "Russia", "target": "Ukraine", "source_iso": "RUS",
         "target_iso": "UKR", "date": "2024-03-09", "modality": "asserted",
         "evidence": "Russia launched dozens of drones at Ukraine"},
        {"type": "COOPERATE", "source": "Germany", "target": None, "source_iso": "DEU",
         "target_iso": None, "date": None, "modality": "negated",
         "evidence": "would not join any offensive"}]}
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(gold), encoding="utf-8")
    result = runner.invoke(app, ["evaluate", "events", str(path), "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert scores["gold"] == 2 and scores["full"] >= 1 and scores["forbidden"] == 0
    assert scores["dates_ok"] >= 1
