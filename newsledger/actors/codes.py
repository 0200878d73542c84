"""Country and sector codes an actor takes from the words around its name: a title ("US
President", "European Commission President"), an "of" phrase ("Yoon Suk Yeol of the
Republic of Korea"), a place ("protesters in Berlin"), read with the document's entities."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from newsledger.actors.names import PersonNames, name_words
from newsledger.actors.spans import ent_text
from newsledger.actors.tables import Tables, clean_name

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from newsledger.actors.gazetteer import GeoHit
    from newsledger.records import Actor

PLACE_MIN_POPULATION = 100_000
DIVISION_KIND = "state"  # gazetteer kind of a first-level division (a US state)
"""A one-word PERSON naming a city this large (and nobody known) is the city."""
SERVES_PREPOSITIONS = {"for", "of", "at"}  # "spokesman for/of/at <organization>"
INSTITUTIONS = {"GOV", "MIL", "LEG", "JUD", "COP", "SPY", "MED", "BUS", "IGO", "NGO", "EDU",
                "HLH", "DEV"}
SECTOR_LABELS = {
    "GOV": "government", "MIL": "military", "LEG": "legislature", "JUD": "judiciary",
    "COP": "police", "SPY": "intelligence services", "MED": "media", "OPP": "opposition",
    "REB": "rebels", "UAF": "armed groups", "BUS": "business", "CVL": "civilians",
    "PPL": "people", "EDU": "education", "HLH": "health sector", "LAB": "labor",
    "ELI": "elites", "REF": "refugees", "CRM": "criminals", "DEV": "development agencies",
}


def of_country(ent: Span, ent_at: dict[int, Span], t: Tables) -> str | None:
    """"President Yoon Suk Yeol of the Republic of Korea" -> KOR."""
    heads = dict.fromkeys((ent.root, ent[-1]))  # "Omar al-Bashir of Sudan", parsed flat
    for prep in (p for head in heads for p in head.rights):
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for pobj in prep.children:
                place = ent_at.get(pobj.i)
                if pobj.dep_ == "pobj" and place is not None and place.label_ == "GPE":
                    hit = t.country(ent_text(place))
                    return hit[0] if hit else None
    return None


def title_codes(title: list[Token], ent_at: dict[int, Span], t: Tables
                ) -> tuple[str | None, str | None, bool]:
    """Country and sector from a title: "US President", "European Commission President"."""
    words = " ".join(tok.text for tok in title)
    ents = {id(e): e for e in (ent_at.get(tok.i) for tok in title) if e}
    for ent in ents.values():
        if ent.start >= title[0].i and ent.end <= title[-1].i + 1:
            org = t.org(ent_text(ent))
            if org is not None:
                # "U.S. deputy UN ambassador": a country before the organization is his
                before = " ".join(tok.text for tok in title if tok.i < ent.start)
                own = t.compose(before)[0] if before else None
                if own is not None:
                    return own, t.compose(words)[1] or org.sector or None, False
                return org.country or None, org.sector or None, True
    iso3, sector = t.compose(words)
    return iso3, sector, False


def _placed_name(root: Token, ent_at: dict[int, Span], preps: tuple[str, ...]) -> str | None:
    """The place a preposition puts a group in: "protesters in Berlin" -> "Berlin"."""
    for prep in root.children:
        if prep.dep_ == "prep" and prep.lower_ in preps:
            for pobj in prep.children:
                ent = ent_at.get(pobj.i)
                if pobj.dep_ == "pobj" and ent is not None and ent.label_ == "GPE":
                    return ent_text(ent)
    return None


def placed(root: Token, ent_at: dict[int, Span], t: Tables,
           preps: tuple[str, ...] = ("in", "from")) -> str | None:
    """Country of a group placed by a preposition: "protesters in Berlin" -> DEU."""
    name = _placed_name(root, ent_at, preps)
    return t.place_country(name) if name is not None else None


def placed_division(root: Token, ent_at: dict[int, Span], t: Tables) -> GeoHit | None:
    """The first-level division a group is placed in ("local authorities in Maine" -> Maine):
    its own government, not the country's ("the Administration will support local
    authorities in Maine" is an act between two parties)."""
    name = _placed_name(root, ent_at, ("in",))
    hit = t.place(name) if name is not None else None
    return hit if hit is not None and hit.kind == DIVISION_KIND else None


def serves(ent: Span, resolve: Callable[[Span], Actor | None]) -> str | None:
    """Country of the organization a role in apposition serves: "Fuad Basya, spokesman
    for the Indonesian military" -> IDN. Never a state or place ("the UN envoy for
    Somalia", "president of France" is read as a title elsewhere)."""
    doc = ent.doc
    for appos in (c for c in ent.root.rights if c.dep_ == "appos" and not c.ent_type_):
        for prep in (c for c in appos.children if c.dep_ == "prep"
                     and c.lower_ in SERVES_PREPOSITIONS):
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                actor = resolve(doc[pobj.left_edge.i:pobj.i + 1])
                if actor is not None and actor.kind in ("organization", "group") \
                        and actor.country:
                    return actor.country
    return None


def big_place(t: Tables, name: str) -> bool:
    """Whether a name is a country, a US state or a city of PLACE_MIN_POPULATION."""
    hit = t.place(name)
    return hit is not None and (hit.kind != "city" or hit.population >= PLACE_MIN_POPULATION)


def place_not_person(t: Tables, names: PersonNames, name: str, written: str) -> bool:
    """A one-word "person" that is a sizeable place and no person the tables, the
    document's other names or the offices at its date know ("Rafah", "Kharkiv")."""
    if len(name_words(name)) != 1 or name != written.strip() or t.person(name) \
            or t.surnames.get(clean_name(name)) or names.candidates(name):
        return False
    return big_place(t, name)
