"""The PLOVER table: regenerated from the manual it matches the committed file."""

from __future__ import annotations

import subprocess
import sys

import pytest

from newsledger.data import load_json
from newsledger.events.extract import cameo_root, intensity
from newsledger.records import PLOVER_TYPES
from tests.conftest import ROOT, shared_path


def test_table_has_every_type_with_quad_class_and_cameo():
    types = load_json("plover.json")["types"]
    assert set(types) == set(PLOVER_TYPES)
    for entry in types.values():
        assert entry["quad_class"] in (1, 2, 3, 4)
        assert entry["cameo"] and entry["default_cameo"] in entry["cameo"]


@pytest.mark.parametrize("etype,mode,score,root", [
    ("ASSAULT", "aerial", -9.5, "19"), ("ASSAULT", None, -9.0, "19"),
    ("CONSULT", "phone", 1.5, "04"), ("AID", None, 10.0, "07"),
    ("ACCUSE", "disapprove", -2.0, "11"), ("RETREAT", "ceasefire", 7.5, "08"),
])
def test_intensity_and_cameo(etype, mode, score, root):
    assert intensity(etype, mode) == score
    assert cameo_root(etype, mode) == root


def test_every_trigger_names_a_plover_type():
    lex = load_json("event_triggers.json")
    for section in ("verbs", "phrasal", "verb_objects", "nouns"):
        for key, code in lex[section].items():
            if not code.startswith("@"):
                assert code.split("@")[0].split(":")[0] in PLOVER_TYPES, (section, key)


@pytest.mark.shared
def test_regenerating_reproduces_the_committed_table():
    shared_path("dictionaries", "plover", "PLOVER_MANUAL.tex")
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_plover_table.py"),
                             "--check"], capture_output=True, text=True)
    assert result.returncode == 0, "plover.json differs from the manual: rerun the script"
