"""The page's stored layout, without a browser: seeded, discs apart, the same every time."""

from __future__ import annotations

import json
import re

from benchmarks.viz_render import synthetic_network
from kgraph.viz import page_html
from kgraph.viz.layout import place


def _data(html: str) -> dict:
    return json.loads(re.search(r"const DATA = (.*);\n", html).group(1))


def test_150_actors_placed_the_same_way_twice_with_no_disc_overlapping():
    graph = synthetic_network(150, 400)
    radius = {n: 7 + (i % 5) * 4 for i, n in enumerate(graph)}
    labels = {n: d["label"] for n, d in graph.nodes(data=True)}
    first = place(graph, radius, labels)
    assert first == place(graph, radius, labels) and set(first) == set(graph)
    nodes = list(first)
    for i, a in enumerate(nodes):
        for b in nodes[i + 1:]:
            (x1, y1), (x2, y2) = first[a], first[b]
            assert ((x1 - x2) ** 2 + (y1 - y2) ** 2) ** 0.5 >= radius[a] + radius[b], (a, b)


def test_every_node_of_the_page_has_its_stored_position_and_physics_is_off():
    graph = synthetic_network(40, 80)
    data = _data(page_html(graph, title="T"))
    assert data["options"]["physics"] == {"enabled": False}
    assert all(isinstance(n["x"], float) and isinstance(n["y"], float) for n in data["nodes"])
    assert _data(page_html(graph, title="T"))["nodes"] == data["nodes"]


def test_relation_boxes_and_legend_only_for_what_the_page_holds():
    graph = synthetic_network(30, 60)
    letters = graph.edge_subgraph([(s, t, k) for s, t, k, d in graph.edges(keys=True, data=True)
                                   if d["relation"] == "sentLetterTo"])
    data = _data(page_html(letters, title="Letters"))
    assert [r[0] for r in data["relations"]] == ["sentLetterTo"]
    assert {t for t, _ in data["types"]} == {n["kind"] for n in data["nodes"]}
