"""The JSON API under ``/api/``: the same data the pages show, paginated and filterable."""

from __future__ import annotations

import sqlite3
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query

from newsledger.ledger import load_analysis
from newsledger.web import queries
from newsledger.web.app import get_conn
from newsledger.web.params import (
    Paging,
    Text,
    actor_sort,
    auto_interval,
    blank,
    choice,
    dyad_modality,
    event_filter,
    interval,
    paging,
    quote_type,
    yes_no,
)
from newsledger.web.queries import EventFilter

router = APIRouter(prefix="/api", tags=["ledger"])
Conn = Annotated[sqlite3.Connection, Depends(get_conn)]
Pages = Annotated[Paging, Depends(paging)]
Filter = Annotated[EventFilter, Depends(event_filter)]
Interval = Annotated[str | None, Query(description="day, week or month.")]


@router.get("/overview", summary="Counts, busiest actors and dyads, latest events")
def overview(conn: Conn) -> dict[str, Any]:
    return queries.overview(conn)


@router.get("/documents", summary="List documents, or search their title and text")
def documents(conn: Conn, page: Pages,
              q: Annotated[Text, Query(description="Words that must all occur.")] = None,
              ) -> dict[str, Any]:
    return queries.list_documents(conn, q=blank(q), limit=page.limit, offset=page.offset).to_dict()


@router.get("/documents/{doc_id}", summary="One document with its analysis record")
def document(conn: Conn, doc_id: Annotated[str, Path(max_length=64, description="Document id (sha256 of its text).")],
             ) -> dict[str, Any]:
    analysis = load_analysis(conn, doc_id)
    if analysis is None:
        raise HTTPException(404, f"no document {doc_id}")
    return analysis.to_dict()


@router.get("/actors", summary="Actors merged across documents, busiest first")
def actors(conn: Conn, page: Pages,
           q: Annotated[Text, Query(description="Part of the name.")] = None,
           kind: Annotated[Text, Query(description="person, anonymous, organization, ...")] = None,
           sort: Annotated[Text, Query(description="events, documents, quotes or name.")] = None,
           ) -> dict[str, Any]:
    from newsledger.records import ACTOR_KINDS

    return queries.list_actors(conn, q=blank(q), kind=choice("kind", kind, ACTOR_KINDS),
                               sort=actor_sort(sort), limit=page.limit,
                               offset=page.offset).to_dict()


@router.get("/actors/{ref:path}", summary="One actor with the quotes they spoke and their events")
def actor(conn: Conn,
          ref: Annotated[str, Path(description="Actor key, e.g. state:IRN or person:john kirby.")],
          limit: Annotated[int, Query(ge=1, le=queries.MAX_LIMIT,
                                      description="Quotes and events listed per side.")] = 50,
          ) -> dict[str, Any]:
    found = queries.get_actor(conn, ref, limit=limit)
    if found is None:
        raise HTTPException(404, f"no actor {ref}")
    return found


@router.get("/quotes", summary="Quotes, filtered by speaker or words")
def quotes(conn: Conn, page: Pages,
           speaker: Annotated[Text, Query(description="Speaker name (case-insensitive).")] = None,
           speaker_key: Annotated[Text, Query(description="Speaker actor key.")] = None,
           q: Annotated[Text, Query(description="Text the quote contains.")] = None,
           anonymous: Annotated[Text, Query(description="true: anonymous sources only.")] = None,
           type: Annotated[Text, Query(description="direct, mixed or indirect.")] = None,
           document: Annotated[Text, Query(description="Document id.")] = None,
           ) -> dict[str, Any]:
    return queries.list_quotes(
        conn, speaker=blank(speaker), speaker_key=blank(speaker_key), q=blank(q),
        anonymous=yes_no("anonymous", anonymous), type=quote_type(type),
        document=blank(document), limit=page.limit, offset=page.offset).to_dict()


@router.get("/events", summary="Events filtered by source, target, type, modality and dates")
def events(conn: Conn, page: Pages, flt: Filter) -> dict[str, Any]:
    return queries.list_events(conn, flt, limit=page.limit, offset=page.offset).to_dict()


@router.get("/events/series", summary="Event counts per period and quad class")
def event_series(conn: Conn, flt: Filter, interval_: Annotated[
        str | None, Query(alias="interval", description="day, week, month or auto.")] = None,
        ) -> dict[str, Any]:
    chosen = interval(interval_, auto=True) or "auto"
    if chosen == "auto":
        span = queries.event_span(conn, flt)
        chosen = auto_interval(*span)
    return {"interval": chosen, "series": queries.event_series(conn, flt, chosen)}


@router.get("/dyads", summary="The busiest source→target pairs")
def dyads(conn: Conn,
          limit: Annotated[int, Query(ge=1, le=queries.MAX_LIMIT, description="Pairs to list.")] = 20,
          modality: Annotated[Text, Query(description="asserted (default), ..., or all.")] = None,
          actor: Annotated[Text, Query(description="Only pairs with this actor.")] = None,
          ) -> dict[str, Any]:
    chosen = dyad_modality(modality)
    return {"modality": chosen or "all",
            "items": queries.top_dyads(conn, limit=limit, modality=chosen, actor=blank(actor))}


@router.get("/dyads/series",
            summary="Counts and summed intensity per period for A→B and B→A")
def dyad_series(conn: Conn,
                source: Annotated[str, Query(min_length=1, max_length=300, description="Actor A.")],
                target: Annotated[str, Query(min_length=1, max_length=300, description="Actor B.")],
                interval_: Annotated[str | None, Query(alias="interval",
                                                       description="day, week or month.")] = None,
                modality: Annotated[Text, Query(description="asserted (default), ..., or all.")] = None,
                ) -> dict[str, Any]:
    return queries.dyad_series(conn, source.strip(), target.strip(),
                               interval=interval(interval_) or "day",
                               modality=dyad_modality(modality))


@router.get("/network", summary="Actors as nodes, events as weighted directed edges")
def network(conn: Conn, flt: Filter,
            max_nodes: Annotated[int, Query(ge=2, le=queries.MAX_LIMIT,
                                            description="Busiest actors to keep.")] = 40,
            ) -> dict[str, Any]:
    return queries.network(conn, flt, max_nodes=max_nodes)
