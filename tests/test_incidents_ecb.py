"""Incident linking on real text: one ECB+ development topic (35: two different DUI arrests
of two football players, each reported by several outlets) is ingested with the real
pipeline and its grouping scored like the gold set's score.py. The floors are below the
figures measured when this test was written, so they catch a regression, not noise."""

from __future__ import annotations

import json

import pytest

from newsledger.engines.local import ingest
from newsledger.incidents.evaluate import aligned_mentions, bcubed
from newsledger.ingest import read_paths
from newsledger.ledger import connect, load_analysis
from newsledger.ledger.store import iter_document_ids
from tests.conftest import shared_path

pytestmark = pytest.mark.shared

TOPIC = 35
MIN_PRECISION = 0.77
"""Merging the two arrests is the error that matters: B-cubed precision stays above this
(0.83 when written; the rest is within-document fusion of the events stage). Dropping a
mention that is no political act ("Results from a blood-alcohol test ... were released",
annotated in ECB+ as an event) removes a correct singleton, which lowers B-cubed precision
without merging anything: 0.780 with it, 0.774 without."""
MIN_RECALL = 0.7
"""Reports of one arrest in different outlets are grouped (0.84 when written; ungrouped,
about 0.4)."""


def test_reports_of_one_arrest_are_grouped_and_the_two_arrests_kept_apart(tmp_path):
    root = shared_path("gold", "event-coref-dev")
    gold = [d for d in json.loads((root / "gold.json").read_text(encoding="utf-8"))
            if d["topic"] == TOPIC]
    assert gold, f"{root}: no texts of topic {TOPIC}"
    db = tmp_path / "ledger.db"
    report = ingest(read_paths([str(root / d["path"]) for d in gold]), db, workers=1)
    assert report.stored == len(gold), report.errors
    conn = connect(db, readonly=True)
    records = [load_analysis(conn, d).to_dict() for d in iter_document_ids(conn)]
    conn.close()
    pairs, _ = aligned_mentions(records, gold, root)
    assert len(pairs) >= 10  # enough found mentions for the figures to mean something
    precision, recall, _ = bcubed(pairs)
    assert precision >= MIN_PRECISION and recall >= MIN_RECALL, (precision, recall)
