"""Every route under fuzzed requests: never a 5xx, and the security headers on every answer."""

from __future__ import annotations

import pytest

from newsledger.ledger import connect
from newsledger.web import create_app
from newsledger.web.deps import SECURITY_HEADERS
from tests.http_fuzz import requests, routes


@pytest.fixture(scope="module")
def client(web_ledger):
    from fastapi.testclient import TestClient

    with TestClient(create_app(web_ledger["db"]), raise_server_exceptions=False) as c:
        yield c


@pytest.fixture(scope="module")
def db(web_ledger):
    conn = connect(web_ledger["db"], readonly=True)
    yield conn
    conn.close()


# bounded so the suite stays fast; bench/http_fuzz.py sends thousands
REQUESTS = 400


def test_the_fuzzer_reaches_every_kind_of_route(client):
    paths = routes(client.app)
    assert {"/api/events", "/api/documents/{doc_id}", "/documents/{doc_id}", "/timeline",
            "/api/provenance/{link_id}", "/incidents/{ref}"} <= set(paths)
    assert len(paths) >= 30


def test_no_fuzzed_request_gets_a_server_error_or_loses_its_headers(client, db):
    doc = db.execute("SELECT id FROM documents LIMIT 1").fetchone()[0]
    known = {"doc_id": [doc, doc[:12]], "ref": ["i1", "1", "state:IRN"], "link_id": ["1"],
             "quote_id": ["1"]}
    failures = []
    for url in requests(client.app, REQUESTS, seed=13, known=known):
        response = client.get(url)
        missing = [h for h in SECURITY_HEADERS if h not in response.headers]
        if response.status_code >= 500 or missing:
            failures.append((url[:120], response.status_code, missing))
    assert failures == []


def test_ids_past_64_bits_are_not_found_not_errors(client):
    for url in ("/api/incidents/9223372036854775808", "/incidents/i99999999999999999999999",
                "/api/incidents/\u0661\u0662"):
        response = client.get(url)
        assert response.status_code == 404, (url, response.status_code)
