"""Request parameters shared by the API, the pages and the downloads, checked once with clear
messages. The same parameter means the same thing everywhere (see ``ledger/query.py``).

Pages submit empty form fields as ``name=``; an empty value means "no filter" everywhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Annotated

from fastapi import Query

from newsledger.ledger.aggregate import INTERVALS
from newsledger.ledger.query import (
    ACTOR_SORTS,
    COUNTS,
    DEFAULT_COUNT,
    DOC_SORTS,
    EVENT_SORTS,
    MAX_LIMIT,
    QUOTE_SORTS,
    QUOTE_TYPE_CHOICES,
    ActorFilter,
    DocumentFilter,
    EventFilter,
    QuoteFilter,
)
from newsledger.records import ACTOR_KINDS, MODALITIES, PLOVER_TYPES
from newsledger.web.deps import BadParameter

MAX_OFFSET = 1_000_000
Text = Annotated[str | None, Query(max_length=300)]
_MONTH = re.compile(r"\d{4}-\d{2}")
_COUNTRY = re.compile(r"[A-Za-z0-9]{2,8}")  # ISO3, or the codes the ledger holds (IGO, ...)


@dataclass
class Paging:
    limit: int
    offset: int


def paging(
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"Page size, at most {MAX_LIMIT}.")] = 50,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Rows to skip.")] = 0,
) -> Paging:
    return Paging(limit=limit, offset=offset)


def blank(value: str | None) -> str | None:
    value = value.strip() if value else None
    return value or None


def choice(name: str, value: str | None, allowed: tuple[str, ...] | list[str],
           upper: bool = False) -> str | None:
    value = blank(value)
    if value is None:
        return None
    value = value.upper() if upper else value.lower()
    if value not in allowed:
        raise BadParameter(name, f"{value!r} is not one of {', '.join(allowed)}")
    return value


def iso_date(name: str, value: str | None) -> str | None:
    value = blank(value)
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise BadParameter(name, f"{value!r} is not a date in the form YYYY-MM-DD") from None


def month(value: str | None) -> str | None:
    value = blank(value)
    if value is None:
        return None
    if not _MONTH.fullmatch(value):
        raise BadParameter("month", f"{value!r} is not a month in the form YYYY-MM")
    return value


def country(name: str, value: str | None) -> str | None:
    value = blank(value)
    if value is None:
        return None
    if not _COUNTRY.fullmatch(value):
        raise BadParameter(name, f"{value!r} is not an ISO 3166 alpha-3 code such as IRN")
    return value.upper()


def quad(value: str | None) -> int | None:
    value = blank(value)
    if value is None:
        return None
    if value not in ("1", "2", "3", "4"):
        raise BadParameter("quad_class", f"{value!r} is not 1, 2, 3 or 4")
    return int(value)


CountText = Annotated[str | None, Query(alias="count", max_length=20, description="What counts count: incidents (default; one "
                                               "real-world event, however many reports) or "
                                               "reports (event records).")]


def count(value: CountText = None) -> str:
    """``count=incidents|reports``: what every count on a page or in an answer counts."""
    return choice("count", value, COUNTS) or DEFAULT_COUNT


def sort(value: str | None, allowed: dict, default: str = "date") -> str:
    return choice("sort", value, list(allowed)) or default


def event_filter(
    source: Annotated[Text, Query(description="Part of the source's name or alias, an ISO3 code or an actor key.")] = None,
    target: Annotated[Text, Query(description="Part of the target's name or alias, an ISO3 code or an actor key.")] = None,
    actor: Annotated[Text, Query(description="Either side, matched like source.")] = None,
    source_key: Annotated[Text, Query(description="Source actor key, exactly.")] = None,
    target_key: Annotated[Text, Query(description="Target actor key, exactly.")] = None,
    actor_key: Annotated[Text, Query(description="Actor key on either side, e.g. state:IRN.")] = None,
    source_name: Annotated[Text, Query(description="Whole source name (any case).")] = None,
    target_name: Annotated[Text, Query(description="Whole target name (any case).")] = None,
    source_country: Annotated[Text, Query(description="Source country, ISO3.")] = None,
    target_country: Annotated[Text, Query(description="Target country, ISO3.")] = None,
    type: Annotated[Text, Query(description="PLOVER event type, e.g. ASSAULT.")] = None,
    modality: Annotated[Text, Query(description="asserted, negated, hypothetical, future, alleged.")] = None,
    quad_class: Annotated[Text, Query(description="1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict.")] = None,
    date_from: Annotated[Text, Query(description="Earliest event date, YYYY-MM-DD.")] = None,
    date_to: Annotated[Text, Query(description="Latest event date, YYYY-MM-DD.")] = None,
    month_: Annotated[Text, Query(alias="month", description="Event month, YYYY-MM.")] = None,
    place: Annotated[Text, Query(description="Place name (whole, any case).")] = None,
    document: Annotated[Text, Query(description="Document id.")] = None,
    count_: CountText = None,
) -> EventFilter:
    flt = EventFilter(
        source=blank(source), target=blank(target), actor=blank(actor),
        source_key=blank(source_key), target_key=blank(target_key), actor_key=blank(actor_key),
        source_name=blank(source_name), target_name=blank(target_name),
        source_country=country("source_country", source_country),
        target_country=country("target_country", target_country),
        type=choice("type", type, PLOVER_TYPES, upper=True),
        modality=choice("modality", modality, MODALITIES), quad_class=quad(quad_class),
        date_from=iso_date("date_from", date_from), date_to=iso_date("date_to", date_to),
        month=month(month_), place=blank(place), document=blank(document),
        count=count(count_),
    )
    if flt.date_from and flt.date_to and flt.date_from > flt.date_to:
        raise BadParameter("date_from", f"{flt.date_from} is after date_to {flt.date_to}")
    return flt


def quote_filter(
    speaker: Annotated[Text, Query(description="Part of the speaker's name or alias (any case).")] = None,
    speaker_key: Annotated[Text, Query(description="Speaker actor key, exactly.")] = None,
    speaker_name: Annotated[Text, Query(description="Whole speaker name (any case).")] = None,
    q: Annotated[Text, Query(description="Text the quote contains.")] = None,
    anonymous: Annotated[Text, Query(description="true: anonymous sources only; false: named.")] = None,
    type: Annotated[Text, Query(description="direct, mixed, indirect or statement.")] = None,
    include_statements: Annotated[Text, Query(description="true: list issuers' statements too.")] = None,
    document: Annotated[Text, Query(description="Document id.")] = None,
    kind: Annotated[Text, Query(description="Document kind: news, transcript, statement, readout.")] = None,
    month_: Annotated[Text, Query(alias="month", description="Publication month, YYYY-MM.")] = None,
) -> QuoteFilter:
    return QuoteFilter(
        speaker=blank(speaker), speaker_key=blank(speaker_key), speaker_name=blank(speaker_name),
        q=blank(q), anonymous=yes_no("anonymous", anonymous),
        type=choice("type", type, QUOTE_TYPE_CHOICES),
        include_statements=bool(yes_no("include_statements", include_statements)),
        document=blank(document), kind=blank(kind), month=month(month_))


def document_filter(
    q: Annotated[Text, Query(description="Words that must all occur.")] = None,
    kind: Annotated[Text, Query(description="news, transcript, statement, readout.")] = None,
    month_: Annotated[Text, Query(alias="month", description="Publication month, YYYY-MM.")] = None,
) -> DocumentFilter:
    return DocumentFilter(q=blank(q), kind=blank(kind), month=month(month_))


def actor_filter(
    q: Annotated[Text, Query(description="Part of a name or alias (any case).")] = None,
    kind: Annotated[Text, Query(description="person, anonymous, organization, ...")] = None,
    country_: Annotated[Text, Query(alias="country", description="Country, ISO3.")] = None,
) -> ActorFilter:
    return ActorFilter(q=blank(q), kind=choice("kind", kind, ACTOR_KINDS),
                       country=country("country", country_))


def event_sort(value: Annotated[Text, Query(alias="sort", description="date, -date, intensity or type.")] = None) -> str:
    return sort(value, EVENT_SORTS)


def quote_sort(value: Annotated[Text, Query(alias="sort", description="date, -date or speaker.")] = None) -> str:
    return sort(value, QUOTE_SORTS)


def document_sort(value: Annotated[Text, Query(alias="sort", description="date, -date, title, events or quotes.")] = None) -> str:
    return sort(value, DOC_SORTS)


def actor_sort(value: Annotated[Text, Query(alias="sort", description="events, documents, quotes or name.")] = None) -> str:
    return sort(value, ACTOR_SORTS, default="events")


def interval(value: str | None, auto: bool = False) -> str | None:
    allowed = [*INTERVALS, "auto"] if auto else list(INTERVALS)
    return choice("interval", value, allowed)


def dyad_modality(value: str | None) -> str | None:
    """``asserted`` unless asked otherwise; ``all`` lifts the filter."""
    chosen = choice("modality", value, [*MODALITIES, "all"]) or "asserted"
    return None if chosen == "all" else chosen


def yes_no(name: str, value: str | None) -> bool | None:
    value = blank(value)
    if value is None:
        return None
    lowered = value.lower()
    if lowered in ("1", "true", "yes", "on"):
        return True
    if lowered in ("0", "false", "no", "off"):
        return False
    raise BadParameter(name, f"{value!r} is not true or false")
