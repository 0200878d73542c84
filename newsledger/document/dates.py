"""Event dates: date expressions resolved against the publication date, never defaulted blindly.

``resolve_expression`` turns one expression ("Saturday night", "April 1", "last week") into a
value and an honest precision; ``date_mentions`` finds the expressions of a sentence. Which
mention dates which event is decided in :mod:`newsledger.events.extract` from the parse.

Rules (dateparser handles explicit dates with a year; rules handle what it gets wrong for
news, e.g. a bare weekday must be the most recent one on or before publication, and a month
and day without a year the nearest past one):
- weekday -> most recent such day on or before publication ("last Sunday" on a Sunday -> a
  week before); "yesterday"/"last night" -> the day before; "today"/"tonight" -> that day;
- month + day without a year -> that day in the publication year, or the year before when
  it would fall after publication;
- "last/this week" -> the Monday of that week, precision ``week``; "last/this month" ->
  precision ``month``; "last year"/"in 2023" -> precision ``year``; "N days ago".
Without a publication date only expressions that carry their own year resolve.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = {m: i + 1 for i, m in enumerate((
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december"))}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "a": 1, "an": 1}

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
PATTERNS = [
    ("iso", re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)\b")),
    ("mdy", re.compile(rf"\b{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?\b", re.I)),
    ("dmy", re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?\b", re.I)),
    ("my", re.compile(rf"\b{_MONTH}(?:\s+of)?\s*,?\s+{_YEAR}\b", re.I)),
    ("weekday", re.compile(r"\b(?P<last>last\s+|this\s+|past\s+)?(?P<weekday>"
                           + "|".join(WEEKDAYS) + r")\b", re.I)),
    ("yesterday", re.compile(r"\b(?:yesterday|last night)\b", re.I)),
    ("today", re.compile(r"\b(?:today|tonight|this (?:morning|afternoon|evening))\b", re.I)),
    ("ago", re.compile(r"\b(?P<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten|a|an)\s+"
                       r"(?P<unit>day|week|month|year)s?\s+ago\b", re.I)),
    ("rel", re.compile(r"\b(?P<which>last|this|past|previous)\s+(?P<unit>week|month|year)\b",
                       re.I)),
    ("month", re.compile(rf"\b(?:in|since|during|early|late|mid-?|last|this)\s+{_MONTH}\b",
                         re.I)),
    ("year", re.compile(rf"\b(?:in|since|during|of|early|late)\s+{_YEAR}\b", re.I)),
]


@dataclass
class DateMention:
    """A resolved date expression: where its words are and what day/week/month/year it means."""

    start: int
    end: int
    text: str
    value: str
    precision: str
    root: int | None = None  # token index of the expression's syntactic root


def _parse_pub(published: str | None) -> date | None:
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def _month_day(pub: date | None, month: int, day: int, year: int | None) -> date | None:
    try:
        if year is not None:
            return date(year, month, day)
        if pub is None:
            return None
        value = date(pub.year, month, day)
        return value if value <= pub else date(pub.year - 1, month, day)
    except ValueError:
        return None


def _dateparser(text: str, pub: date | None) -> date | None:
    """Explicit dates with a year that the patterns missed (slow: used as a last resort)."""
    import dateparser

    settings = {"PREFER_DATES_FROM": "past", "REQUIRE_PARTS": ["day", "month", "year"]}
    if pub is not None:
        from datetime import datetime

        settings["RELATIVE_BASE"] = datetime(pub.year, pub.month, pub.day)
    found = dateparser.parse(text, languages=["en"], settings=settings)
    return found.date() if found else None


def resolve_expression(text: str, published: str | None) -> tuple[str, str, int, int] | None:
    """(value, precision, start, end) of the first date expression in ``text``, or None.

    ``start``/``end`` are offsets into ``text`` of the words that carry the date.
    """
    pub = _parse_pub(published)
    for kind, pattern in PATTERNS:
        m = pattern.search(text)
        if not m:
            continue
        found = _resolve_match(kind, m, pub)
        if found is not None:
            return found[0], found[1], m.start(), m.end()
    if re.search(r"\b(?:19|20)\d\d\b", text):
        value = _dateparser(text, pub)
        if value is not None:
            return value.isoformat(), "day", 0, len(text)
    return None


def _resolve_match(kind: str, m: re.Match, pub: date | None) -> tuple[str, str] | None:
    g = m.groupdict()
    if kind == "iso":
        try:
            return date(int(g["year"]), int(g["month"]), int(g["day"])).isoformat(), "day"
        except ValueError:
            return None
    if kind in ("mdy", "dmy"):
        year = int(g["year"]) if g.get("year") else None
        value = _month_day(pub, MONTHS[g["month"].lower()], int(g["day"]), year)
        return (value.isoformat(), "day") if value else None
    if kind == "my":
        return f"{int(g['year']):04d}-{MONTHS[g['month'].lower()]:02d}-01", "month"
    if kind == "year":
        return f"{int(g['year']):04d}-01-01", "year"
    if pub is None:
        return None
    if kind == "weekday":
        back = (pub.weekday() - WEEKDAYS.index(g["weekday"].lower())) % 7
        if back == 0 and g.get("last"):
            back = 7
        return (pub - timedelta(days=back)).isoformat(), "day"
    if kind == "yesterday":
        return (pub - timedelta(days=1)).isoformat(), "day"
    if kind == "today":
        return pub.isoformat(), "day"
    if kind == "ago":
        n = g["n"].lower()
        count = int(n) if n.isdigit() else NUMBER_WORDS[n]
        return _shift(pub, g["unit"].lower(), count)
    if kind == "rel":
        return _shift(pub, g["unit"].lower(), 0 if g["which"].lower() == "this" else 1)
    if kind == "month":
        month = MONTHS[g["month"].lower()]
        year = pub.year if month <= pub.month else pub.year - 1
        return f"{year:04d}-{month:02d}-01", "month"
    return None


def _shift(pub: date, unit: str, count: int) -> tuple[str, str]:
    if unit == "day":
        return (pub - timedelta(days=count)).isoformat(), "day"
    if unit == "week":
        monday = pub - timedelta(days=pub.weekday()) - timedelta(weeks=count)
        return monday.isoformat(), "week"
    if unit == "month":
        months = pub.year * 12 + pub.month - 1 - count
        return f"{months // 12:04d}-{months % 12 + 1:02d}-01", "month"
    return f"{pub.year - count:04d}-01-01", "year"


def date_mentions(sent: Span, published: str | None) -> list[DateMention]:
    """The resolvable DATE/TIME expressions of a sentence, with their words and root token."""
    out: list[DateMention] = []
    for ent in sent.ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        found = resolve_expression(ent.text, published)
        if found is None:
            continue
        value, precision, s, e = found
        root = _root_in(ent, s, e)
        out.append(DateMention(start=ent.start_char + s, end=ent.start_char + e,
                               text=ent.text[s:e], value=value, precision=precision,
                               root=root.i))
    return out


def _root_in(ent: Span, s: int, e: int) -> Token:
    """The root of the expression's words (a date entity may carry words we did not use)."""
    inside = [t for t in ent if s <= t.idx - ent.start_char < e] or list(ent)
    return min(inside, key=lambda t: len(list(t.ancestors)))
