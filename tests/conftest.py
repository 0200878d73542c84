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
    from newsledger.nlp import load_nlp

    return load_nlp()


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
