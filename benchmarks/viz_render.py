"""How long a big graph page takes to settle in headless Chromium.

    python benchmarks/viz_render.py --nodes 2000 --edges 8000

Builds a synthetic actor network (random, with a few hubs like a real archive),
writes the page the way ``kgraph viz`` does, opens it from file:// and reports
the seconds until the layout is stabilised and frozen.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.browser import chromium_page, wait_for  # noqa: E402
from kgraph.viz import write_page  # noqa: E402

RELATIONS = ("sentLetterTo", "metWith", "defectedFrom")
TYPES = ("Person", "Person", "Person", "Ministry", "Embassy", "Country", "Party")


def synthetic_network(nodes: int, edges: int, seed: int = 1) -> nx.MultiDiGraph:
    """A MultiDiGraph shaped like kgraph's projection (preferential attachment for hubs)."""
    rng = random.Random(seed)
    graph = nx.MultiDiGraph()
    for i in range(nodes):
        graph.add_node(f"actor/{i}", label=f"Actor {i}", type=rng.choice(TYPES), country=None,
                       aliases=[f"A. {i}"], roles=["Minister"] if i % 7 == 0 else [])
    weights = [1.0 / (i + 1) ** 0.6 for i in range(nodes)]
    ends = rng.choices(range(nodes), weights=weights, k=2 * edges)
    for k in range(edges):
        a, b = ends[2 * k], ends[2 * k + 1]
        if k < nodes - 1:  # first a spanning tree, so that every actor is drawn
            a, b = k + 1, rng.randrange(k + 1)
        if a == b:
            b = (b + 1) % nodes
        relation = rng.choice(RELATIONS)
        graph.add_edge(f"actor/{a}", f"actor/{b}", key=f"event/{k}", relation=relation,
                       date=f"{rng.randint(1950, 2019)}-0{rng.randint(1, 9)}",
                       modality=rng.choice(("asserted",) * 8 + ("planned", "negated")),
                       medium="letter", confidence=0.8, document=f"doc/{k % 500}",
                       document_title=f"Document {k % 500}",
                       evidence=f"Actor {a} and Actor {b} in sentence {k}.",
                       evidence_start=0, evidence_end=10)
    return graph


def measure(nodes: int, edges: int) -> dict[str, float]:
    graph = synthetic_network(nodes, edges)
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        page_path = write_page(graph, Path(folder) / "big.html", title="benchmark",
                               max_nodes=nodes)
        size_mb = page_path.stat().st_size / 1e6
        write_seconds = time.perf_counter() - started
        with chromium_page() as page:
            started = time.perf_counter()
            page.goto(page_path.as_uri())
            wait_for(page, "window.kgraphStabilized === true", timeout=300)
            settle_seconds = time.perf_counter() - started
            in_page = page.evaluate("window.kgraphStabilizedAfter") / 1000
            drawn = page.evaluate("() => [window.kgraphNetwork.body.data.nodes.length, "
                                  "window.kgraphNetwork.body.data.edges.length]")
    return {"nodes": drawn[0], "edges": drawn[1], "write_s": round(write_seconds, 2),
            "settled_s": round(settle_seconds, 2), "settled_in_page_s": round(in_page, 2),
            "page_mb": round(size_mb, 2)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=2000)
    parser.add_argument("--edges", type=int, default=8000)
    args = parser.parse_args()
    result = measure(args.nodes, args.edges)
    print(" ".join(f"{k}={v}" for k, v in result.items()))


if __name__ == "__main__":
    main()
