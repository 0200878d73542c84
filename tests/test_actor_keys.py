"""The ledger-wide actor registry (migration 005): one row per identified actor key."""

from __future__ import annotations

import json

from newsledger.ledger import connect, write_analyses
from newsledger.records import Actor, Analysis, Document, Mention


def _analysis(text: str, actors: list[Actor]) -> Analysis:
    return Analysis(document=Document(text=text, source="t.txt"), actors=actors)


def _actor(local: str, name: str, kind: str, key: str, aliases: list[str]) -> Actor:
    return Actor(id=local, name=name, kind=kind, key=key, aliases=aliases,
                 mentions=[Mention(0, len(name), name)])


def test_same_key_in_two_documents_is_one_registry_row(db_path):
    conn = connect(db_path)
    first = _analysis("Kirby said so.", [
        _actor("a1", "John Kirby", "person", "person:john kirby", ["Kirby"]),
        _actor("a2", "the official", "anonymous", "local:abc:anonymous:official:0", []),
    ])
    second = _analysis("John Kirby spoke.", [
        _actor("a1", "John Kirby", "person", "person:john kirby", ["Mr. Kirby"]),
    ])
    write_analyses(conn, [first, second])
    rows = conn.execute("SELECT key, name, aliases, documents FROM actor_keys").fetchall()
    assert [(r["key"], r["name"], r["documents"]) for r in rows] == [
        ("person:john kirby", "John Kirby", 2)]
    assert set(json.loads(rows[0]["aliases"])) == {"Kirby", "Mr. Kirby"}
    keys = {r[0] for r in conn.execute("SELECT key FROM actors")}
    assert "local:abc:anonymous:official:0" in keys  # stored on the actor, not registered
