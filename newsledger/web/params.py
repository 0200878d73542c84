"""Request parameters shared by the API and the pages, checked once with clear messages.

Pages submit empty form fields as ``name=``; an empty value means "no filter" everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Annotated

from fastapi import Query

from newsledger.records import MODALITIES, PLOVER_TYPES, QUOTE_TYPES
from newsledger.web.app import BadParameter
from newsledger.web.queries import ACTOR_SORTS, INTERVALS, MAX_LIMIT, EventFilter

MAX_OFFSET = 1_000_000
Text = Annotated[str | None, Query(max_length=300)]


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


def quad(value: str | None) -> int | None:
    value = blank(value)
    if value is None:
        return None
    if value not in ("1", "2", "3", "4"):
        raise BadParameter("quad_class", f"{value!r} is not 1, 2, 3 or 4")
    return int(value)


def event_filter(
    source: Annotated[Text, Query(description="Source actor name (case-insensitive).")] = None,
    target: Annotated[Text, Query(description="Target actor name (case-insensitive).")] = None,
    actor: Annotated[Text, Query(description="Actor name on either side.")] = None,
    actor_key: Annotated[Text, Query(description="Actor key on either side, e.g. state:IRN.")] = None,
    type: Annotated[Text, Query(description="PLOVER event type, e.g. ASSAULT.")] = None,
    modality: Annotated[Text, Query(description="asserted, negated, hypothetical, future, alleged.")] = None,
    quad_class: Annotated[Text, Query(description="1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict.")] = None,
    date_from: Annotated[Text, Query(description="Earliest event date, YYYY-MM-DD.")] = None,
    date_to: Annotated[Text, Query(description="Latest event date, YYYY-MM-DD.")] = None,
    document: Annotated[Text, Query(description="Document id.")] = None,
) -> EventFilter:
    flt = EventFilter(
        source=blank(source), target=blank(target), actor=blank(actor),
        actor_key=blank(actor_key), type=choice("type", type, PLOVER_TYPES, upper=True),
        modality=choice("modality", modality, MODALITIES), quad_class=quad(quad_class),
        date_from=iso_date("date_from", date_from), date_to=iso_date("date_to", date_to),
        document=blank(document),
    )
    if flt.date_from and flt.date_to and flt.date_from > flt.date_to:
        raise BadParameter("date_from", f"{flt.date_from} is after date_to {flt.date_to}")
    return flt


def interval(value: str | None, auto: bool = False) -> str | None:
    allowed = [*INTERVALS, "auto"] if auto else list(INTERVALS)
    return choice("interval", value, allowed)


def dyad_modality(value: str | None) -> str | None:
    """``asserted`` unless asked otherwise; ``all`` lifts the filter."""
    chosen = choice("modality", value, [*MODALITIES, "all"]) or "asserted"
    return None if chosen == "all" else chosen


def actor_sort(value: str | None) -> str:
    return choice("sort", value, list(ACTOR_SORTS)) or "events"


def quote_type(value: str | None) -> str | None:
    return choice("type", value, QUOTE_TYPES)


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


def auto_interval(first: str | None, last: str | None) -> str:
    """Days for a few months of events, weeks for a few years, months beyond."""
    try:
        days = (date.fromisoformat(last or "") - date.fromisoformat(first or "")).days
    except ValueError:
        return "day"
    return "day" if days <= 120 else "week" if days <= 3 * 366 else "month"
