"""Incidents over hand-built analysis records (no model): linking, stability, incremental
ingest, fused records and disputes, the record/export/API/CLI surfaces, and the rules."""

from __future__ import annotations

import json
import sqlite3
from datetime import date

import pytest
from typer.testing import CliRunner

from newsledger.cli import app
from newsledger.incidents import compat, link_new
from newsledger.incidents import link as link_module
from newsledger.incidents.reports import Report, Side, stem, trigger_stems
from newsledger.incidents.summary import best_date, fuse_modality, reconcile_quantities
from newsledger.ledger import connect, load_analysis, write_analyses
from newsledger.ledger.incident_query import IncidentFilter, get_incident, list_incidents, story
from newsledger.records import (
    Actor,
    Analysis,
    Document,
    Event,
    EventDate,
    Participant,
    Published,
    Quantity,
    Span,
)

IRAN = Actor(id="a1", name="Iran", kind="state", country="IRN", key="state:IRN")
ISRAEL = Actor(id="a2", name="Israel", kind="state", country="ISR", key="state:ISR")


def _event(text: str, trigger: str, eid: str, *, etype: str = "ASSAULT",
           modality: str = "asserted", source: Actor | None = IRAN,
           target: Actor | None = ISRAEL, day: str | None = None,
           quantities: list[Quantity] | None = None) -> Event:
    start = text.index(trigger)
    part = lambda a: Participant(actor=a.id, name=a.name, country=a.country) if a else None  # noqa: E731
    return Event(id=eid, type=etype, modality=modality,
                 trigger=Span(start, start + len(trigger), trigger),
                 evidence=Span(0, len(text), text), source=part(source), target=part(target),
                 date=EventDate(value=day, precision="day") if day else None,
                 quantities=quantities or [])


def _doc(text: str, published: str, events: list[Event], name: str) -> Analysis:
    document = Document(text=text, source=name, published=Published(date=published))
    return Analysis(document=document, actors=[IRAN, ISRAEL], events=events)


ATTACK_1 = ("Iran launched hundreds of drones and missiles at Israel on Saturday night, the Israeli"
            " military said, in Tehran's first direct attack on Israeli territory.")
ATTACK_2 = ("Iran attacked Israel overnight with more than 300 drones and missiles; Israel said it"
            " intercepted 99 percent of them. Tehran called the attack a response.")
RESPONSE = ("Israel may strike Iran in response to the attack, officials in Israel said, but"
            " Washington urged restraint and said it would not join a counterattack.")
OTHER = ("Russia attacked Ukraine's power grid with missiles on Friday, Kyiv said, leaving"
         " millions without electricity in Kharkiv.")


def _ledger(tmp_path):
    conn = connect(tmp_path / "ledger.db")
    write_analyses(conn, [
        _doc(ATTACK_1, "2024-04-14", [_event(ATTACK_1, "launched", "e1", day="2024-04-13")], "a.txt"),
        _doc(RESPONSE, "2024-04-15", [
            _event(RESPONSE, "strike", "e1", modality="hypothetical", source=ISRAEL, target=IRAN)],
            "b.txt"),
    ])
    return conn


def _incident_of(conn, source: str, local_id: str = "e1") -> str:
    row = conn.execute(
        "SELECT ie.incident_id FROM incident_events ie JOIN events e ON e.id = ie.event_id"
        " JOIN documents d ON d.id = e.document_id WHERE d.source = ? AND e.local_id = ?",
        (source, local_id)).fetchone()
    return f"i{row[0]}"


def test_reports_of_one_attack_share_an_incident_and_a_hypothetical_response_does_not(tmp_path):
    conn = _ledger(tmp_path)
    link_new(conn)
    write_analyses(conn, [_doc(ATTACK_2, "2024-04-14", [
        _event(ATTACK_2, "attacked", "e1", quantities=[
            Quantity(value=300, approximate=True, unit="drones", role="weapon")])], "c.txt")])
    result = link_new(conn)
    assert result.linked == 1 and result.attached == 1
    attack = _incident_of(conn, "a.txt")
    assert _incident_of(conn, "c.txt") == attack
    assert _incident_of(conn, "b.txt") != attack
    record = get_incident(conn, attack)
    assert record["date_value"] == "2024-04-13" and record["date_basis"] == "event"
    assert record["documents"] == 2 and record["source_country"] == "IRN"
    assert {r["document_source"] for r in record["reports"]} == {"a.txt", "c.txt"}


def test_a_second_linker_cannot_read_the_events_another_is_linking(tmp_path, monkeypatch):
    """Two ingests on one ledger: the read of unlinked events and their linking are one
    write transaction, so the other waits instead of linking the same events twice."""
    conn = _ledger(tmp_path)
    other = connect(tmp_path / "ledger.db")
    other.execute("PRAGMA busy_timeout = 50")
    real = link_module.load_reports
    seen = []

    def interleaved(*args, **kwargs):
        found = list(real(*args, **kwargs))
        if found and not seen:
            seen.append(True)
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                link_new(other)  # the other ingest, between this one's read and its writes
        return found

    monkeypatch.setattr(link_module, "load_reports", interleaved)
    assert link_new(conn).linked == 2 and seen
    assert conn.execute("SELECT COUNT(*) FROM incident_events").fetchone()[0] == 2


def test_relinking_and_reingesting_change_no_incident_id(tmp_path):
    conn = _ledger(tmp_path)
    link_new(conn)
    before = dict(conn.execute("SELECT event_id, incident_id FROM incident_events").fetchall())
    assert link_new(conn).linked == 0
    write_analyses(conn, [_doc(ATTACK_1, "2024-04-14", [], "a-again.txt")])  # same text: skipped
    write_analyses(conn, [_doc(OTHER, "2024-04-12", [
        _event(OTHER, "attacked", "e1", source=None, target=None, day="2024-04-12")], "d.txt")])
    result = link_new(conn)
    assert result.created == 1
    after = dict(conn.execute("SELECT event_id, incident_id FROM incident_events").fetchall())
    assert {k: after[k] for k in before} == before
    assert max(after.values()) > max(before.values())  # new incidents get new numbers


def test_event_records_carry_their_incident_in_the_record_export_and_api(tmp_path):
    from fastapi.testclient import TestClient

    from newsledger.web.app import create_app

    conn = _ledger(tmp_path)
    link_new(conn)
    doc_id = conn.execute("SELECT id FROM documents WHERE source = 'a.txt'").fetchone()[0]
    expected = _incident_of(conn, "a.txt")
    assert load_analysis(conn, doc_id).to_dict()["events"][0]["incident"] == expected
    conn.close()
    exported = CliRunner().invoke(app, ["export", "--db", str(tmp_path / "ledger.db")])
    assert exported.exit_code == 0, exported.output
    records = [json.loads(line) for line in exported.output.splitlines()]
    assert all(e["incident"] for r in records for e in r["events"])
    client = TestClient(create_app(tmp_path / "ledger.db"))
    assert client.get(f"/api/documents/{doc_id}").json()["events"][0]["incident"] == expected
    page = client.get(f"/api/incidents/{expected}").json()
    assert page["incident"] == expected and page["reports"][0]["evidence"] == ATTACK_1
    assert client.get(f"/incidents/{expected}").status_code == 200
    assert client.get("/incidents/i999").status_code == 404
    assert client.get("/api/incidents?since=yesterday").status_code == 422


def test_disagreeing_reports_make_a_disputed_incident(tmp_path):
    conn = connect(tmp_path / "ledger.db")
    dead = lambda n: [Quantity(value=n, unit="people", role="dead")]  # noqa: E731
    write_analyses(conn, [
        _doc(ATTACK_1, "2024-04-14", [_event(ATTACK_1, "launched", "e1", day="2024-04-13",
                                             quantities=dead(3))], "a.txt"),
        _doc(ATTACK_2, "2024-04-14", [_event(ATTACK_2, "attacked", "e1", modality="negated",
                                             day="2024-04-13", quantities=dead(5))], "c.txt"),
    ])
    link_new(conn)
    [record] = list_incidents(conn, IncidentFilter(disputed=True))
    assert record["documents"] == 2 and record["modality"] == "asserted"
    assert {d["kind"] for d in record["disputes"]} == {"modality", "figures"}
    [figures] = [q for q in record["quantities"] if q["role"] == "dead"]
    assert (figures["min"], figures["max"]) == (3, 5)
    doc_id = conn.execute("SELECT id FROM documents WHERE source = 'a.txt'").fetchone()[0]
    assert [d["source"] for d in story(conn, doc_id)] == ["c.txt"]


def test_cli_lists_and_shows_incidents(tmp_path):
    _ledger(tmp_path).close()
    db = str(tmp_path / "ledger.db")
    result = CliRunner().invoke(app, ["incidents", "--db", db, "--link", "--json"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert {r["modality"] for r in rows} == {"asserted", "hypothetical"}
    shown = CliRunner().invoke(app, ["incidents", rows[0]["incident"], "--db", db])
    assert shown.exit_code == 0 and rows[0]["incident"] in shown.stdout
    missing = CliRunner().invoke(app, ["incidents", "i999", "--db", db])
    assert missing.exit_code != 0


# --- the rules, on hand-built reports -------------------------------------------------------

def _report(eid: int = 1, **kw) -> Report:
    base = dict(event_id=eid, document_id=f"d{eid}", type="ASSAULT", modality="asserted",
                trigger="attacked", evidence="", stems=trigger_stems(["attacked"]))
    base.update(kw)
    return Report(**base)


@pytest.mark.parametrize("a,b,same", [
    ("attacked", "attacks", True), ("hitting", "hit", True), ("captured", "arrested", True),
    ("shot", "shooting", True), ("attack", "captured", False), ("killed", "injured", False),
])
def test_trigger_stems_name_one_action(a, b, same):
    assert bool(trigger_stems([a]) & trigger_stems([b])) is same


def test_stem_strips_inflections():
    assert stem("attacked") == stem("attack") == stem("attacks")
    assert stem("hosting") == stem("hosted") == stem("host")


def test_conflicts_veto_what_cannot_be_one_event():
    base = _report(source=Side("Iran", "state:IRN", "IRN"), date_value="2024-04-13",
                   date_precision="day")
    assert not compat.conflicts(base, _report(2, date_value="2024-04-14", date_precision="day"))
    assert compat.conflicts(base, _report(2, modality="hypothetical"))
    assert compat.conflicts(base, _report(2, source=Side("Israel", "state:ISR", "ISR")))
    assert compat.conflicts(base, _report(2, date_value="2024-04-20", date_precision="day"))
    assert compat.conflicts(base, _report(2, type="AGREE"))
    assert not compat.conflicts(base, _report(2, type="COERCE"))  # a coder could code either
    month = _report(2, date_value="2024-04", date_precision="month")
    assert not compat.conflicts(base, month)


def test_undated_report_is_placed_in_the_week_before_it_was_published():
    report = _report(published="2024-04-14")
    assert report.interval == (date(2024, 4, 7), date(2024, 4, 14))
    assert compat.conflicts(report, _report(2, date_value="2024-03-01", date_precision="day"))


def test_best_date_is_the_earliest_consistent_report_and_outliers_are_disputed():
    reports = [_report(1, date_value="2024-04-12", date_precision="day", published="2024-04-19"),
               _report(2, date_value="2024-04-13", date_precision="day", published="2024-04-14"),
               _report(3, date_value="2024-04-13", date_precision="day", published="2024-04-15"),
               _report(4, date_value="2024-04", date_precision="month", published="2024-04-13")]
    value, precision, basis, disputes = best_date(reports)
    assert (value, precision, basis) == ("2024-04-13", "day", "event")
    assert disputes == []
    reports.append(_report(5, date_value="2024-04-20", date_precision="day", published="2024-04-21"))
    assert best_date(reports)[3][0]["events"] == [2, 5]


def test_modality_and_quantities_fuse_with_their_disagreements():
    modality, disputes = fuse_modality([_report(1), _report(2, modality="negated")])
    assert modality == "asserted" and disputes[0]["kind"] == "modality"
    quantities, disputes = reconcile_quantities([
        _report(1, quantities=[{"value": 300, "unit": "drones and missiles", "role": "weapon",
                                "approximate": False, "text": "more than 300 drones and missiles"}]),
        _report(2, quantities=[{"value": None, "unit": "missiles", "role": "weapon",
                                "approximate": True, "text": "hundreds of missiles"}])])
    assert quantities[0]["min"] == quantities[0]["max"] == 300 and quantities[0]["approximate"]
    assert disputes == []


def test_scorer_counts_only_found_mentions_and_compares_groupings(tmp_path):
    from newsledger.incidents.evaluate import score_records

    texts = tmp_path / "texts"
    texts.mkdir()
    one, two = "Rebels attacked the town. The attack killed 5.", "Rebels  attacked the town."
    (texts / "1.txt").write_text(one)
    (texts / "2.txt").write_text(two)
    m = lambda text, word, chain, skip=0: {  # noqa: E731
        "start": text.index(word, skip), "end": text.index(word, skip) + len(word),
        "chain": chain, "annotated": True}
    gold = [{"id": "1", "path": "texts/1.txt", "mentions": [
                m(one, "attacked", "A"), m(one, "attack", "A", 20), m(one, "killed", "K")]},
            {"id": "2", "path": "texts/2.txt", "mentions": [m(two, "attacked", "A")]}]
    (tmp_path / "gold.json").write_text(json.dumps(gold))
    ev = lambda text, word, eid, inc, skip=0: {  # noqa: E731
        "id": eid, "incident": inc,
        "trigger": {"start": text.index(word, skip), "end": text.index(word, skip) + len(word)}}
    records = [{"document": {"text": one}, "events": [
                   ev(one, "attacked", "e1", "i1"), ev(one, "attack", "e2", "i2", 20)]},
               {"document": {"text": " ".join(two.split())}, "events": [
                   ev(" ".join(two.split()), "attacked", "e1", "i1")]}]
    scores = score_records(records, tmp_path / "gold.json")
    assert scores["aligned"] == 3 and scores["detection"] == 0.75  # "killed" was not found
    assert scores["b3_p_r_f1"][0] == 1.0  # nothing wrongly merged
    assert scores["b3_p_r_f1"][1] == round((2 / 3 + 2 / 3 + 1 / 3) / 3, 3)
    assert scores["pairwise_p_r_f1"][:2] == [1.0, round(1 / 3, 3)]


def test_one_person_under_several_keys_is_one_side_and_different_people_conflict():
    assert compat.same_person("person:jackson", "person:vincent jackson")
    assert compat.same_person("person:comedian ellen degeneres", "person:ellen degeneres")
    assert not compat.same_person("person:jill biden", "person:joe biden")
    assert not compat.same_person("person:ellen degeneres", "person:seth macfarlane")
    jackson = _report(target=Side("Jackson", "person:jackson"))
    vincent = _report(2, target=Side("Vincent Jackson", "person:vincent jackson"))
    assert not compat.conflicts(jackson, vincent)
    assert compat.sides_match(jackson.target, vincent.target) == 1.0
    assert compat.conflicts(jackson, _report(3, target=Side("Jamal Williams",
                                                            "person:jamal williams")))
