"""The pages in Debian's Chromium: every page loads clean, clicks land on evidence, markup is inert.

Screenshots of every page go to test-artifacts/screenshots/. Never downloads a browser.
"""

from __future__ import annotations

import csv
import io
import socket
import threading
import time
from pathlib import Path
from urllib.parse import quote

import pytest

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
SHOTS = Path(__file__).resolve().parent.parent / "test-artifacts" / "screenshots"
ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
NO_EVENTS = "the events stage produced no events for examples/, so there is nothing to click"


@pytest.fixture(scope="module")
def base_url(request):
    if not CHROMIUM.exists():
        pytest.skip(f"needs Debian's Chromium at {CHROMIUM} (apt-get install chromium)")
    web_ledger = request.getfixturevalue("web_ledger")
    import uvicorn

    from newsledger.web import create_app

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(web_ledger["db"]), log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start within 15 s")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
    sock.close()


@pytest.fixture(scope="module")
def browser(base_url):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield browser
        browser.close()


class Watched:
    """A page plus everything that must not happen on it: dialogs, script errors, CSP reports."""

    def __init__(self, browser, base_url: str, width: int = 1440,
                 scheme: str = "light") -> None:
        self.context = browser.new_context(viewport={"width": width, "height": 900},
                                           color_scheme=scheme)
        self.page = self.context.new_page()
        self.page.set_default_timeout(15_000)
        self.base = base_url
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.page.on("dialog", self._dialog)
        self.page.on("pageerror", lambda e: self.errors.append(f"pageerror: {e}"))
        self.page.on("console", self._console)
        self.page.on("response", self._response)

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def _response(self, response) -> None:
        if response.status >= 400:
            self.errors.append(f"HTTP {response.status}: {response.url}")

    def _console(self, message) -> None:
        if message.type == "error":
            self.errors.append(f"console: {message.text}")

    def open(self, path: str, shot: str | None = None, full_page: bool = True):
        response = self.page.goto(self.base + path, wait_until="load")
        self.page.locator("main h1").first.wait_for()
        if shot:
            SHOTS.mkdir(parents=True, exist_ok=True)
            self.page.screenshot(path=str(SHOTS / f"{shot}.png"), full_page=full_page)
        return response

    def clean(self) -> None:
        assert self.dialogs == [], f"dialogs fired: {self.dialogs}"
        assert self.errors == [], f"errors on the page: {self.errors}"


@pytest.fixture()
def watched(browser, base_url):
    w = Watched(browser, base_url)
    yield w
    w.context.close()


def _ledger(web_ledger):
    from newsledger.ledger import connect

    return connect(web_ledger["db"], readonly=True)


def _pages(web_ledger) -> dict[str, str]:
    conn = _ledger(web_ledger)
    seed = conn.execute("SELECT id FROM documents WHERE source LIKE '%iran-attack-toi.txt'"
                        ).fetchone()[0]
    ref = conn.execute("SELECT COALESCE(key, kind || ':' || lower(name)) FROM actors"
                       " GROUP BY 1 ORDER BY COUNT(*) DESC LIMIT 1").fetchone()[0]
    conn.close()
    return {
        "overview": "/", "timeline": "/timeline", "dyads": "/dyads", "network": "/network",
        "map": "/map", "quotes": "/quotes", "documents": "/documents",
        "search": "/documents?q=Biden", "document-seed": f"/documents/{seed}",
        "actors": "/actors", "actor": f"/actors/{quote(ref, safe='')}", "api": "/api",
        "provenance": "/provenance",
    }


def test_every_page_loads_clean_with_csp_and_gzip(watched, web_ledger):
    for name, path in _pages(web_ledger).items():
        response = watched.open(path, shot=name)
        assert response.status == 200, path
        headers = response.headers
        assert "script-src 'self'" in headers["content-security-policy"]
        assert headers.get("content-encoding") == "gzip", path
        assert watched.page.locator("header nav a").count() >= 7
        assert watched.page.locator("a.skip-link").count() == 1
    watched.clean()


@pytest.mark.parametrize(("width", "scheme"), [(1440, "dark"), (390, "light"), (390, "dark")])
def test_screenshots_light_dark_wide_narrow(browser, base_url, web_ledger, width, scheme):
    w = Watched(browser, base_url, width=width, scheme=scheme)
    try:
        for name, path in _pages(web_ledger).items():
            w.open(path, shot=f"{name}-{scheme}-{width}", full_page=False)  # the first screen
            if width < 600:  # a phone: the page itself never scrolls sideways
                overflow = w.page.evaluate(
                    "document.documentElement.scrollWidth - document.documentElement.clientWidth")
                assert overflow <= 1, (path, overflow)
        w.clean()
    finally:
        w.context.close()


def test_every_facet_link_answers_and_downloads_hold_the_rows_counted(watched):
    for path in ("/timeline", "/quotes", "/documents", "/actors"):
        watched.open(path)
        facets = [a.get_attribute("href") for a in watched.page.locator("a[data-facet]").all()]
        assert facets, path
        for href in facets:
            response = watched.page.request.get(watched.base + href)
            assert response.status == 200, href
        pager = watched.page.locator(".pager").first.inner_text()
        total = int(pager.split(" of ")[1].split()[0]) if " of " in pager else 0
        csv_href = watched.page.locator(".downloads a", has_text="CSV").get_attribute("href")
        body = watched.page.request.get(watched.base + csv_href).text()
        assert len(list(csv.DictReader(io.StringIO(body)))) == total, (path, total)
        # a narrowed view too: its first facet value
        watched.open(facets[0])
        pager = watched.page.locator(".pager").first.inner_text()
        total = int(pager.split(" of ")[1].split()[0]) if " of " in pager else 0
        csv_href = watched.page.locator(".downloads a", has_text="CSV").get_attribute("href")
        body = watched.page.request.get(watched.base + csv_href).text()
        assert len(list(csv.DictReader(io.StringIO(body)))) == total, (facets[0], total)
    watched.clean()


def test_speaker_kirby_finds_john_kirby_in_web_and_api(watched):
    watched.open("/quotes?speaker=kirby", shot="quotes-kirby")
    who = watched.page.locator(".quote-item .who").all_inner_texts()
    assert who and all("Kirby" in w for w in who), who
    api = watched.page.request.get(watched.base + "/api/quotes?speaker=kirby").json()
    assert api["total"] == len(who) or api["total"] > 50
    assert all("Kirby" in q["speaker_name"] or any("Kirby" in a for a in q["speaker_aliases"])
               for q in api["items"])
    watched.clean()


def test_map_shows_the_seed_places(watched):
    watched.open("/map", shot="map")
    assert watched.page.locator("svg.map").count() == 1
    places = watched.page.locator("table.places a[data-place]").all_inner_texts()
    markers = watched.page.locator("svg.map .marker").count()
    assert markers == len(places)
    watched.clean()


def test_document_layers_toggle_and_side_list_highlights(watched, web_ledger):
    watched.open(_pages(web_ledger)["document-seed"])
    actor = watched.page.locator("#doc-text .hl-actor").first
    shown = actor.evaluate("el => getComputedStyle(el).boxShadow")
    watched.page.uncheck("#layer-actors")
    assert actor.evaluate("el => getComputedStyle(el).boxShadow") in ("none", "")
    assert shown not in ("none", "")
    ref = watched.page.locator(".side-ref[data-target]").first
    target = ref.get_attribute("data-target")
    ref.hover()
    assert watched.page.locator(f"#doc-text .hl.hover[data-ref='{target}']").count() >= 1
    watched.page.screenshot(path=str(SHOTS / "document-layers.png"))
    watched.clean()


def test_hostile_document_renders_inert(watched, web_ledger):
    path = f"/documents/{web_ledger['hostile_id']}"
    watched.open(path, shot="document-hostile")
    text = watched.page.locator("#doc-text").inner_text()
    assert "<script>alert(1)</script>" in text
    assert '"><img src=x onerror=alert(1)>' in text
    assert watched.page.locator("main img").count() == 0
    assert watched.page.locator("main script").count() == 0
    assert "<script>alert(1)</script>" in watched.page.locator("h1").inner_text()
    watched.open("/documents?q=alert+onerror", shot="search-hostile")
    assert watched.page.locator("main img").count() == 0
    assert "<script>" in watched.page.locator("table.documents").inner_text()
    watched.clean()


def test_quote_click_lands_on_marked_quote(watched):
    watched.open("/quotes")
    links = watched.page.locator("blockquote a[data-quote]")
    assert links.count() > 0, "the quote stage produced no quotes for examples/"
    quote_id = links.first.get_attribute("data-quote")
    links.first.click()
    watched.page.wait_for_url(f"**/documents/*#{quote_id}")
    marked = watched.page.locator(f"#doc-text .hl.current[data-ref='{quote_id}']").first
    marked.wait_for()
    assert watched.page.locator("body").get_attribute("data-marked") == quote_id
    assert marked.is_visible()
    watched.page.screenshot(path=str(SHOTS / "document-quote-marked.png"))
    watched.clean()


def test_quotes_filter_by_speaker(watched):
    watched.open("/quotes")
    speakers = watched.page.locator("#speakers option")
    assert speakers.count() > 0, "the quote stage attributed no quotes in examples/"
    speaker = speakers.first.get_attribute("value")
    watched.page.fill("input[name=speaker]", speaker)
    watched.page.click("form.filters button[type=submit]")
    watched.page.wait_for_url("**/quotes?*speaker=*")
    who = watched.page.locator(".quote-item .who").all_inner_texts()
    assert who, f"no quotes listed for {speaker!r}"
    assert all(speaker in w for w in who), who
    watched.clean()


def test_timeline_event_click_lands_on_highlighted_evidence(watched):
    watched.open("/timeline", shot="timeline")
    links = watched.page.locator("table.events a.evidence-link")
    assert links.count() > 0, NO_EVENTS
    event_id = links.first.get_attribute("data-event")
    links.first.click()
    watched.page.wait_for_url(f"**/documents/*#{event_id}")
    trigger = watched.page.locator(f"#{event_id}")
    trigger.wait_for()
    assert "current" in (trigger.get_attribute("class") or "")
    assert watched.page.locator("body").get_attribute("data-marked") == event_id
    evidence = watched.page.locator(f"#doc-text .hl-evidence.current[data-ref='{event_id}']")
    assert evidence.count() >= 1
    box = trigger.bounding_box()
    assert box is not None and 0 <= box["y"] <= watched.page.viewport_size["height"]
    watched.page.screenshot(path=str(SHOTS / "document-event-marked.png"))
    watched.clean()


def test_timeline_filter_by_actor(watched):
    watched.open("/timeline")
    names = watched.page.locator("#names option")
    assert names.count() > 0, NO_EVENTS
    actor = names.first.get_attribute("value")
    watched.page.fill("input[name=actor]", actor)
    watched.page.click("form.filters button[type=submit]")
    watched.page.wait_for_url("**/timeline?*actor=*")
    rows = watched.page.locator("table.events tbody tr").all_inner_texts()
    assert rows and all(actor.lower() in r.lower() for r in rows), rows
    watched.page.screenshot(path=str(SHOTS / "timeline-actor.png"), full_page=True)
    watched.clean()
