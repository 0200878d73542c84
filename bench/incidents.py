"""Cost of incident linking: per 1,000 events, and how it grows from 10k to 100k events.

Times are CPU seconds of this process (the machine may be shared). Synthetic ledgers are
written straight into SQLite (no model): incidents spread over three years, each reported by
about three documents whose events carry a date half of the time, shared and random names;
``link_new`` is timed on each size from scratch, then once more on 1% new events (the
incremental case). With --corpus, real documents are ingested (linking runs after each batch,
as in `newsledger ingest`) and the share of ingest time spent linking is reported.

Usage: nice .venv/bin/python bench/incidents.py --sizes 10000 30000 100000
       nice .venv/bin/python bench/incidents.py --sizes 10000 100000 --per-day 30
       nice .venv/bin/python bench/incidents.py --corpus ../shared/corpora/whitehouse/statements-releases/2024-04
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from newsledger.incidents import link_new
from newsledger.ledger import connect
from newsledger.records import PLOVER_TYPES

COUNTRIES = ["USA", "RUS", "UKR", "ISR", "IRN", "CHN", "IND", "PAK", "SYR", "IRQ", "TUR", "FRA",
             "DEU", "GBR", "JPN", "KOR", "PRK", "SAU", "YEM", "EGY", "NGA", "ETH", "SDN", "MEX"]
TRIGGERS = {"ASSAULT": ["attacked", "struck", "shelled"], "CONSULT": ["met", "visited"],
            "ACCUSE": ["accused", "condemned"], "AGREE": ["agreed", "signed"],
            "AID": ["sent aid", "helped"], "SANCTION": ["sanctioned", "expelled"]}
WORDS = [f"Name{i}" for i in range(3000)]
START = date(2022, 1, 1)


def _incident(rng: random.Random, span_days: int) -> dict:
    etype = rng.choice(PLOVER_TYPES)
    return {"type": etype, "source": rng.choice(COUNTRIES), "target": rng.choice(COUNTRIES),
            "day": START + timedelta(days=rng.randrange(span_days)),
            "trigger": rng.choice(TRIGGERS.get(etype, ["acted"])),
            "names": rng.sample(WORDS, 12)}


def populate(conn, n_events: int, rng: random.Random, first: int = 0,
             per_day: float | None = None) -> None:
    """Write documents with one event each, reporting ~n_events/3 synthetic incidents over
    three years (or over as many days as give ``per_day`` events a day)."""
    span = max(1, round(n_events / per_day)) if per_day else 3 * 365
    incidents = [_incident(rng, span) for _ in range(max(1, n_events // 3))]
    docs, events = [], []
    for k in range(first, first + n_events):
        inc = rng.choice(incidents)
        published = inc["day"] + timedelta(days=rng.randrange(4))
        names = rng.sample(inc["names"], 8) + rng.sample(WORDS, 4)
        text = (f"{inc['source']} {inc['trigger']} {inc['target']}. " + " ".join(names)
                + f" said {rng.randrange(1000)} people.")
        doc_id = f"doc{k:09d}"
        docs.append((doc_id, f"synthetic/{k}.txt", text, published.isoformat()))
        dated = rng.random() < 0.5
        events.append((doc_id, "e1", inc["type"], "asserted", inc["source"], inc["source"],
                       inc["target"], inc["target"], 0, len(inc["source"]) + 8,
                       inc["trigger"], 0, len(text),
                       inc["day"].isoformat() if dated else None, "day" if dated else None))
    with conn:
        conn.executemany("INSERT INTO documents (id, source, text, published_date)"
                         " VALUES (?, ?, ?, ?)", docs)
        conn.executemany(
            "INSERT INTO events (document_id, local_id, type, modality, source_name,"
            " source_country, target_name, target_country, trigger_start, trigger_end,"
            " trigger_text, evidence_start, evidence_end, date_value, date_precision)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", events)


def synthetic(sizes: list[int], seed: int, per_day: float | None = None) -> None:
    print(f"{'events':>8} {'seconds':>8} {'ms/1k events':>13} {'incidents':>10}"
          f" {'+1% s':>7} {'ms/1k new':>10}")
    for n in sizes:
        with tempfile.TemporaryDirectory() as folder:
            conn = connect(Path(folder) / "bench.db")
            rng = random.Random(seed)
            populate(conn, n, rng, per_day=per_day)
            start = time.process_time()
            result = link_new(conn)
            seconds = time.process_time() - start
            extra = max(1, n // 100)
            populate(conn, extra, rng, first=n, per_day=per_day)
            start = time.process_time()
            link_new(conn)
            incremental = time.process_time() - start
            print(f"{n:>8} {seconds:>8.1f} {1000 * seconds / n * 1000:>13.0f}"
                  f" {result.created:>10} {incremental:>7.2f}"
                  f" {1000 * incremental / extra * 1000:>10.0f}")
            conn.close()


def corpus(path: str, limit: int) -> None:
    """Ingest real documents (linking after every batch) and time linking alone afterwards."""
    from itertools import islice

    from newsledger.engines.local import ingest
    from newsledger.ingest import read_paths

    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "bench.db"
        start = time.process_time()
        report = ingest(islice(read_paths([path]), limit), db, workers=1)
        total = time.process_time() - start
        conn = connect(db)
        events = conn.execute("SELECT COUNT(*) FROM events").fetchone()[0]
        with conn:
            conn.execute("DELETE FROM incident_events")
            conn.execute("DELETE FROM incidents")
        start = time.process_time()
        link_new(conn)
        linking = time.process_time() - start
        conn.close()
    print(f"documents {report.stored}, events {events}: ingest with linking {total:.1f} s,"
          f" linking alone {linking:.2f} s ({100 * linking / max(total - linking, 1e-9):.1f}%"
          f" of the rest of ingest)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 30_000, 100_000])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--per-day", type=float,
                        help="events a day (ledger span grows with size); default: 3 years")
    parser.add_argument("--corpus", help="ingest these documents instead (a path)")
    parser.add_argument("--limit", type=int, default=1000, help="documents read from --corpus")
    args = parser.parse_args()
    if args.corpus:
        corpus(args.corpus, args.limit)
    else:
        synthetic(args.sizes, args.seed, args.per_day)


if __name__ == "__main__":
    main()
