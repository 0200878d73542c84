"""Median load time of every page and API endpoint of ``newsledger serve`` over a ledger.

    python bench/web_pages.py --db ledger.db --repeat 5

Requests go through FastAPI's TestClient (no network), so the figures are server time:
SQL, templates and JSON, without the browser. URLs with parameters are chosen from the ledger
itself (its busiest actor, dyad, speaker and document). The application caches aggregates per
ledger version and fills the caches of the default pages in a background thread at start-up;
the script times that warm-up, then each URL's first request and the median of the repeats.

``--browser`` also loads the chart pages in Debian's Chromium from a real server (a fresh one,
so the first load is cold) and prints the time to the load event, with the bytes transferred:

    python bench/web_pages.py --db ledger.db --browser

To see how the pages scale before a big corpus is ingested, ``--scale-to`` writes a larger
ledger made of dated copies of every document of ``--db`` (marked ``[copy N]``):

    python bench/web_pages.py --db ledger.db --scale-to big.db --copies 100
"""

from __future__ import annotations

import argparse
import copy
import json
import statistics
import sys
import time
import warnings
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import quote, urlencode

from newsledger.ledger import connect, load_analysis, write_analyses
from newsledger.ledger.store import iter_document_ids, stats
from newsledger.records import Analysis


def _shift(value: str | None, days: int) -> str | None:
    if not value or len(value) < 10:
        return value
    try:
        return (date.fromisoformat(value[:10]) + timedelta(days=days)).isoformat()
    except ValueError:
        return value


def _copy(analysis: Analysis, k: int) -> Analysis:
    """A dated copy: same records, text marked so it gets its own id, dates moved k weeks."""
    twin = copy.deepcopy(analysis)
    doc = twin.document
    doc.text = doc.text + f"\n[copy {k}]"
    doc.id = ""
    doc.__post_init__()
    if doc.published:
        doc.published.date = _shift(doc.published.date, 7 * k)
    for event in twin.events:
        if event.date:
            event.date.value = _shift(event.date.value, 7 * k)
    return twin


def scale(source: Path, target: Path, copies: int) -> dict[str, int]:
    """Write ``copies`` dated copies of every document of ``source`` into ``target``."""
    src = connect(source, readonly=True)
    dst = connect(target)
    originals = [load_analysis(src, i) for i in iter_document_ids(src)]
    for k in range(copies):
        write_analyses(dst, [_copy(a, k) for a in originals if a is not None])
    counts = stats(dst)
    src.close()
    dst.close()
    return counts


def _targets(db: Path) -> list[str]:
    conn = connect(db, readonly=True)

    def one(sql: str) -> str | None:
        row = conn.execute(sql).fetchone()
        return row[0] if row else None

    actor = one("SELECT name FROM (SELECT source_name AS name FROM events UNION ALL"
                " SELECT target_name FROM events) WHERE name IS NOT NULL"
                " GROUP BY name ORDER BY COUNT(*) DESC LIMIT 1")
    dyad = conn.execute("SELECT source_name, target_name FROM events WHERE source_name IS NOT NULL"
                        " AND target_name IS NOT NULL GROUP BY 1, 2 ORDER BY COUNT(*) DESC"
                        " LIMIT 1").fetchone()
    speaker = one("SELECT speaker_name FROM quotes WHERE speaker_name IS NOT NULL"
                  " GROUP BY 1 ORDER BY COUNT(*) DESC LIMIT 1")
    ref = one("SELECT COALESCE(key, kind || ':' || lower(name)) FROM actors"
              " GROUP BY 1 ORDER BY COUNT(*) DESC LIMIT 1")
    doc = one("SELECT d.id FROM documents d ORDER BY (SELECT COUNT(*) FROM events e"
              " WHERE e.document_id = d.id) + (SELECT COUNT(*) FROM quotes q"
              " WHERE q.document_id = d.id) DESC, length(d.text) DESC LIMIT 1")
    conn.close()
    urls = ["/", "/timeline", "/dyads", "/network", "/map", "/quotes", "/documents", "/actors",
            "/documents?q=president", "/quotes?q=security", "/quotes?speaker=kirby",
            "/api/events.csv", "/api/quotes.csv", "/static/style.css"]
    if actor:
        urls += [f"/timeline?{urlencode({'actor': actor})}",
                 f"/api/events?{urlencode({'actor': actor})}"]
    if dyad:
        pair = urlencode({"source": dyad[0], "target": dyad[1]})
        urls += [f"/dyads?{pair}", f"/api/dyads/series?{pair}&interval=week"]
    if speaker:
        urls += [f"/quotes?{urlencode({'speaker': speaker})}",
                 f"/api/quotes?{urlencode({'speaker': speaker})}"]
    if ref:
        urls += [f"/actors/{quote(ref, safe='')}", f"/api/actors/{quote(ref, safe='')}"]
    if doc:
        urls += [f"/documents/{doc}", f"/api/documents/{doc}"]
    urls += ["/api/overview", "/api/documents", "/api/documents?q=president", "/api/actors",
             "/api/quotes", "/api/events", "/api/events?type=ASSAULT&modality=asserted",
             "/api/events/series?interval=month", "/api/dyads", "/api/network"]
    return urls


def _ms(start: float) -> float:
    return (time.perf_counter() - start) * 1000


def bench(db: Path, repeat: int) -> tuple[float, list[tuple[str, int, float, float]]]:
    """Start-up warm-up ms, and (url, status, first ms, median ms of repeats) per URL."""
    warnings.filterwarnings("ignore", message=".*httpx.*")
    from fastapi.testclient import TestClient

    from newsledger.ledger.aggregate import warm
    from newsledger.web import create_app

    conn = connect(db, readonly=True)
    start = time.perf_counter()
    warm(conn)
    table_ms = _ms(start)
    conn.close()
    client = TestClient(create_app(db))
    rows = []
    for url in _targets(db):
        start = time.perf_counter()
        status = client.get(url).status_code
        first = _ms(start)
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            client.get(url)
            times.append(_ms(start))
        rows.append((url, status, first, statistics.median(times)))
    return table_ms, rows


CHART_PAGES = ("/timeline", "/network", "/map", "/dyads", "/")
CHROMIUM = "/usr/bin/chromium"


def browser_times(db: Path) -> list[tuple[str, float, int]]:
    """(path, ms to the load event, bytes on the wire) of each chart page, first load each."""
    import socket
    import threading

    import uvicorn
    from playwright.sync_api import sync_playwright

    from newsledger.web import create_app

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(db), log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    out = []
    try:
        with sync_playwright() as p:
            chromium = p.chromium.launch(executable_path=CHROMIUM, args=["--headless=new"])
            warm = chromium.new_page()  # the browser's own start-up is not the page's time
            warm.goto(f"http://127.0.0.1:{port}/api", wait_until="load")
            warm.close()
            for path in CHART_PAGES:
                page = chromium.new_page()
                page.goto(f"http://127.0.0.1:{port}{path}", wait_until="load")
                entry = json.loads(page.evaluate(
                    "JSON.stringify(performance.getEntriesByType('navigation')[0])"))
                wire = entry["transferSize"] + page.evaluate(
                    "performance.getEntriesByType('resource').reduce((a, r) => a + r.transferSize, 0)")
                out.append((path, entry["loadEventEnd"], int(wire)))
                page.close()
            chromium.close()
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, required=True, help="ledger to time (or to copy)")
    parser.add_argument("--repeat", type=int, default=5, help="timed requests per URL")
    parser.add_argument("--scale-to", type=Path, help="write a scaled copy of --db here instead")
    parser.add_argument("--copies", type=int, default=100, help="copies per document (--scale-to)")
    parser.add_argument("--browser", action="store_true",
                        help="also time the chart pages in Chromium (load event, bytes)")
    args = parser.parse_args(argv)
    if not args.db.exists():
        print(f"web_pages: {args.db}: no such ledger", file=sys.stderr)
        return 1
    if args.scale_to:
        start = time.perf_counter()
        counts = scale(args.db, args.scale_to, args.copies)
        print(f"wrote {args.scale_to} in {time.perf_counter() - start:.0f} s: {counts}")
        return 0
    conn = connect(args.db, readonly=True)
    counts = stats(conn)
    conn.close()
    print(f"{args.db}: " + ", ".join(f"{k} {v:,}" for k, v in counts.items()))
    table_ms, rows = bench(args.db, args.repeat)
    print(f"start-up warm-up (background thread, once per ledger version): {table_ms:.0f} ms")
    print(f"first request, then median of {args.repeat} more (TestClient, server time)\n")
    print("| URL | status | first ms | median ms |\n|---|---|---:|---:|")
    slow = 0
    for url, status, first, median in rows:
        shown = url if len(url) <= 90 else url[:87] + "..."
        print(f"| `{shown}` | {status} | {first:.0f} | {median:.0f} |")
        slow += first > 1000
    print(f"\n{slow} URL(s) took over one second on their first request")
    if args.browser:
        print("\n| chart page (Chromium, first load) | load event ms | bytes on the wire |"
              "\n|---|---:|---:|")
        for path, ms, wire in browser_times(args.db):
            print(f"| `{path}` | {ms:.0f} | {wire:,} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
