"""Narrow an actor network: by relation, date, modality, confidence, node type.

>>> filter_graph(g, relations={"sentLetterTo"}, start="1997", end="1998")  # doctest: +SKIP

Dates compare as text at the precision written ("1997" keeps 1997-03-19);
undated relations are kept only when no date range is asked for.
A value no relation, modality or actor type can have raises ValueError naming
the allowed ones, rather than giving an empty graph:

>>> check_filters(relations={"letters"})
Traceback (most recent call last):
ValueError: unknown relation 'letters'; use sentLetterTo, metWith or defectedFrom
"""

from __future__ import annotations

import re
from collections.abc import Collection

import networkx as nx

from kgraph.schema import relation_schema
from kgraph.types import ENTITY_TYPES, MODALITIES

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def _one_of(values: Collection[str]) -> str:
    values = list(values)
    return ", ".join(values[:-1]) + f" or {values[-1]}"


def _as_set(values: Collection[str] | None) -> Collection[str] | None:
    """One value given as a string stands for itself, not for its letters."""
    return {values} if isinstance(values, str) else values


def _check_known(kind: str, given: Collection[str] | None, allowed: tuple[str, ...]) -> None:
    for value in _as_set(given) or ():
        if value not in allowed:
            raise ValueError(f"unknown {kind} {value!r}; use {_one_of(allowed)}")


def check_filters(relations: Collection[str] | None = None, start: str | None = None,
                  end: str | None = None, modalities: Collection[str] | None = None,
                  min_confidence: float = 0.0, node_types: Collection[str] | None = None
                  ) -> None:
    """Raise ValueError, naming what is allowed, for a filter value that cannot match."""
    _check_known("relation", relations, relation_schema().names)
    _check_known("modality", modalities, MODALITIES)
    _check_known("actor type", node_types, ENTITY_TYPES)
    for name, date in (("start", start), ("end", end)):
        if date is not None and not _DATE.match(str(date)):
            raise ValueError(f"{name} date {date!r}: write it as 1964, 1964-06 or 1964-06-03")
    if not 0.0 <= min_confidence <= 1.0:
        raise ValueError(f"minimum confidence {min_confidence:g}: give a number from 0 to 1")


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
    """A new graph with the edges (and nodes) that pass every filter given
    (ValueError for a value no edge could have, see `check_filters`)."""
    check_filters(relations, start, end, modalities, min_confidence, node_types)
    relations, modalities, node_types = map(_as_set, (relations, modalities, node_types))
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
