"""RSS 2.0 and Atom feeds (``.xml``, ``.rss``, ``.atom``) with feedparser: each item a document.

An item's text is its title, then its content or summary (HTML made plain). A file that is
not well-formed XML (feedparser's loose recovery notwithstanding; undefined HTML entities
aside) or not a feed at all yields one ``ReadError``.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

from newsledger.document.pubdate import metadata_date
from newsledger.document.regions import segment
from newsledger.errors import ReadError
from newsledger.ingest.html import _block_paragraphs
from newsledger.ingest.registry import reader
from newsledger.records import Document, Published, Region
from newsledger.settings import Settings


def _plain(html_text: str) -> list[str]:
    """Paragraphs of an item's HTML (or plain) content."""
    if "<" not in html_text:
        return [" ".join(p.split()) for p in html_text.split("\n\n") if p.strip()]
    import lxml.html

    try:
        tree = lxml.html.document_fromstring(html_text)
    except Exception:  # lxml refuses some fragments; fall back to the raw text
        return [" ".join(html_text.split())]
    return _block_paragraphs(tree)


def _entry_date(entry: Any) -> Published | None:
    for key in ("published", "updated", "created"):
        parsed = entry.get(f"{key}_parsed")
        if parsed:
            raw = entry.get(key) or time.strftime("%Y-%m-%d", parsed)

            iso = metadata_date(raw) or time.strftime("%Y-%m-%d", parsed)
            return Published(iso, "day", "metadata", f"{key}: {' '.join(raw.split())}")
    return None


def _entry_document(entry: Any, source: str, index: int, site: str | None) -> Document | None:
    title = " ".join((entry.get("title") or "").split()) or None
    content = ""
    if entry.get("content"):
        content = "\n\n".join(c.get("value", "") for c in entry["content"])
    elif entry.get("summary"):
        content = entry["summary"]
    body = [p for p in _plain(content) if p and p != title] if content.strip() else []
    if not title and not body:
        return None
    text = "\n\n".join(([title] if title else []) + body)
    document = Document(text=text, source=f"{source}#{index}", title=title or body[0][:300],
                        published=_entry_date(entry), url=entry.get("link"),
                        author=entry.get("author"), site=site,
                        meta={"reader": "feed", "item": index})
    if entry.get("id"):
        document.meta["guid"] = entry["id"]
    known = [Region("title", 0, len(title))] if title else []
    document.regions = segment(document, known=known)
    return document


@reader(".xml", ".rss", ".atom")
def read_feed(data: bytes, source: str, settings: Settings) -> Iterator[Document | ReadError]:
    import feedparser

    parsed = feedparser.parse(data)
    entries = parsed.get("entries") or []
    problem = parsed.get("bozo_exception") if parsed.get("bozo") else None
    fatal = problem is not None and not any(
        harmless in str(problem) for harmless in ("undefined entity",))
    if fatal and (entries or parsed.get("version") or "<" in data[:200].decode("latin-1")):
        where = " ".join(str(problem).replace("<unknown>:", "line ").split())
        yield ReadError(source, f"malformed feed ({type(problem).__name__}: {where[:150]})")
        return
    if not entries:
        yield ReadError(source, "not an RSS or Atom feed" if not parsed.get("version")
                        else "feed has no items")
        return
    site = " ".join((parsed.feed.get("title") or "").split()) or None
    for index, entry in enumerate(entries, start=1):
        document = _entry_document(entry, source, index, site)
        if document is None:
            yield ReadError(source, f"feed item {index} has neither title nor text")
        else:
            yield document
