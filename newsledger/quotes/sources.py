"""Site profiles: what a publisher's own documents say about who issued them.

A readout or statement is its issuer's own text, and the issuer depends on the site: a White
House readout is the White House's, a State Department release the Department's. Profiles
are data (``newsledger/data/sources/*.json``), matched by URL host or source path; a document
matching none falls back to its own site or host, never to another publisher.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from urllib.parse import urlparse

from newsledger.records import Document

UNKNOWN_ISSUER = "unknown issuer"


@dataclass(frozen=True)
class Profile:
    name: str
    hosts: tuple[str, ...]
    paths: tuple[str, ...]
    issuer: dict
    kinds: dict = field(default_factory=dict)
    offices: str | None = None
    presidential_paths: tuple[str, ...] = ()


@cache
def profiles() -> tuple[Profile, ...]:
    """Every profile under ``data/sources/``, in file-name order."""
    folder = resources.files("newsledger.data").joinpath("sources")
    out = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".json"):
            continue
        data = json.loads(entry.read_text(encoding="utf-8"))
        match = data.get("match") or {}
        out.append(Profile(name=data["name"], hosts=tuple(match.get("hosts") or ()),
                           paths=tuple(match.get("paths") or ()), issuer=data["issuer"],
                           kinds=data.get("kinds") or {}, offices=data.get("offices"),
                           presidential_paths=tuple(data.get("presidential_paths") or ())))
    return tuple(out)


def _host(url: str) -> str:
    try:
        host = urlparse(url).hostname or ""
    except ValueError:
        return ""
    return host[4:] if host.startswith("www.") else host


def locations(document: Document) -> list[str]:
    """Where a document says it comes from: URL, front-matter source URL, source path."""
    meta = document.meta or {}
    return [str(x) for x in (document.url, meta.get("source_url"), document.source) if x]


def profile_for(document: Document, where: str = "") -> Profile | None:
    """The site profile a document matches by host or source path (``where`` adds places
    the caller read elsewhere, e.g. a front matter still in the text)."""
    places = [p.lower() for p in locations(document)] + ([where.lower()] if where else [])
    hosts = {_host(p) for p in places if "://" in p}
    for prof in profiles():
        if any(h == ph or h.endswith("." + ph) for h in hosts for ph in prof.hosts):
            return prof
        if any(pp in p for p in places for pp in prof.paths):
            return prof
    return None


def kind_by_path(document: Document, where: str) -> str | None:
    """The document kind a matched profile gives its URL path ("/readout" -> readout)."""
    prof = profile_for(document, where)
    if prof is None:
        return None
    for kind, paths in prof.kinds.items():
        if any(p in where for p in paths):
            return kind
    return None


def default_issuer(document: Document, where: str = "") -> tuple[str, str]:
    """(name, kind) of the issuer when the title names none: the site's profile, else the
    document's own site or host, else an explicit unknown issuer."""
    prof = profile_for(document, where)
    if prof is not None:
        return prof.issuer["name"], prof.issuer.get("kind", "organization")
    if document.site:
        return document.site, "organization"
    for place in locations(document):
        host = _host(place) if "://" in place else ""
        if host:
            return host, "organization"
    return UNKNOWN_ISSUER, "other"


def uses_us_offices(document: Document, where: str = "") -> bool:
    """Whether "the President" in this document's titles is the US office holder."""
    prof = profile_for(document, where)
    return prof is not None and prof.offices == "us_executive.json"


def presidential(document: Document, where: str) -> bool:
    """Whether the profile files this document under the head of state's own acts."""
    prof = profile_for(document, where)
    return prof is not None and any(p in where for p in prof.presidential_paths)
