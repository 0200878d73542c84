"""Fuzzed requests for every route of the web app: shared by the test and the benchmark.

Routes come from the app itself (every GET route, path parameters filled), so a new route is
fuzzed without anyone remembering to add it. Values mix what a careless or hostile client
sends: huge and negative integers, bad dates, markup, SQL and LIKE metacharacters, control
characters, lone surrogates (percent-encoded), very long strings, repeated parameters.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from urllib.parse import quote

from fastapi import FastAPI

NASTY = [
    "", "0", "-1", "1", "2", "200", "201", "9" * 30, str(2**63), str(-(2**63) - 1), "1e309",
    "nan", "inf", "0x10", "1.5", "abc", "2024-02-30", "2024-13-45", "99999-01-01", "2024-04-13",
    "IRN", "irn", "Iran", "kirby", "ASSAULT", "asserted", "statement", "reports", "incidents",
    "%", "_", "%_%", "'", "\"", "' OR 1=1 --", "\\", "<script>alert(1)</script>",
    "\"><img src=x onerror=alert(1)>", "javascript:alert(1)", "\x00", "\x1b[2J", "\u2028",
    "\ud800", "x" * 5000, "../../etc/passwd", "e1", "q1", "i1", "a" * 64,
]
PARAMS = [
    "limit", "offset", "q", "speaker", "speaker_key", "actor", "actor_key", "source", "target",
    "type", "modality", "quad_class", "date_from", "date_to", "document", "interval", "sort",
    "kind", "anonymous", "include_statements", "count", "max_nodes", "month", "page", "verdict",
    "min_documents", "disputed", "format", "top", "layers",
]


def _flat(routes: list, prefix: str = "") -> Iterator[tuple[str, set[str]]]:
    """(path, methods) of every route, looking inside included routers (newer FastAPI keeps
    them as wrappers around the original router)."""
    for route in routes:
        inner = getattr(route, "original_router", None)
        if inner is not None:
            yield from _flat(inner.routes, prefix)
            continue
        yield prefix + getattr(route, "path", ""), set(getattr(route, "methods", None) or ())


def routes(app: FastAPI) -> list[str]:
    """Every GET route's path template (static files excluded)."""
    return sorted({path for path, methods in _flat(app.routes)
                   if "GET" in methods and not path.startswith("/static")})


def _encode(value: str) -> str:
    return quote(value.encode("utf-8", "surrogatepass"), safe="")


def requests(app: FastAPI, n: int, seed: int = 0,
             known: dict[str, list[str]] | None = None) -> Iterator[str]:
    """``n`` fuzzed URLs (path and query), deterministic for a seed. ``known`` maps a path
    parameter name to real values (ids of the ledger) mixed in with the nasty ones."""
    rng = random.Random(seed)
    templates = routes(app)
    known = known or {}
    for i in range(n):
        template = templates[i % len(templates)]

        def fill(match: re.Match[str]) -> str:
            name = match.group(1).split(":")[0]
            pool = known.get(name, []) + NASTY
            return _encode(rng.choice(pool)) or "x"

        path = re.sub(r"\{([^}]+)\}", fill, template)
        query = "&".join(f"{rng.choice(PARAMS)}={_encode(rng.choice(NASTY))}"
                         for _ in range(rng.randint(0, 4)))
        yield f"{path}?{query}" if query else path
