"""The Python API: a built graph you can query, project and draw.

>>> kg = KnowledgeGraph.build(["corpus/"], out="build/")        # doctest: +SKIP
>>> kg.query("SELECT ?a ?b WHERE { ?a kg:sentLetterTo ?b }")     # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import networkx as nx

from kgraph.graph.store import GraphStore


def store_folder(folder: str | Path) -> Path:
    """The Oxigraph folder of a build folder (``build/store``), or `folder` itself."""
    folder = Path(folder)
    return folder / "store" if (folder / "store").is_dir() else folder


class KnowledgeGraph:
    """A knowledge graph built into a folder (``store/``, ``graph.ttl``, ``graph.html``)."""

    def __init__(self, folder: str | Path, store: GraphStore, summary: Any = None):
        self.folder = Path(folder)
        self.store = store
        self.summary = summary

    @classmethod
    def build(cls, paths: Iterable[str | Path], out: str | Path = "build", **options: Any
              ) -> KnowledgeGraph:
        """Read, extract and store `paths` into folder `out`; see `kgraph.pipeline.build_graph`."""
        from kgraph.pipeline import build_graph

        summary = build_graph(paths, out, **options)
        return cls(out, GraphStore.open(summary.store_path, read_only=True), summary)

    @classmethod
    def open(cls, folder: str | Path = "build", read_only: bool = True) -> KnowledgeGraph:
        """A graph built earlier into `folder`, read-only unless asked otherwise."""
        return cls(folder, GraphStore.open(store_folder(folder), read_only=read_only))

    def select(self, sparql: str) -> list[dict[str, Any]]:
        """Rows of a SPARQL SELECT as dicts (kgraph's prefixes are predefined)."""
        return self.store.select(sparql)

    def query(self, sparql: str) -> Any:
        """A SPARQL SELECT as a pandas DataFrame."""
        import pandas as pd

        return pd.DataFrame(self.select(sparql))

    def to_networkx(self) -> nx.MultiDiGraph:
        from kgraph.analysis import to_networkx

        return to_networkx(self.store)
