"""Provenance in the dashboard: JSON API and pages showing a quote beside its source.

Every piece of document text is escaped before it is wrapped in highlight marks.
"""

from __future__ import annotations

import sqlite3
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from markupsafe import Markup, escape

from newsledger.provenance.align import VERDICTS
from newsledger.provenance.store import count_matching, get_link, list_links
from newsledger.web.deps import MAX_ID, BadParameter, Conn, templates

router = APIRouter()
Id = Annotated[int, Path(ge=1, le=MAX_ID, description="Row id.")]
Text = Annotated[str | None, Query(max_length=300)]
MAX_LIMIT = 500
PAGE = 50


def _has_links(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table'"
                        " AND name = 'provenance_links'").fetchone() is not None


def _verdicts(value: str | None) -> list[str] | None:
    if not value:
        return None
    wanted = [v.strip() for v in value.split(",") if v.strip()]
    bad = [v for v in wanted if v not in VERDICTS]
    if bad:
        raise BadParameter("verdict", f"{bad[0]!r} is not one of {', '.join(VERDICTS)}")
    return wanted


def _query(conn: sqlite3.Connection, verdict: str | None, document: str | None,
           speaker: str | None, limit: int, offset: int) -> tuple[int, list[dict[str, Any]]]:
    if not _has_links(conn):
        return 0, []
    filters = {"verdicts": _verdicts(verdict), "document": document or None,
               "speaker": speaker or None, "include_none": verdict is not None}
    total = count_matching(conn, **filters)
    return total, list_links(conn, limit=limit, offset=offset, **filters)


@router.get("/api/provenance", tags=["provenance"])
def api_links(
    conn: Conn,
    verdict: Annotated[Text, Query(
        description="verbatim, altered, paraphrase or none (comma-separated); default: all "
                    "but none.")] = None,
    document: Annotated[Text, Query(description="News document id (or prefix).")] = None,
    speaker: Annotated[Text, Query(description="Speaker name contains.")] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 50,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> dict[str, Any]:
    """Links from news quotes to primary sources, with their word-level changes."""
    total, items = _query(conn, verdict, document, speaker, limit, offset)
    for item in items:
        item.pop("alignment", None)
    return {"total": total, "limit": limit, "offset": offset, "items": items}


@router.get("/api/provenance/{link_id}", tags=["provenance"])
def api_link(conn: Conn, link_id: Id) -> dict[str, Any]:
    """One link with its alignment and the source passage text."""
    link = get_link(conn, link_id) if _has_links(conn) else None
    if link is None:
        raise HTTPException(404, f"no provenance link {link_id}")
    source_text = link.pop("source_text")
    link.pop("document_text")
    link["source_passage"] = (source_text[link["source_start"]:link["source_end"]]
                              if link["source_start"] is not None else None)
    return link


def _render(request: Request, name: str, **context: Any) -> HTMLResponse:
    return templates.TemplateResponse(request, name, context)


def _paragraph(text: str, start: int, end: int) -> tuple[int, int]:
    """The blank-line paragraph(s) holding ``start:end``."""
    left = text.rfind("\n\n", 0, start)
    right = text.find("\n\n", end)
    return (0 if left < 0 else left + 2), (len(text) if right < 0 else right)


def _marked(text: str, start: int, end: int, marks: list[tuple[int, int, str]]) -> Markup:
    """``text[start:end]`` escaped, with ``marks`` (document offsets, css class) wrapped."""
    out: list[Any] = []
    cursor = start
    for s, e, css in sorted(m for m in marks if m[0] < end and m[1] > start):
        s, e = max(s, cursor), min(e, end)
        if s >= e:
            continue
        out.append(escape(text[cursor:s]))
        out.append(Markup('<mark class="pv-{}">{}</mark>').format(css, text[s:e]))
        cursor = e
    out.append(escape(text[cursor:end]))
    return Markup("").join(out)


_QUOTE_CSS = {"replace": "changed", "delete": "added"}
_SOURCE_CSS = {"replace": "changed", "insert": "dropped"}


def side_by_side(link: dict[str, Any]) -> dict[str, Any]:
    """Highlighted quote (in its paragraph) and source passages, one per aligned piece."""
    news, source = link["document_text"], link["source_text"]
    quote_marks: list[tuple[int, int, str]] = [(link["quote_start"], link["quote_end"], "quote")]
    passages: list[dict[str, Any]] = []
    for k, segment in enumerate(link["alignment"]):
        source_marks: list[tuple[int, int, str]] = []
        for op in segment.get("ops", []):
            if op["quote"] and op["op"] in _QUOTE_CSS:
                quote_marks.append((op["quote"][0], op["quote"][1], _QUOTE_CSS[op["op"]]))
            if op["source"]:
                css = _SOURCE_CSS.get(op["op"], "same")
                source_marks.append((op["source"][0], op["source"][1], css))
        s, e = segment["source"]
        p0, p1 = _paragraph(source, s, e)
        passages.append({"number": k + 1, "html": _marked(source, p0, p1, source_marks),
                         "start": s, "end": e})
    q0, q1 = _paragraph(news, link["quote_start"], link["quote_end"])
    inner = [m for m in quote_marks if m[2] != "quote"]
    quote_html = Markup("").join([
        escape(news[q0:link["quote_start"]]),
        Markup('<span class="pv-quote">'),
        _marked(news, link["quote_start"], link["quote_end"], inner),
        Markup("</span>"),
        escape(news[link["quote_end"]:q1]),
    ])
    if not passages and link["source_start"] is not None:  # paraphrase: the passage itself
        p0, p1 = _paragraph(source, link["source_start"], link["source_end"])
        passages.append({"number": 1, "html": _marked(
            source, p0, p1, [(link["source_start"], link["source_end"], "same")]),
            "start": link["source_start"], "end": link["source_end"]})
    return {"quote_html": quote_html, "passages": passages}


@router.get("/provenance", response_class=HTMLResponse, include_in_schema=False)
def page_links(
    request: Request,
    conn: Conn,
    verdict: Text = None,
    document: Text = None,
    speaker: Text = None,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> HTMLResponse:
    total, items = _query(conn, verdict or None, document, speaker, PAGE, offset)
    counts = {}
    if _has_links(conn):
        counts = {r[0]: r[1] for r in conn.execute(
            "SELECT verdict, COUNT(*) FROM provenance_links GROUP BY verdict")}
    prev_offset = max(offset - PAGE, 0) if offset > 0 else None
    next_offset = offset + PAGE if offset + PAGE < total else None
    return _render(request, "provenance.html", items=items, total=total, offset=offset,
                   verdict=verdict or "", document=document or "", speaker=speaker or "",
                   verdicts=VERDICTS, counts=counts, linked=_has_links(conn),
                   prev_offset=prev_offset, next_offset=next_offset, page=PAGE)


@router.get("/provenance/quote/{quote_id}", include_in_schema=False)
def page_quote_link(conn: Conn, quote_id: Id) -> RedirectResponse:
    """From a quote (its ``quotes.id``) to its provenance page, for the quote views."""
    row = conn.execute("SELECT id FROM provenance_links WHERE quote_id = ?",
                       (quote_id,)).fetchone() if _has_links(conn) else None
    if row is None:
        raise HTTPException(404, f"quote {quote_id} has no provenance decision yet")
    return RedirectResponse(f"/provenance/{row[0]}", status_code=303)


@router.get("/provenance/{link_id}", response_class=HTMLResponse, include_in_schema=False)
def page_link(request: Request, conn: Conn, link_id: Id) -> HTMLResponse:
    link = get_link(conn, link_id) if _has_links(conn) else None
    if link is None:
        raise HTTPException(404, f"no provenance link {link_id}")
    return _render(request, "provenance_link.html", link=link, **side_by_side(link))
