"""The tables of ``kgraph analyze``: every measure of this package, as rows."""

from __future__ import annotations

import networkx as nx

from kgraph.analysis.centrality import brokers, most_central
from kgraph.analysis.community import communities
from kgraph.analysis.counts import correspondence_counts, mutual_pairs, per_year
from kgraph.analysis.structure import country_flows


def analysis_tables(graph: nx.MultiDiGraph, top: int = 10) -> dict[str, list[dict]]:
    """Table name → rows, each cut to `top` rows where it ranks."""
    return {
        "correspondents": correspondence_counts(graph)[:top],
        "mutual pairs": mutual_pairs(graph)[:top],
        "brokers (betweenness)": brokers(graph, top),
        "pagerank": most_central(graph, top),
        "communities": communities(graph)[:top],
        "per year": per_year(graph),
        "country flows": country_flows(graph)[:top],
    }
