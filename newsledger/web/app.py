"""The web application: a read-only view of one ledger as JSON (``/api/``) and as pages.

``create_app(db_path)`` builds it; every request opens its own read-only connection, so the
application is safe under uvicorn's thread pool while ``newsledger ingest`` keeps writing.
Responses are gzip-compressed and every one of them, errors included, carries the security
headers.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.gzip import GZipMiddleware

from newsledger.errors import LedgerError
from newsledger.ledger import connect
from newsledger.ledger.aggregate import warm
from newsledger.web import api, downloads, incidents, pages, provenance
from newsledger.web.deps import HERE, SECURITY_HEADERS, BadParameter, templates

log = logging.getLogger(__name__)
# Responses smaller than this are sent as they are: compressing them saves nothing.
GZIP_MINIMUM = 500
STATIC_MAX_AGE = 3600


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
    """The error page (or JSON under /api), with the security headers set here too: a 500
    is answered outside the middleware that sets them on every other response."""
    if request.url.path.startswith("/api/") or request.url.path == "/api":
        response: Response = JSONResponse({"detail": message}, status_code=status)
    else:
        response = templates.TemplateResponse(request, "error.html",
                                              {"status": status, "message": message},
                                              status_code=status)
    response.headers.update(SECURITY_HEADERS)
    return response


def _install_handlers(app: FastAPI) -> None:
    @app.middleware("http")
    async def security_headers(request: Request, call_next):  # type: ignore[no-untyped-def]
        response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        if request.url.path.startswith("/static/"):
            response.headers.setdefault("Cache-Control", f"public, max-age={STATIC_MAX_AGE}")
        return response

    @app.exception_handler(RequestValidationError)
    async def on_validation(request: Request, exc: RequestValidationError) -> Response:
        return _error(request, 422, _validation_message(exc))

    @app.exception_handler(BadParameter)
    async def on_bad_parameter(request: Request, exc: BadParameter) -> Response:
        return _error(request, 422, str(exc))

    @app.exception_handler(StarletteHTTPException)
    async def on_http(request: Request, exc: StarletteHTTPException) -> Response:
        detail = exc.detail if isinstance(exc.detail, str) else None
        if exc.status_code == 404 and (not detail or detail == "Not Found"):
            detail = f"nothing at {request.url.path}"
        response = _error(request, exc.status_code, detail or "error")
        response.headers.update(exc.headers or {})
        return response

    @app.exception_handler(Exception)
    async def on_crash(request: Request, exc: Exception) -> Response:
        log.exception("%s %s failed", request.method, request.url.path)
        return _error(request, 500, "internal error; the server log has the details")


def create_app(db_path: str | Path) -> FastAPI:
    """The application over the ledger at ``db_path`` (opened read-only, never written)."""
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
    _install_handlers(app)
    app.add_middleware(GZipMiddleware, minimum_size=GZIP_MINIMUM)

    @app.get("/api/docs", include_in_schema=False)
    def api_docs() -> RedirectResponse:
        """The offline endpoint list (no Swagger UI: it would load scripts from a CDN)."""
        return RedirectResponse("/api", status_code=307)

    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.include_router(downloads.router)
    app.include_router(api.router)
    app.include_router(pages.router)
    app.include_router(provenance.router)
    app.include_router(incidents.router)
    return app


__all__ = ["create_app"]
