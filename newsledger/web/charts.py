"""Charts drawn on the server as SVG: the timeline, the dyad view, the network and the map.

No chart library is sent to the browser (plotly.min.js was 4.8 MB, 1.4 s to parse): each
chart is a few kilobytes of SVG inside the page, works without scripts and offline, takes its
colours from the style sheet (so dark mode applies) and names every mark in a ``<title>``
for tooltips and screen readers. Every string from the ledger is escaped here.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import date, timedelta
from functools import lru_cache
from typing import Any
from urllib.parse import quote

from markupsafe import Markup, escape

from newsledger.data import load_json
from newsledger.ledger.query import QUAD_NAMES

WIDTH, HEIGHT = 900, 260
MARGIN = {"left": 44, "right": 12, "top": 10, "bottom": 28}
Y_TICKS = 4
NETWORK_SIZE = 640
NETWORK_LABELS = 18
MAP_WIDTH, MAP_HEIGHT = 960, 480
MARKER_MIN, MARKER_MAX = 3.0, 16.0
OUTLINE = "world-110m.json"  # built by scripts/build_world_outline.py
# A shape per quad class, so the classes differ by more than colour (legend, map, badges).
QUAD_SHAPES = {1: "circle", 2: "square", 3: "triangle", 4: "diamond", 0: "cross"}
QUAD_GLYPHS = {1: "●", 2: "■", 3: "▲", 4: "◆", 0: "✚"}


def _f(x: float) -> str:
    return f"{x:.1f}"


def _svg(width: int, height: int, label: str, body: list[str], css: str = "chart") -> Markup:
    return Markup(f'<svg class="{css}" viewBox="0 0 {width} {height}" role="img"'
                  f' aria-label="{escape(label)}" xmlns="http://www.w3.org/2000/svg">'
                  + "".join(body) + "</svg>")


def shape(kind: int, x: float, y: float, r: float, css: str) -> str:
    """A marker of the quad class's shape centred on (x, y)."""
    name = QUAD_SHAPES.get(kind, "cross")
    if name == "circle":
        return f'<circle class="{css}" cx="{_f(x)}" cy="{_f(y)}" r="{_f(r)}"/>'
    if name == "square":
        return (f'<rect class="{css}" x="{_f(x - r)}" y="{_f(y - r)}" width="{_f(2 * r)}"'
                f' height="{_f(2 * r)}"/>')
    if name == "triangle":
        pts = [(x, y - r * 1.2), (x + r * 1.1, y + r * 0.8), (x - r * 1.1, y + r * 0.8)]
    elif name == "diamond":
        pts = [(x, y - r * 1.3), (x + r * 1.1, y), (x, y + r * 1.3), (x - r * 1.1, y)]
    else:
        w = r / 3
        pts = [(x - w, y - r), (x + w, y - r), (x + w, y - w), (x + r, y - w), (x + r, y + w),
               (x + w, y + w), (x + w, y + r), (x - w, y + r), (x - w, y + w), (x - r, y + w),
               (x - r, y - w), (x - w, y - w)]
    return f'<polygon class="{css}" points="{" ".join(f"{_f(a)},{_f(b)}" for a, b in pts)}"/>'


def legend() -> Markup:
    """The quad classes with their shape, colour and name (shared by every chart)."""
    items = [f'<span class="legend-item"><svg viewBox="0 0 16 16" aria-hidden="true">'
             f'{shape(q, 8, 8, 5, f"q{q}")}</svg>{escape(name)}</span>'
             for q, name in [*QUAD_NAMES.items(), (0, "unclassified")]]
    return Markup('<div class="legend small">' + "".join(items) + "</div>")


def _nice_ticks(top: float, n: int = Y_TICKS) -> list[int]:
    step = max(1, math.ceil(top / n))
    magnitude = 10 ** int(math.log10(step))
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= step)
    return list(range(0, int(top) + step, step))


def _period_end(start: date, interval: str) -> date:
    if interval == "week":
        return start + timedelta(days=6)
    if interval == "month":
        nxt = (start.replace(day=28) + timedelta(days=4)).replace(day=1)
        return nxt - timedelta(days=1)
    return start


def _x_scale(lo: date, hi: date, x0: float, x1: float) -> Callable[[date], float]:
    span = max((hi - lo).days, 1)
    return lambda d: x0 + (d - lo).days / span * (x1 - x0)


def _date_axis(lo: date, hi: date, x: Callable[[date], float], y: float) -> list[str]:
    days = (hi - lo).days
    out = []
    if days > 2 * 366:
        ticks = [date(year, 1, 1) for year in range(lo.year + 1, hi.year + 1)]
        fmt = "%Y"
    elif days > 62:
        ticks, d = [], lo.replace(day=1)
        while d <= hi:
            d = (d.replace(day=28) + timedelta(days=4)).replace(day=1)
            ticks.append(d)
        fmt = "%b %Y"
    else:
        ticks = [lo + timedelta(days=k) for k in range(0, days + 1, max(1, days // 8))]
        fmt = "%d %b"
    step = max(1, len(ticks) // 10)
    for t in ticks[::step]:
        if lo <= t <= hi:
            out.append(f'<text class="tick" x="{_f(x(t))}" y="{_f(y + 16)}"'
                       f' text-anchor="middle">{t.strftime(fmt)}</text>')
    return out


def timeline_svg(data: dict[str, Any], href: Callable[[str, str], str]) -> Markup | None:
    """Stacked bars per period and quad class over the timeline's axis; a bar links to
    ``href(first_day, last_day)`` (the events of that period)."""
    if not data["axis"] or not data["series"]:
        return None
    interval = data["interval"]
    lo, hi = (date.fromisoformat(d) for d in data["axis"])
    hi = _period_end(hi, interval)
    x0, x1 = MARGIN["left"], WIDTH - MARGIN["right"]
    y0, y1 = HEIGHT - MARGIN["bottom"], MARGIN["top"]
    x = _x_scale(lo, hi + timedelta(days=1), x0, x1)
    stacks: dict[str, list[dict]] = {}
    for row in data["series"]:
        stacks.setdefault(row["period"], []).append(row)
    top = max(sum(r["count"] for r in rows) for rows in stacks.values())
    ticks = _nice_ticks(top)
    def y(v: float) -> float:
        return y0 - v / ticks[-1] * (y0 - y1)

    body = [f'<line class="axis" x1="{x0}" y1="{y0}" x2="{x1}" y2="{y0}"/>']
    for t in ticks:
        body.append(f'<line class="grid" x1="{x0}" y1="{_f(y(t))}" x2="{x1}" y2="{_f(y(t))}"/>'
                    f'<text class="tick" x="{x0 - 6}" y="{_f(y(t) + 4)}" text-anchor="end">{t}</text>')
    body += _date_axis(lo, hi, x, y0)
    for period, rows in sorted(stacks.items()):
        start = date.fromisoformat(period)
        end = _period_end(start, interval)
        left, right = x(max(start, lo)), x(min(end, hi) + timedelta(days=1))
        width = max(1.0, (right - left) * 0.85)
        base = 0
        label = f"{period} – {end.isoformat()}" if end != start else period
        parts = []
        for r in sorted(rows, key=lambda r: r["quad_class"] or 0):
            q = r["quad_class"] or 0
            parts.append(f'<rect class="bar q{q}" x="{_f(left)}" y="{_f(y(base + r["count"]))}"'
                         f' width="{_f(width)}" height="{_f(y(base) - y(base + r["count"]))}">'
                         f'<title>{escape(label)}: {r["count"]} '
                         f'{escape(QUAD_NAMES.get(r["quad_class"], "unclassified"))}</title></rect>')
            base += r["count"]
        link = escape(href(start.isoformat(), end.isoformat()))
        body.append(f'<a href="{link}" aria-label="{escape(label)}: {base} events">'
                    + "".join(parts) + "</a>")
    return _svg(WIDTH, HEIGHT, f"events per {interval}, {data['drawn']} drawn", body)


def dyad_svg(rows: list[dict[str, Any]], interval: str, lo: date, hi: date,
             top: int, label: str) -> Markup:
    """Bars of event counts with the summed intensity as a line (one direction of a dyad)."""
    x0, x1 = MARGIN["left"], WIDTH - MARGIN["right"]
    y0, y1 = HEIGHT - MARGIN["bottom"], MARGIN["top"]
    hi = _period_end(hi, interval)
    x = _x_scale(lo, hi + timedelta(days=1), x0, x1)
    ticks = _nice_ticks(max(top, 1))
    def y(v: float) -> float:
        return y0 - v / ticks[-1] * (y0 - y1)

    body = [f'<line class="axis" x1="{x0}" y1="{y0}" x2="{x1}" y2="{y0}"/>']
    for t in ticks:
        body.append(f'<line class="grid" x1="{x0}" y1="{_f(y(t))}" x2="{x1}" y2="{_f(y(t))}"/>'
                    f'<text class="tick" x="{x0 - 6}" y="{_f(y(t) + 4)}" text-anchor="end">{t}</text>')
    body += _date_axis(lo, hi, x, y0)
    worst = max([abs(r["intensity"]) for r in rows] + [1.0])
    points = []
    for r in rows:
        start = date.fromisoformat(r["period"])
        end = _period_end(start, interval)
        left, right = x(start), x(end + timedelta(days=1))
        width = max(1.0, (right - left) * 0.85)
        body.append(f'<rect class="bar dyad" x="{_f(left)}" y="{_f(y(r["count"]))}"'
                    f' width="{_f(width)}" height="{_f(y0 - y(r["count"]))}"><title>'
                    f'{r["period"]}: {r["count"]} events, summed intensity {r["intensity"]:.1f}'
                    f'</title></rect>')
        mid = (y0 + y1) / 2
        points.append(f"{_f(left + width / 2)},{_f(mid - r['intensity'] / worst * (y0 - y1) / 2)}")
    if points:
        body.append(f'<polyline class="intensity" points="{" ".join(points)}"/>')
    return _svg(WIDTH, HEIGHT, label, body)


def network_svg(net: dict[str, Any], pos: dict[str, tuple[float, float]]) -> Markup:
    """Nodes (actors by key, sized by events) and directed edges (width by count, conflict
    or cooperation by class and dash), the busiest nodes labelled."""
    size, pad = NETWORK_SIZE, 40
    px = {n: (pad + (p[0] + 1) / 2 * (size - 2 * pad), pad + (1 - p[1]) / 2 * (size - 2 * pad))
          for n, p in pos.items()}
    heaviest = max([e["count"] for e in net["edges"]] + [1])
    busiest = max([n["weight"] for n in net["nodes"]] + [1])
    body = ['<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8"'
            ' markerHeight="8" markerUnits="userSpaceOnUse" orient="auto-start-reverse">'
            '<path class="arrowhead" d="M0,0 L10,5 L0,10 z"/></marker></defs>']
    radius = {n["id"]: 4 + 14 * math.sqrt(n["weight"] / busiest) for n in net["nodes"]}
    for e in net["edges"]:
        if e["source"] == e["target"] or e["source"] not in px or e["target"] not in px:
            continue
        (ax, ay), (bx, by) = px[e["source"]], px[e["target"]]
        length = math.hypot(bx - ax, by - ay) or 1.0
        ux, uy = (bx - ax) / length, (by - ay) / length
        ax, ay = ax + ux * radius[e["source"]], ay + uy * radius[e["source"]]
        bx, by = bx - ux * (radius[e["target"]] + 2), by - uy * (radius[e["target"]] + 2)
        kind = "conflict" if e["conflict"] * 2 > e["count"] else "coop"
        body.append(f'<line class="edge {kind}" x1="{_f(ax)}" y1="{_f(ay)}" x2="{_f(bx)}"'
                    f' y2="{_f(by)}" stroke-width="{_f(1 + 5 * e["count"] / heaviest)}"'
                    f' marker-end="url(#arrow)"><title>{escape(e["source_name"])} → '
                    f'{escape(e["target_name"])}: {e["count"]} events ({kind})</title></line>')
    labels: list[tuple[float, float, float, float]] = []
    texts: list[str] = []  # drawn after every node, so no node hides a label
    for i, n in enumerate(net["nodes"]):
        x, y = px[n["id"]]
        title = f"{n['name']}: {n['weight']} events"
        node = (f'<circle class="node" cx="{_f(x)}" cy="{_f(y)}" r="{_f(radius[n["id"]])}">'
                f'<title>{escape(title)}</title></circle>')
        box = _label_box(n["name"], x, y - radius[n["id"]] - 3)
        if i < NETWORK_LABELS and not any(_overlap(box, other) for other in labels):
            labels.append(box)  # busiest first: a label that would cover another is left out
            texts.append(f'<text class="node-label" x="{_f(x)}" y="{_f(y - radius[n["id"]] - 3)}"'
                         f' text-anchor="middle" aria-hidden="true">{escape(n["name"])}</text>')
        if n["href"]:
            node = (f'<a href="/actors/{escape(_path(n["href"]))}" aria-label="{escape(title)}">'
                    f"{node}</a>")
        body.append(node)
    body += texts
    label = f"network of {len(net['nodes'])} actors"
    if not px:
        return _svg(size, size, label, body, css="chart network")
    # the viewBox hugs the drawing, so one busy cluster is not a dot in an empty square
    xs, ys = [p[0] for p in px.values()], [p[1] for p in px.values()]
    x0, y0 = min(xs) - pad * 2, min(ys) - pad
    width, height = max(xs) - min(xs) + pad * 4, max(ys) - min(ys) + pad * 2
    return Markup(f'<svg class="chart network" viewBox="{_f(x0)} {_f(y0)} {_f(width)} {_f(height)}"'
                  f' role="img" aria-label="{escape(label)}" xmlns="http://www.w3.org/2000/svg">'
                  + "".join(body) + "</svg>")


LABEL_CHAR_WIDTH, LABEL_HEIGHT = 6.2, 12.0


def _label_box(text: str, x: float, baseline: float) -> tuple[float, float, float, float]:
    half = len(text) * LABEL_CHAR_WIDTH / 2
    return x - half, baseline - LABEL_HEIGHT, x + half, baseline + 2


def _overlap(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _path(ref: str) -> str:
    return quote(ref, safe="")


@lru_cache(maxsize=1)
def world_outline() -> str:
    """The bundled world outline as one SVG path (equirectangular, MAP_WIDTH × MAP_HEIGHT)."""
    parts = []
    for ring in load_json(OUTLINE)["rings"]:
        pts = [_project(lon, lat) for lon, lat in ring]
        parts.append("M" + "L".join(f"{a:.0f},{b:.0f}" for a, b in pts) + "Z")  # whole pixels
    return "".join(parts)


def _project(lon: float, lat: float) -> tuple[float, float]:
    return (lon + 180) / 360 * MAP_WIDTH, (90 - lat) / 180 * MAP_HEIGHT


def map_svg(found: list[dict[str, Any]], href: Callable[[str], str]) -> Markup:
    """Events by place on a world outline: size by count, shape and colour by quad class."""
    body = [f'<rect class="sea" x="0" y="0" width="{MAP_WIDTH}" height="{MAP_HEIGHT}"/>']
    outline = world_outline()
    if outline:
        body.append(f'<path class="land" d="{outline}"/>')
    for lon in range(-180, 181, 30):
        x, _ = _project(lon, 0)
        body.append(f'<line class="graticule" x1="{_f(x)}" y1="0" x2="{_f(x)}" y2="{MAP_HEIGHT}"/>')
    for lat in range(-60, 61, 30):
        _, y = _project(0, lat)
        body.append(f'<line class="graticule" x1="0" y1="{_f(y)}" x2="{MAP_WIDTH}" y2="{_f(y)}"/>')
    most = max([p["count"] for p in found] + [1])
    for p in sorted(found, key=lambda p: -p["count"]):  # small markers drawn over big ones
        x, y = _project(p["lon"], p["lat"])
        r = MARKER_MIN + (MARKER_MAX - MARKER_MIN) * math.sqrt(p["count"] / most)
        q = p["quad_class"] or 0
        title = (f"{p['name']}: {p['count']} events, mostly "
                 f"{QUAD_NAMES.get(p['quad_class'], 'unclassified')}")
        body.append(f'<a href="{escape(href(p["name"]))}" aria-label="{escape(title)}">'
                    f'{shape(q, x, y, r, f"marker q{q}")}<title>{escape(title)}</title></a>')
    return _svg(MAP_WIDTH, MAP_HEIGHT, f"map of events at {len(found)} places", body,
                css="chart map")
