"""Incident pages and their JSON twins: each real event once, its reports side by side with
their evidence, and where the reports disagree; a story view of the documents that share
incidents with one document."""

from __future__ import annotations

import sqlite3
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse

from newsledger.errors import NewsledgerError
from newsledger.ledger.incident_query import (
    IncidentFilter,
    count_incidents,
    get_incident,
    list_incidents,
    story,
)
from newsledger.records import PLOVER_TYPES
from newsledger.web.deps import BadParameter, get_conn, templates

router = APIRouter()
Conn = Annotated[sqlite3.Connection, Depends(get_conn)]
Text = Annotated[str | None, Query(max_length=300)]
PAGE = 50


def incident_filter(
    source: Annotated[Text, Query(description="Source name (part of it) or ISO3.")] = None,
    target: Annotated[Text, Query(description="Target name (part of it) or ISO3.")] = None,
    type: Annotated[Text, Query(description="PLOVER type, e.g. ASSAULT.")] = None,
    since: Annotated[Text, Query(description="Dated on or after YYYY-MM-DD.")] = None,
    until: Annotated[Text, Query(description="Dated on or before YYYY-MM-DD.")] = None,
    disputed: Annotated[bool | None, Query(description="Only (or no) disputed incidents.")] = None,
    min_documents: Annotated[int, Query(ge=1, le=100_000,
                                        description="Reported by at least this many documents.")] = 1,
    limit: Annotated[int, Query(ge=1, le=500)] = PAGE,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> IncidentFilter:
    """Query parameters -> filter; a bad value is a 422 naming the parameter."""
    values = {k: (v.strip() or None) if isinstance(v, str) else v
              for k, v in {"source": source, "target": target, "type": type, "since": since,
                           "until": until}.items()}
    for name in ("since", "until"):
        if values[name]:
            try:
                date.fromisoformat(values[name])
            except ValueError as e:
                raise BadParameter(name, f"{values[name]!r} is not a date YYYY-MM-DD") from e
    if values["type"] and values["type"].upper() not in PLOVER_TYPES:
        raise BadParameter("type", f"one of {', '.join(PLOVER_TYPES)}")
    return IncidentFilter(**values, disputed=disputed, min_documents=min_documents,
                          limit=limit, offset=offset)


Filter = Annotated[IncidentFilter, Depends(incident_filter)]


def _incident(conn: sqlite3.Connection, ref: str) -> dict[str, Any]:
    try:
        record = get_incident(conn, ref)
    except NewsledgerError as e:
        raise HTTPException(404, str(e)) from e
    if record is None:
        raise HTTPException(404, f"no incident {ref}")
    return record


def _listing(conn: sqlite3.Connection, flt: IncidentFilter) -> dict[str, Any]:
    try:
        return {"total": count_incidents(conn, flt), "limit": flt.limit, "offset": flt.offset,
                "items": list_incidents(conn, flt)}
    except NewsledgerError as e:
        raise HTTPException(404, str(e)) from e


@router.get("/api/incidents", tags=["incidents"], summary="Incidents: each real event once")
def incidents_api(conn: Conn, flt: Filter) -> dict[str, Any]:
    return _listing(conn, flt)


@router.get("/api/incidents/{ref}", tags=["incidents"],
            summary="One incident with every report and its evidence")
def incident_api(conn: Conn, ref: str) -> dict[str, Any]:
    return _incident(conn, ref)


@router.get("/api/stories/{doc_id}", tags=["incidents"],
            summary="Documents sharing incidents with this one")
def story_api(conn: Conn, doc_id: str) -> dict[str, Any]:
    try:
        return {"document": doc_id, "related": story(conn, doc_id)}
    except NewsledgerError as e:
        raise HTTPException(404, str(e)) from e


@router.get("/incidents", response_class=HTMLResponse, include_in_schema=False)
def incidents_page(request: Request, conn: Conn, flt: Filter) -> HTMLResponse:
    listing = _listing(conn, flt)
    nxt = flt.offset + flt.limit if flt.offset + flt.limit < listing["total"] else None
    prev = max(flt.offset - flt.limit, 0) if flt.offset else None

    def page(offset: int | None) -> str | None:
        if offset is None:
            return None
        url = request.url.include_query_params(offset=offset)
        return f"{url.path}?{url.query}"

    return templates.TemplateResponse(request, "incidents.html", {
        "listing": listing, "flt": flt, "types": PLOVER_TYPES,
        "prev": page(prev), "next": page(nxt)})


@router.get("/incidents/{ref}", response_class=HTMLResponse, include_in_schema=False)
def incident_page(request: Request, conn: Conn, ref: str) -> HTMLResponse:
    return templates.TemplateResponse(request, "incident.html",
                                      {"incident": _incident(conn, ref)})


@router.get("/stories/{doc_id}", response_class=HTMLResponse, include_in_schema=False)
def story_page(request: Request, conn: Conn, doc_id: str) -> HTMLResponse:
    row = conn.execute("SELECT id, title, source, published_date FROM documents WHERE id = ?",
                       (doc_id,)).fetchone()
    if row is None:
        raise HTTPException(404, f"no document {doc_id}")
    try:
        related = story(conn, doc_id)
    except NewsledgerError as e:
        raise HTTPException(404, str(e)) from e
    return templates.TemplateResponse(request, "incident_story.html",
                                      {"document": dict(row), "related": related})
