"""The records every stage fills: the analysis record of ``analysis-json.md`` as dataclasses.

Stages return these; the ledger writes them; ``Analysis.to_dict`` is the interchange format.
All offsets are Python ``str`` indices into ``Document.text``.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any, Literal, get_args

SCHEMA = "newsledger.analysis/1"

RegionKind = Literal["title", "deck", "body", "caption", "byline", "boilerplate"]
ActorKind = Literal["person", "anonymous", "organization", "group", "state", "other"]
QuoteType = Literal["direct", "mixed", "indirect", "statement"]
"""``statement``: an issuer's own text in a readout, statement or fact sheet."""
Modality = Literal["asserted", "negated", "hypothetical", "future", "alleged"]
PloverType = Literal[
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
]
DatePrecision = Literal["day", "week", "month", "year"]

# The value sets, derived from the types so they are written once.
REGION_KINDS: tuple[str, ...] = get_args(RegionKind)
ACTOR_KINDS: tuple[str, ...] = get_args(ActorKind)
QUOTE_TYPES: tuple[str, ...] = get_args(QuoteType)
MODALITIES: tuple[str, ...] = get_args(Modality)
PLOVER_TYPES: tuple[str, ...] = get_args(PloverType)


def content_id(text: str) -> str:
    """Documents are keyed by the hash of their stored text, so re-ingesting is a no-op."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass
class Span:
    start: int
    end: int
    text: str


@dataclass
class Region:
    kind: RegionKind
    start: int
    end: int


@dataclass
class Published:
    date: str | None
    precision: str | None = "day"
    method: str | None = None  # metadata | html | text | given
    evidence: str | None = None


@dataclass
class Document:
    text: str
    source: str
    title: str | None = None
    published: Published | None = None
    regions: list[Region] = field(default_factory=list)
    url: str | None = None
    author: str | None = None
    site: str | None = None
    kind: str = "news"  # news | transcript | statement | readout
    meta: dict[str, Any] = field(default_factory=dict)
    id: str = ""

    def __post_init__(self) -> None:
        if not self.id:
            self.id = content_id(self.text)

    def region_at(self, offset: int) -> str:
        """Kind of the region holding ``offset`` ("body" when none is recorded)."""
        for region in self.regions:
            if region.start <= offset < region.end:
                return region.kind
        return "body"

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source": self.source,
            "title": self.title,
            "published": asdict(self.published) if self.published else None,
            "text": self.text,
            "regions": [asdict(r) for r in self.regions],
            "url": self.url,
            "author": self.author,
            "site": self.site,
            "kind": self.kind,
            "meta": self.meta,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        published = data.get("published")
        return cls(
            text=data["text"],
            source=data.get("source") or "",
            title=data.get("title"),
            published=Published(**published) if published else None,
            regions=[Region(**r) for r in data.get("regions") or []],
            url=data.get("url"),
            author=data.get("author"),
            site=data.get("site"),
            kind=data.get("kind") or "news",
            meta=data.get("meta") or {},
            id=data.get("id") or "",
        )


@dataclass
class Mention:
    start: int
    end: int
    text: str


@dataclass
class Actor:
    id: str  # local to the document: "a1", "a2", ...
    name: str
    kind: ActorKind
    country: str | None = None  # ISO 3166-1 alpha-3
    sector: str | None = None  # CAMEO/PLOVER agent code: GOV, MIL, LEG, IGO, ...
    role: str | None = None
    mentions: list[Mention] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    key: str | None = None  # stable cross-document key, e.g. "state:IRN", "person:john kirby"


@dataclass
class Speaker:
    actor: str | None
    name: str
    kind: str
    start: int | None = None
    end: int | None = None
    text: str | None = None


@dataclass
class Quote:
    id: str
    type: QuoteType
    start: int
    end: int
    text: str
    speaker: Speaker | None = None
    cue: Span | None = None
    region: str = "body"


@dataclass
class Participant:
    actor: str | None
    name: str
    country: str | None = None
    sector: str | None = None
    start: int | None = None
    end: int | None = None
    text: str | None = None


@dataclass
class EventDate:
    value: str | None
    precision: str | None = "day"  # day | week | month | year
    start: int | None = None
    end: int | None = None
    text: str | None = None


@dataclass
class Location:
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    start: int | None = None
    end: int | None = None


@dataclass
class Quantity:
    value: float | None
    approximate: bool = False
    unit: str | None = None
    role: str = "other"  # weapon | dead | injured | size | other
    text: str | None = None


@dataclass
class EventMention:
    """Another place the document refers to the same event ("the attack", "Iran's strike")."""

    trigger: Span
    evidence: Span


@dataclass
class Event:
    id: str
    type: PloverType
    modality: Modality
    trigger: Span
    evidence: Span
    mode: str | None = None
    source: Participant | None = None
    target: Participant | None = None
    date: EventDate | None = None
    location: Location | None = None
    quantities: list[Quantity] = field(default_factory=list)
    intensity: float | None = None
    cameo: str | None = None
    attributed_to: str | None = None  # id of the quote the event was reported in
    # the other mentions of the same real event in the document (trigger/evidence above is
    # the most informative one)
    mentions: list[EventMention] = field(default_factory=list)
    incident: str | None = None  # ledger-wide incident id ("i42"); None outside a ledger


def _event_dict(event: Event) -> dict[str, Any]:
    """An event as in the analysis record: ``incident`` absent (not null) outside a ledger."""
    out = asdict(event)
    if out.get("incident") is None:
        out.pop("incident", None)
    return out


@dataclass
class Analysis:
    document: Document
    actors: list[Actor] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "document": self.document.to_dict(),
            "actors": [asdict(a) for a in self.actors],
            "quotes": [asdict(q) for q in self.quotes],
            "events": [_event_dict(e) for e in self.events],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Analysis:
        """Rebuild an analysis from its JSON form (engines pass these across processes)."""
        return cls(
            document=Document.from_dict(data["document"]),
            actors=[_actor(a) for a in data.get("actors") or []],
            quotes=[_quote(q) for q in data.get("quotes") or []],
            events=[_event(e) for e in data.get("events") or []],
        )


def _actor(a: dict[str, Any]) -> Actor:
    a = dict(a)
    a["mentions"] = [Mention(**m) for m in a.get("mentions") or []]
    return Actor(**a)


def _opt(klass: type, value: dict[str, Any] | None) -> Any:
    return klass(**value) if value else None


def _quote(q: dict[str, Any]) -> Quote:
    q = dict(q)
    q["speaker"] = _opt(Speaker, q.get("speaker"))
    q["cue"] = _opt(Span, q.get("cue"))
    return Quote(**q)


def _event(e: dict[str, Any]) -> Event:
    e = dict(e)
    e["trigger"] = Span(**e["trigger"])
    e["evidence"] = Span(**e["evidence"])
    e["source"] = _opt(Participant, e.get("source"))
    e["target"] = _opt(Participant, e.get("target"))
    e["date"] = _opt(EventDate, e.get("date"))
    e["location"] = _opt(Location, e.get("location"))
    e["quantities"] = [Quantity(**x) for x in e.get("quantities") or []]
    e["mentions"] = [_event_mention(m) for m in e.get("mentions") or []]
    return Event(**e)


def _event_mention(m: dict[str, Any]) -> EventMention:
    return EventMention(trigger=Span(**m["trigger"]), evidence=Span(**m["evidence"]))
