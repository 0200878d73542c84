"""Build ``newsledger/data/world-110m.json``, the world outline behind the map page.

Source: Natural Earth 1:110m countries (public domain), as bundled in the geopandas 0.14
wheel (``geopandas/datasets/naturalearth_lowres``). Run it at build time, never at run time:

    pip download geopandas==0.14.4 --no-deps -d /tmp/geo
    python scripts/build_world_outline.py /tmp/geo/geopandas-0.14.4-py3-none-any.whl

Only the polygon rings are kept (no names, no attributes), rounded to 0.1 degree with points
closer than ``MIN_STEP`` degrees dropped: about 70 KB, enough for a world map of event places.
"""

from __future__ import annotations

import json
import struct
import sys
import zipfile
from pathlib import Path

MEMBER = "geopandas/datasets/naturalearth_lowres/naturalearth_lowres.shp"
TARGET = Path(__file__).resolve().parent.parent / "newsledger" / "data" / "world-110m.json"
MIN_STEP = 0.8  # degrees between kept points
MIN_POINTS = 5  # smaller rings (tiny islands) are dropped
POLYGON = 5


def rings(shp: bytes) -> list[list[tuple[float, float]]]:
    """Every ring of every polygon record of an ESRI shapefile (the format's own layout)."""
    out = []
    offset = 100  # the file header
    while offset < len(shp):
        _, length = struct.unpack(">ii", shp[offset:offset + 8])
        record = shp[offset + 8:offset + 8 + 2 * length]
        offset += 8 + 2 * length
        (shape,) = struct.unpack("<i", record[:4])
        if shape != POLYGON:
            continue
        n_parts, n_points = struct.unpack("<ii", record[36:44])
        parts = list(struct.unpack(f"<{n_parts}i", record[44:44 + 4 * n_parts]))
        base = 44 + 4 * n_parts
        points = [struct.unpack("<dd", record[base + 16 * k:base + 16 * k + 16])
                  for k in range(n_points)]
        for a, b in zip(parts, [*parts[1:], n_points], strict=True):
            out.append(points[a:b])
    return out


def simplify(ring: list[tuple[float, float]]) -> list[list[float]]:
    kept = [ring[0]]
    for x, y in ring[1:]:
        if abs(x - kept[-1][0]) + abs(y - kept[-1][1]) >= MIN_STEP:
            kept.append((x, y))
    return [[round(x, 1), round(y, 1)] for x, y in kept]


def main(wheel: str) -> None:
    with zipfile.ZipFile(wheel) as z:
        shp = z.read(MEMBER)
    kept = [r for r in (simplify(r) for r in rings(shp)) if len(r) >= MIN_POINTS]
    TARGET.write_text(json.dumps({
        "source": "Natural Earth 1:110m countries (public domain), via geopandas 0.14 "
                  "naturalearth_lowres; built by scripts/build_world_outline.py",
        "rings": kept}, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{TARGET}: {len(kept)} rings, {TARGET.stat().st_size:,} bytes")


if __name__ == "__main__":
    main(sys.argv[1])
