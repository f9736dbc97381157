"""Parts and foldings of the network: an actor's ego network, the country-level network.

>>> ego_network(g, "Kim Jong-un", depth=1).number_of_nodes()    # doctest: +SKIP
6
"""

from __future__ import annotations

from collections import Counter

import networkx as nx

from kgraph.normalize.names import name_key


def find_actor(graph: nx.MultiDiGraph, name: str) -> str:
    """The node whose label or alias is `name` (spelling-insensitive); KeyError if none."""
    key = name_key(name)
    for node, data in graph.nodes(data=True):
        if key == name_key(data.get("label", "")) or key in {
                name_key(a) for a in data.get("aliases", [])}:
            return node
    raise KeyError(f"no actor named {name!r} in the graph")


def ego_network(graph: nx.MultiDiGraph, actor: str, depth: int = 1) -> nx.MultiDiGraph:
    """The actor, everyone within `depth` relations of it, and the relations among them."""
    centre = actor if actor in graph else find_actor(graph, actor)
    near = nx.single_source_shortest_path_length(graph.to_undirected(as_view=True), centre,
                                                 cutoff=depth)
    return graph.subgraph(near).copy()


def country_network(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Actors folded into the countries they belong to (persons into the country they
    serve); relations between countries keep their counts per relation as ``count``."""
    country_of = {n: d.get("country") for n, d in graph.nodes(data=True)}
    counts: Counter = Counter()
    for source, target, data in graph.edges(data=True):
        if data.get("modality", "asserted") != "asserted":
            continue
        a, b = country_of.get(source), country_of.get(target)
        if a and b and a != b:
            counts[(a, b, data["relation"])] += 1
    folded = nx.MultiDiGraph()
    for (a, b, relation), count in counts.items():
        folded.add_node(a, label=a, type="Country")
        folded.add_node(b, label=b, type="Country")
        folded.add_edge(a, b, key=relation, relation=relation, count=count)
    return folded


def country_flows(graph: nx.MultiDiGraph) -> list[dict]:
    """The country network as rows: from, to, relation, count."""
    rows = [{"from": a, "to": b, "relation": d["relation"], "count": d["count"]}
            for a, b, d in country_network(graph).edges(data=True)]
    return sorted(rows, key=lambda r: (-r["count"], r["from"], r["to"]))
