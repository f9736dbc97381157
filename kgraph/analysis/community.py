"""Groups of actors that deal mostly with each other (NetworkX's Louvain method).

>>> communities(g)[0]                                           # doctest: +SKIP
{'community': 1, 'size': 7, 'members': 'Donald Trump; Kim Jong-un; Mike Pompeo; …'}
"""

from __future__ import annotations

import networkx as nx

from kgraph.analysis.centrality import weighted_simple


def community_of(graph: nx.MultiDiGraph, seed: int = 0) -> dict[str, int]:
    """Actor → community number (1 = the largest)."""
    simple = weighted_simple(graph)
    if simple.number_of_edges() == 0:
        return {n: i + 1 for i, n in enumerate(simple)}
    groups = nx.community.louvain_communities(simple, weight="weight", seed=seed)
    groups = sorted(groups, key=lambda g: (-len(g), sorted(g)))
    return {node: i + 1 for i, group in enumerate(groups) for node in group}


def communities(graph: nx.MultiDiGraph, seed: int = 0) -> list[dict]:
    """Communities, largest first, with their members' names."""
    members: dict[int, list[str]] = {}
    for node, number in community_of(graph, seed).items():
        members.setdefault(number, []).append(graph.nodes[node].get("label", node))
    return [{"community": number, "size": len(names), "members": "; ".join(sorted(names))}
            for number, names in sorted(members.items())]
