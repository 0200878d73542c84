"""Markdown (``.md``) with YAML front matter, as in the White House corpus.

Front matter gives title, date (``date``, then ``published_time``) and URL (``source_url``).
The body is parsed with markdown-it-py and stored as plain prose: escapes (``\\###``,
``\\_``) undone, hard-wrapped lines of a paragraph joined, one paragraph (heading, list
item, table row) per block separated by blank lines, odd spaces made plain spaces.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime
from functools import cache
from typing import Any

from newsledger.errors import ReadError
from newsledger.ingest.decode import decode
from newsledger.ingest.registry import reader
from newsledger.records import Document, Published, Region
from newsledger.settings import Settings

FRONT_MATTER = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)",
                          re.DOTALL)
PANDOC_SPACE = re.compile(r"(?<!\\)\\ ")
ODD_SPACES = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t]")
ZERO_WIDTH = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
SPACES = re.compile(r" {2,}")
TAGS = re.compile(r"<[^>]+>")
DATE_KEYS = ("date", "published_time", "published", "pubDate", "pubdate")
URL_KEYS = ("source_url", "url", "link", "canonical_url")


def clean_spaces(text: str) -> str:
    """Plain spaces for non-breaking and other odd spaces, zero-width ones dropped, runs collapsed."""
    text = ZERO_WIDTH.sub("", ODD_SPACES.sub(" ", text))
    return "\n".join(SPACES.sub(" ", line).strip() for line in text.split("\n")).strip()


@cache
def _parser() -> Any:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable("table")


def _inline(token: Any) -> str:
    out: list[str] = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            out.append(child.content)
        elif child.type == "softbreak":
            out.append(" ")
        elif child.type == "hardbreak":
            out.append("\n")
        elif child.type == "image":
            continue
    return "".join(out)


def markdown_paragraphs(source_text: str) -> list[str]:
    """The prose of a Markdown body, one string per block."""
    import html as html_lib

    tokens = _parser().parse(PANDOC_SPACE.sub(" ", source_text))
    paragraphs: list[str] = []
    row: list[str] | None = None
    for token in tokens:
        if token.type == "tr_open":
            row = []
        elif token.type == "tr_close" and row is not None:
            paragraphs.append(" | ".join(cell for cell in row if cell))
            row = None
        elif token.type == "inline":
            text = clean_spaces(_inline(token))
            if row is not None:
                row.append(text)
            elif text:
                paragraphs.append(text)
        elif token.type == "html_block":
            text = clean_spaces(" ".join(html_lib.unescape(TAGS.sub(" ", token.content)).split()))
            if text:
                paragraphs.append(text)
        elif token.type in ("code_block", "fence"):
            text = clean_spaces(" ".join(token.content.split()))
            if text:
                paragraphs.append(text)
    return [p for p in paragraphs if p]


def _metadata_date(front: dict[str, Any]) -> Published | None:
    from newsledger.document.pubdate import metadata_date

    for key in DATE_KEYS:
        value = front.get(key)
        if isinstance(value, datetime):
            return Published(value.date().isoformat(), "day", "metadata", f"{key}: {value}")
        if isinstance(value, date):
            return Published(value.isoformat(), "day", "metadata", f"{key}: {value}")
        if value:
            iso = metadata_date(str(value))
            if iso:
                return Published(iso, "day", "metadata", f"{key}: {value}")
    return None


def _front_matter(text: str, source: str) -> tuple[dict[str, Any], str]:
    match = FRONT_MATTER.match(text)
    if not match:
        return {}, text
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        front = yaml.load(match.group(1), Loader=loader)  # noqa: S506  (a safe loader)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        raise ReadError(source, f"malformed YAML front matter{where}") from None
    if not isinstance(front, dict):
        front = {}
    return front, text[match.end():]


@reader(".md", ".markdown")
def read_markdown(data: bytes, source: str, settings: Settings) -> Iterator[Document | ReadError]:
    from newsledger.document.regions import segment

    raw, _ = decode(data, source)
    front, body = _front_matter(raw, source)
    paragraphs = markdown_paragraphs(body)
    title = clean_spaces(" ".join(str(front.get("title") or "").split())) or None
    if title and paragraphs and paragraphs[0] == title:
        paragraphs = paragraphs[1:]
    if not paragraphs and not title:
        yield ReadError(source, "no text in the Markdown file")
        return
    parts = ([title] if title else []) + paragraphs
    text = "\n\n".join(parts)
    url = next((str(front[k]) for k in URL_KEYS if front.get(k)), None)
    author = front.get("author")
    document = Document(text=text, source=source, title=title or paragraphs[0][:300],
                        published=_metadata_date(front), url=url,
                        author=str(author) if author else None, meta={"reader": "markdown"})
    tags = front.get("tags")
    if tags:
        document.meta["tags"] = [str(t) for t in tags] if isinstance(tags, list) else str(tags)
    known = [Region("title", 0, len(title))] if title else []
    document.regions = segment(document, known=known)
    yield document
