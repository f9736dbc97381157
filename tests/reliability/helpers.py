"""What the reliability tests read from a store: triples per document graph."""

from __future__ import annotations

from pathlib import Path

from kgraph.graph.store import GraphStore


def graph_sizes(store: GraphStore) -> dict[str, int]:
    """Triples in each synthetic-report document graph."""
    rows = store.select("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
                        "FILTER(STRSTARTS(STR(?g), 'https://w3id.org/kgraph/graph/report')) }"
                        " GROUP BY ?g")
    return {row["g"]: row["n"] for row in rows}


def hostile_build(folder: Path):
    """Build one document whose title and text carry script, image and frame tags.

    A page that runs any of them sets `window.pwned` (checked in a real browser by
    tests/test_page_browser.py) or shows an element that should not exist.
    """
    from kgraph.pipeline import build_graph

    docs = folder / "docs"
    docs.mkdir(parents=True)
    (docs / "hostile.md").write_text(
        "---\ntitle: \"</script><script>window.pwned=3</script>\"\ndate: 2018-06-12\n---\n"
        "Donald Trump met Kim Jong-un in Singapore on June 12, 2018. "
        "<script>window.pwned=2</script> <img src=x onerror=window.pwned=4> "
        "<iframe src=//example.org></iframe>\n", encoding="utf-8")
    return build_graph([docs], folder / "out")
