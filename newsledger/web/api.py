"""The JSON API under ``/api/``: the same data the pages show, paginated and filterable.

Every list takes the same filters as its page and returns ``facets`` beside its items, so a
client can build the same drill-down; ``/api/{events,quotes,actors,documents}.csv|.json``
(``web/downloads.py``) stream all matching rows.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query

from newsledger.ledger import aggregate, load_analysis, query
from newsledger.ledger.query import ActorFilter, DocumentFilter, EventFilter, QuoteFilter
from newsledger.web.deps import Conn
from newsledger.web.params import (
    Paging,
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
    paging,
    quote_filter,
    quote_sort,
)

router = APIRouter(prefix="/api", tags=["ledger"])
Pages = Annotated[Paging, Depends(paging)]
Events = Annotated[EventFilter, Depends(event_filter)]
Quotes = Annotated[QuoteFilter, Depends(quote_filter)]
Documents = Annotated[DocumentFilter, Depends(document_filter)]
Actors = Annotated[ActorFilter, Depends(actor_filter)]
Count = Annotated[str, Depends(count)]


@router.get("/overview", summary="Counts, busiest actors and dyads, latest events")
def overview(conn: Conn, counted: Count) -> dict[str, Any]:
    return aggregate.overview(conn, count=counted)


@router.get("/documents", summary="List documents, or search their title and text")
def documents(conn: Conn, page: Pages, flt: Documents,
              sort: Annotated[str, Depends(document_sort)]) -> dict[str, Any]:
    found = query.list_documents(conn, flt=flt, sort=sort, limit=page.limit, offset=page.offset)
    return {**found.to_dict(), "facets": aggregate.document_facets(conn, flt)}


@router.get("/documents/{doc_id}", summary="One document with its analysis record")
def document(conn: Conn, doc_id: Annotated[str, Path(max_length=64, description="Document id (sha256 of its text).")],
             ) -> dict[str, Any]:
    analysis = load_analysis(conn, doc_id)
    if analysis is None:
        raise HTTPException(404, f"no document {doc_id}")
    return analysis.to_dict()


@router.get("/actors", summary="Actors merged across documents, busiest first")
def actors(conn: Conn, page: Pages, flt: Actors, counted: Count,
           sort: Annotated[str, Depends(actor_sort)]) -> dict[str, Any]:
    found = query.list_actors(conn, flt=flt, sort=sort, limit=page.limit, offset=page.offset,
                              count=counted)
    return {**found.to_dict(), "facets": aggregate.actor_facets(conn, flt)}


@router.get("/actors/{ref:path}", summary="One actor with the quotes they spoke and their events")
def actor(conn: Conn, counted: Count,
          ref: Annotated[str, Path(max_length=300, description="Actor key, e.g. state:IRN or person:john kirby.")],
          limit: Annotated[int, Query(ge=1, le=query.MAX_LIMIT,
                                      description="Quotes and events listed per side.")] = 50,
          ) -> dict[str, Any]:
    found = query.get_actor(conn, ref, limit=limit, count=counted)
    if found is None:
        raise HTTPException(404, f"no actor {ref}")
    return found


@router.get("/quotes", summary="Quotes, filtered by speaker (part of a name or alias) or words")
def quotes(conn: Conn, page: Pages, flt: Quotes,
           sort: Annotated[str, Depends(quote_sort)]) -> dict[str, Any]:
    found = query.list_quotes(conn, flt, limit=page.limit, offset=page.offset, sort=sort)
    return {**found.to_dict(), "facets": aggregate.quote_facets(conn, flt)}


@router.get("/events", summary="Events filtered by source, target, type, modality and dates")
def events(conn: Conn, page: Pages, flt: Events,
           sort: Annotated[str, Depends(event_sort)]) -> dict[str, Any]:
    found = query.list_events(conn, flt, limit=page.limit, offset=page.offset, sort=sort)
    return {**found.to_dict(), "facets": aggregate.event_facets(conn, flt)}


@router.get("/events/series", summary="Event counts per period and quad class over the bulk "
            "of the data; undated and out-of-range events counted apart")
def event_series(conn: Conn, flt: Events, interval_: Annotated[
        str | None, Query(alias="interval", description="day, week, month or auto.")] = None,
        ) -> dict[str, Any]:
    return aggregate.timeline(conn, flt, interval(interval_, auto=True) or "auto")


@router.get("/events/places", summary="Events by place with coordinates (the map)")
def event_places(conn: Conn, flt: Events) -> dict[str, Any]:
    return {"items": aggregate.places(conn, flt)}


@router.get("/dyads", summary="The busiest source→target pairs")
def dyads(conn: Conn, counted: Count,
          limit: Annotated[int, Query(ge=1, le=query.MAX_LIMIT, description="Pairs to list.")] = 20,
          modality: Annotated[Text, Query(description="asserted (default), ..., or all.")] = None,
          actor: Annotated[Text, Query(description="Only pairs with this actor (part of a name).")] = None,
          ) -> dict[str, Any]:
    chosen = dyad_modality(modality)
    return {"modality": chosen or "all", "count": query.counting(conn, counted).count,
            "items": aggregate.top_dyads(conn, limit=limit, modality=chosen, actor=blank(actor),
                                         count=counted)}


@router.get("/dyads/series",
            summary="Counts and summed intensity per period for A→B and B→A")
def dyad_series(conn: Conn, counted: Count,
                source: Annotated[str, Query(min_length=1, max_length=300, description="Actor A (whole name).")],
                target: Annotated[str, Query(min_length=1, max_length=300, description="Actor B (whole name).")],
                interval_: Annotated[str | None, Query(alias="interval",
                                                       description="day, week or month.")] = None,
                modality: Annotated[Text, Query(description="asserted (default), ..., or all.")] = None,
                ) -> dict[str, Any]:
    return aggregate.dyad_series(conn, source.strip(), target.strip(),
                                 interval=interval(interval_) or "day",
                                 modality=dyad_modality(modality), count=counted)


@router.get("/network", summary="Actors (by key) as nodes, events as weighted directed edges")
def network(conn: Conn, flt: Events,
            max_nodes: Annotated[int, Query(ge=2, le=query.MAX_LIMIT,
                                            description="Busiest actors to keep.")] = 40,
            edges: Annotated[int, Query(ge=1, le=query.MAX_LIMIT * 5,
                                        description="Heaviest edges to keep.")] = aggregate.DEFAULT_EDGES,
            ) -> dict[str, Any]:
    return aggregate.network(conn, flt, max_nodes=max_nodes, max_edges=edges)
