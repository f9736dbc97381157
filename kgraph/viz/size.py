"""How big each actor is drawn, and which actors a big graph keeps."""

from __future__ import annotations

from collections import Counter

import networkx as nx

MEASURES = ("degree", "letters", "pagerank", "betweenness")


def scores(graph: nx.MultiDiGraph, measure: str = "degree") -> dict[str, float]:
    """Actor → score by `measure` (degree; letters sent+received; PageRank; betweenness)."""
    if measure == "degree":
        return {n: float(d) for n, d in graph.degree()}
    if measure == "letters":
        count: Counter = Counter()
        for source, target, data in graph.edges(data=True):
            if data.get("relation") == "sentLetterTo":
                count[source] += 1
                count[target] += 1
        return {n: float(count[n]) for n in graph}
    from kgraph.analysis.centrality import betweenness, pagerank

    if measure == "pagerank":
        return pagerank(graph)
    if measure == "betweenness":
        return betweenness(graph, sample=200)
    raise ValueError(f"unknown measure {measure!r}; use one of {MEASURES}")


def keep_top(graph: nx.MultiDiGraph, measure: str, limit: int) -> nx.MultiDiGraph:
    """The graph itself, or the subgraph of its `limit` top actors by `measure`."""
    if graph.number_of_nodes() <= limit:
        return graph
    ranked = scores(graph, measure)
    keep = sorted(graph, key=lambda n: (-ranked.get(n, 0.0), str(n)))[:limit]
    return graph.subgraph(keep).copy()
