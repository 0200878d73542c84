"""Fuzz every route of the web app over a real ledger and count server errors.

    python bench/http_fuzz.py --db ledger.db --n 5000

Prints requests sent, answers by status class, 5xx answers and answers missing a security
header (both must be 0), and the slowest request.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

from fastapi.testclient import TestClient

from newsledger.web import create_app
from newsledger.web.deps import SECURITY_HEADERS

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.http_fuzz import requests  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--n", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    app = create_app(args.db)
    classes: Counter[str] = Counter()
    bad: list[tuple[str, int]] = []
    slowest = (0.0, "")
    with TestClient(app, raise_server_exceptions=False) as client:
        import sqlite3

        conn = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True)
        docs = [r[0] for r in conn.execute("SELECT id FROM documents LIMIT 20")]
        conn.close()
        known = {"doc_id": docs, "ref": ["i1", "i2", "state:IRN"], "link_id": ["1"],
                 "quote_id": ["1"]}
        for url in requests(app, args.n, seed=args.seed, known=known):
            start = time.perf_counter()
            response = client.get(url)
            took = time.perf_counter() - start
            slowest = max(slowest, (took, url[:100]))
            classes[f"{response.status_code // 100}xx"] += 1
            if response.status_code >= 500 or any(h not in response.headers
                                                   for h in SECURITY_HEADERS):
                bad.append((url[:120], response.status_code))
    print(f"requests {args.n}; " + ", ".join(f"{k} {v}" for k, v in sorted(classes.items())))
    print(f"5xx or missing headers: {len(bad)}")
    for url, status in bad[:20]:
        print(f"  {status} {url}")
    print(f"slowest: {slowest[0]:.2f} s {slowest[1]}")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
