"""Server-rendered pages: lists with facets, sorting and downloads; charts as inline SVG."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from markupsafe import Markup, escape

from newsledger.ledger import aggregate, load_analysis, query
from newsledger.ledger.query import (
    QUAD_NAMES,
    QUOTE_TYPE_CHOICES,
    ActorFilter,
    DocumentFilter,
    EventFilter,
    QuoteFilter,
)
from newsledger.ledger.store import QUAD_CLASS
from newsledger.records import MODALITIES, PLOVER_TYPES
from newsledger.web import charts, views
from newsledger.web.deps import BadParameter, Conn, templates
from newsledger.web.evidence import evidence_view
from newsledger.web.graph import spring_layout
from newsledger.web.params import (
    MAX_OFFSET,
    Text,
    actor_filter,
    actor_sort,
    blank,
    count,
    document_filter,
    document_sort,
    dyad_modality,
    event_filter,
    event_sort,
    interval,
    quote_filter,
    quote_sort,
)

router = APIRouter(include_in_schema=False)
Events = Annotated[EventFilter, Depends(event_filter)]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET)]
Count = Annotated[str, Depends(count)]
PAGE = 50
EDGE_PAGE = 25
MAX_NETWORK_NODES = 80
EVENT_FILTERS = ("source", "target", "actor", "source_key", "target_key", "actor_key",
                 "source_name", "target_name", "source_country", "target_country", "type",
                 "modality", "quad_class", "date_from", "date_to", "month", "place", "document")
QUOTE_FILTERS = ("speaker", "speaker_key", "speaker_name", "q", "anonymous", "type",
                 "include_statements", "document", "kind", "month")
EVENT_SORT_LABELS = {"date": "newest", "-date": "oldest", "intensity": "most hostile",
                     "type": "type"}
QUOTE_SORT_LABELS = {"date": "newest", "-date": "oldest", "speaker": "speaker"}
DOC_SORT_LABELS = {"date": "newest", "-date": "oldest", "title": "title", "events": "events",
                   "quotes": "quotes"}
ACTOR_SORT_LABELS = {"events": "events", "documents": "documents", "quotes": "quotes",
                     "name": "name"}


def _render(request: Request, name: str, **context: Any) -> HTMLResponse:
    return templates.TemplateResponse(request, name, context)


def _snippet(text: str | None) -> Markup | None:
    """An FTS snippet with its match markers (\\x02 … \\x03) turned into <mark> after escaping."""
    if text is None:
        return None
    return Markup(str(escape(text)).replace("\x02", "<mark>").replace("\x03", "</mark>"))


def _list_context(request: Request, table: str, facets: dict, names: tuple[str, ...],
                  sorts: dict[str, str], current: str, page: query.Page) -> dict[str, Any]:
    return {"facets": views.facet_links(request, facets),
            "active": views.active_filters(request, names),
            "downloads": views.downloads(request, table),
            "sorts": views.sort_links(request, sorts, current),
            "pager": views.pager(request, page)}


@router.get("/", response_class=HTMLResponse)
def overview_page(request: Request, conn: Conn, counted: Count) -> HTMLResponse:
    data = aggregate.overview(conn, count=counted)
    return _render(request, "overview.html", data=data, quad_names=QUAD_NAMES,
                   counting=views.count_switch(request, data["count"]))


@router.get("/timeline", response_class=HTMLResponse)
def timeline_page(request: Request, conn: Conn, flt: Events,
                  sort: Annotated[str, Depends(event_sort)],
                  interval_: Annotated[Text, Query(alias="interval")] = None,
                  offset: Offset = 0) -> HTMLResponse:
    requested = interval(interval_, auto=True) or "auto"
    data = aggregate.timeline(conn, flt, requested)
    chart = charts.timeline_svg(data, lambda a, b: views.link(
        request, date_from=a, date_to=b, month=None))
    events = query.list_events(conn, flt, limit=PAGE, offset=offset, sort=sort)
    return _render(
        request, "timeline.html", flt=flt, interval=data["interval"], requested=requested,
        events=events.items, chart=chart, data=data, legend=charts.legend(),
        names=aggregate.participant_names(conn), types=PLOVER_TYPES, modalities=MODALITIES,
        quad_names=QUAD_NAMES, all_dates=views.link(request, date_from=None, date_to=None),
        counting=views.count_switch(request, data["count"]), counted=events.counted,
        **_list_context(request, "events", aggregate.event_facets(conn, flt), EVENT_FILTERS,
                        EVENT_SORT_LABELS, sort, events))


@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request, conn: Conn, flt: Events) -> HTMLResponse:
    found = aggregate.places(conn, flt)
    chart = charts.map_svg(found, lambda name: views.link(request, "/timeline", place=name))
    return _render(request, "map.html", flt=flt, places=found, chart=chart,
                   counting=views.count_switch(request, query.counting(conn, flt.count).count),
                   legend=charts.legend(), quad_names=QUAD_NAMES, types=PLOVER_TYPES,
                   modalities=MODALITIES, active=views.active_filters(request, EVENT_FILTERS),
                   timeline=views.link(request, "/timeline"))


@router.get("/dyads", response_class=HTMLResponse)
def dyad_page(request: Request, conn: Conn, counted: Count, source: Text = None,
              target: Text = None,
              interval_: Annotated[Text, Query(alias="interval")] = None,
              modality: Text = None) -> HTMLResponse:
    chosen_modality = dyad_modality(modality)
    source, target = blank(source), blank(target)
    top = aggregate.top_dyads(conn, limit=15, modality=chosen_modality, count=counted)
    if not source and not target and top:
        source, target = top[0]["source"], top[0]["target"]
    if bool(source) != bool(target):
        raise BadParameter("target" if source else "source", "a dyad needs both actors")
    svgs, lists = {}, {}
    requested = interval(interval_, auto=True) or "auto"
    chosen = "day"
    if source and target:
        daily = aggregate.dyad_series(conn, source, target, "day", chosen_modality, counted)
        days = sorted(r["period"] for side in ("forward", "backward") for r in daily[side])
        chosen = requested
        if chosen == "auto":
            chosen = aggregate.auto_interval(days[0] if days else None,
                                             days[-1] if days else None)
        series = aggregate.dyad_series(conn, source, target, chosen, chosen_modality, counted)
        periods = sorted(r["period"] for side in ("forward", "backward") for r in series[side])
        top_count = max([r["count"] for s in ("forward", "backward") for r in series[s]] + [1])
        for name, a, b in (("forward", source, target), ("backward", target, source)):
            if periods:
                svgs[name] = charts.dyad_svg(series[name], chosen, date.fromisoformat(periods[0]),
                                             date.fromisoformat(periods[-1]), top_count,
                                             f"{a} → {b}")
            lists[name] = query.list_events(
                conn, EventFilter(source_name=a, target_name=b, modality=chosen_modality,
                                  count=counted), limit=PAGE)
    return _render(request, "dyad.html", source=source, target=target, interval=chosen,
                   requested=requested, modality=chosen_modality or "all", top=top,
                   svgs=svgs, lists=lists, names=aggregate.participant_names(conn),
                   modalities=MODALITIES,
                   counting=views.count_switch(request, query.counting(conn, counted).count))


@router.get("/network", response_class=HTMLResponse)
def network_page(request: Request, conn: Conn, flt: Events,
                 max_nodes: Annotated[int, Query(ge=2, le=MAX_NETWORK_NODES)] = 40,
                 edges: Annotated[int, Query(ge=1, le=500)] = aggregate.DEFAULT_EDGES,
                 edge_offset: Offset = 0) -> HTMLResponse:
    net = aggregate.network(conn, flt, max_nodes=max_nodes, max_edges=edges)
    linked = {x for e in net["edges"] for x in (e["source"], e["target"])}
    drawn = {**net, "nodes": [n for n in net["nodes"] if n["id"] in linked]}  # no lone dots
    pos = spring_layout([n["id"] for n in drawn["nodes"]],
                        [(e["source"], e["target"], e["count"]) for e in net["edges"]])
    table = query.Page(total=len(net["edges"]), limit=EDGE_PAGE, offset=edge_offset,
                       items=net["edges"][edge_offset:edge_offset + EDGE_PAGE])
    return _render(request, "network.html", net=net, flt=flt, max_nodes=max_nodes,
                   edges=edges, chart=charts.network_svg(drawn, pos), edge_rows=table.items,
                   pager=views.pager(request, table, name="edge_offset"),
                   types=PLOVER_TYPES, modalities=MODALITIES, quad_names=QUAD_NAMES,
                   counting=views.count_switch(request, net["count"]))


@router.get("/quotes", response_class=HTMLResponse)
def quotes_page(request: Request, conn: Conn, flt: Annotated[QuoteFilter, Depends(quote_filter)],
                sort: Annotated[str, Depends(quote_sort)], offset: Offset = 0) -> HTMLResponse:
    page = query.list_quotes(conn, flt, limit=PAGE, offset=offset, sort=sort)
    return _render(request, "quotes.html", quotes=page.items, flt=flt,
                   speakers=aggregate.speaker_names(conn), quote_types=QUOTE_TYPE_CHOICES,
                   **_list_context(request, "quotes", aggregate.quote_facets(conn, flt),
                                   QUOTE_FILTERS, QUOTE_SORT_LABELS, sort, page))


@router.get("/documents", response_class=HTMLResponse)
def documents_page(request: Request, conn: Conn,
                   flt: Annotated[DocumentFilter, Depends(document_filter)],
                   sort: Annotated[str, Depends(document_sort)], offset: Offset = 0) -> HTMLResponse:
    page = query.list_documents(conn, flt=flt, sort=sort, limit=PAGE, offset=offset)
    for item in page.items:
        item["snippet_html"] = _snippet(item.get("snippet"))
    return _render(request, "documents.html", documents=page.items, flt=flt,
                   **_list_context(request, "documents", aggregate.document_facets(conn, flt),
                                   ("q", "kind", "month"), DOC_SORT_LABELS, sort, page))


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def document_page(request: Request, conn: Conn, doc_id: str) -> HTMLResponse:
    analysis = load_analysis(conn, doc_id[:64])
    if analysis is None:
        raise HTTPException(404, f"no document {doc_id[:64]}")
    refs = {a.id: a.key or f"{a.kind}:{a.name.lower()}" for a in analysis.actors}
    quads = {e.id: QUAD_CLASS.get(e.type, 0) for e in analysis.events}
    return _render(request, "document.html", analysis=analysis, doc=analysis.document,
                   refs=refs, quads=quads, **evidence_view(analysis))


@router.get("/actors", response_class=HTMLResponse)
def actors_page(request: Request, conn: Conn, flt: Annotated[ActorFilter, Depends(actor_filter)],
                sort: Annotated[str, Depends(actor_sort)], counted: Count,
                offset: Offset = 0) -> HTMLResponse:
    page = query.list_actors(conn, flt=flt, sort=sort, limit=PAGE, offset=offset, count=counted)
    return _render(request, "actors.html", actors=page.items, flt=flt,
                   counting=views.count_switch(request, query.counting(conn, counted).count),
                   **_list_context(request, "actors", aggregate.actor_facets(conn, flt),
                                   ("q", "kind", "country"), ACTOR_SORT_LABELS, sort, page))


@router.get("/actors/{ref:path}", response_class=HTMLResponse)
def actor_page(request: Request, conn: Conn, ref: str, counted: Count) -> HTMLResponse:
    actor = query.get_actor(conn, ref[:300], limit=PAGE, count=counted)
    if actor is None:
        raise HTTPException(404, f"no actor {ref[:300]}")
    return _render(request, "actor.html", actor=actor, quad_names=QUAD_NAMES,
                   counting=views.count_switch(request, actor["events_as_source"]["count"]))


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
