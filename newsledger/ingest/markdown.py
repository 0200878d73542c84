"""Markdown (``.md``) with YAML front matter, as in the White House corpus.

Front matter gives title, date (``date``, then ``published_time``) and URL (``source_url``).
The body is parsed with markdown-it-py and stored as plain prose: escapes (``\\###``,
``\\_``) undone, hard-wrapped lines of a paragraph joined, one paragraph (heading, list
item, table row) per block separated by blank lines, odd spaces made plain spaces.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from datetime import date, datetime
from functools import cache
from typing import Any

from newsledger.document.pubdate import metadata_date
from newsledger.document.regions import segment
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
BLANK_LINES = re.compile(r"\n[ \t>]*\n")
BLOCK_MARKERS = re.compile(r"^(?:[ \t]*(?:>|[-*+](?=\s)|\d{1,9}[.)](?=\s)|#{1,6}(?=\s)))*[ \t]*")
DATE_KEYS = ("date", "published_time", "published", "pubDate", "pubdate")
URL_KEYS = ("source_url", "url", "link", "canonical_url")

log = logging.getLogger(__name__)


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

    parser = _parser()
    tokens = parser.parse(PANDOC_SPACE.sub(" ", source_text))
    if any(t.level >= parser.options.maxNesting - 1 for t in tokens):
        # markdown-it stops reading at its nesting limit and drops the rest of the file
        return plain_paragraphs(source_text)
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


MAX_FRONT_MATTER_NODES = 10_000
"""YAML nodes in front matter once aliases are expanded: a few dozen in real files; an alias
bomb (559 bytes expanding to billions) is refused before anything is built."""
MAX_FRONT_MATTER_DEPTH = 50
"""Nesting depth of front matter; deeper is refused rather than recursed into."""
SCALAR_FIELDS = ("title", "author") + DATE_KEYS + URL_KEYS


def _front_loader() -> type:
    """A safe loader (the C one when built) that keeps timestamps as strings: an impossible
    date such as 2024-13-45 is then a field to drop, not an exception that loses the file."""
    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class FrontMatterLoader(base):  # type: ignore[misc, valid-type]
        pass

    FrontMatterLoader.add_constructor(
        "tag:yaml.org,2002:timestamp", yaml.SafeLoader.construct_yaml_str)
    return FrontMatterLoader


_LOADER: list[type] = []


def _expanded_size(root: Any) -> int:
    """Nodes of a composed YAML graph with every alias expanded, counted without expanding
    (shared nodes are counted once per reference, memoized); stops past the limits."""
    import yaml

    sizes: dict[int, int] = {}
    on_path: set[int] = set()

    def size(node: Any, depth: int) -> int:
        key = id(node)
        if key in sizes:
            return sizes[key]
        if depth > MAX_FRONT_MATTER_DEPTH or key in on_path:
            return MAX_FRONT_MATTER_NODES + 1
        on_path.add(key)
        total = 1
        if isinstance(node, yaml.SequenceNode):
            children = node.value
        elif isinstance(node, yaml.MappingNode):
            children = [part for pair in node.value for part in pair]
        else:
            children = []
        for child in children:
            total += size(child, depth + 1)
            if total > MAX_FRONT_MATTER_NODES:
                break
        on_path.discard(key)
        sizes[key] = total
        return total

    return size(root, 0) if root is not None else 0


def _load_front(block: str) -> Any:
    import yaml

    if not _LOADER:
        _LOADER.append(_front_loader())
    loader = _LOADER[0]
    node = yaml.compose(block, Loader=loader)  # noqa: S506  (a safe loader)
    if _expanded_size(node) > MAX_FRONT_MATTER_NODES:
        raise ValueError("front matter too large or too deep once its aliases are expanded")
    return yaml.load(block, Loader=loader)  # noqa: S506  (a safe loader)


def plain_paragraphs(source_text: str) -> list[str]:
    """Fallback for Markdown nested past the parser's limit: blank-line paragraphs with the
    block markers (quote marks, bullets, heading hashes) taken off each line, nothing lost."""
    paragraphs = []
    for block in BLANK_LINES.split(source_text):
        lines = [BLOCK_MARKERS.sub("", line) for line in block.splitlines()]
        text = clean_spaces(" ".join(" ".join(lines).split()))
        if text:
            paragraphs.append(text)
    return paragraphs


def _metadata_date(front: dict[str, Any], dropped: list[str]) -> Published | None:
    for key in DATE_KEYS:
        value = front.get(key)
        if isinstance(value, datetime):
            return Published(value.date().isoformat(), "day", "metadata", f"{key}: {value}")
        if isinstance(value, date):
            return Published(value.isoformat(), "day", "metadata", f"{key}: {value}")
        if value:
            iso = metadata_date(str(value)) if isinstance(value, str | int) else None
            if iso:
                return Published(iso, "day", "metadata", f"{key}: {value}")
            dropped.append(key)
    return None


def _front_matter(text: str, source: str) -> tuple[dict[str, Any], str]:
    match = FRONT_MATTER.match(text)
    if not match:
        return {}, text
    import yaml

    try:
        front = _load_front(match.group(1))
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        raise ReadError(source, f"malformed YAML front matter{where}") from None
    except (ValueError, RecursionError) as e:
        raise ReadError(source, f"refused YAML front matter ({e})") from None
    if not isinstance(front, dict):
        front = {}
    return front, text[match.end():]


def _scalar(front: dict[str, Any], key: str, dropped: list[str]) -> str | None:
    """A metadata field that must be a plain value; a list or mapping there is dropped."""
    value = front.get(key)
    if value is None or value == "":
        return None
    if isinstance(value, list | dict):
        dropped.append(key)
        return None
    return str(value)


@reader(".md", ".markdown")
def read_markdown(data: bytes, source: str, settings: Settings) -> Iterator[Document | ReadError]:
    raw, _ = decode(data, source)
    front, body = _front_matter(raw, source)
    dropped: list[str] = []
    paragraphs = markdown_paragraphs(body)
    title = clean_spaces(" ".join((_scalar(front, "title", dropped) or "").split())) or None
    if title and paragraphs and paragraphs[0] == title:
        paragraphs = paragraphs[1:]
    if not paragraphs and not title:
        yield ReadError(source, "no text in the Markdown file")
        return
    parts = ([title] if title else []) + paragraphs
    text = "\n\n".join(parts)
    url = next((u for k in URL_KEYS if (u := _scalar(front, k, dropped))), None)
    document = Document(text=text, source=source, title=title or paragraphs[0][:300],
                        published=_metadata_date(front, dropped), url=url,
                        author=_scalar(front, "author", dropped), meta={"reader": "markdown"})
    tags = front.get("tags")
    if tags:
        document.meta["tags"] = ([str(t) for t in tags if not isinstance(t, list | dict)]
                                 if isinstance(tags, list) else str(tags))
    if dropped:
        names = ", ".join(sorted(set(dropped)))
        log.warning("%s: front matter field(s) %s ignored (not a usable value)", source, names)
        document.meta["dropped_fields"] = sorted(set(dropped))
    known = [Region("title", 0, len(title))] if title else []
    document.regions = segment(document, known=known)
    yield document
