"""A small deterministic layout for the actor network (no graph library needed).

Each connected group of actors is laid out on its own with Fruchterman–Reingold forces, then
the groups are packed in rows, biggest first, so one large cluster is not squeezed into a
corner by a few unrelated pairs.
"""

from __future__ import annotations

import math

GAP = 0.35
# Ideal distance between nodes is sqrt(SPREAD / n): larger spreads a busy cluster out.
SPREAD = 16.0
# How much more a heavy edge pulls its ends together (log of its events, times this).
WEIGHT_PULL = 0.15
GRAVITY = 0.02  # keeps loose nodes from drifting off


def spring_layout(nodes: list[str], edges: list[tuple[str, str, float]],
                  iterations: int = 150) -> dict[str, tuple[float, float]]:
    """Positions for ``nodes`` (same input, same output), scaled into [-1, 1]²."""
    if not nodes:
        return {}
    known = set(nodes)
    links = [(a, b, w) for a, b, w in edges if a in known and b in known and a != b]
    groups = _components(nodes, links)
    groups.sort(key=lambda g: (-len(g), nodes.index(g[0])))
    sides = [max(1.0, math.sqrt(len(g))) for g in groups]
    width = max(sides[0], math.sqrt(sum(s * s for s in sides)) * 1.8)
    placed: dict[str, tuple[float, float]] = {}
    x = y = row = 0.0
    for group, side in zip(groups, sides, strict=True):
        if x > 0 and x + side > width:
            x, y, row = 0.0, y - row - GAP, 0.0
        members = set(group)
        local = _forces(group, [e for e in links if e[0] in members], iterations)
        for name, (px, py) in local.items():
            placed[name] = (x + (px + 1) / 2 * side, y - (1 - py) / 2 * side)
        x += side + GAP
        row = max(row, side)
    return _fit(placed)


def _components(nodes: list[str], links: list[tuple[str, str, float]]) -> list[list[str]]:
    neighbours: dict[str, set[str]] = {n: set() for n in nodes}
    for a, b, _ in links:
        neighbours[a].add(b)
        neighbours[b].add(a)
    seen: set[str] = set()
    groups = []
    for start in nodes:
        if start in seen:
            continue
        group, stack = [], [start]
        seen.add(start)
        while stack:
            node = stack.pop()
            group.append(node)
            for other in sorted(neighbours[node] - seen):
                seen.add(other)
                stack.append(other)
        groups.append(sorted(group, key=nodes.index))
    return groups


def _forces(nodes: list[str], links: list[tuple[str, str, float]],
            iterations: int) -> dict[str, tuple[float, float]]:
    """Fruchterman–Reingold from a circle, with a little gravity; result in [-1, 1]²."""
    n = len(nodes)
    if n == 1:
        return {nodes[0]: (0.0, 0.0)}
    pos = [[math.cos(2 * math.pi * i / n), math.sin(2 * math.pi * i / n)] for i in range(n)]
    index = {name: i for i, name in enumerate(nodes)}
    pairs = [(index[a], index[b], w) for a, b, w in links]
    k = math.sqrt(SPREAD / n)
    heat = 0.2
    for _ in range(iterations):
        shift = [[-GRAVITY * p[0], -GRAVITY * p[1]] for p in pos]
        for i in range(n):
            xi, yi = pos[i]
            for j in range(i + 1, n):
                dx, dy = xi - pos[j][0], yi - pos[j][1]
                dist = math.hypot(dx, dy) or 1e-6
                f = k * k / dist / dist
                shift[i][0] += dx * f
                shift[i][1] += dy * f
                shift[j][0] -= dx * f
                shift[j][1] -= dy * f
        for i, j, w in pairs:
            dx, dy = pos[i][0] - pos[j][0], pos[i][1] - pos[j][1]
            f = math.hypot(dx, dy) / k * (1 + WEIGHT_PULL * math.log1p(w))
            shift[i][0] -= dx * f
            shift[i][1] -= dy * f
            shift[j][0] += dx * f
            shift[j][1] += dy * f
        for i in range(n):
            length = math.hypot(*shift[i]) or 1e-6
            step = min(length, heat)
            pos[i][0] += shift[i][0] / length * step
            pos[i][1] += shift[i][1] / length * step
        heat = max(heat * 0.97, 0.005)
    return _fit({name: (pos[i][0], pos[i][1]) for name, i in index.items()})


def _fit(pos: dict[str, tuple[float, float]]) -> dict[str, tuple[float, float]]:
    """Centre and scale uniformly so the larger extent spans [-1, 1]."""
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    scale = max(max(xs) - min(xs), max(ys) - min(ys)) / 2 or 1.0
    return {name: ((x - cx) / scale, (y - cy) / scale) for name, (x, y) in pos.items()}
