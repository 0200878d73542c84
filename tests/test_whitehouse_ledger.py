"""The visible targets of issues 11 (who) and 12 (what) on a real ledger: the White House
documents of April 2024 plus the seed article, ingested once into a temporary ledger.

Who: Joe, Jill and Hunter Biden are three actors; "Biden" is Joe Biden; transcript markers,
headline phrases, programs and regions are no actors; the busiest actors are names or agents;
quote listings leave readout paragraphs out. What: no asserted event after its document, no
year before 1900 the text does not state, no event without an actor, none in Casablanca, and
Iran's attack of 13 April never reported as hypothetical, future or negated once it happened.
"""

from __future__ import annotations

import re

import pytest

from newsledger.engines.local import ingest
from newsledger.ingest import read_paths
from newsledger.ledger import connect
from newsledger.ledger.query import iter_quotes, list_actors
from tests.conftest import shared_path

pytestmark = pytest.mark.shared

WORKERS = 2
BUSIEST = 20
JOE = "person:joe biden"
MARKERS = ("laughter", "applause", "q", "crosstalk", "press")
# Names that are programs, laws, regions or formulas, never actors (phenomena seen on this
# ledger; any of them among the busiest actors is a failure of the actor filter).
NOT_ACTORS = ("medicare", "medicaid", "social security", "budget", "indo-pacific",
              "independence of the united states of america", "american rescue plan")
HEADLINE = re.compile(r"\b(?:Announces|Marks|Names|Wants|Highlights|Celebrates|Releases|"
                      r"Takes|Launches|Signs|Delivers|Unveils)\b")
STATEMENT_TITLES = ("Readout", "Statement", "FACT SHEET", "Fact Sheet")
CONNECTIVES = {"of", "the", "and", "for", "on", "in", "to", "&", "de", "al"}


@pytest.fixture(scope="module")
def conn(tmp_path_factory):
    month = sorted(shared_path("corpora", "whitehouse").glob("*/2024-04/*"))
    paths = [str(p) for p in month if p.is_file()] + [str(shared_path("seed", "article.txt"))]
    db = tmp_path_factory.mktemp("whitehouse") / "ledger.db"
    report = ingest(read_paths(paths), db, workers=WORKERS)
    assert report.stored > 0 and report.failed == 0, report.errors[:5]
    connection = connect(db, readonly=True)
    yield connection
    connection.close()


def _keys(conn, name: str) -> set[tuple[str, str]]:
    return {tuple(r) for r in conn.execute(
        "SELECT kind, COALESCE(key, '') FROM actors WHERE lower(name) = lower(?)", (name,))}


def test_joe_jill_and_hunter_biden_are_three_actors(conn):
    keys = {who: _keys(conn, who) for who in ("Joe Biden", "Jill Biden", "Hunter Biden")}
    assert all(len(k) == 1 for k in keys.values()), keys
    assert len({next(iter(k)) for k in keys.values()}) == 3, keys
    assert keys["Joe Biden"] == {("person", JOE)}
    # no actor key holds two Bidens with different given names
    for key, names in conn.execute(
            "SELECT key, group_concat(DISTINCT name) FROM actors WHERE kind = 'person'"
            " AND name LIKE '%Biden' GROUP BY key"):
        given = {n.split()[0].lower() for n in names.split(",") if len(n.split()) > 1}
        assert not {"jill", "hunter"} & given or len(given) == 1, (key, names)


def test_biden_is_joe_biden(conn):
    bare = _keys(conn, "Biden") | _keys(conn, "President Biden")
    assert bare <= {("person", JOE)}, bare
    glued = [r[0] for r in conn.execute("SELECT DISTINCT name FROM actors WHERE name LIKE"
                                        " '%Biden%'") if HEADLINE.search(r[0])]
    assert not glued, glued  # "Biden Marks", "Biden Announces Key Nominees"


def test_no_transcript_marker_is_an_actor(conn):
    found = [tuple(r) for r in conn.execute(
        f"SELECT name, kind FROM actors WHERE lower(trim(name)) IN"
        f" ({','.join('?' * len(MARKERS))})", MARKERS)]
    assert not found, found


def test_congress_is_one_actor(conn):
    keys = _keys(conn, "Congress") | _keys(conn, "United States Congress") \
        | _keys(conn, "U.S. Congress")
    assert len({k for _, k in keys}) == 1, keys


def _is_name_or_agent(actor: dict) -> bool:
    name = actor["name"]
    if name.lower() in NOT_ACTORS or HEADLINE.search(name):
        return False
    if actor["sector"] and (actor["kind"] in ("anonymous", "group") or actor["country"]):
        return True  # an agent: "senior administration official", "Israeli government"
    words = [w for w in name.replace("-", " ").split() if w.lower() not in CONNECTIVES]
    return bool(words) and len(words) <= 6 and all(w[:1].isupper() or w[:1].isdigit()
                                                   for w in words)


def test_busiest_actors_are_names_or_agents(conn):
    busiest = list_actors(conn, sort="events", limit=BUSIEST).items
    assert len(busiest) == BUSIEST
    bad = [(a["name"], a["kind"]) for a in busiest if not _is_name_or_agent(a)]
    assert not bad, bad
    assert all(a["kind"] in ("person", "organization", "state", "group", "anonymous")
               for a in busiest)


def test_programs_and_regions_are_not_actors(conn):
    found = [tuple(r) for r in conn.execute(
        f"SELECT DISTINCT name, kind FROM actors WHERE lower(name) IN"
        f" ({','.join('?' * len(NOT_ACTORS))})", NOT_ACTORS)]
    assert not found, found


def test_quote_listings_leave_readout_paragraphs_out(conn):
    titles = {r[0]: r[1] for r in conn.execute("SELECT id, title FROM documents")}
    texts: dict[str, str] = {}
    paragraphs = []
    for quote in iter_quotes(conn):
        doc = quote["document_id"]
        title = titles.get(doc) or ""
        if not (title.startswith(STATEMENT_TITLES) or "Statement" in title):
            continue
        if quote["type"] not in ("direct", "mixed"):
            continue
        text = texts.setdefault(doc, conn.execute(
            "SELECT text FROM documents WHERE id = ?", (doc,)).fetchone()[0])
        if quote["start"] == 0 or text[quote["start"] - 1] == "\n":
            paragraphs.append((titles[doc][:60], quote["text"][:60]))
    assert not paragraphs, paragraphs
    statements = conn.execute("SELECT COUNT(*) FROM quotes WHERE type = 'statement'").fetchone()
    assert statements[0] > 0  # they are kept, and shown when asked


def test_no_asserted_event_after_its_document(conn):
    late = [tuple(r) for r in conn.execute(
        "SELECT e.trigger_text, e.date_value, d.published_date FROM events e JOIN documents d"
        " ON d.id = e.document_id WHERE e.modality = 'asserted' AND e.date_value IS NOT NULL"
        " AND d.published_date IS NOT NULL"
        " AND substr(e.date_value, 1, 10) > substr(d.published_date, 1, 10)"
        " AND length(e.date_value) >= 10")]
    assert not late, late[:10]


def test_no_year_before_1900_the_text_does_not_state(conn):
    old = [tuple(r) for r in conn.execute(
        "SELECT date_value, COALESCE(date_text, '') FROM events WHERE date_value < '1900'")
        if r[0][:4] not in r[1]]
    assert not old, old[:10]


def test_every_event_has_an_actor(conn):
    bare = conn.execute("SELECT COUNT(*) FROM events WHERE source_actor_id IS NULL"
                        " AND target_actor_id IS NULL").fetchone()[0]
    assert bare == 0


def test_no_event_in_casablanca(conn):
    found = conn.execute("SELECT COUNT(*) FROM events WHERE location_name LIKE '%Casablanca%'"
                         ).fetchone()[0]
    assert found == 0


def test_irans_attack_is_asserted_once_it_happened(conn):
    records = [tuple(r) for r in conn.execute(
        "SELECT e.modality, e.trigger_text, d.title FROM events e JOIN documents d"
        " ON d.id = e.document_id WHERE e.type = 'ASSAULT' AND e.source_country = 'IRN'"
        " AND e.target_country = 'ISR' AND substr(d.published_date, 1, 10) >= '2024-04-13'")]
    assert records, "no Iran -> Israel ASSAULT after 13 April"
    wrong = [r for r in records if r[0] in ("hypothetical", "future", "negated")]
    assert not wrong, wrong
