"""The SQLite ledger: pragmas, migrations, idempotent writes, lossless round trips, FTS."""

from __future__ import annotations

import sqlite3

import pytest

from newsledger.errors import LedgerError
from newsledger.ledger import connect, load_analysis, migrate, schema_version, stats, write_analyses
from newsledger.ledger.db import migrations
from newsledger.records import (
    Actor,
    Analysis,
    Document,
    Event,
    EventDate,
    Location,
    Mention,
    Participant,
    Published,
    Quantity,
    Quote,
    Region,
    Span,
    Speaker,
)

TEXT = (
    "Ministers meet in Geneva\n\n"
    "Iran fired 12 missiles at Israel on Monday, the army said.\n\n"
    "\u201cWe will respond,\u201d Defence Minister Yoav Gallant said.\n"
)


def _span(text: str, piece: str) -> tuple[int, int]:
    start = text.index(piece)
    return start, start + len(piece)


def sample_analysis(text: str = TEXT) -> Analysis:
    doc = Document(text=text, source="memory:sample", title="Ministers meet in Geneva",
                   published=Published("2024-04-16", "day", "given", None),
                   regions=[Region("title", 0, 24), Region("body", 24, len(text))],
                   meta={"reader": "test"})
    iran, israel, gallant = _span(text, "Iran"), _span(text, "Israel"), _span(text, "Yoav Gallant")
    actors = [
        Actor("a1", "Iran", "state", "IRN", None, None, [Mention(*iran, "Iran")], key="state:IRN"),
        Actor("a2", "Israel", "state", "ISR", None, None, [Mention(*israel, "Israel")],
              key="state:ISR"),
        Actor("a3", "Yoav Gallant", "person", "ISR", "GOV", "Defence Minister",
              [Mention(*gallant, "Yoav Gallant")], aliases=["Gallant"], key="person:yoav gallant"),
    ]
    q_start, q_end = _span(text, "We will respond,")
    said = text.rindex("said")
    quote = Quote("q1", "direct", q_start, q_end, text[q_start:q_end],
                  Speaker("a3", "Yoav Gallant", "person", *gallant, "Yoav Gallant"),
                  Span(said, said + 4, "said"), "body")
    fired = _span(text, "fired")
    evidence = _span(text, "Iran fired 12 missiles at Israel on Monday")
    monday = _span(text, "Monday")
    event = Event(
        "e1", "ASSAULT", "asserted", Span(*fired, "fired"),
        Span(*evidence, text[evidence[0]:evidence[1]]), mode="aerial",
        source=Participant("a1", "Iran", "IRN", None, *iran, "Iran"),
        target=Participant("a2", "Israel", "ISR", None, *israel, "Israel"),
        date=EventDate("2024-04-15", "day", *monday, "Monday"),
        location=Location("Israel", "ISR", 31.5, 34.75, *israel),
        quantities=[Quantity(12, False, "missiles", "weapon", "12 missiles")],
        intensity=-9.0, cameo="19",
    )
    return Analysis(doc, actors, [quote], [event])


def test_pragmas_and_schema_version(db_path):
    conn = connect(db_path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert schema_version(conn) == max(v for v, _, _ in migrations())


def test_migrations_are_ordered_and_recorded(db_path):
    conn = connect(db_path)
    recorded = [r[0] for r in conn.execute("SELECT version FROM schema_migrations ORDER BY version")]
    assert recorded == sorted(v for v, _, _ in migrations())
    assert migrate(conn) == recorded[-1]  # a second run applies nothing new
    assert [r[0] for r in conn.execute("SELECT version FROM schema_migrations")] == recorded


def test_round_trip_is_lossless(db_path):
    conn = connect(db_path)
    analysis = sample_analysis()
    assert write_analyses(conn, [analysis]) == 1
    loaded = load_analysis(conn, analysis.document.id)
    assert loaded.to_dict() == analysis.to_dict()


def test_same_text_is_stored_once(db_path):
    conn = connect(db_path)
    assert write_analyses(conn, [sample_analysis()]) == 1
    assert write_analyses(conn, [sample_analysis(), sample_analysis()]) == 0
    counts = stats(conn)
    assert counts["documents"] == 1 and counts["events"] == 1 and counts["quotes"] == 1


def test_foreign_keys_cascade(db_path):
    conn = connect(db_path)
    analysis = sample_analysis()
    write_analyses(conn, [analysis])
    with conn:
        conn.execute("DELETE FROM documents WHERE id = ?", (analysis.document.id,))
    assert all(v == 0 for v in stats(conn).values())
    with pytest.raises(sqlite3.IntegrityError), conn:
        conn.execute('INSERT INTO regions (document_id, kind, start, "end") VALUES (?, ?, 0, 1)',
                     ("no-such-document", "body"))


def test_full_text_search(db_path):
    conn = connect(db_path)
    write_analyses(conn, [sample_analysis()])
    hits = conn.execute(
        "SELECT d.title FROM documents_fts f JOIN documents d ON d.rowid = f.rowid"
        " WHERE documents_fts MATCH ?", ("missiles",)).fetchall()
    assert [h[0] for h in hits] == ["Ministers meet in Geneva"]
    assert not conn.execute("SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?",
                            ("submarine",)).fetchall()


def test_batch_is_one_transaction(db_path):
    conn = connect(db_path)
    good = sample_analysis()
    bad = sample_analysis(TEXT + "\nMore text.\n")
    bad.quotes[0].type = None  # violates NOT NULL
    with pytest.raises(sqlite3.IntegrityError):
        write_analyses(conn, [good, bad])
    assert stats(conn)["documents"] == 0


def test_readonly_missing_ledger_names_the_file(tmp_path):
    with pytest.raises(LedgerError, match="nope.db"):
        connect(tmp_path / "nope.db", readonly=True)


def test_readonly_refuses_writes(db_path):
    connect(db_path).close()
    conn = connect(db_path, readonly=True)
    with pytest.raises(sqlite3.OperationalError):
        conn.execute("DELETE FROM documents")
