"""Where each actor is drawn: computed once, seeded, stored in the page.

The browser does no physics: the page opens on the same picture every time.
Each connected group of actors is laid out on its own (a seeded spring layout),
spread until no two discs (with room for a label) overlap, and the groups are
packed in rows, biggest first, into a box about twice as wide as high, the
shape of a browser window. Coordinates are in the page's canvas units, where
a node of size 10 is a disc of radius 10.

>>> import networkx as nx
>>> g = nx.path_graph(3)
>>> place(g, {0: 10, 1: 10, 2: 10}) == place(g, {0: 10, 1: 10, 2: 10})
True
"""

from __future__ import annotations

from collections.abc import Hashable

import networkx as nx
import numpy as np
from scipy.spatial import cKDTree

SPACING = 120.0  # canvas units between neighbours: room for a 14 px label
GAP = 12.0  # free space kept between two actors' boxes
CHAR = 10.5  # width of a label's letter in canvas units: 14 px on screen at a 0.7 zoom
LABEL = 25.0  # height of the label under a disc, canvas units
SEED = 1
ASPECT = 1.4  # width over height of the packed groups: a browser window beside the panel


def _spring(component: nx.Graph, seed: int) -> dict[Hashable, np.ndarray]:
    nodes = sorted(component, key=str)
    if len(nodes) == 1:
        return {nodes[0]: np.zeros(2)}
    ordered = nx.Graph()
    ordered.add_nodes_from(nodes)  # a fixed order: the layout depends on it
    ordered.add_edges_from(sorted(component.edges(), key=lambda e: (str(e[0]), str(e[1]))))
    iterations = 100 if len(nodes) <= 300 else 15  # 2,000 actors: ~4 s (BENCHMARKS.md)
    layout = nx.spring_layout(ordered, seed=seed, iterations=iterations)
    scale = SPACING * max(len(nodes), 2) ** 0.5 / 2
    return {node: np.asarray(xy) * scale for node, xy in layout.items()}


def separate(points: np.ndarray, half_width: np.ndarray, half_height: np.ndarray,
             rounds: int = 80) -> np.ndarray:
    """Push apart every two boxes (a disc and its label) that overlap, along the axis
    where they overlap least. Only close pairs are looked at (a k-d tree), so a few
    thousand actors take well under a second."""
    points = points.copy()
    reach = 2 * float(max(half_width.max(initial=0), half_height.max(initial=0))) + GAP
    for _ in range(rounds):
        pairs = cKDTree(points).query_pairs(reach, output_type="ndarray")
        if len(pairs) == 0:
            break
        i, j = pairs[:, 0], pairs[:, 1]
        delta = points[j] - points[i]
        over_x = half_width[i] + half_width[j] + GAP / 2 - np.abs(delta[:, 0])
        over_y = half_height[i] + half_height[j] + GAP / 2 - np.abs(delta[:, 1])
        close = (over_x > 0) & (over_y > 0)
        if not close.any():
            break
        i, j, delta, over_x, over_y = (a[close] for a in (i, j, delta, over_x, over_y))
        along_x = over_x * 0.6 < over_y  # labels are wide: moving sideways is cheaper
        # which way: away from each other; two nodes on one spot part in a fixed direction
        sign = np.where(along_x, np.sign(delta[:, 0]), np.sign(delta[:, 1]))
        sign[sign == 0] = np.where((i[sign == 0] % 2) == 0, 1.0, -1.0)
        push = np.zeros_like(delta)
        push[along_x, 0] = over_x[along_x] / 2 + 0.5
        push[~along_x, 1] = over_y[~along_x] / 2 + 0.5
        push *= sign[:, None]
        moves = np.zeros_like(points)
        np.add.at(moves, i, -push)
        np.add.at(moves, j, push)
        points += moves
    return points


def _pack(boxes: list[tuple[float, float]], width: float) -> list[tuple[float, float]]:
    """Top-left corners for boxes (already biggest first) in rows of at most `width`."""
    corners, x, y, row = [], 0.0, 0.0, 0.0
    for w, h in boxes:
        if x > 0 and x + w > width:
            x, y, row = 0.0, y + row, 0.0
        corners.append((x, y))
        x, row = x + w, max(row, h)
    return corners


def _best_packing(boxes: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """The row packing whose whole fits a window of shape ASPECT at the largest zoom."""
    widest = max((w for w, _ in boxes), default=0.0)
    total = sum(w for w, _ in boxes)
    best, best_size = [], float("inf")
    for step in range(13):
        corners = _pack(boxes, widest + (total - widest) * step / 12)
        width = max((x + w for (x, _), (w, _) in zip(corners, boxes, strict=True)), default=0)
        height = max((y + h for (_, y), (_, h) in zip(corners, boxes, strict=True)), default=0)
        if max(width / ASPECT, height) < best_size:
            best, best_size = corners, max(width / ASPECT, height)
    return best


def place(graph: nx.Graph, radius: dict[Hashable, float], labels: dict[Hashable, str]
          | None = None, seed: int = SEED) -> dict[Hashable, tuple[float, float]]:
    """Node → (x, y): seeded, no two discs (nor, as far as it goes, labels) overlapping,
    the groups packed into a wide box."""
    labels = labels or {}
    simple = nx.Graph(graph)
    groups = sorted(nx.connected_components(simple), key=lambda c: (-len(c), min(map(str, c))))
    laid, boxes = [], []
    for group in groups:
        nodes = sorted(group, key=str)
        start = _spring(simple.subgraph(group), seed)
        radii = np.array([radius.get(n, 10.0) for n in nodes])
        half_width = np.maximum(radii, [CHAR * len(str(labels.get(n, ""))) / 2 for n in nodes])
        points = separate(np.array([start[n] for n in nodes]), half_width, radii + LABEL)
        extent = np.column_stack([half_width, radii + LABEL])
        low = (points - extent).min(axis=0) - GAP
        high = (points + extent).max(axis=0) + GAP
        laid.append((nodes, points - low))
        boxes.append((float(high[0] - low[0]), float(high[1] - low[1])))
    positions = {}
    for (nodes, points), (x, y) in zip(laid, _best_packing(boxes), strict=True):
        for node, (px, py) in zip(nodes, points, strict=True):
            positions[node] = (round(float(px + x), 1), round(float(py + y), 1))
    return positions
