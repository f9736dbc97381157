"""The actor network for other tools: GraphML and GEXF (Gephi, Cytoscape), CSV lists.

>>> write_network(to_networkx(store), "actors.graphml", "graphml")   # doctest: +SKIP

GraphML and GEXF take only scalar attributes: lists (aliases, roles) are joined
with "; " and missing values are left out.
"""

from __future__ import annotations

import csv
from pathlib import Path

import networkx as nx

NETWORK_FORMATS = ("graphml", "gexf", "csv")


def _scalar(value: object) -> str | int | float | bool | None:
    if isinstance(value, list | tuple | set):
        return "; ".join(str(v) for v in value)
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


def flat_copy(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy whose node and edge attributes are all scalars (None dropped)."""
    flat = nx.MultiDiGraph()
    for node, data in graph.nodes(data=True):
        flat.add_node(node, **{k: _scalar(v) for k, v in data.items() if v is not None})
    for source, target, key, data in graph.edges(keys=True, data=True):
        flat.add_edge(source, target, key=key,
                      **{k: _scalar(v) for k, v in data.items() if v is not None})
    return flat


def write_network(graph: nx.MultiDiGraph, path: str | Path, fmt: str) -> list[Path]:
    """Write the network; ``csv`` writes ``PATH-nodes.csv`` and ``PATH-edges.csv``.

    Returns the files written.
    """
    path = Path(path)
    flat = flat_copy(graph)
    if fmt == "graphml":
        nx.write_graphml(flat, path)
        return [path]
    if fmt == "gexf":
        nx.write_gexf(flat, path)
        return [path]
    if fmt != "csv":
        raise ValueError(f"unknown network format {fmt!r}; use one of {NETWORK_FORMATS}")
    stem = path.with_suffix("") if path.suffix == ".csv" else path
    nodes, edges = Path(f"{stem}-nodes.csv"), Path(f"{stem}-edges.csv")
    node_fields = sorted({k for _, d in flat.nodes(data=True) for k in d})
    with nodes.open("w", newline="", encoding="utf-8") as out:
        writer = csv.DictWriter(out, ["id", *node_fields])
        writer.writeheader()
        for node, data in flat.nodes(data=True):
            writer.writerow({"id": node, **data})
    edge_fields = sorted({k for *_, d in flat.edges(keys=True, data=True) for k in d})
    with edges.open("w", newline="", encoding="utf-8") as out:
        writer = csv.DictWriter(out, ["source", "target", "event", *edge_fields])
        writer.writeheader()
        for source, target, key, data in flat.edges(keys=True, data=True):
            writer.writerow({"source": source, "target": target, "event": key, **data})
    return [nodes, edges]
