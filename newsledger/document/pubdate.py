"""Publication dates with their provenance: metadata, html, text or given.

Readers fill ``Document.published`` from the container (front matter, feed item, JSONL
field, HTML meta tags). For bare text ``infer_published`` looks, in order, for a dateline
("WASHINGTON, April 14 (Reuters) -", "April 14, 2024 — "), a "Published/Updated <date>"
line, and else the latest full date mentioned, checked against the weekdays the text
mentions ("on Sunday"). Unknown stays None: never today's date.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, timedelta
from email.utils import parsedate_to_datetime

from newsledger.document.dates import (
    DAY_PATTERN,
    MONTH_PATTERN,
    WEEKDAY_INDEX,
    YEAR_PATTERN,
    full_dates,
    month_number,
)
from newsledger.document.regions import segment
from newsledger.records import Document, Published

__all__ = ["full_dates", "infer_published", "metadata_date"]

MONTH, DAY, YEAR = MONTH_PATTERN, DAY_PATTERN, YEAR_PATTERN
MONTH_YEAR = re.compile(rf"\b{MONTH},?\s+{YEAR}\b")
WEEKDAY = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
DATELINE = re.compile(
    rf"^\s*(?:[A-Z][A-Za-z.'\- ]{{1,40}}(?:,\s*[A-Z][A-Za-z.' ]{{1,30}})?[,.]?\s+)?"
    rf"(?:\((?:[A-Za-z ]+)\)\s*)?(?:{'|'.join(calendar.day_name)},?\s+)?{MONTH}\s+{DAY}"
    rf"(?:,?\s+{YEAR})?\s*(?:\((?P<agency>[A-Za-z .]+)\)\s*)?(?:[-\u2013\u2014:]|/\w+/)"
)
PUBLISHED_LINE = re.compile(
    r"^\s*(?P<label>Published|Posted|First published|Updated|Last updated|Date)\b\s*(?:on|:)?\s*"
    r"(?P<value>.{6,80}?)\s*$", re.IGNORECASE)


def metadata_date(value: str) -> str | None:
    """A container's date field (ISO 8601, RFC 822, or something dateparser reads) as YYYY-MM-DD.

    The date is taken as written, in its own time zone: "Sun, 14 Apr 2024 21:30 -0400" is
    2024-04-14.
    """
    value = value.strip()
    if not value:
        return None
    match = re.match(r"^(\d{4})-(\d{2})-(\d{2})", value)
    if match:
        try:
            return date(*map(int, match.groups())).isoformat()
        except ValueError:
            return None
    try:
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    parsed = _dateparser(value)
    return parsed.isoformat() if parsed else None


def _dateparser(value: str) -> date | None:
    import dateparser

    parsed = dateparser.parse(value, languages=["en"], settings={
        "PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["day", "month", "year"],
        "RETURN_AS_TIMEZONE_AWARE": False})
    return parsed.date() if isinstance(parsed, datetime) else None


def _paragraphs(document: Document) -> list[tuple[str, int, str]]:
    """(kind, start, text) of every region; boilerplate is left out."""
    regions = document.regions
    if not regions:
        regions = segment(document)
    return [(r.kind, r.start, document.text[r.start:r.end]) for r in regions
            if r.kind != "boilerplate"]


def _from_dateline(paragraphs: list[tuple[str, int, str]], text: str,
                   all_dates: list[tuple[date, int, int]]) -> Published | None:
    """A dateline opening one of the first paragraphs; a missing year comes from the text."""
    for _, _, para in [p for p in paragraphs if p[0] in ("body", "byline", "deck")][:4]:
        m = DATELINE.match(para)
        if not m:
            continue
        evidence = para[:m.end()].strip(" -\u2013\u2014:")
        month, day = month_number(m), int(m.group("day"))
        try:
            if m.group("year"):
                return Published(date(int(m.group("year")), month, day).isoformat(), "day",
                                 "text", evidence)
            reference = _latest_dated_mention(text, all_dates)
            if reference is None:
                return None
            year = reference[0].year
            if date(year, month, day) < reference[0]:
                year += 1
            value = date(year, month, day)
        except ValueError:
            continue
        return Published(value.isoformat(), "day", "text",
                         f"{evidence}; year after {reference[1]!r}")
    return None


def _latest_dated_mention(text: str,
                          all_dates: list[tuple[date, int, int]]) -> tuple[date, str] | None:
    """The latest date with a year the text mentions ("April 14, 2024", "April 2023")."""
    found = [(d, text[s:e]) for d, s, e in all_dates]
    for m in MONTH_YEAR.finditer(text):
        found.append((date(int(m.group("year")), month_number(m), 1), m.group(0)))
    return max(found, default=None)


def _from_published_line(paragraphs: list[tuple[str, int, str]]) -> Published | None:
    found: list[tuple[int, date, str]] = []
    for _, _, para in paragraphs[:8] + paragraphs[-4:]:
        if len(para) > 120:
            continue
        m = PUBLISHED_LINE.match(para)
        if not m:
            continue
        parsed = _dateparser(re.sub(r"\s+(?:at|\|)\s+.*$", "", m.group("value")))
        if parsed:
            rank = 1 if "update" in m.group("label").lower() else 0
            found.append((rank, parsed, para.strip()))
    if not found:
        return None
    _, value, evidence = min(found, key=lambda item: item[0])
    return Published(value.isoformat(), "day", "text", evidence)


def _from_mentions(text: str, all_dates: list[tuple[date, int, int]]) -> Published | None:
    """The latest full date, moved to the first weekday on or after it that the text mentions.

    News says "on Sunday" for its own day, so the publication day is assumed to be a weekday
    the text names; the nearest one on or after the latest full date is the estimate. With no
    weekday to check against, the latest date is only a lower bound: precision "week".
    """
    if not all_dates:
        return None
    latest, start, end = max(all_dates, key=lambda item: (item[0], -item[1]))
    evidence = text[start:end]
    weekdays = {m.group(1).lower(): m.group(0) for m in WEEKDAY.finditer(text)
                if not _inside_date(m.start(), all_dates)}
    if not weekdays:
        return Published(latest.isoformat(), "week", "text", evidence)
    offset, name = min(((WEEKDAY_INDEX[n] - latest.weekday()) % 7, n) for n in weekdays)
    value = latest + timedelta(days=offset)
    if offset == 0:
        return Published(value.isoformat(), "day", "text", f"{evidence}; {weekdays[name]}")
    return Published(value.isoformat(), "week", "text",
                     f"{evidence} + {offset} days; {weekdays[name]}")


def _inside_date(offset: int, all_dates: list[tuple[date, int, int]]) -> bool:
    return any(start - 12 <= offset < end for _, start, end in all_dates)


def infer_published(document: Document) -> Published | None:
    """The publication date read from the text itself (method "text"), or None."""
    paragraphs = _paragraphs(document)
    text = "\n".join(p for _, _, p in paragraphs)
    all_dates = full_dates(text)
    return (_from_dateline(paragraphs, text, all_dates)
            or _from_published_line(paragraphs)
            or _from_mentions(text, all_dates))
