"""Date expressions resolved against the publication date: the one resolver of the code base.

``resolve_expression`` turns one expression ("Saturday night", "April 1", "last week") into a
value and an honest precision; ``date_mentions`` finds the expressions of a sentence and
picks the direction from the verb they date (past tense looks back, "will" looks forward);
``full_dates`` finds every day+month+year date of a text (the publication-date reader uses
it). Which mention dates which event is decided in :mod:`newsledger.events.dates`.

Rules:
- a year comes only from the text: an explicit year ("April 14, 2024", "in 2019",
  "2022-02-24", "4/14/2024"), never a four-digit number that counts something ("2000
  troops"); no expression without its own year resolves farther than
  ``MAX_RELATIVE_DAYS`` from publication ("150 years ago" stays unresolved);
- weekday -> the nearest such day in the verb's direction: on or before publication for the
  past ("last Sunday" on a Sunday -> a week before), on or after it for the future ("next
  Tuesday", "will meet on Tuesday"), the nearer of the two for the present tense;
- month + day or month alone without a year -> the same, in the publication's year or its
  neighbour;
- "yesterday"/"last night" -> the day before; "today"/"tonight" -> that day; "tomorrow" ->
  the day after; "last/this/next week" -> the Monday of that week, precision ``week``;
  "last/this/next month" -> precision ``month``; "last year" -> precision ``year``;
  "N days/weeks/months ago".
Without a publication date only expressions that carry their own year resolve.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

Direction = Literal["past", "future", "nearest"]

WEEKDAYS = tuple(name.lower() for name in calendar.day_name)
WEEKDAY_INDEX = {name: i for i, name in enumerate(WEEKDAYS)}
MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a": 1, "an": 1}
# An expression without its own year may not land farther than this from publication.
MAX_RELATIVE_DAYS = 400
# Nouns a year may modify and still be a year ("the 2020 election", "2023 budget").
YEAR_NOUNS = frozenset({"election", "elections", "budget", "campaign", "summit", "census",
                        "season", "report", "law", "act", "agreement", "accord", "deal",
                        "olympics", "games", "cup", "war", "attack", "attacks", "invasion",
                        "levels", "level", "fiscal", "cycle", "session", "plan", "strategy"})
PAST_WORDS = frozenset({"last", "past", "previous", "ago", "yesterday", "earlier"})
FUTURE_WORDS = frozenset({"next", "tomorrow", "coming", "upcoming", "later"})
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})

# Regex pieces, shared with the publication-date reader (capitalised names; add re.I to
# accept any case).
MONTH_PATTERN = (r"(?P<month>" + "|".join(sorted(
    {n.capitalize() for n in MONTHS}, key=len, reverse=True)) + r")\.?")
DAY_PATTERN = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
YEAR_PATTERN = r"(?P<year>(?:19|20)\d\d)"
FULL_DATE_PATTERNS = [
    re.compile(rf"\b{MONTH_PATTERN}\s+{DAY_PATTERN},?\s+{YEAR_PATTERN}\b"),
    re.compile(rf"\b{DAY_PATTERN}\s+(?:of\s+)?{MONTH_PATTERN},?\s+{YEAR_PATTERN}\b"),
    re.compile(rf"\b{YEAR_PATTERN}-(?P<month_num>[01]\d)-(?P<day>[0-3]\d)\b"),
]

_WEEKDAY = "|".join(WEEKDAYS)
_N = r"(?P<n>\d+|" + "|".join(NUMBER_WORDS) + r")"
PATTERNS = [
    ("iso", re.compile(rf"\b{YEAR_PATTERN}-(?P<month_num>[01]\d)-(?P<day>[0-3]\d)\b")),
    ("numeric", re.compile(rf"\b(?P<month_num>[01]?\d)/(?P<day>[0-3]?\d)/{YEAR_PATTERN}\b")),
    ("mdy", re.compile(rf"\b{MONTH_PATTERN}\s+{DAY_PATTERN}(?:,?\s+{YEAR_PATTERN})?\b", re.I)),
    ("dmy", re.compile(rf"\b{DAY_PATTERN}\s+(?:of\s+)?{MONTH_PATTERN}(?:,?\s+{YEAR_PATTERN})?\b",
                       re.I)),
    ("my", re.compile(rf"\b{MONTH_PATTERN}(?:\s+of)?\s*,?\s+{YEAR_PATTERN}\b", re.I)),
    ("weekday", re.compile(rf"\b(?P<which>last\s+|this\s+|past\s+|next\s+|coming\s+)?"
                           rf"(?P<weekday>{_WEEKDAY})\b", re.I)),
    ("yesterday", re.compile(r"\b(?:yesterday|last night)\b", re.I)),
    ("today", re.compile(r"\b(?:today|tonight|this (?:morning|afternoon|evening))\b", re.I)),
    ("tomorrow", re.compile(r"\btomorrow\b", re.I)),
    ("ago", re.compile(rf"\b{_N}\s+(?P<unit>day|week|month|year)s?\s+ago\b", re.I)),
    ("rel", re.compile(r"\b(?P<which>last|this|past|previous|next|coming)\s+"
                       r"(?P<unit>week|month|year)\b", re.I)),
    ("month", re.compile(rf"\b(?P<which>in|since|during|early|late|mid-?|last|this|next)\s+"
                         rf"{MONTH_PATTERN}(?!\s*\d)", re.I)),
    ("year", re.compile(rf"\b(?:in|since|during|of|early|late|mid-?)\s*{YEAR_PATTERN}\b",
                        re.I)),
]
EXPLICIT_YEAR = {"iso", "numeric", "my", "year"}


@dataclass
class DateMention:
    """A resolved date expression: where its words are and what day/week/month/year it means."""

    start: int
    end: int
    text: str
    value: str
    precision: str
    root: int | None = None  # token index of the expression's syntactic root


def month_number(match: re.Match[str]) -> int:
    """The month of a match of one of the patterns above (name or number)."""
    groups = match.groupdict()
    if groups.get("month_num"):
        return int(groups["month_num"])
    return MONTHS[groups["month"].lower().rstrip(".")]


def full_dates(text: str) -> list[tuple[date, int, int]]:
    """Every day+month+year date in ``text``: (date, start, end), in text order."""
    found: dict[int, tuple[date, int, int]] = {}
    for pattern in FULL_DATE_PATTERNS:
        for m in pattern.finditer(text):
            try:
                value = date(int(m.group("year")), month_number(m), int(m.group("day")))
            except ValueError:
                continue
            found.setdefault(m.start(), (value, m.start(), m.end()))
    return sorted(found.values(), key=lambda item: item[1])


def parse_published(published: str | None) -> date | None:
    """A publication date string (YYYY-MM-DD...) as a date, or None."""
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def _pick(pub: date, before: date | None, after: date | None, direction: Direction) -> date | None:
    """The candidate in the right direction; for "nearest" the closer one (ties: the past)."""
    if direction == "past":
        return before
    if direction == "future":
        return after
    options = [d for d in (before, after) if d is not None]
    return min(options, key=lambda d: (abs((d - pub).days), d > pub), default=None)


def _yearless(pub: date, month: int, day: int, direction: Direction) -> date | None:
    """Month + day in the publication's year or its neighbour, in ``direction``."""
    def make(year: int) -> date | None:
        try:
            return date(year, month, day)
        except ValueError:
            return None
    this = make(pub.year)
    if this is None:
        return None
    before = this if this <= pub else make(pub.year - 1)
    after = this if this >= pub else make(pub.year + 1)
    return _pick(pub, before, after, direction)


def _word_direction(text: str, direction: Direction) -> Direction:
    words = set(re.findall(r"[a-z]+", text.lower()))
    if words & PAST_WORDS:
        return "past"
    if words & FUTURE_WORDS:
        return "future"
    return direction


def resolve_expression(text: str, published: str | None,
                       direction: Direction = "past") -> tuple[str, str, int, int] | None:
    """(value, precision, start, end) of the first date expression in ``text``, or None.

    ``start``/``end`` are offsets into ``text`` of the words that carry the date;
    ``direction`` is where a date without its own year lies from publication (the words
    "last"/"next"/"ago"/"tomorrow" override it).
    """
    pub = parse_published(published)
    for kind, pattern in PATTERNS:
        for m in pattern.finditer(text):
            found = _resolve_match(kind, m, pub, _word_direction(m.group(0), direction))
            if found is None:
                continue
            if kind not in EXPLICIT_YEAR and not (kind in ("mdy", "dmy") and m.group("year")):
                if pub is None or _distance(found[0], found[1], pub) > MAX_RELATIVE_DAYS:
                    continue
            return found[0], found[1], m.start(), m.end()
    return None


def _distance(value: str, precision: str, pub: date) -> int:
    """Days between publication and the nearest day of the period (0 when it holds ``pub``)."""
    start = date.fromisoformat(value)
    if precision == "year":
        end = date(start.year, 12, 31)
    elif precision == "month":
        end = date(start.year, start.month, calendar.monthrange(start.year, start.month)[1])
    elif precision == "week":
        end = start + timedelta(days=6)
    else:
        end = start
    return max((start - pub).days, (pub - end).days, 0)


def _resolve_match(kind: str, m: re.Match[str], pub: date | None,
                   direction: Direction) -> tuple[str, str] | None:
    g = m.groupdict()
    if kind in ("iso", "numeric", "mdy", "dmy") and g.get("year"):
        try:
            return date(int(g["year"]), month_number(m), int(g["day"])).isoformat(), "day"
        except ValueError:
            return None
    if kind == "my":
        return f"{int(g['year']):04d}-{month_number(m):02d}-01", "month"
    if kind == "year":
        return f"{int(g['year']):04d}-01-01", "year"
    if pub is None:
        return None
    if kind in ("mdy", "dmy"):
        value = _yearless(pub, month_number(m), int(g["day"]), direction)
        return (value.isoformat(), "day") if value else None
    if kind == "weekday":
        return _weekday(pub, WEEKDAY_INDEX[g["weekday"].lower()], (g["which"] or "").strip().lower(),
                        direction)
    if kind in ("yesterday", "today", "tomorrow"):
        shift = {"yesterday": -1, "today": 0, "tomorrow": 1}[kind]
        return (pub + timedelta(days=shift)).isoformat(), "day"
    if kind == "ago":
        n = g["n"].lower()
        return _shift(pub, g["unit"].lower(), -(int(n) if n.isdigit() else NUMBER_WORDS[n]))
    if kind == "rel":
        which = g["which"].lower()
        step = 0 if which == "this" else 1 if which in ("next", "coming") else -1
        return _shift(pub, g["unit"].lower(), step)
    if kind == "month":
        which = g["which"].lower()
        value = _yearless(pub, month_number(m), 1, direction)
        if value is not None and which == "last" and (value.year, value.month) >= (
                pub.year, pub.month):
            value = value.replace(year=value.year - 1)  # "last April" said in April
        return (value.isoformat(), "month") if value else None
    return None


def _weekday(pub: date, weekday: int, which: str, direction: Direction) -> tuple[str, str]:
    back = (pub.weekday() - weekday) % 7
    ahead = (weekday - pub.weekday()) % 7
    if which in ("last", "past"):
        back = back or 7
        return (pub - timedelta(days=back)).isoformat(), "day"
    if which in ("next", "coming"):
        ahead = ahead or 7
        return (pub + timedelta(days=ahead)).isoformat(), "day"
    value = _pick(pub, pub - timedelta(days=back), pub + timedelta(days=ahead), direction)
    return value.isoformat() if value else pub.isoformat(), "day"


def _shift(pub: date, unit: str, count: int) -> tuple[str, str]:
    """The period ``count`` units from publication (negative: before), at that precision."""
    if unit == "day":
        return (pub + timedelta(days=count)).isoformat(), "day"
    if unit == "week":
        monday = pub - timedelta(days=pub.weekday()) + timedelta(weeks=count)
        return monday.isoformat(), "week"
    if unit == "month":
        months = pub.year * 12 + pub.month - 1 + count
        return f"{months // 12:04d}-{months % 12 + 1:02d}-01", "month"
    return f"{pub.year + count:04d}-01-01", "year"


def period_start_after(value: str, published: str | None) -> bool:
    """Whether a date value (the start of its day/week/month/year) is after publication."""
    pub = parse_published(published)
    return pub is not None and value[:10] > pub.isoformat()


def verb_direction(tok: Token) -> Direction:
    """Past tense dates look back, "will"/"going to" forward; the present tense either way."""
    node = tok
    for _ in range(6):
        if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
            break
        node = node.head
    if node.pos_ not in ("VERB", "AUX"):
        return "past"  # a date on a noun ("Saturday's attack") reports what happened
    auxes = [c for c in node.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in FUTURE_AUX for a in auxes) or any(
            a.lower_ == "going" and node.tag_ == "VB" for a in node.head.children) \
            or node.head.lower_ == "going":
        return "future"
    if node.tag_ == "VBD" or any(a.tag_ == "VBD" or a.lemma_ == "have" for a in auxes):
        return "past"  # "met", "has met", "was held", "did not say"
    if node.tag_ == "VBN" and not auxes:
        return "past"  # a reduced participle: "missiles launched Saturday"
    return "nearest"  # "meets on Tuesday", "is scheduled for May 3"


def _counts_something(sent: Span, start: int, end: int) -> bool:
    """A four-digit number that counts a noun ("2000 troops") is not a year."""
    for tok in sent:
        if start <= tok.idx < end and tok.like_num and len(tok.text) == 4:
            head = tok.head
            if tok.dep_ == "nummod" and head.pos_ == "NOUN" and head.lower_ not in YEAR_NOUNS:
                return True
    return False


def date_mentions(sent: Span, published: str | None) -> list[DateMention]:
    """The resolvable DATE/TIME expressions of a sentence, with their words and root token."""
    out: list[DateMention] = []
    for ent in sent.ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        found = resolve_expression(ent.text, published, verb_direction(ent.root))
        if found is None:
            continue
        value, precision, s, e = found
        if _counts_something(sent, ent.start_char + s, ent.start_char + e):
            continue
        root = _root_in(ent, s, e)
        out.append(DateMention(start=ent.start_char + s, end=ent.start_char + e,
                               text=ent.text[s:e], value=value, precision=precision,
                               root=root.i))
    return out


def _root_in(ent: Span, s: int, e: int) -> Token:
    """The root of the expression's words (a date entity may carry words we did not use)."""
    inside = [t for t in ent if s <= t.idx - ent.start_char < e] or list(ent)
    return min(inside, key=lambda t: len(list(t.ancestors)))
