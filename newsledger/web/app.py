"""The web application: a read-only view of one ledger as JSON (``/api/``) and as pages.

``create_app(db_path)`` builds it; every request opens its own read-only connection, so the
application is safe under uvicorn's thread pool while ``newsledger ingest`` keeps writing.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

import plotly
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from newsledger.errors import LedgerError
from newsledger.ledger import connect

log = logging.getLogger(__name__)
HERE = Path(__file__).resolve().parent
PLOTLY_JS = Path(plotly.__file__).resolve().parent / "package_data" / "plotly.min.js"
templates = Jinja2Templates(directory=str(HERE / "templates"))

# Scripts only from our own static files; plotly sets inline styles on its SVG, hence styles.
CSP = ("default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline';"
       " img-src 'self' data: blob:; connect-src 'self'; font-src 'self' data:;"
       " base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
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


def _check_ledger(path: Path) -> None:
    conn = connect(path, readonly=True)
    try:
        conn.execute("SELECT 1 FROM documents LIMIT 1").fetchall()
    except sqlite3.DatabaseError as e:
        raise LedgerError(f"{path}: not a newsledger ledger ({e})") from e
    finally:
        conn.close()


def _warm(path: Path) -> None:
    """Fill the caches behind the default pages before the first visitor needs them."""
    from newsledger.web.queries import warm

    try:
        conn = connect(path, readonly=True)
        try:
            warm(conn)
        finally:
            conn.close()
    except Exception as e:  # a failed warm-up only means the first request does the work
        log.warning("%s: warming the page caches failed (%s)", path, e)


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for error in exc.errors():
        loc = [str(x) for x in error.get("loc", ()) if x not in ("query", "path", "body")]
        parts.append(f"{'.'.join(loc) or 'request'}: {error.get('msg', 'invalid value')}")
    return "; ".join(parts) or "invalid request"


def _error(request: Request, status: int, message: str) -> Response:
    if request.url.path.startswith("/api/") or request.url.path == "/api":
        return JSONResponse({"detail": message}, status_code=status)
    return templates.TemplateResponse(request, "error.html",
                                      {"status": status, "message": message},
                                      status_code=status)


def create_app(db_path: str | Path) -> FastAPI:
    """The application over the ledger at ``db_path`` (opened read-only, never written)."""
    from newsledger.web import api, incidents, pages, provenance

    path = Path(db_path)
    _check_ledger(path)
    app = FastAPI(
        title="newsledger",
        summary="Who did what to whom, when, and who said what — each entry linked to its words.",
        version="1",
        docs_url=None,  # Swagger UI would load its scripts from a CDN; /api lists the endpoints
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    app.state.db_path = path
    threading.Thread(target=_warm, args=(path,), daemon=True, name="newsledger-warm").start()

    @app.middleware("http")
    async def security_headers(request: Request, call_next):  # type: ignore[no-untyped-def]
        response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        if request.url.path.startswith("/static/"):
            response.headers.setdefault("Cache-Control", "public, max-age=3600")
        return response

    @app.exception_handler(RequestValidationError)
    async def on_validation(request: Request, exc: RequestValidationError) -> Response:
        return _error(request, 422, _validation_message(exc))

    @app.exception_handler(BadParameter)
    async def on_bad_parameter(request: Request, exc: BadParameter) -> Response:
        return _error(request, 422, str(exc))

    @app.exception_handler(404)
    async def on_not_found(request: Request, exc: Exception) -> Response:
        detail = getattr(exc, "detail", None)
        return _error(request, 404, detail if isinstance(detail, str) and detail != "Not Found"
                      else f"nothing at {request.url.path}")

    @app.get("/static/vendor/plotly.min.js", include_in_schema=False)
    def plotly_js() -> FileResponse:
        return FileResponse(PLOTLY_JS, media_type="text/javascript")

    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    app.include_router(provenance.router)
    app.include_router(incidents.router)
    return app


__all__ = ["BadParameter", "HTMLResponse", "create_app", "get_conn", "templates"]
