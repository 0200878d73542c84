"""The JSON API and the pages through FastAPI's test client, over a real ingested ledger.

The ledger holds examples/ and a hostile document run through the real pipeline, plus one
hand-annotated document whose quotes and events are known, so every filter has an exact answer.
"""

from __future__ import annotations

import html
import random
import re
import sqlite3
from html.parser import HTMLParser
from urllib.parse import quote as urlquote

import pytest

from newsledger.errors import LedgerError
from newsledger.ledger import connect, stats, write_analyses
from newsledger.records import (
    Actor,
    Analysis,
    Document,
    Event,
    EventDate,
    Mention,
    Participant,
    Published,
    Quote,
    Region,
    Span,
    Speaker,
)
from newsledger.web import create_app
from newsledger.web.highlight import Mark, render

TEXT = (
    "Border clashes: <b>ministry</b> says talks will resume\n\n"
    "YEREVAN - Armenia accused Azerbaijan on Monday of shelling border villages, and on Tuesday "
    "Azerbaijan said Armenian troops had fired first.\n\n"
    "\u201cWe will not accept any further attacks,\u201d Prime Minister Nikol Pashinyan said "
    "on Wednesday.\n\n"
    "A senior European diplomat said the two sides had agreed to meet in Geneva in October. "
    "Azerbaijan did not attack the aid convoy, officials said.\n\n"
    "A group calling itself <script>alert(2)</script> said it hacked Armenia's election "
    "commission on Thursday.\n"
)


def _at(piece: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(piece, start + 1)
    return start, start + len(piece)


def _span(piece: str, nth: int = 0) -> Span:
    s, e = _at(piece, nth)
    return Span(s, e, TEXT[s:e])


def _part(actor: Actor, piece: str, nth: int = 0) -> Participant:
    s, e = _at(piece, nth)
    return Participant(actor=actor.id, name=actor.name, country=actor.country, start=s, end=e,
                       text=TEXT[s:e])


def _sentence(piece: str) -> Span:
    s, _ = _at(piece)
    start = max(TEXT.rfind("\n", 0, s), TEXT.rfind(". ", 0, s) + 1) + 1
    end = min(x for x in (TEXT.find(".", s), TEXT.find("\n", s)) if x >= 0) + 1
    return Span(start, end, TEXT[start:end])


def curated_analysis() -> Analysis:
    title_end = TEXT.index("\n")
    doc = Document(text=TEXT, source="curated/border-clashes.txt", title=TEXT[:title_end],
                   published=Published(date="2023-09-15", precision="day", method="given"),
                   regions=[Region("title", 0, title_end), Region("body", title_end + 2, len(TEXT))])

    def actor(aid: str, name: str, kind: str, country: str | None, pieces: list[tuple[str, int]],
              key: str | None = None) -> Actor:
        mentions = [Mention(*_at(p, n), text=p) for p, n in pieces]
        return Actor(id=aid, name=name, kind=kind, country=country, mentions=mentions,
                     key=key or f"{kind}:{name.lower()}")

    arm = actor("a1", "Armenia", "state", "ARM", [("Armenia", 0), ("Armenia", 2)])
    aze = actor("a2", "Azerbaijan", "state", "AZE", [("Azerbaijan", 0), ("Azerbaijan", 1),
                                                     ("Azerbaijan", 2)])
    pm = actor("a3", "Nikol Pashinyan", "person", "ARM", [("Nikol Pashinyan", 0)])
    dip = actor("a4", "a senior European diplomat", "anonymous", None,
                [("A senior European diplomat", 0)])
    grp = actor("a5", "<script>alert(2)</script>", "group", None,
                [("<script>alert(2)</script>", 0)])
    q1 = Quote(id="q1", type="direct", start=_at("We will not")[0],
               end=_at("further attacks,")[1], text="", region="body",
               speaker=Speaker(actor="a3", name="Nikol Pashinyan", kind="person",
                               start=_at("Nikol Pashinyan")[0], end=_at("Nikol Pashinyan")[1],
                               text="Nikol Pashinyan"),
               cue=_span("said", 1))
    q1.text = TEXT[q1.start:q1.end]
    s2, e2 = _at("the two sides had agreed to meet in Geneva in October")
    q2 = Quote(id="q2", type="indirect", start=s2, end=e2, text=TEXT[s2:e2],
               speaker=Speaker(actor="a4", name="a senior European diplomat", kind="anonymous",
                               start=_at("A senior European diplomat")[0],
                               end=_at("A senior European diplomat")[1],
                               text="A senior European diplomat"),
               cue=_span("said", 2))

    def event(eid: str, type_: str, modality: str, src: Participant, tgt: Participant,
              trigger: str, date: str | None, intensity: float, nth: int = 0,
              date_text: str | None = None, precision: str = "day",
              attributed_to: str | None = None) -> Event:
        trig = _span(trigger, nth)
        when = None
        if date:
            ds, de = _at(date_text) if date_text else (None, None)
            when = EventDate(value=date, precision=precision, start=ds, end=de, text=date_text)
        return Event(id=eid, type=type_, modality=modality, trigger=trig,
                     evidence=_sentence(trigger) if nth == 0 else trig, source=src, target=tgt,
                     date=when, intensity=intensity, attributed_to=attributed_to)

    events = [
        event("e1", "ACCUSE", "asserted", _part(arm, "Armenia"), _part(aze, "Azerbaijan"),
              "accused", "2023-09-11", -2.0, date_text="on Monday"),
        event("e2", "ASSAULT", "alleged", _part(aze, "Azerbaijan"), _part(arm, "Armenia"),
              "shelling", "2023-09-11", -9.0, date_text="on Monday"),
        event("e3", "ASSAULT", "alleged", _part(arm, "Armenian troops"),
              _part(aze, "Azerbaijan", 1), "fired", "2023-09-12", -9.0, date_text="on Tuesday"),
        event("e4", "REJECT", "asserted", _part(pm, "Nikol Pashinyan"), _part(aze, "Azerbaijan"),
              "not accept", "2023-09-13", -4.0, date_text="on Wednesday", attributed_to="q1"),
        event("e5", "AGREE", "future", _part(arm, "the two sides"), _part(aze, "the two sides"),
              "agreed", "2023-10", 3.0, date_text="in October", precision="month",
              attributed_to="q2"),
        event("e6", "ASSAULT", "negated", _part(aze, "Azerbaijan", 2), _part(arm, "aid convoy"),
              "not attack", "2023-09-15", -9.0),
        event("e7", "ASSAULT", "asserted", _part(grp, "<script>alert(2)</script>"),
              _part(arm, "Armenia's election commission"), "hacked", "2023-09-14", -5.0,
              date_text="on Thursday"),
    ]
    return Analysis(document=doc, actors=[arm, aze, pm, dip, grp], quotes=[q1, q2], events=events)


# --- the application over a copy of the session ledger plus the annotated document -------------

@pytest.fixture(scope="module")
def ledger(web_ledger, tmp_path_factory):
    db = tmp_path_factory.mktemp("api") / "ledger.db"
    source = sqlite3.connect(web_ledger["db"])
    target = sqlite3.connect(db)
    source.backup(target)
    source.close()
    target.close()
    conn = connect(db)
    analysis = curated_analysis()
    write_analyses(conn, [analysis])
    conn.close()
    return {**web_ledger, "db": db, "curated": analysis.document.id}


@pytest.fixture(scope="module")
def client(ledger):
    from fastapi.testclient import TestClient

    with TestClient(create_app(ledger["db"])) as c:
        yield c


@pytest.fixture(scope="module")
def db(ledger):
    conn = connect(ledger["db"], readonly=True)
    yield conn
    conn.close()


def _ids(items: list[dict]) -> list[str]:
    return sorted(i["id"] for i in items)


# --- documents -----------------------------------------------------------------------------

def test_openapi_documents_every_endpoint(client):
    paths = set(client.get("/api/openapi.json").json()["paths"])
    for path in ("/api/overview", "/api/documents", "/api/documents/{doc_id}", "/api/actors",
                 "/api/actors/{ref}", "/api/quotes", "/api/events", "/api/events/series",
                 "/api/dyads", "/api/dyads/series", "/api/network"):
        assert path in paths, path
    page = client.get("/api")
    assert page.status_code == 200 and "/api/dyads/series" in page.text


def test_overview_counts_match_the_ledger(client, db):
    data = client.get("/api/overview").json()
    counts = dict(data["counts"])
    incidents = counts.pop("incidents")
    assert counts == stats(db)
    assert data["count"] == "incidents" and 0 < incidents <= counts["events"]
    assert data["first_event"] <= "2023-09-11" and data["last_event"] >= "2023-10-01"
    assert len(data["actors"]) <= 10 and len(data["events"]) <= 12
    events = [a["events"] for a in data["actors"]]
    assert events == sorted(events, reverse=True)


def test_documents_paginate_with_totals(client, db):
    total = db.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    assert total >= 4
    seen: list[str] = []
    for offset in range(0, total, 2):
        page = client.get("/api/documents", params={"limit": 2, "offset": offset}).json()
        assert page["total"] == total and page["limit"] == 2 and page["offset"] == offset
        seen += [d["id"] for d in page["items"]]
    assert sorted(seen) == sorted(r[0] for r in db.execute("SELECT id FROM documents"))
    assert client.get("/api/documents", params={"offset": total}).json()["items"] == []


@pytest.mark.parametrize(("q", "expect"), [
    ("Pashinyan", {"curated"}),
    ("onerror", {"hostile"}),
    ("ministry", {"curated", "hostile"}),
    ('"Pashinyan" AND (Geneva', {"curated"}),   # FTS operators are taken as words, never a 500
    ("zzqxv", set()),
    ("***", set()),
])
def test_documents_search(client, ledger, q, expect):
    page = client.get("/api/documents", params={"q": q}).json()
    wanted = {ledger["curated"] if e == "curated" else ledger["hostile_id"] for e in expect}
    found = {d["id"] for d in page["items"]}
    assert wanted <= found and page["total"] == len(page["items"])
    if not expect:
        assert page["total"] == 0
    for d in page["items"]:
        assert "\x02" in d["snippet"]


def test_document_record_round_trips(client, ledger):
    record = client.get(f"/api/documents/{ledger['curated']}").json()
    expected = curated_analysis().to_dict()
    assert record["document"]["text"] == expected["document"]["text"]
    assert [q["id"] for q in record["quotes"]] == ["q1", "q2"]
    assert record["events"] == expected["events"]
    assert record["actors"] == expected["actors"]
    missing = client.get("/api/documents/" + "0" * 64)
    assert missing.status_code == 404 and "no document" in missing.json()["detail"]


def test_pipeline_records_are_all_reachable(client, db):
    seed = db.execute("SELECT id FROM documents WHERE source LIKE '%iran-attack-toi.txt'"
                      ).fetchone()[0]
    for table, endpoint in (("quotes", "/api/quotes"), ("events", "/api/events")):
        n = db.execute(f"SELECT COUNT(*) FROM {table} WHERE document_id = ?", (seed,)).fetchone()[0]
        page = client.get(endpoint, params={"document": seed, "limit": 200}).json()
        assert page["total"] == n
        assert all(i["href"] == f"/documents/{seed}#{i['id']}" for i in page["items"])


# --- actors --------------------------------------------------------------------------------

def test_actors_merge_across_documents(client, db):
    page = client.get("/api/actors", params={"limit": 200}).json()
    refs = [a["ref"] for a in page["items"]]
    assert len(refs) == len(set(refs))
    distinct = db.execute("SELECT COUNT(DISTINCT COALESCE(key, kind || ':' || lower(name)))"
                          " FROM actors").fetchone()[0]
    assert page["total"] == distinct
    armenia = next(a for a in page["items"] if a["ref"] == "state:armenia")
    assert armenia["events"] == 6 and armenia["documents"] == 1


@pytest.mark.parametrize(("params", "check"), [
    ({"kind": "anonymous"}, lambda a: a["kind"] == "anonymous"),
    ({"q": "pashin"}, lambda a: "pashin" in a["name"].lower()),
    ({"q": "%"}, lambda a: "%" in a["name"]),
    ({"kind": "PERSON"}, lambda a: a["kind"] == "person"),
])
def test_actor_filters(client, params, check):
    page = client.get("/api/actors", params=params).json()
    assert all(check(a) for a in page["items"])
    if params.get("q") == "%":
        assert page["total"] == 0
    else:
        assert page["total"] >= 1


def test_actor_sort_by_name(client):
    names = [a["name"] for a in client.get("/api/actors", params={"sort": "name"}).json()["items"]]
    assert names == sorted(names, key=str.lower)


def test_actor_detail_has_quotes_and_events_on_both_sides(client, db):
    pm = client.get("/api/actors/person:nikol pashinyan").json()
    assert pm["name"] == "Nikol Pashinyan" and pm["kind"] == "person"
    assert [q["id"] for q in pm["quotes"]["items"]] == ["q1"]
    assert _ids(pm["events_as_source"]["items"]) == ["e4"]
    armenia = client.get("/api/actors/" + urlquote("state:armenia")).json()
    assert _ids(armenia["events_as_source"]["items"]) == ["e1", "e3", "e5"]
    assert _ids(armenia["events_as_target"]["items"]) == ["e2", "e6", "e7"]
    assert client.get("/api/actors/state:atlantis").status_code == 404


# --- quotes --------------------------------------------------------------------------------

@pytest.mark.parametrize(("params", "expect"), [
    ({"speaker": "NIKOL PASHINYAN"}, ["q1"]),
    ({"speaker_key": "person:nikol pashinyan"}, ["q1"]),
    ({"q": "Geneva"}, ["q2"]),
    ({"anonymous": "true"}, ["q2"]),
    ({"type": "direct"}, ["q1"]),
    ({"anonymous": "false"}, ["q1"]),
])
def test_quote_filters(client, ledger, params, expect):
    page = client.get("/api/quotes", params={**params, "document": ledger["curated"]}).json()
    assert _ids(page["items"]) == expect and page["total"] == len(expect)


def test_quotes_across_the_ledger(client, db):
    total = db.execute("SELECT COUNT(*) FROM quotes WHERE type != 'statement'").fetchone()[0]
    statements = db.execute("SELECT COUNT(*) FROM quotes WHERE type = 'statement'").fetchone()[0]
    assert statements > 0, "the examples hold a White House statement"
    assert client.get("/api/quotes").json()["total"] == total  # statements hidden by default
    shown = client.get("/api/quotes", params={"type": "statement"}).json()["total"]
    assert shown == statements
    anonymous = client.get("/api/quotes", params={"anonymous": "true", "limit": 200}).json()
    assert all(q["speaker_kind"] == "anonymous" for q in anonymous["items"])
    page = client.get("/api/quotes", params={"q": "100%_"}).json()   # LIKE wildcards are literal
    assert page["total"] == 0


# --- events --------------------------------------------------------------------------------

@pytest.mark.parametrize(("params", "expect"), [
    ({}, ["e1", "e2", "e3", "e4", "e5", "e6", "e7"]),
    ({"source": "armenia"}, ["e1", "e3", "e5"]),
    ({"target": "Armenia"}, ["e2", "e6", "e7"]),
    ({"actor": "Nikol Pashinyan"}, ["e4"]),
    ({"actor_key": "state:azerbaijan"}, ["e1", "e2", "e3", "e4", "e5", "e6"]),
    ({"type": "assault"}, ["e2", "e3", "e6", "e7"]),
    ({"modality": "negated"}, ["e6"]),
    ({"quad_class": "3"}, ["e1", "e4"]),
    ({"date_from": "2023-09-12", "date_to": "2023-09-13"}, ["e3", "e4"]),
    ({"date_from": "2023-10-01"}, ["e5"]),
    ({"source": "Azerbaijan", "target": "Armenia", "modality": "alleged"}, ["e2"]),
    ({"type": "", "modality": "", "actor": ""}, ["e1", "e2", "e3", "e4", "e5", "e6", "e7"]),
])
def test_event_filters(client, ledger, params, expect):
    page = client.get("/api/events", params={**params, "document": ledger["curated"]}).json()
    assert _ids(page["items"]) == expect and page["total"] == len(expect)


def test_events_carry_their_evidence(client, ledger):
    items = client.get("/api/events", params={"document": ledger["curated"]}).json()["items"]
    e4 = next(e for e in items if e["id"] == "e4")
    assert e4["evidence_parts"][1] == "not accept" and "not accept" in e4["evidence"]
    assert e4["href"] == f"/documents/{ledger['curated']}#e4"
    assert e4["quad_class"] == 3 and e4["attributed_to"] == "q1"
    assert e4["source_ref"] == "person:nikol pashinyan"
    dates = [e["date"] for e in items]
    assert dates == sorted(dates, reverse=True)


def test_events_paginate(client, ledger):
    params = {"document": ledger["curated"], "limit": 3}
    pages = [client.get("/api/events", params={**params, "offset": o}).json() for o in (0, 3, 6)]
    ids = [e["id"] for p in pages for e in p["items"]]
    assert sorted(ids) == ["e1", "e2", "e3", "e4", "e5", "e6", "e7"]
    assert [len(p["items"]) for p in pages] == [3, 3, 1]


@pytest.mark.parametrize(("interval", "expect"), [
    ("day", {"2023-09-11": 2, "2023-09-12": 1, "2023-09-13": 1, "2023-09-14": 1,
             "2023-09-15": 1, "2023-10-01": 1}),
    ("week", {"2023-09-11": 5, "2023-09-25": 1, "2023-09-04": 0} | {"2023-09-11": 6}),
    ("month", {"2023-09-01": 6, "2023-10-01": 1}),
])
def test_event_series(client, ledger, interval, expect):
    data = client.get("/api/events/series",
                      params={"document": ledger["curated"], "interval": interval}).json()
    assert data["interval"] == interval
    totals: dict[str, int] = {}
    for row in data["series"]:
        totals[row["period"]] = totals.get(row["period"], 0) + row["count"]
    expect = {k: v for k, v in expect.items() if v}
    if interval == "week":   # Mondays: 2023-09-11 .. 09-17 holds six events, 2023-10-01 a Sunday
        expect = {"2023-09-11": 6, "2023-09-25": 1}
    assert totals == expect
    auto = client.get("/api/events/series", params={"document": ledger["curated"]}).json()
    assert auto["interval"] == "day"


# --- dyads and network ---------------------------------------------------------------------

def test_dyad_series_counts_asserted_events_by_default(client):
    data = client.get("/api/dyads/series",
                      params={"source": "Armenia", "target": "Azerbaijan"}).json()
    assert data["modality"] == "asserted"
    assert data["forward"] == [{"period": "2023-09-11", "count": 1, "intensity": -2.0}]
    assert data["backward"] == []
    every = client.get("/api/dyads/series", params={"source": "Armenia", "target": "Azerbaijan",
                                                    "modality": "all", "interval": "month"}).json()
    assert every["forward"] == [{"period": "2023-09-01", "count": 2, "intensity": -11.0},
                                {"period": "2023-10-01", "count": 1, "intensity": 3.0}]
    assert every["backward"] == [{"period": "2023-09-01", "count": 2, "intensity": -18.0}]


def test_top_dyads_match_sql(client, db):
    # counted as reports: by default two reports of one incident count once, the SQL counts rows
    items = client.get("/api/dyads", params={"modality": "all", "limit": 200,
                                             "count": "reports"}).json()["items"]
    for d in items[:5]:
        n = db.execute("SELECT COUNT(*) FROM events WHERE source_name = ? AND target_name = ?",
                       (d["source"], d["target"])).fetchone()[0]
        assert d["count"] == n
    pair = next(d for d in items if (d["source"], d["target"]) == ("Armenia", "Azerbaijan"))
    assert pair["count"] == 3


def test_network_edges_are_weighted_and_directed(client):
    net = client.get("/api/network", params={"modality": "alleged"}).json()
    edges = {(e["source_name"], e["target_name"]): e["count"] for e in net["edges"]}
    assert edges[("Armenia", "Azerbaijan")] == 1 and edges[("Azerbaijan", "Armenia")] == 1
    keys = {n["id"] for n in net["nodes"]}
    assert all(e["source"] in keys and e["target"] in keys for e in net["edges"])
    assert all(":" in key for key in keys)  # nodes by actor key, not by name string
    few = client.get("/api/network", params={"edges": 1}).json()
    assert len(few["edges"]) == 1 and few["all_edges"] >= 1
    assert few["edges"][0]["count"] == max(e["count"] for e in
                                           client.get("/api/network").json()["edges"])
    small = client.get("/api/network", params={"max_nodes": 2}).json()
    assert len(small["nodes"]) == 2
    names = {n["id"] for n in small["nodes"]}
    assert all(e["source"] in names and e["target"] in names for e in small["edges"])


# --- errors --------------------------------------------------------------------------------

@pytest.mark.parametrize(("url", "params", "name"), [
    ("/api/events", {"limit": 0}, "limit"),
    ("/api/events", {"limit": 201}, "limit"),
    ("/api/documents", {"offset": -1}, "offset"),
    ("/api/events", {"type": "INVADE"}, "type"),
    ("/api/events", {"modality": "maybe"}, "modality"),
    ("/api/events", {"quad_class": "7"}, "quad_class"),
    ("/api/events", {"date_from": "2023-02-30"}, "date_from"),
    ("/api/events", {"date_from": "2024-01-02", "date_to": "2024-01-01"}, "date_from"),
    ("/api/events/series", {"interval": "hour"}, "interval"),
    ("/api/quotes", {"anonymous": "perhaps"}, "anonymous"),
    ("/api/quotes", {"type": "shouted"}, "type"),
    ("/api/actors", {"sort": "height"}, "sort"),
    ("/api/actors", {"kind": "alien"}, "kind"),
    ("/api/dyads/series", {"source": "Iran"}, "target"),
    ("/api/network", {"max_nodes": 1}, "max_nodes"),
    ("/api/documents", {"q": "x" * 301}, "q"),
])
def test_bad_parameters_get_422_naming_the_parameter(client, url, params, name):
    response = client.get(url, params=params)
    assert response.status_code == 422
    detail = response.json()["detail"]
    assert isinstance(detail, str) and detail.startswith(f"{name}:"), detail


def test_pages_answer_bad_parameters_with_an_html_422(client):
    response = client.get("/timeline", params={"type": "INVADE"})
    assert response.status_code == 422 and response.headers["content-type"].startswith("text/html")
    assert "type: &#39;INVADE&#39; is not one of" in response.text
    assert client.get("/documents/nope").status_code == 404
    assert client.get("/dyads", params={"source": "Iran"}).status_code == 422


def test_create_app_refuses_what_is_not_a_ledger(tmp_path):
    with pytest.raises(LedgerError, match="no such ledger"):
        create_app(tmp_path / "missing.db")
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.commit()
    with pytest.raises(LedgerError, match="not a newsledger ledger"):
        create_app(other)


# --- pages, headers, escaping --------------------------------------------------------------

def _page_paths(ledger) -> list[str]:
    return ["/", "/timeline", "/timeline?actor=Armenia&type=ASSAULT&interval=week", "/dyads",
            "/dyads?source=Armenia&target=Azerbaijan&modality=all", "/network",
            "/network?quad_class=4", "/quotes", "/quotes?anonymous=true", "/documents",
            "/documents?q=ministry", f"/documents/{ledger['curated']}",
            f"/documents/{ledger['hostile_id']}", "/actors", "/actors?kind=group&sort=name",
            "/actors/state:armenia", "/actors/" + urlquote("group:<script>alert(2)</script>")]


def test_every_page_renders_with_security_headers(client, ledger):
    for path in _page_paths(ledger):
        response = client.get(path)
        assert response.status_code == 200, path
        assert response.headers["content-type"].startswith("text/html")
        csp = response.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "default-src 'none'" in csp
        assert "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
        assert response.headers["x-content-type-options"] == "nosniff"
        scripts = re.findall(r"<script\b[^>]*>", response.text)
        assert all("src=\"/static/" in s or 'type="application/json"' in s for s in scripts), path
        assert "<h1>" in response.text
    for path in ("/api/events", "/static/style.css"):
        assert "content-security-policy" in client.get(path).headers


def test_charts_are_inline_svg_with_no_chart_library(client):
    for path in ("/timeline", "/network", "/dyads", "/map"):
        page = client.get(path).text
        assert "<svg" in page, path
        assert not re.search(r"""(src|href)=["']?(https?:)?//""", page), path
        scripts = re.findall(r'<script[^>]*src="([^"]+)"', page)
        assert all(client.get(src).content.__len__() < 10_000 for src in scripts), path
    assert client.get("/static/vendor/plotly.min.js").status_code == 404


def test_markup_from_documents_is_escaped_on_every_page(client, ledger):
    for path in _page_paths(ledger) + ["/dyads?source=<script>alert(2)</script>&target=Armenia",
                                       "/documents?q=script+alert"]:
        body = client.get(path).text
        assert "<script>alert(" not in body, path
        assert "<img src=x" not in body and "<b>ministry" not in body, path
    hostile = client.get(f"/documents/{ledger['hostile_id']}").text
    assert "<h1>Police say &lt;script&gt;alert(1)&lt;/script&gt; was posted" in hostile
    article = re.search(r'<article class="doc-text[^"]*" id="doc-text"[^>]*>(.*?)</article>',
                        hostile, re.S)
    assert html.unescape(re.sub(r"<[^>]+>", "", article.group(1))) == ledger["hostile_text"]
    actor = client.get("/actors/" + urlquote("group:<script>alert(2)</script>")).text
    assert "<h1>&lt;script&gt;alert(2)&lt;/script&gt;</h1>" in actor


def test_document_page_anchors_every_event_and_quote(client, ledger):
    body = client.get(f"/documents/{ledger['curated']}").text
    for ref in ("e1", "e2", "e3", "e4", "e5", "e6", "e7", "q1", "q2"):
        assert body.count(f'id="{ref}"') == 1, ref
    trigger = re.search(r'<span id="e4" class="hl hl-trigger"[^>]*>([^<]*)<', body)
    assert trigger and 'data-label="REJECT"' in trigger.group(0)
    assert trigger and trigger.group(1) == "not accept"


# --- the highlighter -----------------------------------------------------------------------

class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.depth = 0
        self.ok = True

    def handle_starttag(self, tag, attrs):
        self.ok &= tag == "span"
        self.depth += 1

    def handle_endtag(self, tag):
        self.depth -= 1
        self.ok &= self.depth >= 0

    def handle_data(self, data):
        self.text.append(data)


@pytest.mark.parametrize("seed", range(20))
def test_highlighting_nests_and_keeps_the_text(seed):
    from tests.conftest import HOSTILE_TEXT

    rng = random.Random(seed)
    text = HOSTILE_TEXT
    kinds = ["quote", "evidence", "speaker", "trigger", "actor", "date"]
    marks = []
    for i in range(rng.randint(1, 25)):
        a, b = sorted(rng.sample(range(len(text) + 1), 2))
        marks.append(Mark(a, b, rng.choice(kinds), f"x{i}\"'<", "<t>&\"", anchor=rng.random() < .5))
    marks.append(Mark(5, 2, "actor", "bad", "reversed span is dropped"))
    marks.append(Mark(0, len(text) + 10, "actor", "bad", "span past the end is dropped"))
    out = str(render(text, marks))
    parser = _Text()
    parser.feed(out)
    parser.close()
    assert parser.ok and parser.depth == 0
    assert "".join(parser.text) == text
    assert "<script" not in out and "<img" not in out
    assert html.unescape(re.sub(r"<[^>]+>", "", out)) == text


def test_actor_counts_follow_new_writes(ledger, tmp_path):
    from fastapi.testclient import TestClient

    db = tmp_path / "grow.db"
    source = sqlite3.connect(ledger["db"])
    target = sqlite3.connect(db)
    source.backup(target)
    source.close()
    target.close()
    client = TestClient(create_app(db))
    before = client.get("/api/actors", params={"q": "Aliyev"}).json()
    assert before["total"] == 0
    events_before = client.get("/api/events", params={"actor": "Ilham Aliyev"}).json()["total"]
    assert events_before == 0
    text = "Ilham Aliyev met Nikol Pashinyan in Brussels on Friday, his office said.\n"
    at = text.index("Ilham Aliyev")
    aliyev = Actor(id="a1", name="Ilham Aliyev", kind="person", country="AZE",
                   mentions=[Mention(at, at + 12, "Ilham Aliyev")], key="person:ilham aliyev")
    conn = connect(db)
    met = Event(id="e1", type="CONSULT", modality="asserted", trigger=Span(13, 16, "met"),
                evidence=Span(0, len(text) - 1, text[:-1]),
                source=Participant(actor="a1", name="Ilham Aliyev", start=at, end=at + 12),
                target=Participant(actor=None, name="Nikol Pashinyan"))
    write_analyses(conn, [Analysis(document=Document(text=text, source="grow.txt"),
                                   actors=[aliyev], events=[met])])
    conn.close()
    after = client.get("/api/actors", params={"q": "Aliyev"}).json()
    assert [a["ref"] for a in after["items"]] == ["person:ilham aliyev"]
    assert after["items"][0]["events"] == 1
    assert client.get("/api/events", params={"actor": "Ilham Aliyev"}).json()["total"] == 1
