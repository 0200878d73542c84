"""Could two reports describe one real event, and how alike are they?

Two kinds of evidence, kept apart on purpose. *Conflicts* veto a link outright: types no
careful coder would confuse, different actions, a real event against a hypothetical one,
different countries on the same side, dates that cannot both be right. (Places in different
countries only count against a link: where a strike is launched and where it lands differ.) *Similarity* then weighs what the
reports share: the words of their evidence, the names and figures of their stories, the same
actors, the same day and place. Merging two real events is worse than missing a
merge, so a link needs no conflict at all and enough shared evidence.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from functools import cache

from newsledger.actors.names import compatible as names_compatible
from newsledger.actors.names import name_words
from newsledger.data import load_json
from newsledger.incidents.reports import Report, Side

DATE_SLACK_DAYS = 1
"""Reports a day apart can date one event (time zones, 'Saturday night' vs 'overnight')."""


@dataclass(frozen=True)
class Weights:
    """How much each shared feature counts toward a link (similarity is their sum; a report
    joins the incident whose reports it resembles most on average, if at least ``threshold``).
    Fitted on event-coref-dev for B-cubed precision near 0.9 first, then recall."""

    evidence: float = 0.3
    context: float = 0.7
    actors: float = 0.2
    day: float = 0.1
    place: float = 0.1
    threshold: float = 0.3


DEFAULT_WEIGHTS = Weights()

GENERIC_KEY_PREFIXES = ("group:",)
"""Keys of common-noun actors ("pirates", "protesters"): the same key is weak evidence."""


@cache
def confusable_pairs() -> frozenset[frozenset[str]]:
    return frozenset(frozenset(p) for p in load_json("incidents.json")["confusable_types"])


@cache
def _modality_class() -> dict[str, str]:
    return dict(load_json("incidents.json")["modality_classes"])


def types_compatible(a: str, b: str) -> bool:
    """Same PLOVER type, or a pair a careful coder could code either way."""
    return a == b or frozenset((a, b)) in confusable_pairs()


def triggers_compatible(a: Report, b: Report) -> bool:
    """The same action: a shared trigger stem ('attacked' / 'attack'), or the same specific
    mode of one type (ASSAULT/firearms: 'shot' / 'shooting'). 'Attack' and 'capture' of one
    ship are two events."""
    return bool(a.stems & b.stems) or bool(a.mode and a.mode == b.mode and a.type == b.type)


def modality_class(modality: str) -> str:
    """factual (it happened, or a report says it did or did not) or irrealis (may happen)."""
    return _modality_class().get(modality, modality)


PERSON_PREFIX = "person:"


def same_person(a: str | None, b: str | None) -> bool:
    """Whether two person keys can name one person across documents: the same key, a bare
    surname and a full name with it ('jackson' / 'vincent jackson'), compatible full names,
    or one name inside the other ('comedian ellen degeneres' / 'ellen degeneres'). Each
    document resolves its people alone, so one person gets several keys in a ledger."""
    if not (a and b and a.startswith(PERSON_PREFIX) and b.startswith(PERSON_PREFIX)):
        return False
    if a == b:
        return True
    wa = name_words(a[len(PERSON_PREFIX):])
    wb = name_words(b[len(PERSON_PREFIX):])
    if not wa or not wb or wa[-1] != wb[-1]:
        return False
    short, long = sorted((wa, wb), key=len)
    if len(short) == 1 or names_compatible(" ".join(wa), " ".join(wb)):
        return True
    return " ".join(long).endswith(" " + " ".join(short))


def sides_conflict(a: Side, b: Side) -> bool:
    """Different countries, or different people (keys that cannot name one person)."""
    if a.country and b.country:
        return a.country != b.country
    if a.key and b.key and not (a.country or b.country):
        kind_a, kind_b = a.key.split(":", 1)[0], b.key.split(":", 1)[0]
        return kind_a == kind_b == "person" and not same_person(a.key, b.key)
    return False


def sides_match(a: Side, b: Side) -> float:
    """1 for the same resolved actor (or person), 0.5 for the same country or a shared
    generic key."""
    if a.key and a.key == b.key:
        return 0.5 if a.key.startswith(GENERIC_KEY_PREFIXES) else 1.0
    if same_person(a.key, b.key):
        return 1.0
    if a.country and a.country == b.country:
        return 0.5
    return 0.0


def dates_conflict(a: Report, b: Report, slack_days: int = DATE_SLACK_DAYS) -> bool:
    """The days each report allows do not overlap, even with ``slack_days`` of give."""
    ia, ib = a.interval, b.interval
    if ia is None or ib is None:
        return False
    slack = timedelta(days=slack_days)
    return ia[0] > ib[1] + slack or ib[0] > ia[1] + slack


def same_day(a: Report, b: Report) -> bool:
    return bool(a.date_value and a.date_precision == b.date_precision == "day"
                and a.date_value == b.date_value)


def places_conflict(a: Report, b: Report) -> bool:
    return bool(a.location_country and b.location_country
                and a.location_country != b.location_country)


def conflicts(a: Report, b: Report) -> bool:
    """Anything that rules out a and b being one event."""
    return (not types_compatible(a.type, b.type) or not triggers_compatible(a, b)
            or modality_class(a.modality) != modality_class(b.modality)
            or sides_conflict(a.source, b.source) or sides_conflict(a.target, b.target)
            or dates_conflict(a, b))


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Jaccard overlap of two word sets (0 when either is empty)."""
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def context_overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """How much two stories share: the mean of Jaccard and of the share of the smaller
    story's names found in the larger (a short statement inside a long briefing)."""
    if not a or not b:
        return 0.0
    shared = len(a & b)
    return (shared / len(a | b) + shared / min(len(a), len(b))) / 2


def similarity(a: Report, b: Report, weights: Weights = DEFAULT_WEIGHTS) -> float:
    """Weighted sum of what two compatible reports share."""
    story = context_overlap(a.context, b.context)
    actors = (sides_match(a.source, b.source) + sides_match(a.target, b.target)) / 2
    place = 1.0 if a.location_name and a.location_name == b.location_name else 0.0
    if places_conflict(a, b):  # soft: a strike launched from Syria lands in Israel
        place = -1.0
    return (weights.evidence * overlap(a.words, b.words)
            + weights.context * story
            + weights.actors * actors
            + weights.day * same_day(a, b)
            + weights.place * place)
