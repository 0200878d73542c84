"""HTML (``.html``, ``.htm``): main text and metadata with trafilatura, captions kept apart.

trafilatura drops figure captions, so they are taken out of the tree first (``<figcaption>``
and elements whose class names a caption) and appended after the body as their own
paragraphs, marked as caption regions. The stored text is title + body + captions, one
paragraph each, separated by blank lines.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from typing import Any

from newsledger.document.pubdate import full_dates
from newsledger.document.regions import segment
from newsledger.errors import ReadError
from newsledger.ingest.decode import decode
from newsledger.ingest.registry import reader
from newsledger.records import Document, Published, Region
from newsledger.settings import Settings

log = logging.getLogger(__name__)

CAPTION_XPATH = (
    "//figcaption | //*[contains(concat(' ', normalize-space(@class), ' '), ' caption ')"
    " or contains(@class, 'caption-text') or contains(@class, 'image-caption')"
    " or contains(@class, 'photo-caption')]"
)
BLOCKS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "td", "th", "dd", "dt")
MAX_EXTRACTION_BLOCKS = 5_000
"""Past this many paragraphs (a news page has a few hundred) trafilatura's boilerplate
removal takes minutes (150,000 tiny paragraphs: 98 s and more), so the page is read block by
block instead, linearly, and its meta says so."""
FLATTEN_DEPTH = 200
"""Element depth past which the markup is flattened (libxml2 stops at 256 and drops the rest)."""
CONTAINER_TAGS = re.compile(
    r"</?(?!(?:" + "|".join(BLOCKS) + r"|html|head|body|title|meta|br|script|style)\b)"
    r"[a-zA-Z][^>]*>")
NON_FRAME_TAGS = re.compile(r"</?(?!(?:html|head|body|title|meta|script|style)\b)[a-zA-Z][^>]*>")
XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
DATE_META = ("article:published_time", "og:published_time", "datePublished", "pubdate",
             "publish-date", "date", "dc.date", "DC.date.issued", "sailthru.date")


def _clean(text: str) -> str:
    return " ".join(text.replace("\u00ad", "").split())


def _take_captions(tree: Any) -> list[str]:
    """Caption texts in document order; the caption elements are removed from ``tree``."""
    captions: list[str] = []
    found = tree.xpath(CAPTION_XPATH)
    found_set = set(found)
    chosen = [el for el in found if not any(a in found_set for a in el.iterancestors())]
    for el in chosen:
        caption = _clean(" ".join(el.itertext()))
        if len(caption) > 600:  # a wrapper that merely has "caption" in its class
            continue
        if caption and caption not in captions:
            captions.append(caption)
        el.drop_tree()
    return captions


def _block_paragraphs(tree: Any) -> list[str]:
    """Fallback for HTML fragments (JSONL/feed bodies) too small for trafilatura's heuristics."""
    paragraphs = []
    for el in tree.iter(*BLOCKS):
        if any(a.tag in BLOCKS for a in el.iterancestors()):
            continue
        text = _clean(" ".join(el.itertext()))
        if text:
            paragraphs.append(text)
    if not paragraphs:
        body = tree.find(".//body")
        text = _clean(" ".join((body if body is not None else tree).itertext()))
        paragraphs = [text] if text else []
    return paragraphs


def _count_blocks(tree: Any) -> int:
    """Block elements in the tree (counting stops past ``MAX_EXTRACTION_BLOCKS``)."""
    count = 0
    for _ in tree.iter(*BLOCKS):
        count += 1
        if count > MAX_EXTRACTION_BLOCKS:
            break
    return count


def _max_depth(tree: Any) -> int:
    """How deep the element tree goes (linear walk)."""
    from lxml import etree

    depth = deepest = 0
    for event, _ in etree.iterwalk(tree, events=("start", "end")):
        depth += 1 if event == "start" else -1
        deepest = max(deepest, depth)
    return deepest


def _has_prose(paragraphs: list[str]) -> bool:
    """Main text has a sentence somewhere, or at least some length: not just "Home / Contact"."""
    words = sum(len(p.split()) for p in paragraphs)
    return words >= 30 or any(len(p.split()) >= 6 and p.rstrip("\"'”’)").endswith((".", "!", "?"))
                              for p in paragraphs)


def _date_provenance(tree: Any, date: str, url: str | None) -> tuple[str, str]:
    """(evidence, precision) for a page date: a meta or time tag, the date printed in the page
    or its URL; else htmldate's guess, whose precision is only what it can support (a bare
    copyright year gives "2024-01-01", which is a year, not a day)."""
    for name in DATE_META:
        for attr in ("property", "name", "itemprop"):
            values = tree.xpath(f"//meta[@{attr}=$n]/@content", n=name)
            if values and str(values[0]).startswith(date):
                return f'<meta {attr}="{name}" content="{values[0]}">', "day"
    for value in tree.xpath("//time/@datetime"):
        if str(value).startswith(date):
            return f'<time datetime="{value}">', "day"
    page = _clean(" ".join(tree.itertext()))
    for value, start, end in full_dates(page):
        if value.isoformat() == date:
            return page[start:end], "day"
    if url and re.search(r"/".join(date.split("-")) + r"|" + date, url):
        return url, "day"
    if date.endswith("-01-01"):
        return "htmldate", "year"
    return "htmldate", "month" if date.endswith("-01") else "day"


def html_document(markup: str, source: str, *, reader_name: str = "html",
                  fragment: bool = False, title: str | None = None,
                  published: Published | None = None, url: str | None = None,
                  author: str | None = None, site: str | None = None) -> Document:
    """One document from HTML; raises ``ReadError`` when there is no main text."""
    import lxml.html
    from lxml.etree import ParserError

    markup = XML_DECLARATION.sub("", markup, count=1)
    try:
        tree = lxml.html.document_fromstring(markup)
        flattened = _max_depth(tree) >= FLATTEN_DEPTH
        if flattened:  # libxml2 drops whatever lies deeper than 256 levels: flatten first
            tree = lxml.html.document_fromstring(CONTAINER_TAGS.sub(" ", markup))
            if _max_depth(tree) >= FLATTEN_DEPTH:  # nested blocks: keep only the page frame
                tree = lxml.html.document_fromstring(NON_FRAME_TAGS.sub(" ", markup))
    except (ParserError, ValueError) as e:
        raise ReadError(source, f"not parseable as HTML ({e})") from None
    for junk in tree.xpath("//script | //style | //noscript | //template"):
        junk.drop_tree()
    captions = _take_captions(tree)
    cleaned = lxml.html.tostring(tree, encoding="unicode")
    body: list[str] = []
    meta_title = meta_date = meta_author = meta_site = meta_url = None
    large = not fragment and _count_blocks(tree) > MAX_EXTRACTION_BLOCKS
    if not fragment and not large:
        import trafilatura

        result = trafilatura.bare_extraction(cleaned, url=url, with_metadata=True,
                                             include_comments=False, include_tables=True,
                                             include_images=False)
        if result is not None:
            body = [_clean(p) for p in (result.text or "").split("\n")]
            meta_title, meta_date = result.title, result.date
            meta_author, meta_site, meta_url = result.author, result.sitename, result.url
    if fragment or large or (flattened and not _has_prose([p for p in body if p])):
        body = _block_paragraphs(tree)
        if large:
            meta_title = _clean(" ".join(tree.xpath("//title//text()"))) or None
    body = [p for p in body if p and p not in captions]
    title = _clean(title or meta_title or "") or None
    if title and body and body[0] == title:
        body = body[1:]
    if not _has_prose(body):
        raise ReadError(source, "no main text found in the HTML" if not body else
                        "no main text found in the HTML (only menu-like fragments: "
                        f"{' / '.join(body)[:60]})")
    parts = ([title] if title else []) + body + captions
    text = "\n\n".join(parts)
    known: list[Region] = []
    if title:
        known.append(Region("title", 0, len(title)))
    offset = len(text) - sum(len(c) for c in captions) - 2 * (len(captions) - 1)
    for caption in captions:
        known.append(Region("caption", offset, offset + len(caption)))
        offset += len(caption) + 2
    if published is None and meta_date:
        evidence, precision = _date_provenance(tree, meta_date[:10], url or meta_url)
        published = Published(date=meta_date[:10], precision=precision, method="html",
                              evidence=evidence)
    document = Document(text=text, source=source, title=title, published=published,
                        url=url or meta_url, author=author or meta_author,
                        site=site or meta_site, meta={"reader": reader_name})
    if captions:
        document.meta["captions"] = len(captions)
    if large:  # said in meta: no boilerplate removal was done on this page
        document.meta["extraction"] = "blocks (page too large for boilerplate removal)"
    document.regions = segment(document, known=known)
    return document


@reader(".html", ".htm", ".xhtml")
def read_html(data: bytes, source: str, settings: Settings) -> Iterator[Document | ReadError]:
    markup, _ = decode(data, source)
    yield html_document(markup, source)
