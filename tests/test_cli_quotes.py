"""`newsledger quotes` over a temporary ledger, and `newsledger evaluate quotes` on a small gold."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from newsledger.cli import app
from newsledger.engines.local import ingest
from newsledger.records import Document
from tests.conftest import EXAMPLES

runner = CliRunner()
SEED = EXAMPLES / "iran-attack-toi.txt"


@pytest.fixture(scope="module")
def ledger(tmp_path_factory, nlp):
    db = tmp_path_factory.mktemp("quotes") / "ledger.db"
    text = SEED.read_text(encoding="utf-8")
    report = ingest([Document(text=text, source=str(SEED))], db)
    assert report.stored == 1
    return db


def _json_rows(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def test_quotes_by_speaker_alias_case_insensitive(ledger):
    result = runner.invoke(app, ["quotes", "--db", str(ledger), "--speaker", "KIRBY", "--json"])
    assert result.exit_code == 0, result.output
    rows = _json_rows(result.output)
    assert len(rows) >= 4
    assert all("kirby" in (r["speaker_name"] or "").lower()
               or any("kirby" in a.lower() for a in r["speaker_aliases"]) for r in rows)
    assert any("ironclad" in r["text"] for r in rows)


def test_quotes_of_the_anonymous_official(ledger):
    result = runner.invoke(app, ["quotes", "--db", str(ledger), "--speaker", "official"])
    assert result.exit_code == 0, result.output
    assert "(anonymous)" in result.output
    rows = _json_rows(runner.invoke(app, ["quotes", "--db", str(ledger), "--speaker",
                                          "official", "--limit", "100", "--json"]).output)
    assert len(rows) >= 15
    assert {r["speaker_kind"] for r in rows} == {"anonymous"}


def test_quotes_search_and_limit(ledger):
    rows = _json_rows(runner.invoke(app, ["quotes", "--db", str(ledger), "--search",
                                          "escalation", "--json"]).output)
    assert rows and all("escalation" in r["text"].lower() for r in rows)
    assert all(r["document_source"].endswith("iran-attack-toi.txt") for r in rows)
    one = _json_rows(runner.invoke(app, ["quotes", "--db", str(ledger), "--limit", "1",
                                         "--json"]).output)
    assert len(one) == 1


def test_quotes_odd_input_is_data_not_sql(ledger):
    result = runner.invoke(app, ["quotes", "--db", str(ledger), "--speaker", "%' OR 1=1 --"])
    assert result.exit_code == 0
    assert "no quotes match" in result.output


def test_quotes_missing_ledger(tmp_path):
    result = runner.invoke(app, ["quotes", "--db", str(tmp_path / "none.db")])
    assert result.exit_code != 0


def test_help_ends_with_example():
    for args in (["quotes", "--help"], ["evaluate", "quotes", "--help"]):
        result = runner.invoke(app, args)
        assert result.exit_code == 0
        assert "Example: newsledger" in result.output


def test_evaluate_quotes_command(tmp_path, nlp):
    gold = tmp_path / "mini.json"
    gold.write_text(json.dumps({
        "article": str(SEED), "reader": "text", "not_quotes": ["This Week"],
        "quotes": [
            {"fragment": "We intercepted. We blocked.", "type": "direct", "cue": "said",
             "speaker": {"name": "Benjamin Netanyahu", "kind": "person",
                         "aliases": ["Netanyahu"]}},
            {"fragment": "our commitment is ironclad", "type": "mixed", "cue": "said",
             "speaker": {"name": "John Kirby", "kind": "person", "aliases": ["Kirby"]}},
        ]}), encoding="utf-8")
    result = runner.invoke(app, ["evaluate", "quotes", str(gold), "--json", "--stage-only"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert scores["by_type"]["direct"]["found"] == 1
    assert scores["by_type"]["mixed"]["attributed"] == 1
    assert scores["overall"]["recall"] == 1.0
    table = runner.invoke(app, ["evaluate", "quotes", str(gold), "--stage-only"])
    assert "speaker acc." in table.output


def test_evaluate_quotes_bad_gold(tmp_path):
    gold = tmp_path / "bad.json"
    gold.write_text('{"quotes": []}', encoding="utf-8")
    result = runner.invoke(app, ["evaluate", "quotes", str(gold)])
    assert result.exit_code != 0
