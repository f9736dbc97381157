"""The Python API: a built graph you can query, project and draw.

>>> kg = KnowledgeGraph.build(["corpus/"], out="build/")        # doctest: +SKIP
>>> kg.query("SELECT ?a ?b WHERE { ?a kg:sentLetterTo ?b }")     # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import networkx as nx

from kgraph.graph.base import TripleStore
from kgraph.graph.remote import RemoteStore
from kgraph.graph.store import GraphStore


def store_folder(folder: str | Path) -> Path:
    """The Oxigraph folder of a build folder (``build/store``), or `folder` itself."""
    folder = Path(folder)
    return folder / "store" if (folder / "store").is_dir() else folder


class KnowledgeGraph:
    """A knowledge graph built into a folder (``store/``, ``graph.ttl``, ``graph.html``)."""

    def __init__(self, folder: str | Path, store: TripleStore, summary: Any = None):
        self.folder = Path(folder)
        self.store = store
        self.summary = summary

    @classmethod
    def build(cls, paths: Iterable[str | Path], out: str | Path = "build", **options: Any
              ) -> KnowledgeGraph:
        """Read, extract and store `paths` into folder `out`; see `kgraph.pipeline.build_graph`."""
        from kgraph.pipeline import build_graph

        summary = build_graph(paths, out, **options)
        if summary.store_url:
            return cls(out, RemoteStore.from_url(summary.store_url), summary)
        return cls(out, GraphStore.open(summary.store_path, read_only=True), summary)

    @classmethod
    def open(cls, folder: str | Path = "build", read_only: bool = True,
             store_url: str | None = None) -> KnowledgeGraph:
        """A graph built earlier into `folder` (read-only unless asked) or a SPARQL server."""
        if store_url:
            return cls(folder, RemoteStore.from_url(store_url))
        return cls(folder, GraphStore.open(store_folder(folder), read_only=read_only))

    def select(self, sparql_or_name: str, **params: str) -> list[dict[str, Any]]:
        """Rows of a SELECT as dicts: SPARQL text, or a named query with its parameters.

        >>> kg.select("correspondents", person="Kim Jong-un")   # doctest: +SKIP
        """
        from kgraph.query import load_query, named_queries

        if params or sparql_or_name in named_queries():
            return self.store.select(load_query(sparql_or_name).bind(**params))
        return self.store.select(sparql_or_name)

    def query(self, sparql_or_name: str, **params: str) -> Any:
        """A SELECT (SPARQL text or a named query) as a pandas DataFrame."""
        import pandas as pd

        return pd.DataFrame(self.select(sparql_or_name, **params))

    def to_networkx(self) -> nx.MultiDiGraph:
        from kgraph.analysis import to_networkx

        return to_networkx(self.store)
