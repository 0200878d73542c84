"""Counts count incidents by default, reports on request: the API, the pages and the CLI.

A hand-built ledger: two documents report one attack (one incident, reported on two days,
dated at its best date), a third reports another attack, and one record is linked to no
incident (it counts as an incident of its own).
"""

from __future__ import annotations

import json
import sqlite3

import pytest
from typer.testing import CliRunner

from newsledger.cli import app
from newsledger.ledger import connect, load_analysis, write_analyses
from newsledger.ledger.export import COLUMNS
from newsledger.records import (
    Actor,
    Analysis,
    Document,
    Event,
    EventDate,
    Participant,
    Published,
    Span,
)
from newsledger.web import create_app

runner = CliRunner()


def _analysis(text: str, published: str, day: str | None, intensity: float,
              target: str = "Israel", target_iso: str = "ISR") -> Analysis:
    doc = Document(text=text, source=f"test/{published}.txt", title=text[:20],
                   published=Published(date=published, precision="day", method="given"))
    src = Actor(id="a1", name="Iran", kind="state", country="IRN", key="state:IRN")
    tgt = Actor(id="a2", name=target, kind="state", country=target_iso,
                key=f"state:{target_iso}")
    s0 = text.index("Iran")
    t0 = text.index(target)
    k0 = text.index("attacked")

    def part(actor: Actor, at: int) -> Participant:
        return Participant(actor=actor.id, name=actor.name, country=actor.country, start=at,
                           end=at + len(actor.name), text=actor.name)

    when = EventDate(value=day, precision="day") if day else None
    event = Event(id="e1", type="ASSAULT", modality="asserted",
                  trigger=Span(k0, k0 + 8, "attacked"), evidence=Span(0, len(text), text),
                  source=part(src, s0), target=part(tgt, t0), date=when, intensity=intensity)
    return Analysis(document=doc, actors=[src, tgt], events=[event])


def _link(conn: sqlite3.Connection, number: int, day: str, doc_ids: list[str]) -> None:
    """One incident holding the events of ``doc_ids`` (written here, not by the linker)."""
    conn.execute("INSERT INTO incidents (id, type, modality, source_name, target_name,"
                 " date_value, date_precision, anchor, documents, mentions)"
                 " VALUES (?, 'ASSAULT', 'asserted', 'Iran', 'Israel', ?, 'day', ?, ?, ?)",
                 (number, day, day, len(doc_ids), len(doc_ids)))
    for doc_id in doc_ids:
        conn.execute("INSERT INTO incident_events (event_id, incident_id, score)"
                     " SELECT id, ?, 1.0 FROM events WHERE document_id = ?", (number, doc_id))


@pytest.fixture(scope="module")
def ledger(tmp_path_factory) -> dict:
    db = tmp_path_factory.mktemp("counts") / "ledger.db"
    first = _analysis("Iran attacked Israel on Saturday night.", "2024-04-14", "2024-04-13", -10.0)
    second = _analysis("Iran attacked Israel with drones.", "2024-04-15", None, -8.0)
    other = _analysis("Iran attacked Israel again in May.", "2024-05-20", "2024-05-19", -10.0)
    alone = _analysis("Iran attacked Iraq, officials said.", "2024-05-21", "2024-05-21", -9.0,
                      target="Iraq", target_iso="IRQ")
    conn = connect(db)
    write_analyses(conn, [first, second, other, alone])
    with conn:
        conn.execute("DELETE FROM incident_events")
        conn.execute("DELETE FROM incidents")
        _link(conn, 1, "2024-04-13", [first.document.id, second.document.id])
        _link(conn, 2, "2024-05-19", [other.document.id])
    conn.close()
    return {"db": db, "first": first.document.id, "second": second.document.id,
            "alone": alone.document.id}


@pytest.fixture(scope="module")
def client(ledger):
    from fastapi.testclient import TestClient

    with TestClient(create_app(ledger["db"])) as c:
        yield c


def _days(data: dict) -> dict[str, int]:
    out: dict[str, int] = {}
    for row in data["series"]:
        out[row["period"]] = out.get(row["period"], 0) + row["count"]
    return out


def test_timeline_counts_an_incident_once_at_its_best_date(client):
    default = client.get("/api/events/series", params={"interval": "day"}).json()
    assert default["count"] == "incidents" and default["total"] == 3
    assert _days(default) == {"2024-04-13": 1, "2024-05-19": 1, "2024-05-21": 1}
    reports = client.get("/api/events/series",
                         params={"interval": "day", "count": "reports"}).json()
    assert reports["count"] == "reports" and reports["total"] == 4
    assert _days(reports) == {"2024-04-13": 1, "2024-04-15": 1, "2024-05-19": 1,
                              "2024-05-21": 1}


def test_date_filters_apply_to_the_incident_date(client):
    # The second report is dated by its publication (15 April); its incident by 13 April.
    found = client.get("/api/events", params={"date_from": "2024-04-15",
                                              "date_to": "2024-04-30"}).json()
    assert found["counted"] == 0 and found["total"] == 0
    week = client.get("/api/events", params={"date_from": "2024-04-13",
                                             "date_to": "2024-04-14"}).json()
    assert week["count"] == "incidents" and week["counted"] == 1 and week["total"] == 2
    assert {i["incident"] for i in week["items"]} == {"i1"}


def test_event_list_and_facets_count_incidents_or_reports(client, ledger):
    data = client.get("/api/events", params={"target": "Israel"}).json()
    assert data["total"] == 3 and data["counted"] == 2
    types = {f["value"]: f["count"] for f in data["facets"]["type"]}
    assert types == {"ASSAULT": 2}
    months = {f["value"]: f["count"] for f in data["facets"]["month"]}
    assert months == {"2024-04": 1, "2024-05": 1}
    reports = client.get("/api/events", params={"target": "Israel", "count": "reports"}).json()
    assert reports["counted"] == 3
    assert {f["value"]: f["count"] for f in reports["facets"]["type"]} == {"ASSAULT": 3}
    # an incident matches a filter when one of its reports does
    one = client.get("/api/events", params={"document": ledger["second"]}).json()
    assert one["counted"] == 1 and one["items"][0]["incident"] == "i1"


def test_dyads_network_and_overview_count_incidents(client):
    dyads = client.get("/api/dyads").json()
    pair = {(d["source"], d["target"]): d for d in dyads["items"]}
    assert dyads["count"] == "incidents" and pair[("Iran", "Israel")]["count"] == 2
    assert pair[("Iran", "Israel")]["intensity"] == pytest.approx(-19.0)
    by_report = client.get("/api/dyads", params={"count": "reports"}).json()
    assert {(d["source"], d["target"]): d["count"] for d in by_report["items"]}[
        ("Iran", "Israel")] == 3
    series = client.get("/api/dyads/series", params={"source": "Iran", "target": "Israel",
                                                     "interval": "month"}).json()
    assert [r["count"] for r in series["forward"]] == [1, 1]
    net = client.get("/api/network").json()
    edges = {(e["source_name"], e["target_name"]): e["count"] for e in net["edges"]}
    assert edges[("Iran", "Israel")] == 2
    net = client.get("/api/network", params={"count": "reports"}).json()
    assert {(e["source_name"], e["target_name"]): e["count"]
            for e in net["edges"]}[("Iran", "Israel")] == 3
    overview = client.get("/api/overview").json()
    assert overview["count"] == "incidents" and overview["counts"]["incidents"] == 3
    assert overview["counts"]["events"] == 4


def test_actor_counts_incidents(client):
    actors = {a["ref"]: a for a in client.get("/api/actors").json()["items"]}
    assert actors["state:IRN"]["events"] == 3 and actors["state:ISR"]["events"] == 2
    by_report = {a["ref"]: a for a in
                 client.get("/api/actors", params={"count": "reports"}).json()["items"]}
    assert by_report["state:IRN"]["events"] == 4
    iran = client.get("/api/actors/state:IRN").json()
    assert iran["events_as_source"]["counted"] == 3 and iran["events_as_source"]["total"] == 4


def test_bad_count_is_a_422_naming_the_parameter(client):
    answer = client.get("/api/events", params={"count": "stories"})
    assert answer.status_code == 422 and "count" in answer.text


def test_pages_say_what_they_count(client):
    for path in ("/", "/timeline", "/network", "/dyads", "/actors/state:IRN"):
        page = client.get(path)
        assert page.status_code == 200, path
        assert "counting incidents" in page.text, path
        switched = client.get(path, params={"count": "reports"})
        assert "counting reports" in switched.text, path


def test_cli_events_count(ledger):
    def rows(*extra: str) -> list[dict]:
        result = runner.invoke(app, ["events", "--db", str(ledger["db"]), "--json", *extra])
        assert result.exit_code == 0, result.output
        return [json.loads(line) for line in result.output.splitlines() if line.strip()]

    incidents = rows("--target", "Israel")
    assert len(incidents) == 2
    assert {r["incident"]: r["reports"] for r in incidents} == {"i1": 2, "i2": 1}
    assert {r["incident"]: r["date"] for r in incidents}["i1"] == "2024-04-13"  # its best date
    assert len(rows("--target", "Israel", "--count", "reports")) == 3
    table = runner.invoke(app, ["events", "--db", str(ledger["db"])])
    assert table.exit_code == 0 and "3 incidents" in table.output
    bad = runner.invoke(app, ["events", "--db", str(ledger["db"]), "--count", "stories"])
    assert bad.exit_code != 0 and "--count" in bad.output


def test_csv_export_has_the_incident(ledger):
    assert "incident" in COLUMNS["events"]
    result = runner.invoke(app, ["export", "--db", str(ledger["db"]), "--format", "csv"])
    assert result.exit_code == 0
    header, *lines = result.output.splitlines()
    column = header.split(",").index("incident")
    assert sorted(line.split(",")[column] for line in lines) == ["", "i1", "i1", "i2"]


def test_analysis_record_leaves_incident_out_outside_a_ledger(ledger):
    record = _analysis("Iran attacked Israel.", "2024-04-14", None, -10.0).to_dict()
    assert "incident" not in record["events"][0]
    conn = connect(ledger["db"], readonly=True)
    try:
        stored = load_analysis(conn, ledger["first"]).to_dict()
    finally:
        conn.close()
    assert stored["events"][0]["incident"] == "i1"
