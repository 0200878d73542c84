"""Downloads of exactly what a filtered view lists: ``/api/{table}.csv`` and ``.json``.

Same filters and sort as the list (``/events?type=ASSAULT`` → ``/api/events.csv?type=ASSAULT``),
all matching rows, streamed with the same columns as ``newsledger export``. The stream opens
its own read-only connection and closes it when the last row is sent.
"""

# No `from __future__ import annotations`: the endpoints below are built per table, and
# FastAPI must see their real (not string) annotations.
from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import StreamingResponse

from newsledger.ledger import connect
from newsledger.ledger.export import csv_chunks, json_chunks, table_rows
from newsledger.ledger.query import ActorFilter, DocumentFilter, EventFilter, QuoteFilter
from newsledger.web.params import (
    actor_filter,
    actor_sort,
    document_filter,
    document_sort,
    event_filter,
    event_sort,
    quote_filter,
    quote_sort,
)

router = APIRouter(prefix="/api", tags=["downloads"])
MEDIA = {"csv": "text/csv; charset=utf-8", "json": "application/json"}


def _stream(request: Request, table: str, fmt: str, flt: Any, sort: str) -> StreamingResponse:
    def chunks() -> Iterator[str]:
        conn = connect(request.app.state.db_path, readonly=True)
        try:
            found = table_rows(conn, table, flt, sort)
            yield from (csv_chunks(table, found) if fmt == "csv" else json_chunks(table, found))
        finally:
            conn.close()

    return StreamingResponse(chunks(), media_type=MEDIA[fmt], headers={
        "Content-Disposition": f'attachment; filename="{table}.{fmt}"'})


def _endpoint(table: str, fmt: str, filter_dep: Any, filter_type: type, sort_dep: Any) -> Any:
    def download(request: Request, flt: Annotated[filter_type, Depends(filter_dep)],  # type: ignore[valid-type]
                 sort: Annotated[str, Depends(sort_dep)]) -> StreamingResponse:
        return _stream(request, table, fmt, flt, sort)

    return download


def _routes(table: str, filter_dep: Any, filter_type: type, sort_dep: Any) -> None:
    for fmt in ("csv", "json"):
        router.add_api_route(f"/{table}.{fmt}",
                             _endpoint(table, fmt, filter_dep, filter_type, sort_dep),
                             methods=["GET"], response_class=StreamingResponse,
                             summary=f"All {table} matching the filters, as {fmt.upper()}")


_routes("events", event_filter, EventFilter, event_sort)
_routes("quotes", quote_filter, QuoteFilter, quote_sort)
_routes("actors", actor_filter, ActorFilter, actor_sort)
_routes("documents", document_filter, DocumentFilter, document_sort)
