"""JSON Lines (``.jsonl``): one document per line, with ``text`` or ``html``.

Optional fields: ``title``; ``date``/``published``/``pubDate`` (ISO 8601 or RFC 822);
``url``/``link``; ``author``/``creator``/``byline``; ``site``. A line that is not a JSON
object with text yields a ``ReadError`` naming the line; the other lines go on.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlparse

from newsledger.document.pubdate import metadata_date
from newsledger.document.regions import segment
from newsledger.errors import ReadError
from newsledger.ingest.decode import decode
from newsledger.ingest.html import html_document
from newsledger.ingest.registry import reader
from newsledger.ingest.sanitize import sanitize
from newsledger.ingest.text import first_line
from newsledger.records import Document, Published
from newsledger.settings import Settings

DATE_FIELDS = ("date", "published", "pubDate", "published_time", "datePublished", "pubdate")
URL_FIELDS = ("url", "link", "source_url")
AUTHOR_FIELDS = ("author", "creator", "byline")


def _first(record: dict[str, Any], keys: tuple[str, ...]) -> tuple[str, str] | None:
    for key in keys:
        value = record.get(key)
        if isinstance(value, str) and value.strip():
            return key, value.strip()
    return None


def record_document(record: dict[str, Any], source: str, line: int) -> Document:
    """One JSONL record as a document; raises ``ReadError`` for a record without text."""
    item_source = f"{source}:{line}"
    title = record.get("title") if isinstance(record.get("title"), str) else None
    title = " ".join(title.split()) if title else None
    published = None
    found = _first(record, DATE_FIELDS)
    if found:
        iso = metadata_date(found[1])
        if iso:
            published = Published(iso, "day", "metadata", f"{found[0]}: {found[1]}")
    url = (_first(record, URL_FIELDS) or (None, None))[1]
    author = (_first(record, AUTHOR_FIELDS) or (None, None))[1]
    site = record.get("site") if isinstance(record.get("site"), str) else None
    site = site or (urlparse(url).netloc or None if url else None)
    text = record.get("text")
    if isinstance(text, str) and text.strip():
        if title and first_line(text) != title:
            text = f"{title}\n\n{text}"
        document = Document(text=text, source=item_source, title=title or first_line(text),
                            published=published, url=url, author=author, site=site,
                            meta={"reader": "jsonl"})
        document.regions = segment(document)
    elif isinstance(record.get("html"), str) and record["html"].strip():
        try:
            document = html_document(record["html"], item_source, reader_name="jsonl",
                                     fragment=True, title=title, published=published,
                                     url=url, author=author, site=site)
        except ReadError as e:
            raise ReadError(source, e.reason, line=line) from None
    else:
        raise ReadError(source, "no 'text' or 'html' field with text", line=line)
    document.meta["line"] = line
    for key in ("guid", "id"):
        if isinstance(record.get(key), str | int):
            document.meta[key] = record[key]
            break
    return document


MAX_LINE_CHARS = 5_000_000
"""A longer line is refused before parsing (the file's own size limit bounds it too)."""


def _parse(line: str, source: str, number: int) -> dict[str, Any]:
    """One line as a JSON object; any failure (deep nesting, a 5,000-digit number, a
    surrogate) is a ``ReadError`` naming the line."""
    if len(line) > MAX_LINE_CHARS:
        raise ReadError(source, f"line too long ({len(line):,} characters)", line=number)
    try:
        record = json.loads(line)
    except json.JSONDecodeError as e:
        raise ReadError(source, f"malformed JSON ({e.msg} at column {e.colno})",
                        line=number) from None
    except RecursionError:
        raise ReadError(source, "JSON nested too deeply", line=number) from None
    except ValueError as e:  # e.g. an integer past Python's digit limit
        reason = " ".join(str(e).split())[:120]
        raise ReadError(source, f"malformed JSON ({reason})", line=number) from None
    if not isinstance(record, dict):
        raise ReadError(source, f"expected a JSON object, got {type(record).__name__}",
                        line=number)
    return sanitize(record)


@reader(".jsonl", ".ndjson")
def read_jsonl(data: bytes, source: str, settings: Settings) -> Iterator[Document | ReadError]:
    text, _ = decode(data, source)
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            yield record_document(_parse(line, source, number), source, number)
        except ReadError as e:
            yield e if e.line is not None else ReadError(source, e.reason, line=number)
        except Exception as e:  # one bad record must not stop the file
            reason = " ".join(str(e).split())[:200]
            yield ReadError(source, f"could not read ({type(e).__name__}: {reason})",
                            line=number)
