"""Narrow an actor network: by relation, date, modality, confidence, node type.

>>> filter_graph(g, relations={"sentLetterTo"}, start="1997", end="1998")  # doctest: +SKIP

Dates compare as text at the precision written ("1997" keeps 1997-03-19);
undated relations are kept only when no date range is asked for.
"""

from __future__ import annotations

from collections.abc import Collection

import networkx as nx


def _in_range(date: str | None, start: str | None, end: str | None) -> bool:
    if start is None and end is None:
        return True
    if not date:
        return False
    if start is not None and date[:len(start)] < start:
        return False
    return end is None or date[:len(end)] <= end


def filter_graph(graph: nx.MultiDiGraph, relations: Collection[str] | None = None,
                 start: str | None = None, end: str | None = None,
                 modalities: Collection[str] | None = None, min_confidence: float = 0.0,
                 node_types: Collection[str] | None = None,
                 keep_isolated: bool = False) -> nx.MultiDiGraph:
    """A new graph with the edges (and nodes) that pass every filter given."""
    result = nx.MultiDiGraph()
    for node, data in graph.nodes(data=True):
        if node_types is None or data.get("type") in node_types:
            result.add_node(node, **data)
    for source, target, key, data in graph.edges(keys=True, data=True):
        if source not in result or target not in result:
            continue
        if relations is not None and data.get("relation") not in relations:
            continue
        if modalities is not None and data.get("modality") not in modalities:
            continue
        if (data.get("confidence") or 0.0) < min_confidence:
            continue
        if not _in_range(data.get("date"), start, end):
            continue
        result.add_edge(source, target, key=key, **data)
    if not keep_isolated:
        result.remove_nodes_from([n for n in list(result) if result.degree(n) == 0])
    return result
