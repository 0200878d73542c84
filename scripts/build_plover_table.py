"""Build newsledger/data/plover.json from the PLOVER manual and the CAMEO->PLOVER table.

Reads ../shared/dictionaries/plover/PLOVER_MANUAL.tex (score table, quad categories) and
CAMEO2PLOVER-2021.txt (two-digit CAMEO roots per PLOVER type). Facts only; attribution in
newsledger/data/SOURCES.md. Run: python scripts/build_plover_table.py [--check]
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLOVER_DIR = ROOT.parent / "shared" / "dictionaries" / "plover"
OUT = ROOT / "newsledger" / "data" / "plover.json"
QUADS = {"VERBAL COOPERATION": 1, "MATERIAL COOPERATION": 2, "VERBAL CONFLICT": 3,
         "MATERIAL CONFLICT": 4}
# The manual's score table prints ACCUSE as +3 while all its modes are negative and its quad
# class is verbal conflict: a dropped minus sign. We record the correction, not hide it.
ERRATA = {("ACCUSE", None): -3.0}
# The CAMEO roots used for a type's modes when the type spans several roots.
MODE_ROOTS = {
    ("ASSAULT", "abduct"): "18", ("ASSAULT", "beat"): "18", ("ASSAULT", "torture"): "18",
    ("ASSAULT", "sexual"): "18", ("ASSAULT", "targeted"): "18",
    ("ASSAULT", "suicide-attack"): "18", ("ASSAULT", "unconventional"): "20",
    ("ACCUSE", "investigate"): "09",
}
# The root used when a mode names none: armed fighting (19) for ASSAULT, disapproval (11).
DEFAULT_ROOTS = {"ASSAULT": "19", "ACCUSE": "11"}


def _clean(cell: str) -> str:
    return re.sub(r"\\cellcolor\{[^}]*\}", "", cell).strip()


def build(manual: str, cameo: str) -> dict:
    types: dict[str, dict] = {}
    table = manual[manual.rindex("PLOVER conflict--cooperation scores"):]
    table = table[:table.index("\\end{tabular}")]
    for line in table.splitlines():
        cells = [_clean(c) for c in line.rstrip("\\ ").split("&")]
        for name, score in zip(cells[0::2], cells[1::2], strict=False):
            if not name or not re.fullmatch(r"-?\d+(\.\d+)?", score):
                continue
            etype, _, mode = name.partition(":")
            etype, mode = etype.strip().upper(), mode.strip().lower() or None
            entry = types.setdefault(etype, {"score": None, "modes": {}})
            value = ERRATA.get((etype, mode), float(score))
            if mode:
                entry["modes"][mode] = value
            else:
                entry["score"] = value
    for section in re.split(r"\\section\{", manual)[1:]:
        name = section[:section.index("}")]
        quad = re.search(r"Quad category: ([A-Z ]+)\}", section)
        if name in types and quad:
            types[name]["quad_class"] = QUADS[quad.group(1).strip()]
    for etype in types:
        types[etype]["cameo"] = []
    for m in re.finditer(r"^(\d\d): ([A-Z]+)", cameo, re.M):
        types[m.group(2)]["cameo"].append(m.group(1))
    for etype, entry in types.items():
        entry["default_cameo"] = DEFAULT_ROOTS.get(etype, entry["cameo"][0])
    for (etype, mode), root in MODE_ROOTS.items():
        types[etype].setdefault("mode_cameo", {})[mode] = root
    return {"source": "PLOVER manual (Draft 0.8+) score table; CAMEO2PLOVER-2021",
            "types": dict(sorted(types.items()))}


def main() -> int:
    manual = (PLOVER_DIR / "PLOVER_MANUAL.tex").read_text(encoding="utf-8")
    cameo = (PLOVER_DIR / "CAMEO2PLOVER-2021.txt").read_text(encoding="utf-8")
    text = json.dumps(build(manual, cameo), indent=1, sort_keys=True) + "\n"
    if "--check" in sys.argv:
        return 0 if OUT.read_text(encoding="utf-8") == text else 1
    OUT.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
