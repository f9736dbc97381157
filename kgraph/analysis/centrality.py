"""Who matters in the network: brokers (betweenness) and PageRank.

Both run on the simple undirected/directed projections of the multigraph; an
actor linked to another by ten letters is linked once, weighted ten.

>>> brokers(g, top=3)                                           # doctest: +SKIP
[{'actor': 'Zhou Enlai', 'betweenness': 0.21}, ...]
"""

from __future__ import annotations

import networkx as nx


def weighted_simple(graph: nx.MultiDiGraph, directed: bool = False) -> nx.Graph:
    """Collapse parallel edges into one with a ``weight`` (their number)."""
    simple = nx.DiGraph() if directed else nx.Graph()
    simple.add_nodes_from(graph.nodes(data=True))
    for source, target in graph.edges():
        if source == target:
            continue
        if simple.has_edge(source, target):
            simple[source][target]["weight"] += 1
        else:
            simple.add_edge(source, target, weight=1)
    return simple


def _ranked(graph: nx.MultiDiGraph, scores: dict, name: str, top: int | None) -> list[dict]:
    rows = [{"actor": graph.nodes[n].get("label", n), "type": graph.nodes[n].get("type"),
             name: round(score, 4)} for n, score in scores.items()]
    rows.sort(key=lambda r: (-r[name], r["actor"]))
    return rows[:top] if top else rows


def betweenness(graph: nx.MultiDiGraph, sample: int | None = None) -> dict[str, float]:
    """Betweenness centrality; with `sample`, estimated from that many pivots (large graphs)."""
    simple = weighted_simple(graph)
    k = sample if sample and sample < simple.number_of_nodes() else None
    return nx.betweenness_centrality(simple, k=k, seed=0)


def pagerank(graph: nx.MultiDiGraph) -> dict[str, float]:
    """PageRank over who writes to / meets whom (weights = number of relations)."""
    simple = weighted_simple(graph, directed=True)
    return nx.pagerank(simple, weight="weight") if simple.number_of_nodes() else {}


def brokers(graph: nx.MultiDiGraph, top: int | None = 10) -> list[dict]:
    """Actors who sit between others most often: the brokers between blocs."""
    return _ranked(graph, betweenness(graph, sample=500), "betweenness", top)


def most_central(graph: nx.MultiDiGraph, top: int | None = 10) -> list[dict]:
    """Actors by PageRank."""
    return _ranked(graph, pagerank(graph), "pagerank", top)
