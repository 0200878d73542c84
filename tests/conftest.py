"""Shared fixtures: the repo's own examples, ../shared when present, temporary ledgers."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, skipping the test (naming the path) when it is missing."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"needs {path} (../shared is not beside this checkout)")
    return path


@pytest.fixture(scope="session")
def nlp():
    """The full pipeline: the model plus newsledger's components."""
    from newsledger.nlp.model import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def model():
    """The bare spaCy model, for tests that only need a parse."""
    from newsledger.nlp.model import load_model

    return load_model()


@pytest.fixture(scope="session")
def seed_text() -> str:
    return shared_path("seed", "article.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_gold() -> dict:
    import json

    return json.loads(shared_path("seed", "gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def seed_analysis(seed_text):
    """The seed article run through the whole pipeline once per test session."""
    from newsledger.pipeline import analyze_document
    from newsledger.records import Document

    return analyze_document(Document(text=seed_text, source=str(SEED / "article.txt")))


@pytest.fixture()
def db_path(tmp_path) -> Path:
    return tmp_path / "ledger.db"


HOSTILE_TEXT = (
    "Police say <script>alert(1)</script> was posted on ministry site\n\n"
    "PARIS (Reuters) - French police arrested two men in Lyon on Tuesday after a message"
    " reading \"><img src=x onerror=alert(1)> appeared on the interior ministry's website,"
    " officials said.\n\n"
    "\"We will find those responsible,\" Interior Minister Gerald Darmanin told reporters in"
    " Paris. A senior police official said the attackers had threatened to publish more data.\n"
)


@pytest.fixture(scope="session")
def web_ledger(tmp_path_factory) -> dict:
    """examples/ plus a document full of markup, ingested by the real pipeline (web tests)."""
    from newsledger.engines.local import ingest
    from newsledger.ingest import read_paths
    from newsledger.records import content_id

    folder = tmp_path_factory.mktemp("web")
    hostile = folder / "hostile.txt"
    hostile.write_text(HOSTILE_TEXT, encoding="utf-8")
    db = folder / "ledger.db"
    report = ingest(read_paths([str(EXAMPLES), str(hostile)]), db)
    assert report.failed == 0, report.errors
    return {"db": db, "hostile_id": content_id(HOSTILE_TEXT), "hostile_text": HOSTILE_TEXT}
