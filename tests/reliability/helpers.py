"""What the reliability tests read from a store: triples per document graph."""

from __future__ import annotations

from kgraph.graph.store import GraphStore


def graph_sizes(store: GraphStore) -> dict[str, int]:
    """Triples in each synthetic-report document graph."""
    rows = store.select("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
                        "FILTER(STRSTARTS(STR(?g), 'https://w3id.org/kgraph/graph/report')) }"
                        " GROUP BY ?g")
    return {row["g"]: row["n"] for row in rows}
