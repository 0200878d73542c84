"""Event mentions through the ledger: stored, read back, exported; migration 004 upgrades
an existing ledger."""

from __future__ import annotations

import json
import sqlite3

from typer.testing import CliRunner

from newsledger.cli import app
from newsledger.ledger import connect, load_analysis, write_analyses
from newsledger.ledger.db import migrations
from newsledger.records import EventMention, Span
from tests.test_ledger import TEXT, sample_analysis

runner = CliRunner()


def _with_mention():
    analysis = sample_analysis()
    start = TEXT.index("12 missiles")
    span = Span(start, start + len("12 missiles"), "12 missiles")
    analysis.events[0].mentions = [EventMention(trigger=span, evidence=span)]
    return analysis


def test_mentions_round_trip(db_path):
    conn = connect(db_path)
    analysis = _with_mention()
    write_analyses(conn, [analysis])
    loaded = load_analysis(conn, analysis.document.id)
    assert loaded.events[0].mentions == analysis.events[0].mentions
    assert loaded.to_dict() == analysis.to_dict()


def test_export_lists_mentions(db_path):
    conn = connect(db_path)
    write_analyses(conn, [_with_mention()])
    conn.close()
    result = runner.invoke(app, ["export", "--db", str(db_path), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.output.splitlines()[0])
    mentions = record["events"][0]["mentions"]
    assert mentions == [{"trigger": {"start": TEXT.index("12 missiles"),
                                     "end": TEXT.index("12 missiles") + 11, "text": "12 missiles"},
                         "evidence": {"start": TEXT.index("12 missiles"),
                                      "end": TEXT.index("12 missiles") + 11,
                                      "text": "12 missiles"}}]


def test_migration_004_upgrades_existing_events(db_path):
    raw = sqlite3.connect(db_path)
    raw.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
                " applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))")
    for version, name, sql in migrations():
        if version >= 4:
            break
        raw.executescript(sql)
        raw.execute("INSERT INTO schema_migrations(version, name) VALUES (?, ?)", (version, name))
    raw.execute("INSERT INTO documents (id, text, source) VALUES ('d1', 'x', 'mem')")
    raw.execute("INSERT INTO events (document_id, local_id, type, modality, trigger_start,"
                " trigger_end, trigger_text, evidence_start, evidence_end)"
                " VALUES ('d1', 'e1', 'ASSAULT', 'asserted', 0, 1, 'x', 0, 1)")
    raw.commit()
    raw.close()
    conn = connect(db_path)
    assert conn.execute("SELECT mentions FROM events").fetchone()[0] == "[]"
    assert conn.execute("SELECT MAX(version) FROM schema_migrations").fetchone()[0] >= 4
