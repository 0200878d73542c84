"""A small deterministic force-directed layout for the actor network (no extra dependency)."""

from __future__ import annotations

import math


def spring_layout(nodes: list[str], edges: list[tuple[str, str, float]],
                  iterations: int = 150) -> dict[str, tuple[float, float]]:
    """Fruchterman–Reingold positions in [-1, 1]², starting from a circle so runs agree."""
    n = len(nodes)
    if n == 0:
        return {}
    if n == 1:
        return {nodes[0]: (0.0, 0.0)}
    pos = [[math.cos(2 * math.pi * i / n), math.sin(2 * math.pi * i / n)] for i in range(n)]
    index = {name: i for i, name in enumerate(nodes)}
    links = [(index[a], index[b], w) for a, b, w in edges if a in index and b in index and a != b]
    k = math.sqrt(4.0 / n)
    heat = 0.2
    for _ in range(iterations):
        shift = [[0.0, 0.0] for _ in range(n)]
        for i in range(n):
            xi, yi = pos[i]
            for j in range(i + 1, n):
                dx, dy = xi - pos[j][0], yi - pos[j][1]
                dist = math.hypot(dx, dy) or 1e-6
                force = k * k / dist
                fx, fy = dx / dist * force, dy / dist * force
                shift[i][0] += fx
                shift[i][1] += fy
                shift[j][0] -= fx
                shift[j][1] -= fy
        for i, j, w in links:
            dx, dy = pos[i][0] - pos[j][0], pos[i][1] - pos[j][1]
            dist = math.hypot(dx, dy) or 1e-6
            force = dist * dist / k * (1 + math.log1p(w)) / 2
            fx, fy = dx / dist * force, dy / dist * force
            shift[i][0] -= fx
            shift[i][1] -= fy
            shift[j][0] += fx
            shift[j][1] += fy
        for i in range(n):
            length = math.hypot(*shift[i]) or 1e-6
            step = min(length, heat)
            pos[i][0] += shift[i][0] / length * step
            pos[i][1] += shift[i][1] / length * step
        heat = max(heat * 0.97, 0.005)
    xs, ys = [p[0] for p in pos], [p[1] for p in pos]
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    scale = max(max(xs) - min(xs), max(ys) - min(ys)) / 2 or 1.0
    return {name: ((pos[i][0] - cx) / scale, (pos[i][1] - cy) / scale)
            for name, i in index.items()}
