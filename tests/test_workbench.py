"""The analyst's workbench over a small hand-built ledger: one filter meaning everywhere,
facets whose counts are the rows their links list, downloads of exactly what a view shows,
a timeline that survives an outlier date, and the web's hard edges (ids, headers, links).

No model: the ledger is written from hand-built records, so every count has an exact answer.
"""

from __future__ import annotations

import csv
import io
import json
import socket
import subprocess
import sys

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from newsledger.cli import app as cli
from newsledger.cli.serve import bind
from newsledger.errors import NewsledgerError
from newsledger.ledger import connect, write_analyses
from newsledger.ledger.aggregate import bulk_range
from newsledger.ledger.query import QuoteFilter, like
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
    Quote,
    Span,
    Speaker,
)
from newsledger.web import create_app
from newsledger.web.deps import SECURITY_HEADERS, web_url
from newsledger.web.highlight import Mark, render

runner = CliRunner()
TEXT = ("Kirby briefs reporters\n\n"
        "\u201cOur commitment is ironclad,\u201d said John Kirby, the spokesman. "
        "The White House condemns the attack in the strongest terms. "
        "Iran attacked Israel near Tel Aviv. Russia shelled Belarus border posts. "
        "Iran threatened Israel again. Israel struck Iran in Isfahan. "
        "A document from 1774 mentions an old raid by Iran on Israel.\n")
LATE = "Undated note\n\nIran accused Israel of lying.\n"


def _at(text: str, piece: str) -> tuple[int, int]:
    start = text.index(piece)
    return start, start + len(piece)


def _span(text: str, piece: str) -> Span:
    s, e = _at(text, piece)
    return Span(s, e, piece)


def _actor(aid: str, name: str, kind: str, country: str | None, text: str, piece: str,
           aliases: list[str] | None = None) -> Actor:
    s, e = _at(text, piece)
    return Actor(id=aid, name=name, kind=kind, country=country, key=f"{kind}:{name.lower()}"
                 if kind != "state" else f"state:{country}", aliases=aliases or [],
                 mentions=[Mention(s, e, piece)])


def _part(actor: Actor, text: str, piece: str) -> Participant:
    s, e = _at(text, piece)
    return Participant(actor=actor.id, name=actor.name, country=actor.country, start=s, end=e,
                       text=piece)


def _event(eid: str, type_: str, text: str, src: Actor, tgt: Actor, trigger: str,
           sentence: str, date: str | None, quad_place: Location | None = None,
           intensity: float = -5.0) -> Event:
    return Event(id=eid, type=type_, modality="asserted", trigger=_span(text, trigger),
                 evidence=_span(text, sentence), source=_part(src, text, src.mentions[0].text),
                 target=_part(tgt, text, tgt.mentions[0].text),
                 date=EventDate(value=date, precision="day") if date else None,
                 location=quad_place, intensity=intensity)


def analyses() -> list[Analysis]:
    doc = Document(text=TEXT, source="hand/kirby.txt", title="Kirby briefs reporters",
                   url="javascript:alert(1)", published=Published("2024-04-15"))
    kirby = _actor("a1", "John Kirby", "person", "USA", TEXT, "John Kirby", aliases=["Kirby"])
    wh = _actor("a2", "White House", "organization", "USA", TEXT, "The White House")
    iran = _actor("a3", "Iran", "state", "IRN", TEXT, "Iran")
    israel = _actor("a4", "Israel", "state", "ISR", TEXT, "Israel")
    russia = _actor("a5", "Russia", "state", "RUS", TEXT, "Russia")
    belarus = _actor("a6", "Belarus", "state", "BLR", TEXT, "Belarus")
    s, e = _at(TEXT, "Our commitment is ironclad,")
    ks, ke = _at(TEXT, "John Kirby")
    direct = Quote("q1", "direct", s, e, TEXT[s:e],
                   Speaker(actor="a1", name="John Kirby", kind="person", start=ks, end=ke,
                           text="John Kirby"), _span(TEXT, "said"))
    s, e = _at(TEXT, "The White House condemns the attack in the strongest terms.")
    statement = Quote("q2", "statement", s, e, TEXT[s:e],
                      Speaker(actor="a2", name="White House", kind="organization"))
    tel_aviv = Location("Tel Aviv", "ISR", 32.08, 34.78)
    isfahan = Location("Isfahan", "IRN", 32.65, 51.67)
    events = [
        _event("e1", "ASSAULT", TEXT, iran, israel, "attacked", "Iran attacked Israel near Tel Aviv.",
               "2024-04-13", tel_aviv, -10.0),
        _event("e2", "ASSAULT", TEXT, russia, belarus, "shelled",
               "Russia shelled Belarus border posts.", "2024-04-14"),
        _event("e3", "THREATEN", TEXT, iran, israel, "threatened", "Iran threatened Israel again.",
               "2024-04-14", None, -4.0),
        _event("e4", "ASSAULT", TEXT, israel, iran, "struck", "Israel struck Iran in Isfahan.",
               "2024-04-19", isfahan),
        _event("e5", "ASSAULT", TEXT, iran, israel, "raid",
               "A document from 1774 mentions an old raid by Iran on Israel.", "1774-07-04"),
    ]
    first = Analysis(document=doc, actors=[kirby, wh, iran, israel, russia, belarus],
                     quotes=[direct, statement], events=events)
    late = Document(text=LATE, source="hand/undated.txt", title="Undated note")
    iran2 = _actor("a1", "Iran", "state", "IRN", LATE, "Iran")
    israel2 = _actor("a2", "Israel", "state", "ISR", LATE, "Israel")
    second = Analysis(document=late, actors=[iran2, israel2], events=[
        _event("e1", "ACCUSE", LATE, iran2, israel2, "accused", "Iran accused Israel of lying.",
               None, None, -2.0)])
    return [first, second]


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("workbench") / "ledger.db"
    conn = connect(path)
    write_analyses(conn, analyses())
    conn.close()
    return path


@pytest.fixture(scope="module")
def client(db):
    app = create_app(db)

    @app.get("/boom", include_in_schema=False)
    def boom() -> None:
        raise RuntimeError("deliberate")

    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


# --- one filter meaning everywhere -----------------------------------------------------------

def test_speaker_matches_part_of_a_name_in_cli_api_and_pages(client, db):
    api = client.get("/api/quotes", params={"speaker": "kirby"}).json()
    assert [q["speaker_name"] for q in api["items"]] == ["John Kirby"]
    page = client.get("/quotes", params={"speaker": "KIRBY"}).text
    assert "Our commitment is ironclad" in page
    result = runner.invoke(cli, ["quotes", "--db", str(db), "--speaker", "kirb", "--json"])
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["id"] for line in result.output.splitlines()] == ["q1"]


@pytest.mark.parametrize("source", ["IRN", "Iran", "ira", "RUS", "rus"])
def test_cli_source_and_api_source_give_the_same_rows(client, db, source):
    api = client.get("/api/events", params={"source": source, "limit": 200}).json()
    result = runner.invoke(cli, ["events", "--db", str(db), "--source", source, "--json"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert sorted((r["document_id"], r["id"]) for r in rows) == sorted(
        (r["document_id"], r["id"]) for r in api["items"])
    assert api["total"] == len(rows) > 0


def test_iso3_means_the_country_not_part_of_a_name(client):
    countries = {e["source_name"] for e in
                 client.get("/api/events", params={"source": "RUS"}).json()["items"]}
    assert countries == {"Russia"}  # "Belarus" holds "rus" but is not Russia
    loose = {e["target_name"] for e in
             client.get("/api/events", params={"target": "rus"}).json()["items"]}
    assert loose == {"Belarus"}  # lower case is part of a name, as documented


def test_like_escapes_wildcards():
    assert like("50%_a\\b") == "%50\\%\\_a\\\\b%"


def test_statements_are_left_out_unless_asked_for(client, db):
    default = client.get("/api/quotes").json()
    assert [q["type"] for q in default["items"]] == ["direct"]
    asked = client.get("/api/quotes", params={"type": "statement"}).json()
    assert [q["id"] for q in asked["items"]] == ["q2"]
    both = client.get("/api/quotes", params={"include_statements": "true"}).json()
    assert both["total"] == 2
    assert "condemns the attack" in client.get("/quotes?type=statement").text
    assert "condemns the attack" not in client.get("/quotes").text
    cli_rows = runner.invoke(cli, ["quotes", "--db", str(db), "--json"]).output.splitlines()
    assert len(cli_rows) == 1
    with_statements = runner.invoke(cli, ["quotes", "--db", str(db), "--json",
                                          "--include-statements"]).output.splitlines()
    assert len(with_statements) == 2
    assert QuoteFilter(type="statement").where()[1] == ["statement"]


# --- facets, sorting, downloads --------------------------------------------------------------

@pytest.mark.parametrize("table", ["events", "quotes", "documents", "actors"])
def test_every_facet_count_is_the_number_of_rows_its_filter_lists(client, table):
    listing = client.get(f"/api/{table}").json()
    assert listing["facets"], table
    for name, values in listing["facets"].items():
        for v in values:
            narrowed = client.get(f"/api/{table}", params={name: v["value"]}).json()
            assert narrowed["total"] == v["count"], (table, name, v)


def test_facet_links_on_the_pages_answer_and_narrow(client):
    import re

    for path in ("/timeline", "/quotes", "/documents", "/actors"):
        page = client.get(path).text
        links = re.findall(r'<a href="([^"]+)" data-facet=', page)
        assert links, path
        for href in links:
            assert client.get(href.replace("&amp;", "&")).status_code == 200, href


@pytest.mark.parametrize(("table", "params"), [
    ("events", {"type": "ASSAULT"}), ("events", {"source": "IRN"}), ("quotes", {}),
    ("quotes", {"include_statements": "true"}), ("documents", {}), ("actors", {"kind": "state"}),
])
def test_downloads_hold_exactly_the_rows_the_view_counts(client, table, params):
    total = client.get(f"/api/{table}", params=params).json()["total"]
    as_csv = client.get(f"/api/{table}.csv", params=params)
    assert as_csv.status_code == 200 and as_csv.headers["content-type"].startswith("text/csv")
    assert "attachment" in as_csv.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(as_csv.text)))
    assert len(rows) == total
    as_json = client.get(f"/api/{table}.json", params=params).json()
    assert len(as_json) == total
    if table == "events":
        assert {"document_title", "published_date", "evidence"} <= set(rows[0])


def test_csv_cells_cannot_start_a_formula(client):
    rows = list(csv.DictReader(io.StringIO(client.get("/api/events.csv").text)))
    assert all(float(r["intensity"]) < 0 for r in rows)  # numbers stay numbers
    assert not any(v.startswith(("=", "@")) for r in rows for v in r.values())


def test_sorting_orders_events(client):
    dates = [e["date"] for e in client.get("/api/events", params={"sort": "-date"}).json()["items"]]
    assert dates[-1] is None and dates[:-1] == sorted(dates[:-1])  # undated last
    worst = client.get("/api/events", params={"sort": "intensity"}).json()["items"][0]
    assert worst["intensity"] == -10.0
    assert client.get("/api/events", params={"sort": "sideways"}).status_code == 422


def test_cli_export_tables_with_titles_and_dates(db, tmp_path):
    out = runner.invoke(cli, ["export", "--db", str(db), "--table", "quotes", "--format", "csv"])
    assert out.exit_code == 0, out.output
    rows = list(csv.DictReader(io.StringIO(out.stdout)))
    assert {r["document_title"] for r in rows} == {"Kirby briefs reporters"}
    assert rows[0]["published_date"] == "2024-04-15"
    docs = runner.invoke(cli, ["export", "--db", str(db), "--table", "documents",
                               "--format", "jsonl"])
    assert sorted(json.loads(line)["title"] for line in docs.stdout.splitlines()) == [
        "Kirby briefs reporters", "Undated note"]
    bad = runner.invoke(cli, ["export", "--db", str(db), "--table", "nope"])
    assert bad.exit_code != 0
    pytest.importorskip("pyarrow")
    target = tmp_path / "events.parquet"
    done = runner.invoke(cli, ["export", "--db", str(db), "--table", "events", "--format",
                               "parquet", "-o", str(target)])
    assert done.exit_code == 0, done.output
    import pyarrow.parquet as pq

    assert pq.read_table(target).num_rows == 6


# --- timeline, map, network ------------------------------------------------------------------

def test_timeline_axis_comes_from_the_bulk_and_says_what_it_leaves_out(client):
    data = client.get("/api/events/series").json()
    assert data["axis"][0] >= "2024-01-01"
    assert data["out_of_range"] == 1 and data["out_of_range_days"] == ["1774-07-04"]
    assert data["undated"] == 1
    assert data["drawn"] + data["out_of_range"] + data["undated"] == data["total"] == 6
    page = client.get("/timeline").text
    assert "1 event dated outside the bulk" in page and "1 event with no date" in page
    asked = client.get("/api/events/series", params={"date_from": "1700-01-01"}).json()
    assert asked["axis"][0] == "1700-01-01" and asked["out_of_range"] == 0


def test_bulk_range_ignores_one_outlier():
    from datetime import date

    days = [(date(2024, 4, d), 5) for d in range(1, 20)] + [(date(1774, 7, 4), 1)]
    lo, hi = bulk_range(days)
    assert lo.year == 2024 and hi == date(2024, 4, 19)


def test_map_shows_places_with_shapes(client):
    places = client.get("/api/events/places").json()["items"]
    assert {p["name"] for p in places} == {"Tel Aviv", "Isfahan"}
    page = client.get("/map").text
    assert page.count('class="marker q4"') == 2 and "Tel Aviv" in page
    narrowed = client.get("/api/events", params={"place": "tel aviv"}).json()
    assert narrowed["total"] == 1


def test_network_keys_nodes_and_pages_edges(client):
    net = client.get("/api/network").json()
    assert {n["id"] for n in net["nodes"]} >= {"state:IRN", "state:ISR"}
    iran_israel = next(e for e in net["edges"] if (e["source"], e["target"]) == ("state:IRN", "state:ISR"))
    assert iran_israel["count"] == 4  # both documents, one node per key
    page = client.get("/network", params={"edges": 1})
    assert page.status_code == 200 and "<svg" in page.text
    assert client.get("/network", params={"edge_offset": 10**7}).status_code == 422


# --- hard edges ------------------------------------------------------------------------------

@pytest.mark.parametrize("path", [
    "/api/provenance/18446744073709551616", "/provenance/18446744073709551616",
    "/provenance/quote/99999999999999999999999999", "/api/provenance/0",
    "/provenance/-1", "/api/events?offset=99999999999999999999", "/api/events?limit=10**9",
])
def test_out_of_range_integers_are_4xx_never_500(client, path):
    response = client.get(path)
    assert 400 <= response.status_code < 500, path
    assert response.headers["content-security-policy"] == SECURITY_HEADERS["Content-Security-Policy"]


@pytest.mark.parametrize(("path", "status"), [("/nothing", 404), ("/api/events?type=X", 422),
                                              ("/boom", 500), ("/", 200), ("/api/events.csv", 200)])
def test_security_headers_on_every_response(client, path, status):
    response = client.get(path)
    assert response.status_code == status
    for name, value in SECURITY_HEADERS.items():
        assert response.headers.get(name) == value, (path, name)


def test_responses_are_gzip_compressed(client):
    response = client.get("/timeline", headers={"Accept-Encoding": "gzip"})
    assert response.headers.get("content-encoding") == "gzip"


def test_only_http_urls_become_links(client, db):
    assert web_url("https://example.org/a") == "https://example.org/a"
    for bad in ("javascript:alert(1)", "data:text/html,x", "/etc/passwd", "http:/x", None):
        assert web_url(bad) is None
    conn = connect(db, readonly=True)
    doc_id = conn.execute("SELECT id FROM documents WHERE url IS NOT NULL").fetchone()[0]
    conn.close()
    page = client.get(f"/documents/{doc_id}").text
    assert 'href="javascript:' not in page and "javascript:alert(1)" in page


def test_api_docs_is_served_offline(client):
    response = client.get("/api/docs")
    assert response.status_code == 200 and "/api/events" in response.text
    assert "cdn" not in response.text.lower()


def test_document_view_has_layer_toggles_and_inline_labels(client, db):
    conn = connect(db, readonly=True)
    doc_id = conn.execute("SELECT id FROM documents WHERE title LIKE 'Kirby%'").fetchone()[0]
    conn.close()
    page = client.get(f"/documents/{doc_id}").text
    for layer in ("actors", "quotes", "statements", "events", "dates", "places"):
        assert f'id="layer-{layer}"' in page, layer
    assert 'class="hl hl-statement"' in page and 'data-label="ASSAULT"' in page
    assert 'data-label="DIRECT · John Kirby"' in page


def test_serve_refuses_a_busy_port_in_one_line_before_any_url(db):
    taken = socket.socket()
    taken.bind(("127.0.0.1", 0))
    taken.listen(1)
    port = taken.getsockname()[1]
    try:
        with pytest.raises(NewsledgerError, match="another server"):
            bind("127.0.0.1", port)
        done = subprocess.run([sys.executable, "-m", "newsledger", "serve", "--db", str(db),
                               "--port", str(port)], capture_output=True, text=True, timeout=120)
    finally:
        taken.close()
    assert done.returncode == 1 and "http://" not in done.stdout
    assert done.stderr.strip().count("\n") == 0 and "Traceback" not in done.stderr


def test_one_inline_label_per_span_when_several_records_share_it():
    marks = [Mark(0, 4, "place", "e1", "place of e1", label="PLACE"),
             Mark(0, 4, "place", "e2", "place of e2", label="PLACE"),
             Mark(8, 12, "place", "e3", "place of e3", label="PLACE")]
    html = render("Gaza is Rafa", marks)
    assert html.count('data-label="PLACE"') == 2
