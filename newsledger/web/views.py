"""What every list page builds from its request: pager, facet links, sort links, downloads.

Links keep the page's other parameters, so a facet click narrows the current view and a
download holds exactly the rows the page counts.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from fastapi import Request

from newsledger.ledger.query import QUAD_NAMES, Page

# Parameters that shape the view, not the rows: dropped from facet and download links.
VIEW_ONLY = ("offset", "limit", "interval", "max_nodes", "edges", "edge_offset")
FACET_LABELS = {
    "type": "type", "modality": "modality", "quad_class": "class", "source_name": "source",
    "target_name": "target", "source_country": "source country",
    "target_country": "target country", "month": "month", "place": "place",
    "speaker_name": "speaker", "kind": "kind", "country": "country",
}


def query_with(request: Request, drop: tuple[str, ...] = ("offset",), **changes: Any) -> str:
    """The request's query string with ``changes`` applied (None removes a parameter)."""
    params = [(k, v) for k, v in request.query_params.multi_items()
              if k not in changes and k not in drop and v != ""]
    params += [(k, str(v)) for k, v in changes.items() if v is not None]
    return urlencode(params)


def link(request: Request, path: str | None = None, drop: tuple[str, ...] = ("offset",),
         **changes: Any) -> str:
    query = query_with(request, drop, **changes)
    return f"{path or request.url.path}{'?' + query if query else ''}"


def count_switch(request: Request, counted: str) -> dict[str, Any]:
    """What the page counts (incidents or reports) and the link that counts the other."""
    other = "reports" if counted == "incidents" else "incidents"
    return {"count": counted, "other": other,
            "switch": link(request, drop=("offset", "edge_offset"), count=other)}


def pager(request: Request, page: Page, name: str = "offset") -> dict[str, Any]:
    prev = page.offset - page.limit if page.offset > 0 else None
    nxt = page.offset + page.limit if page.offset + page.limit < page.total else None
    return {
        "total": page.total, "first": page.offset + 1 if page.items else 0,
        "last": page.offset + len(page.items),
        "prev": link(request, drop=(), **{name: max(prev, 0)}) if prev is not None else None,
        "next": link(request, drop=(), **{name: nxt}) if nxt is not None else None,
    }


def facet_links(request: Request, facets: dict[str, list[dict[str, Any]]]) -> list[dict]:
    """Each facet with its values, counts and the link that filters on the value."""
    out = []
    for name, values in facets.items():
        if not values:
            continue
        items = []
        for v in values:
            label = QUAD_NAMES.get(v["value"], str(v["value"])) if name == "quad_class" \
                else str(v["value"])
            items.append({"label": label, "count": v["count"],
                          "href": link(request, **{name: v["value"]})})
        out.append({"name": FACET_LABELS.get(name, name), "param": name, "values": items})
    return out


def active_filters(request: Request, names: tuple[str, ...]) -> list[dict[str, str]]:
    """The filters in force, each with the link that removes it."""
    return [{"name": FACET_LABELS.get(k, k), "value": v, "href": link(request, **{k: None})}
            for k, v in request.query_params.items() if k in names and v]


def downloads(request: Request, table: str) -> dict[str, str]:
    """CSV and JSON links for exactly the rows the page lists (all pages of them)."""
    query = query_with(request, drop=VIEW_ONLY)
    tail = f"?{query}" if query else ""
    return {"csv": f"/api/{table}.csv{tail}", "json": f"/api/{table}.json{tail}",
            "permalink": link(request, drop=())}


def sort_links(request: Request, options: dict[str, str], current: str) -> list[dict]:
    return [{"label": label, "href": link(request, sort=key), "current": key == current}
            for key, label in options.items()]
