"""The visible target on real text: Iran's 13 April 2024 attack on Israel, reported by the seed
and the White House's G7 statement and background call, is one incident dated 2024-04-13, kept
apart from the possible Israeli response; ingesting the same documents again changes no id."""

from __future__ import annotations

import pytest

from newsledger.engines.local import ingest
from newsledger.ingest import read_paths
from newsledger.ledger import connect
from newsledger.ledger.incident_query import get_incident
from tests.conftest import shared_path

pytestmark = pytest.mark.shared

DOCUMENTS = (
    ("seed", "article.txt"),
    ("corpora", "whitehouse", "statements-releases", "2024-04",
     "2024-04-14-g7-leaders-statement-on-irans-attack-against-israel.md"),
    ("corpora", "whitehouse", "press-briefings", "2024-04",
     "2024-04-14-background-press-call-by-senior-administration-officials-on-irans-attacks-"
     "against-the-state-of-israel.md"),
)


@pytest.fixture(scope="module")
def ledger(tmp_path_factory):
    paths = [str(shared_path(*parts)) for parts in DOCUMENTS]
    db = tmp_path_factory.mktemp("incidents") / "ledger.db"
    report = ingest(read_paths(paths), db)
    assert report.stored == len(DOCUMENTS), report.errors
    return db, paths


def _iran_attack_incidents(conn) -> dict[int, int]:
    """Incidents holding asserted Iran -> Israel ASSAULT records, with their record counts."""
    return dict(conn.execute(
        "SELECT ie.incident_id, COUNT(*) FROM events e JOIN incident_events ie"
        " ON ie.event_id = e.id WHERE e.type = 'ASSAULT' AND e.modality = 'asserted'"
        " AND e.source_country = 'IRN' AND e.target_country = 'ISR'"
        " GROUP BY ie.incident_id").fetchall())


def test_irans_attack_is_one_incident_dated_13_april(ledger):
    conn = connect(ledger[0], readonly=True)
    incidents = _iran_attack_incidents(conn)
    assert len(incidents) == 1, incidents
    record = get_incident(conn, next(iter(incidents)))
    assert record["date_value"] == "2024-04-13" and record["date_precision"] == "day"
    assert record["documents"] == len(DOCUMENTS)
    assert record["modality"] == "asserted"
    reports = record["reports"]
    assert all(r["modality"] in ("asserted", "negated", "alleged") for r in reports)
    assert not any(r["source_country"] == "ISR" for r in reports)  # not Israel's response


def test_possible_israeli_response_is_another_incident(ledger):
    conn = connect(ledger[0], readonly=True)
    attack = set(_iran_attack_incidents(conn))
    responses = {row[0] for row in conn.execute(
        "SELECT ie.incident_id FROM events e JOIN incident_events ie ON ie.event_id = e.id"
        " WHERE e.type = 'ASSAULT' AND e.modality IN ('hypothetical', 'future')"
        " AND e.source_country = 'ISR'")}
    assert responses, "no hypothetical Israeli response found"
    assert not responses & attack


def test_a_second_ingest_changes_no_incident_id(ledger):
    db, paths = ledger
    conn = connect(db, readonly=True)
    before = conn.execute("SELECT event_id, incident_id FROM incident_events").fetchall()
    conn.close()
    again = ingest(read_paths(paths), db)
    assert again.stored == 0 and again.duplicates == len(DOCUMENTS)
    conn = connect(db, readonly=True)
    assert conn.execute("SELECT event_id, incident_id FROM incident_events").fetchall() == before
