"""Quote provenance: alignment verdicts, the linker on the seed and on our own stories, and
the ledger links (incremental, reporters never sources)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsledger.ingest import read_path
from newsledger.ledger.db import connect
from newsledger.ledger.store import write_analyses
from newsledger.pipeline import analyze_primary
from newsledger.provenance import Linker, align, link_ledger, list_links, quote_pieces
from newsledger.provenance.align import tokenize
from newsledger.provenance.store import get_link
from newsledger.quotes.transcripts import REPORTER
from newsledger.records import Analysis, Document, Published, Quote, Speaker
from tests.conftest import FIXTURES, SHARED, shared_path

WHITEHOUSE = SHARED / "corpora" / "whitehouse"
STORIES = FIXTURES / "provenance"


# --- alignment ---------------------------------------------------------------------------

SOURCE = ("With its actions, Iran has further stepped toward the destabilization of the region "
          "and risks provoking an uncontrollable regional escalation. This must be avoided. We "
          "will continue to work to stabilize the situation and avoid further escalation. In "
          "this spirit, we demand that Iran and its proxies cease their attacks. We will also "
          "strengthen our cooperation to end the crisis in Gaza, including by continuing to "
          "work towards an immediate and sustainable ceasefire and the release of hostages by "
          "Hamas, and deliver increased humanitarian assistance to Palestinians in need.")


def _align(quote: str):
    return align(quote_pieces(quote), quote, 0, tokenize(SOURCE), SOURCE)


@pytest.mark.parametrize(("quote", "verdict", "ops"), [
    ("“With its actions, Iran has further stepped toward the destabilization of the region”",
     "verbatim", []),
    ("“we demand that Iran and its proxies cease their attacks”", "verbatim", []),
    ("“release of hostages by Hamas, and [to] deliver increased humanitarian assistance”",
     "verbatim", ["inserted"]),
    ("\"This must be avoided. We will continue to work to stabilize the situation\"",
     "verbatim", []),
    ("“Iran has stepped toward the destabilization of the region and risks provoking an "
     "uncontrollable regional escalation”", "altered", ["dropped"]),
    ("“We will continue to work to stabilize the situation and avoid a broader escalation”",
     "altered", ["changed"]),
    ("“Iran has further stepped toward the destabilization of the region… We will also "
     "strengthen our cooperation to end the crisis in Gaza”", "altered", ["spliced"]),
    ("“We will reflect on additional sanctions against Iran, specifically on its drones”",
     "none", []),
    ("“the region will be stable”", "none", []),
])
def test_alignment_verdicts(quote: str, verdict: str, ops: list[str]) -> None:
    found = _align(quote)
    assert found.verdict == verdict, found.changes
    got = {c["op"] for c in found.changes}
    assert set(ops) <= got
    if verdict == "verbatim":
        assert got <= {"inserted"}


def test_alignment_spans_point_into_both_texts() -> None:
    quote = "He said “Iran has stepped toward the destabilization of the region”."
    found = align(quote_pieces(quote, 100), quote, 100, tokenize(SOURCE), SOURCE)
    assert found.verdict == "altered"
    assert [c["source"] for c in found.changes if c["op"] == "dropped"] == ["further"]
    segment = found.segments[0]
    assert SOURCE[segment["source"][0]:segment["source"][1]].startswith("Iran has further")
    assert quote[segment["quote"][0] - 100:segment["quote"][1] - 100].startswith("Iran has")


@pytest.mark.parametrize(("text", "pieces"), [
    ("they condemned Iran’s attack “unequivocally condemn in the strongest terms.",
     [["unequivocally", "condemn", "in", "the", "strongest", "terms"]]),
    ("Israel ‘made clear’ it’s not seeking ‘significant escalation’",
     [["made", "clear"], ["significant", "escalation"]]),
    ("“halt any further attack… [But] if Iran takes action”",
     [["halt", "any", "further", "attack"], ["if", "iran", "takes", "action"]]),
    ("We intercepted. We blocked.", [["we", "intercepted", "we", "blocked"]]),
])
def test_quote_pieces(text: str, pieces: list[list[str]]) -> None:
    assert [[t.norm for t in p.tokens] for p in quote_pieces(text)] == pieces


# --- a ledger of our own fixtures (no shared data needed) ----------------------------------

NEWS = ("Crossing reopens as aid convoy arrives\n\n"
        "WASHINGTON — John Kirby said on Friday that “the convoy reached the northern crossing "
        "this morning, and the first trucks unloaded flour and water.”\n\n"
        "“We expect the crossing to stay open through the weekend,” Kirby said.\n\n"
        "“Is the crossing going to stay open for good, or is this a one-off?” a reporter asked.")


def _news_analysis(text: str = NEWS) -> Analysis:
    document = Document(text=text, source="news.txt", published=Published(date="2024-05-03"))

    def quote(qid: str, fragment: str, name: str, kind: str) -> Quote:
        start = text.index(fragment)
        return Quote(id=qid, type="direct", start=start, end=start + len(fragment),
                     text=fragment, speaker=Speaker(actor=None, name=name, kind=kind))

    return Analysis(document=document, quotes=[
        quote("q1", "“the convoy reached the northern crossing this morning, and the first trucks"
              " unloaded flour and water.”", "John Kirby", "person"),
        quote("q2", "“We expect the crossing to stay open through the weekend,”", "Kirby",
              "person"),
        quote("q3", "“Is the crossing going to stay open for good, or is this a one-off?”",
              "reporter", "person"),
    ])


def test_ledger_links_fixture_briefing(db_path: Path) -> None:
    conn = connect(db_path)
    primary = analyze_primary(next(read_path(str(FIXTURES / "transcripts" / "briefing.md"))))
    write_analyses(conn, [primary, _news_analysis()])
    indexed = conn.execute("SELECT COUNT(*) FROM source_passages_fts").fetchone()[0]
    assert indexed == sum(1 for q in primary.quotes if q.speaker.name != REPORTER)
    report = link_ledger(conn, window_days=14)
    assert report.quotes == 3
    links = {link["quote_local_id"]: link for link in list_links(conn)}
    assert links["q1"]["verdict"] == "altered"  # "medicine" printed as "water"
    assert [(c["op"], c["quote"], c["source"]) for c in links["q1"]["changes"]] == [
        ("changed", "water", "medicine")]
    assert links["q1"]["source_speaker"] == "John Kirby"
    assert links["q2"]["verdict"] == "verbatim"
    assert links["q3"]["verdict"] == "none"  # a reporter's question is never a source
    again = link_ledger(conn)
    assert again.quotes == 0  # incremental: decisions already taken are kept
    detail = get_link(conn, links["q2"]["id"])
    assert detail is not None
    assert detail["source_text"][detail["source_start"]:detail["source_end"]] == \
        "We expect the crossing to stay open through the weekend"
    assert link_ledger(conn, window_days=0, relink=True).verdicts.get("none") == 3


# --- the seed and our stories against the White House corpus -------------------------------

def _enclosing_quote(text: str, fragment: str, kind: str) -> tuple[int, int]:
    """The quotation holding ``fragment``: from its opening mark to its closing one."""
    start = text.index(fragment)
    end = start + len(fragment)
    if kind == "indirect":
        return start, end
    opening = text.rfind("“", 0, start)
    if opening >= 0 and "”" not in text[opening:start] and "\n" not in text[opening:start]:
        start = opening
    closing = text.find("”", end)
    if closing >= 0 and "\n" not in text[end:closing]:
        end = closing + 1
    return start, end


def _quote(text: str, fragment: str, kind: str, name: str, speaker_kind: str) -> Quote:
    start, end = _enclosing_quote(text, fragment, kind)
    return Quote(id="q", type=kind, start=start, end=end, text=text[start:end],
                 speaker=Speaker(actor=None, name=name, kind=speaker_kind))


@pytest.fixture(scope="module")
def april_ledger(tmp_path_factory):
    """The White House documents of 2024-04 (and the end of March, for the window)."""
    root = shared_path("corpora", "whitehouse")
    conn = connect(tmp_path_factory.mktemp("provenance") / "ledger.db")
    paths = sorted(root.glob("*/2024-04/*.md")) + sorted(root.glob("*/2024-03/2024-03-2*.md"))
    analyses = []
    for path in paths:
        document = next(read_path(str(path)))
        if isinstance(document, Document):
            analyses.append(analyze_primary(document))
    write_analyses(conn, analyses)
    return conn


def _source_path(conn, document_id: str | None) -> str | None:
    if document_id is None:
        return None
    row = conn.execute("SELECT source FROM documents WHERE id = ?", (document_id,)).fetchone()
    return Path(row[0]).relative_to(WHITEHOUSE).as_posix()


@pytest.mark.shared
def test_seed_quotes_linked_exactly(april_ledger, seed_text: str, seed_gold: dict) -> None:
    """The linker itself on the seed's 32 traced quotes, built from the gold fragments and
    speakers: right source, verdict and changes for every one."""
    provenance = json.loads(shared_path("seed", "provenance.json").read_text(encoding="utf-8"))
    gold = {q["fragment"]: q for q in seed_gold["quotes"]}
    linker = Linker(april_ledger)
    wrong = []
    changes = {}
    for entry in provenance:
        g = gold[entry["fragment"]]
        quote = _quote(seed_text, entry["fragment"], g["type"], g["speaker"]["name"],
                       g["speaker"]["kind"])
        link = linker.link(quote, seed_gold["published"])
        if (link.verdict, _source_path(april_ledger, link.source_document_id)) != \
                (entry["verdict"], entry["source"]):
            wrong.append((entry["fragment"], link.verdict, link.source_document_id))
        changes[entry["fragment"]] = link.changes
    assert wrong == []
    assert sum(1 for e in provenance if e["verdict"] == "altered") == 11
    assert sum(1 for e in provenance if e["verdict"] == "verbatim") == 8

    def ops(fragment: str) -> set[tuple[str, str, str]]:
        return {(c["op"], c["quote"], c["source"]) for c in changes[fragment]}

    assert ("dropped", "", "clearly") in ops("The Israelis came out very much on top")
    assert ("changed", "do not", "cannot") in ops("we’re going to ensure that they do not succeed")
    assert ("changed", "risk", "risks") in ops(
        "think carefully and strategically about the risk of escalation")
    assert ("changed", "broader", "broad") in ops(
        "If successful, this attack could have caused an uncontrollable escalation")
    assert ("dropped", "", "differences and") in ops(
        "We have disagreements with Israel on a number of things")
    assert any(op == "spliced" for op, _, _ in ops("Our goal remains to de-escalate immediately"))
    assert not any(op == "spliced" for f in changes if "Our goal" not in f
                   for op, _, _ in ops(f))
    assert ("inserted", "[to]", "") in ops(
        "We will also strengthen our cooperation to end the crisis in Gaza")


@pytest.mark.shared
def test_own_stories_verdicts(april_ledger) -> None:
    expected = json.loads((STORIES / "expected.json").read_text(encoding="utf-8"))
    linker = Linker(april_ledger)
    wrong = []
    for case in expected["quotes"]:
        text = (STORIES / case["story"]).read_text(encoding="utf-8")
        quote = _quote(text, case["fragment"], case["type"], case["speaker"]["name"],
                       case["speaker"]["kind"])
        link = linker.link(quote, expected["stories"][case["story"]])
        got = (link.verdict, _source_path(april_ledger, link.source_document_id))
        if got != (case["verdict"], case["source"]) or \
                not set(case.get("ops", [])) <= {c["op"] for c in link.changes}:
            wrong.append((case["fragment"], got, link.changes))
    assert wrong == []


@pytest.mark.shared
def test_seed_ledger_links(april_ledger, seed_analysis, seed_gold: dict) -> None:
    """The seed as the quote stage reads it, linked inside the ledger: every traced quote the
    stage found with its speaker gets the hand-traced source and verdict."""
    write_analyses(april_ledger, [seed_analysis])
    report = link_ledger(april_ledger)
    assert report.quotes == len(seed_analysis.quotes)
    provenance = json.loads(shared_path("seed", "provenance.json").read_text(encoding="utf-8"))
    gold = {q["fragment"]: q for q in seed_gold["quotes"]}
    links = list_links(april_ledger, document=seed_analysis.document.id, limit=500)
    checked, wrong = 0, []
    for entry in provenance:
        speaker = gold[entry["fragment"]]["speaker"]
        names = {n.lower() for n in [speaker["name"], *speaker["aliases"]]}
        hits = [k for k in links if entry["fragment"] in k["quote_text"]
                and (k["speaker_name"] or "").lower() in names]
        if not hits:
            continue
        checked += 1
        got = {(k["verdict"], _source_path(april_ledger, k["source_document_id"])) for k in hits}
        if (entry["verdict"], entry["source"]) not in got:
            wrong.append((entry["fragment"], got))
    assert wrong == []
    assert checked >= 24, f"the quote stage found only {checked} of 32 traced quotes"
    sources = {k["source_quote_id"] for k in list_links(april_ledger, limit=500)}
    speakers = {r[0] for r in april_ledger.execute(
        f"SELECT speaker_name FROM quotes WHERE id IN ({','.join('?' * len(sources))})",
        list(sources))} if sources else set()
    assert REPORTER not in speakers


# --- API and pages ------------------------------------------------------------------------

@pytest.fixture()
def web_client(db_path: Path):
    from fastapi.testclient import TestClient

    from newsledger.web.app import create_app

    conn = connect(db_path)
    primary = analyze_primary(next(read_path(str(FIXTURES / "transcripts" / "briefing.md"))))
    news = _news_analysis(NEWS.replace("WASHINGTON —", "WASHINGTON <script>alert(1)</script> —"))
    write_analyses(conn, [primary, news])
    link_ledger(conn)
    conn.close()
    return TestClient(create_app(db_path))


def test_api_provenance(web_client) -> None:
    body = web_client.get("/api/provenance").json()
    assert body["total"] == 2 and {i["verdict"] for i in body["items"]} == {"verbatim", "altered"}
    everything = web_client.get("/api/provenance?verdict=verbatim,altered,none").json()
    assert everything["total"] == 3
    altered = web_client.get("/api/provenance?verdict=altered&speaker=kirby").json()
    assert [i["changes"][0]["quote"] for i in altered["items"]] == ["water"]
    assert web_client.get("/api/provenance?verdict=forged").status_code == 422
    assert web_client.get("/api/provenance?limit=100000").status_code == 422
    one = web_client.get(f"/api/provenance/{altered['items'][0]['id']}").json()
    assert one["source_passage"].startswith("The convoy reached the northern crossing")
    assert one["alignment"] and web_client.get("/api/provenance/999").status_code == 404


def test_provenance_pages_escape_and_highlight(web_client) -> None:
    listing = web_client.get("/provenance")
    assert listing.status_code == 200 and "altered" in listing.text
    link_id = web_client.get("/api/provenance?verdict=altered").json()["items"][0]["id"]
    page = web_client.get(f"/provenance/{link_id}")
    assert page.status_code == 200
    assert "<script>alert(1)</script>" not in page.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text
    assert '<mark class="pv-changed">water</mark>' in page.text
    assert '<mark class="pv-changed">medicine</mark>' in page.text
    assert "<script" not in page.text.split("</footer>")[0].split("<main")[1]
    assert web_client.get("/provenance/999").status_code == 404
    quote_id = web_client.get(f"/api/provenance/{link_id}").json()["quote_id"]
    moved = web_client.get(f"/provenance/quote/{quote_id}", follow_redirects=False)
    assert moved.status_code == 303 and moved.headers["location"] == f"/provenance/{link_id}"


def test_quote_speaker_and_document_views_link_to_provenance(web_client) -> None:
    link = web_client.get("/api/provenance?verdict=altered").json()["items"][0]
    href = f'href="/provenance/{link["id"]}"'
    quotes = web_client.get("/quotes").text
    assert href in quotes
    document = web_client.get(f"/documents/{link['document_id']}").text
    assert f"/provenance?document={link['document_id']}" in document
    actors = web_client.get("/api/actors?limit=200").json()["items"]
    kirby = next(a for a in actors if a["name"] == "John Kirby")
    assert "/provenance?speaker=John+Kirby" in web_client.get(f"/actors/{kirby['ref']}").text


def test_cli_provenance(db_path: Path) -> None:
    from typer.testing import CliRunner

    from newsledger.cli import app

    conn = connect(db_path)
    primary = analyze_primary(next(read_path(str(FIXTURES / "transcripts" / "briefing.md"))))
    write_analyses(conn, [primary, _news_analysis()])
    conn.close()
    runner = CliRunner()
    result = runner.invoke(app, ["provenance", "--db", str(db_path), "--altered"])
    assert result.exit_code == 0, result.output
    assert "ALTERED" in result.output and "'medicine' -> 'water'" in result.output
    assert "VERBATIM" not in result.output
    listed = runner.invoke(app, ["provenance", "--db", str(db_path), "--no-link", "--json",
                                 "--all"])
    rows = [json.loads(line) for line in listed.output.splitlines() if line.startswith("{")]
    assert sorted(r["verdict"] for r in rows) == ["altered", "none", "verbatim"]
    help_text = runner.invoke(app, ["provenance", "--help"]).output
    assert help_text.strip().splitlines()[-1].strip().startswith("Example: newsledger provenance")
