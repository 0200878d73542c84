"""What every router needs, in one module that imports no router: the per-request connection,
the templates, the parameter error, and the security headers.

Routers import from here, never from ``web.app``, so the application module can import them
without a cycle.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated
from urllib.parse import urlsplit

from fastapi import Depends, Request
from fastapi.templating import Jinja2Templates

from newsledger.ledger import connect

HERE = Path(__file__).resolve().parent
templates = Jinja2Templates(directory=str(HERE / "templates"))
# The largest integer SQLite stores: ids past it answer 422, never 500.
MAX_ID = 2**63 - 1

CSP = ("default-src 'none'; script-src 'self'; style-src 'self';"
       " img-src 'self' data:; connect-src 'self'; font-src 'self';"
       " base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}


class BadParameter(Exception):
    """A request parameter that parsed but makes no sense; answered with 422 and this message."""

    def __init__(self, name: str, message: str) -> None:
        self.name = name
        self.message = message
        super().__init__(f"{name}: {message}")


def get_conn(request: Request) -> Iterator[sqlite3.Connection]:
    """One read-only connection per request."""
    conn = connect(request.app.state.db_path, readonly=True)
    try:
        yield conn
    finally:
        conn.close()


Conn = Annotated[sqlite3.Connection, Depends(get_conn)]


def web_url(value: object) -> str | None:
    """``value`` if it is an http(s) URL a page may link to; anything else (javascript:,
    data:, relative paths) is shown as text, never as a link."""
    if not isinstance(value, str):
        return None
    try:
        parts = urlsplit(value.strip())
    except ValueError:
        return None
    return value.strip() if parts.scheme.lower() in ("http", "https") and parts.netloc else None


templates.env.filters["web_url"] = web_url
