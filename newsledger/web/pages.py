"""Server-rendered pages. Chart data travels as JSON in a non-executable script element."""

from __future__ import annotations

import calendar
import sqlite3
from datetime import date, timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from markupsafe import Markup, escape

from newsledger.ledger import load_analysis
from newsledger.ledger.store import QUAD_CLASS
from newsledger.records import ACTOR_KINDS, MODALITIES, PLOVER_TYPES, QUOTE_TYPES
from newsledger.web import queries
from newsledger.web.app import BadParameter, get_conn, templates
from newsledger.web.graph import spring_layout
from newsledger.web.highlight import highlighted
from newsledger.web.params import (
    Text,
    actor_sort,
    auto_interval,
    blank,
    choice,
    dyad_modality,
    event_filter,
    interval,
    quote_type,
    yes_no,
)
from newsledger.web.queries import QUAD_NAMES, EventFilter, Page

router = APIRouter(include_in_schema=False)
Conn = Annotated[sqlite3.Connection, Depends(get_conn)]
Filter = Annotated[EventFilter, Depends(event_filter)]
Offset = Annotated[int, Query(ge=0, le=1_000_000)]
PAGE = 50
QUAD_COLORS = {1: "#4c9be8", 2: "#1f5fa8", 3: "#f0a04b", 4: "#c73a2e", None: "#999999"}


def _render(request: Request, name: str, **context: Any) -> HTMLResponse:
    return templates.TemplateResponse(request, name, context)


def _pager(request: Request, page: Page) -> dict[str, Any]:
    prev = page.offset - page.limit if page.offset > 0 else None
    nxt = page.offset + page.limit if page.offset + page.limit < page.total else None
    return {
        "total": page.total, "first": page.offset + 1 if page.items else 0,
        "last": page.offset + len(page.items),
        "prev": _with_offset(request, max(prev, 0)) if prev is not None else None,
        "next": _with_offset(request, nxt) if nxt is not None else None,
    }


def _with_offset(request: Request, offset: int) -> str:
    url = request.url.include_query_params(offset=offset)
    return f"{url.path}?{url.query}"


def _period_end(start: str, interval_: str) -> str:
    day = date.fromisoformat(start)
    if interval_ == "week":
        day += timedelta(days=6)
    elif interval_ == "month":
        day = day.replace(day=calendar.monthrange(day.year, day.month)[1])
    return day.isoformat()


def _snippet(text: str | None) -> Markup | None:
    """An FTS snippet with its match markers (\\x02 … \\x03) turned into <mark> after escaping."""
    if text is None:
        return None
    return Markup(str(escape(text)).replace("\x02", "<mark>").replace("\x03", "</mark>"))


@router.get("/", response_class=HTMLResponse)
def overview_page(request: Request, conn: Conn) -> HTMLResponse:
    return _render(request, "overview.html", data=queries.overview(conn), quad_names=QUAD_NAMES)


@router.get("/timeline", response_class=HTMLResponse)
def timeline_page(request: Request, conn: Conn, flt: Filter,
                  interval_: Annotated[Text, Query(alias="interval")] = None,
                  offset: Offset = 0) -> HTMLResponse:
    requested = interval(interval_, auto=True) or "auto"
    chosen = requested
    if chosen == "auto":
        chosen = auto_interval(*queries.event_span(conn, flt))
    series = queries.event_series(conn, flt, chosen)
    traces = []
    for quad in (1, 2, 3, 4, None):
        rows = [r for r in series if r["quad_class"] == quad]
        if rows:
            traces.append({
                "name": QUAD_NAMES.get(quad, "unclassified"), "color": QUAD_COLORS[quad],
                "x": [r["period"] for r in rows], "y": [r["count"] for r in rows],
                "ends": [_period_end(r["period"], chosen) for r in rows],
            })
    events = queries.list_events(conn, flt, limit=PAGE, offset=offset)
    return _render(
        request, "timeline.html", flt=flt, interval=chosen, requested=requested,
        events=events.items,
        pager=_pager(request, events),
        chart={"interval": chosen, "traces": traces},
        names=queries.participant_names(conn), types=PLOVER_TYPES, modalities=MODALITIES,
        quad_names=QUAD_NAMES,
    )


@router.get("/dyads", response_class=HTMLResponse)
def dyad_page(request: Request, conn: Conn, source: Text = None, target: Text = None,
              interval_: Annotated[Text, Query(alias="interval")] = None,
              modality: Text = None) -> HTMLResponse:
    chosen_modality = dyad_modality(modality)
    source, target = blank(source), blank(target)
    top = queries.top_dyads(conn, limit=15, modality=chosen_modality)
    if not source and not target and top:
        source, target = top[0]["source"], top[0]["target"]
    if bool(source) != bool(target):
        raise BadParameter("target" if source else "source", "a dyad needs both actors")
    chart, lists = None, {}
    requested = interval(interval_, auto=True) or "auto"
    chosen = "day"
    if source and target:
        chart = queries.dyad_series(conn, source, target, interval="day",
                                    modality=chosen_modality)
        days = sorted(r["period"] for side in ("forward", "backward") for r in chart[side])
        chosen = requested
        if chosen == "auto":
            chosen = auto_interval(days[0] if days else None, days[-1] if days else None)
        if chosen != "day":
            chart = queries.dyad_series(conn, source, target, interval=chosen,
                                        modality=chosen_modality)
        for name, a, b in (("forward", source, target), ("backward", target, source)):
            lists[name] = queries.list_events(
                conn, EventFilter(source=a, target=b, modality=chosen_modality), limit=PAGE)
    return _render(request, "dyad.html", source=source, target=target, interval=chosen,
                   requested=requested,
                   modality=chosen_modality or "all", top=top, chart=chart, lists=lists,
                   names=queries.participant_names(conn), modalities=MODALITIES)


@router.get("/network", response_class=HTMLResponse)
def network_page(request: Request, conn: Conn, flt: Filter,
                 max_nodes: Annotated[int, Query(ge=2, le=80)] = 40) -> HTMLResponse:
    net = queries.network(conn, flt, max_nodes=max_nodes)
    names = [n["id"] for n in net["nodes"]]
    pos = spring_layout(names, [(e["source"], e["target"], e["count"]) for e in net["edges"]])
    for node in net["nodes"]:
        node["x"], node["y"] = pos[node["id"]]
    for edge in net["edges"]:
        edge["x0"], edge["y0"] = pos[edge["source"]]
        edge["x1"], edge["y1"] = pos[edge["target"]]
    return _render(request, "network.html", net=net, flt=flt, max_nodes=max_nodes,
                   types=PLOVER_TYPES, modalities=MODALITIES, quad_names=QUAD_NAMES)


@router.get("/quotes", response_class=HTMLResponse)
def quotes_page(request: Request, conn: Conn, speaker: Text = None, q: Text = None,
                anonymous: Text = None, type: Text = None, offset: Offset = 0) -> HTMLResponse:
    page = queries.list_quotes(conn, speaker=blank(speaker), q=blank(q),
                               anonymous=yes_no("anonymous", anonymous), type=quote_type(type),
                               limit=PAGE, offset=offset)
    return _render(request, "quotes.html", quotes=page.items, pager=_pager(request, page),
                   speaker=blank(speaker) or "", q=blank(q) or "",
                   anonymous=yes_no("anonymous", anonymous), type=quote_type(type) or "",
                   speakers=queries.speaker_names(conn), quote_types=QUOTE_TYPES)


@router.get("/documents", response_class=HTMLResponse)
def documents_page(request: Request, conn: Conn, q: Text = None,
                   offset: Offset = 0) -> HTMLResponse:
    page = queries.list_documents(conn, q=blank(q), limit=PAGE, offset=offset)
    for item in page.items:
        item["snippet_html"] = _snippet(item.get("snippet"))
    return _render(request, "documents.html", documents=page.items, q=blank(q) or "",
                   pager=_pager(request, page))


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def document_page(request: Request, conn: Conn, doc_id: str) -> HTMLResponse:
    analysis = load_analysis(conn, doc_id)
    if analysis is None:
        raise HTTPException(404, f"no document {doc_id}")
    refs = {a.id: a.key or f"{a.kind}:{a.name.lower()}" for a in analysis.actors}
    quads = {e.id: QUAD_CLASS.get(e.type, 0) for e in analysis.events}
    return _render(request, "document.html", analysis=analysis, doc=analysis.document,
                   body=highlighted(analysis), refs=refs, quads=quads)


@router.get("/actors", response_class=HTMLResponse)
def actors_page(request: Request, conn: Conn, q: Text = None, kind: Text = None,
                sort: Text = None, offset: Offset = 0) -> HTMLResponse:
    chosen_kind = choice("kind", kind, ACTOR_KINDS)
    page = queries.list_actors(conn, q=blank(q), kind=chosen_kind, sort=actor_sort(sort),
                               limit=PAGE, offset=offset)
    return _render(request, "actors.html", actors=page.items, pager=_pager(request, page),
                   q=blank(q) or "", kind=chosen_kind or "", sort=actor_sort(sort),
                   kinds=ACTOR_KINDS, sorts=list(queries.ACTOR_SORTS))


@router.get("/actors/{ref:path}", response_class=HTMLResponse)
def actor_page(request: Request, conn: Conn, ref: str) -> HTMLResponse:
    actor = queries.get_actor(conn, ref, limit=PAGE)
    if actor is None:
        raise HTTPException(404, f"no actor {ref}")
    return _render(request, "actor.html", actor=actor, quad_names=QUAD_NAMES)


@router.get("/api", response_class=HTMLResponse)
def api_page(request: Request) -> HTMLResponse:
    """The JSON endpoints with their parameters, read from the OpenAPI schema."""
    schema = request.app.openapi()
    endpoints = []
    for path, methods in schema["paths"].items():
        op = methods.get("get")
        if op:
            params = [{"name": p["name"], "in": p["in"], "required": p.get("required", False),
                       "description": p.get("description") or p.get("schema", {}).get("description", "")}
                      for p in op.get("parameters", [])]
            endpoints.append({"path": path, "summary": op.get("summary", ""), "params": params})
    return _render(request, "api.html", endpoints=endpoints)
