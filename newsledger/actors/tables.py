"""Lookup tables for actor resolution, loaded once per process from newsledger/data/actors/.

The generated tables come from ``scripts/build_actor_tables.py`` (Phoenix + NGEC, MIT);
``extra_organizations.tsv`` and ``extra_agents.tsv`` are written by hand for this project
(organizations and agent nouns the 2014 dictionaries lack, e.g. the IRGC or "drones").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from newsledger.actors.gazetteer import GeoHit, city_or_state, gazetteer
from newsledger.data import load_json, load_tsv, word_class

TITLE_WORDS = {
    "president", "vice", "prime", "minister", "premier", "chancellor", "secretary", "sen.",
    "senator", "rep.", "representative", "gov.", "governor", "gen.", "general", "adm.",
    "admiral", "col.", "lt.", "maj.", "capt.", "dr.", "mr.", "mrs.", "ms.", "king", "queen",
    "prince", "sheikh", "ayatollah", "pm", "foreign", "defense", "defence", "spokesperson",
    "spokesman", "spokeswoman", "ambassador", "mayor", "judge", "justice", "speaker", "pope",
    "former", "deputy", "chief", "leader", "emir", "sultan", "crown", "supreme", "state",
    "advisor", "adviser", "director", "administrator", "commissioner", "envoy", "undersecretary",
    "assistant", "acting", "senior", "special", "ambassador-at-large", "coordinator",
    "first", "lady", "second", "gentleman", "sir", "dame", "lord", "madam",
}
# a one-word US place in an organization's name dates it to the USA ("Texas Department of
# Public Safety") only when it is a state or a city this large: small towns are named after
# common words ("Union", "Liberty", "Independence") that organization names use too
US_PLACE_MIN_POPULATION = 100_000


def singular(word: str) -> str:
    """Crude English singular for table lookups ("allies" -> "ally", "forces" -> "force")."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


@dataclass(frozen=True)
class OrgInfo:
    name: str
    country: str
    sector: str
    kind: str
    key: str


@dataclass(frozen=True)
class PersonInfo:
    name: str
    roles: tuple[tuple[str, str, str, str], ...]  # (country, sector, start, end)


def clean_name(text: str) -> str:
    """Lower-case lookup form: curly quotes straightened, whitespace collapsed, no "the"."""
    text = " ".join(text.replace("’", "'").lower().split())
    if text.startswith("the "):
        text = text[4:]
    if text.endswith("'s"):
        text = text[:-2]
    return text.strip(" ,\"'")


def person_role(people: list[PersonInfo] | None, published: str | None
                ) -> tuple[str, str | None] | None:
    """(country, sector) of the person's role on the publication date, bounded by the table's
    date ranges; undated codes apply when no dated one does."""
    if not people:
        return None
    best: tuple[int, str, str | None] | None = None
    for person in people:
        for country, sector, start, end in person.roles:
            dated = bool(start or end)
            if published:
                if dated and not ((not start or start <= published)
                                  and (not end or published < end)):
                    continue
                rank = 2 if dated else 1
            else:
                rank = 2 if (start and not end) else (1 if not dated else 0)
            if best is None or rank > best[0]:
                best = (rank, country, sector or None)
    return (best[1], best[2]) if best else None


class Tables:
    """Dicts built once from the TSV tables (see module docstring)."""

    def __init__(self) -> None:
        self.countries = {r["iso3"]: r for r in load_tsv("actors/countries.tsv")}
        self.country_alias = {r["alias"]: (r["iso3"], r["kind"])
                              for r in load_tsv("actors/country_names.tsv")}
        self.orgs: dict[str, OrgInfo] = {}
        extra = load_tsv("actors/extra_organizations.tsv")
        self.curated_orgs = frozenset(r["alias"] for r in extra)
        for r in extra:
            self.orgs[r["alias"]] = OrgInfo(r["name"], r["country"].strip(), r["sector"].strip(),
                                            r["kind"], r["key"])
        for r in load_tsv("actors/organizations.tsv"):
            if r["alias"] in self.orgs or r["alias"] in self.country_alias:
                continue
            curated = self.orgs.get(r["name"].lower())
            if curated is not None and r["name"].lower() in self.curated_orgs:
                self.orgs[r["alias"]] = curated  # "US Congress" of the tables is our Congress
                continue
            prefix = "igo" if r["code"].startswith("IGO") else (
                "group" if r["kind"] == "group" else "org")
            self.orgs[r["alias"]] = OrgInfo(r["name"], r["country"], r["sector"], r["kind"],
                                            f"{prefix}:{r['name'].lower()}")
        self.agents: dict[str, tuple[str, bool]] = {}
        for r in load_tsv("actors/extra_agents.tsv"):
            self.agents[r["phrase"]] = (r["sector"].strip(), r["needs_modifier"] == "1")
        for r in load_tsv("actors/agents.tsv"):
            self.agents.setdefault(r["phrase"], (r["sector"], False))
        self.people: dict[str, list[PersonInfo]] = {}
        for r in load_tsv("actors/people.tsv"):
            roles = tuple(tuple(x.split(":")) for x in r["roles"].split(";") if x.count(":") == 3)
            info = PersonInfo(r["name"], roles)  # type: ignore[arg-type]
            for alias in {r["name"].lower(), *filter(None, r["aliases"].split("|"))}:
                self.people.setdefault(alias, []).append(info)
        self.surnames: dict[str, list[PersonInfo]] = {}
        self._add_us_executive()
        self.org_like: frozenset[str] = frozenset()

    def _add_us_executive(self) -> None:
        """Recent US presidents and vice presidents by term (the quote stage's table), which
        the 2014 Phoenix dictionaries lack."""
        try:
            offices = load_json("us_executive.json")
        except (FileNotFoundError, ValueError):
            return
        ends: dict[str, str] = {}
        for office in ("president", "vice president"):
            for holder in offices.get(office) or []:
                ends[holder["name"]] = max(ends.get(holder["name"], ""), holder.get("end") or "")
        for name, end in ends.items():
            # the 2014 tables leave current roles open; the newer term table closes them
            key = clean_name(name)
            self.people[key] = [PersonInfo(p.name, tuple(
                (c, sec, a, end if (c == "USA" and sec == "GOV" and a and not b) else b)
                for c, sec, a, b in p.roles)) for p in self.people.get(key, [])]
        for office in ("president", "vice president", "first lady"):
            sector = "ELI" if office == "first lady" else "GOV"
            for holder in offices.get(office) or []:
                role = ("USA", sector, holder.get("start") or "", holder.get("end") or "")
                info = PersonInfo(holder["name"], (role,))
                for alias in {holder["name"], *holder.get("aliases", [])}:
                    key = clean_name(alias)
                    if " " not in key:
                        self.surnames.setdefault(key, []).append(info)
                    if " " in key and not key.startswith(("president", "vice", "mrs", "dr")):
                        self.people.setdefault(key, []).append(info)

    def agent(self, phrase: str) -> tuple[str, bool] | None:
        """(sector, needs_modifier) of the longest known agent phrase ending the words."""
        words = phrase.lower().split()
        for i in range(len(words)):
            hit = self.agents.get(" ".join(words[i:]))
            if hit is not None:
                return hit
        return None

    def collective_agent(self, phrase: str) -> tuple[str, bool] | None:
        """The agent a collective noun's modifiers name ("civil society groups": civil
        society), for a phrase whose head alone is no agent."""
        words = phrase.lower().split()
        if len(words) < 2 or singular(words[-1]) not in word_class(
                "actors/collective_nouns.json", "collective_nouns"):
            return None
        return self.agent(" ".join(words[:-1]))

    def country(self, text: str) -> tuple[str, str] | None:
        """(ISO3, kind of name) for a country name, demonym or capital; short all-caps aliases
        ("US") must be written in capitals so the pronoun "us" does not match."""
        key = clean_name(text)
        hit = self.country_alias.get(key)
        if hit is None and "." in text:
            # "U.S" (a trailing period stripped with the sentence's) is "U.S." is "US"
            hit = self.country_alias.get(key + ".") or self.country_alias.get(key.replace(".", ""))
        if hit is None:
            return None
        bare = text.replace(".", "").strip()
        if len(bare) <= 3 and not bare.isupper():
            return None
        return hit

    def demonym(self, iso3: str) -> str:
        row = self.countries.get(iso3)
        return row["demonym"] if row else ""

    def country_name(self, iso3: str) -> str:
        row = self.countries.get(iso3)
        return row["name"] if row else iso3

    def org(self, text: str) -> OrgInfo | None:
        key = clean_name(text)
        hit = self.orgs.get(key) or self.orgs.get(key + "s") or (
            self.orgs.get(key[:-1]) if key.endswith("s") and len(key) > 4 else None)
        if hit is None:
            return None
        bare = text.replace(".", "").replace("-", "").strip()
        if len(bare) <= 3 and not bare.isupper():
            return None  # "who", "un", "ap" in lower case are words
        return hit

    def inner_org(self, text: str) -> OrgInfo | None:
        """A known organization inside a name made of it plus agent nouns ("Houthi rebels")."""
        words = text.replace("’", "'").split()
        for size in range(len(words) - 1, 0, -1):
            for i in range(len(words) - size + 1):
                org = self.org(" ".join(words[i:i + size]))
                rest = words[:i] + words[i + size:]
                if org is not None and all(
                        self.agent(w.lower()) or self.agent(singular(w.lower())) for w in rest):
                    return org
        return None

    def only_country_and_agents(self, text: str) -> bool:
        """Whether a name is just a country word plus agent nouns ("Yemeni Government")."""
        words = [w for w in text.replace("’", "'").split() if w.lower() not in ("of", "the")]
        rest = [w for w in words if self.country(re.sub(r"'s$", "", w)) is None]
        return len(rest) < len(words) and bool(rest) and all(
            self.agent(w.lower()) or self.agent(singular(w.lower())) for w in rest)

    def person(self, name: str) -> list[PersonInfo] | None:
        return self.people.get(clean_name(name))

    def compose(self, text: str) -> tuple[str | None, str | None]:
        """Country and sector from a descriptive name: "Iranian Foreign Ministry" -> IRN GOV."""
        words = text.replace("’", "'").split()
        iso3 = None
        rest = words
        for size in (3, 2, 1):
            for i in range(len(words) - size + 1):
                piece = " ".join(words[i:i + size])
                piece = re.sub(r"'s$", "", piece)
                hit = self.country(piece)
                if hit is None:
                    org = self.org(piece)
                    if org is not None and org.country and org.kind == "organization":
                        iso3 = iso3 or org.country
                    elif size == 1 and piece[:1].isupper():
                        iso3 = iso3 or self._us_place(piece)
                if hit is not None:
                    iso3 = hit[0]
                    rest = words[:i] + words[i + size:]
                    break
            if iso3:
                break
        agent = self.agent(" ".join(w.lower() for w in rest)) if rest else None
        sector = agent[0] if agent and agent[0] not in ("", "-") else None
        if sector is None and agent is None:  # a known phrase with no sector stays so
            low = [w.lower() for w in rest]
            for i in range(len(low) - 1, -1, -1):
                # the two-word title first: "secretary general of CEI" is no general
                hit = (self.agent(" ".join(low[i - 1:i + 1])) if i else None) \
                    or self.agent(singular(low[i]))
                if hit and hit[0] not in ("", "-"):
                    sector = hit[0]
                    break
        return iso3, sector

    def strip_title(self, text: str) -> str:
        """A person's name without leading titles: "Sen. John Fetterman" -> "John Fetterman"."""
        text = text.split("/")[0]
        words = text.replace("’", "'").split()
        while len(words) > 1 and words[0].lower() in TITLE_WORDS:
            words = words[1:]
        return " ".join(words).strip(" ,'\"")

    def title_sector(self, title: str) -> str | None:
        return self.compose(title)[1]

    def _us_place(self, name: str) -> str | None:
        """USA for a US state or large US city name (see US_PLACE_MIN_POPULATION)."""
        hit = self.place(name)
        if hit is None or hit.country != "USA":
            return None
        if hit.kind == "state" or hit.population >= US_PLACE_MIN_POPULATION:
            return "USA"
        return None

    def place_country(self, name: str) -> str | None:
        hit = self.place(name)
        return hit.country if hit else None

    def place(self, name: str) -> GeoHit | None:
        """A country (its capital too) by this module's names, else a city or US state."""
        key = clean_name(name)
        if not key:
            return None
        country = self.country(name)
        if country is not None and country[1] != "capital":
            row = gazetteer().countries.get(country[0])
            return GeoHit(self.country_name(country[0]), country[0],
                          row.lat if row else None, row.lon if row else None, is_country=True,
                          population=row.population if row else 0, kind="country")
        return city_or_state(key)


@cache
def tables() -> Tables:
    """The process-wide tables, built on first use."""
    return Tables()
