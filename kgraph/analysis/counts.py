"""Counting what passed between actors: letters, meetings, mutual pairs, years.

Only asserted relations count; planned and denied ones are not events that happened.

>>> correspondence_counts(g)[0]                                # doctest: +SKIP
{'actor': 'Kim Jong-un', 'letters_sent': 3, 'letters_received': 2, 'meetings': 4, ...}
"""

from __future__ import annotations

from collections import Counter

import networkx as nx

from kgraph.schema import relation_schema


def _asserted(graph: nx.MultiDiGraph):
    for source, target, data in graph.edges(data=True):
        if data.get("modality", "asserted") == "asserted":
            yield source, target, data


def correspondence_counts(graph: nx.MultiDiGraph) -> list[dict]:
    """Letters sent and received and meetings per actor, most active first."""
    sent, received, meetings = Counter(), Counter(), Counter()
    for source, target, data in _asserted(graph):
        if data["relation"] == "sentLetterTo":
            sent[source] += 1
            received[target] += 1
        elif data["relation"] == "metWith":
            meetings[source] += 1
            meetings[target] += 1
    actors = set(sent) | set(received) | set(meetings)
    rows = [{"actor": graph.nodes[a].get("label", a), "type": graph.nodes[a].get("type"),
             "letters_sent": sent[a], "letters_received": received[a], "meetings": meetings[a],
             "total": sent[a] + received[a] + meetings[a]} for a in actors]
    return sorted(rows, key=lambda r: (-r["total"], r["actor"]))


def mutual_pairs(graph: nx.MultiDiGraph) -> list[dict]:
    """Pairs who wrote to each other, with the number of letters each way."""
    letters = Counter((s, t) for s, t, d in _asserted(graph) if d["relation"] == "sentLetterTo")
    rows = []
    for (a, b), count in letters.items():
        if a < b and (b, a) in letters:
            rows.append({"one": graph.nodes[a].get("label", a),
                         "other": graph.nodes[b].get("label", b),
                         "one_to_other": count, "other_to_one": letters[(b, a)]})
    return sorted(rows, key=lambda r: (-(r["one_to_other"] + r["other_to_one"]), r["one"]))


def per_year(graph: nx.MultiDiGraph) -> list[dict]:
    """Relations of each type (`kgraph.schema`) per year (undated ones under "unknown")."""
    table: dict[str, Counter] = {}
    for _, _, data in _asserted(graph):
        date = data.get("date")
        year = date[:4] if date else "unknown"  # not "unkn": notebooks drop "unknown"
        table.setdefault(year, Counter())[data["relation"]] += 1
    names = relation_schema().names
    return [{"year": year, **{name: c[name] for name in names}}
            for year, c in sorted(table.items(), key=lambda kv: (kv[0] == "unknown", kv[0]))]
