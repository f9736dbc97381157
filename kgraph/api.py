"""The Python API: a built graph you can query, analyse and draw. The CLI is built on it.

>>> kg = KnowledgeGraph.build(["corpus/"], out="build/")        # doctest: +SKIP
>>> kg.query("correspondents", person="Kim Jong-un")            # doctest: +SKIP
>>> kg.show(relations={"sentLetterTo"})                         # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kgraph.graph.base import TripleStore
from kgraph.graph.remote import RemoteStore, RemoteStoreError
from kgraph.graph.store import GraphStore

if TYPE_CHECKING:  # NetworkX is imported where a network is made: a build needs none
    import networkx as nx


def store_folder(folder: str | Path) -> Path:
    """The store to read in a build folder: its published snapshot (see
    `kgraph.graph.snapshot`), else ``build/store``, else `folder` itself."""
    from kgraph.graph.snapshot import reading_store

    return reading_store(folder)


class KnowledgeGraph:
    """A knowledge graph built into a folder (``store/``, ``graph.ttl``, ``graph.html``)."""

    def __init__(self, folder: str | Path, store: TripleStore, summary: Any = None):
        self.folder = Path(folder)
        self.store = store
        self.summary = summary
        self._actor_names: list | None = None  # read once, on the first name looked up

    @classmethod
    def build(cls, paths: Iterable[str | Path], out: str | Path = "build", **options: Any
              ) -> KnowledgeGraph:
        """Read, extract and store `paths` into folder `out`; see `kgraph.pipeline.build_graph`."""
        from kgraph.pipeline import build_graph

        summary = build_graph(paths, out, **options)
        if summary.store_url:
            return cls(out, RemoteStore.from_url(summary.store_url), summary)
        return cls(out, GraphStore.open(store_folder(out), read_only=True), summary)

    @classmethod
    def open(cls, folder: str | Path = "build", read_only: bool = True,
             store_url: str | None = None) -> KnowledgeGraph:
        """A graph built earlier into `folder` (read-only unless asked) or a SPARQL server."""
        if store_url:
            return cls(folder, RemoteStore.from_url(store_url))
        return cls(folder, GraphStore.open(store_folder(folder), read_only=read_only))

    def _sparql(self, sparql_or_name: str, params: dict[str, str]
                ) -> tuple[str, dict[str, str]]:
        from kgraph.query import load_query, named_queries

        if params or sparql_or_name in named_queries():
            query = load_query(sparql_or_name)
            # Names first (any label, alias or short form): an unknown one is what to fix.
            keys = {f"{param}Key": self.name_key(value) for param, value in params.items()
                    if param in query.params and f"?{param}Key" in query.text}
            return query.text, query.bindings(**params) | keys
        return sparql_or_name, {}

    def _table(self, sparql_or_name: str, params: dict[str, str]
               ) -> tuple[list[str], list[dict[str, Any]]]:
        """Columns and rows; a query that does not parse raises `SparqlSyntaxError` (a
        ValueError) whose message has the line and column in the text as given."""
        from kgraph.graph.namespaces import sparql_prefixes
        from kgraph.query.syntax import SparqlSyntaxError, explain

        sparql, bindings = self._sparql(sparql_or_name, params)
        try:
            return self.store.select_table(sparql, bindings)
        except SyntaxError as error:
            message = str(error)
        except RemoteStoreError as error:  # the server's parser, behind HTTP 400
            if "HTTP 400" not in str(error):
                raise
            message = str(error)
        where = explain(message, sparql, sparql_prefixes().count("\n"))
        raise SparqlSyntaxError(f"SPARQL syntax error: {where}")

    def name_key(self, name: str) -> str:
        """The lookup key of the actor `name` means: any label or alias, case and accents
        aside, a title in front left out, or a surname alone when one actor has it;
        `kgraph.query.resolve.UnknownName` (one line, with suggestions) otherwise."""
        from kgraph.query.resolve import ACTOR_NAMES, actor_names, resolve_key

        if self._actor_names is None:
            self._actor_names = actor_names(self.store.select(ACTOR_NAMES))
        return resolve_key(name, self._actor_names)

    def select(self, sparql_or_name: str, **params: str) -> list[dict[str, Any]]:
        """Rows of a SELECT as dicts: SPARQL text, or a named query with its parameters.

        >>> kg.select("correspondents", person="Kim Jong-un")   # doctest: +SKIP
        """
        return self._table(sparql_or_name, params)[1]

    def query(self, sparql_or_name: str, **params: str) -> Any:
        """A SELECT (SPARQL text or a named query) as a pandas DataFrame."""
        import pandas as pd

        columns, rows = self._table(sparql_or_name, params)
        return pd.DataFrame(rows, columns=columns)

    def to_networkx(self, **filters: Any) -> nx.MultiDiGraph:
        """The actor network; `filters` as in `kgraph.analysis.filter_graph`
        (relations, start, end, modalities, min_confidence, node_types)."""
        from kgraph.analysis import filter_graph, to_networkx

        graph = to_networkx(self.store)
        return filter_graph(graph, **filters) if filters else graph

    def show(self, size_by: str = "degree", max_nodes: int = 1500, height: str = "650px",
             title: str | None = None, **filters: Any) -> Any:
        """The interactive network, inline in Jupyter (self-contained, works offline);
        titled by the build folder's name unless `title` is given."""
        from kgraph.viz import PageView, page_html

        title = title or f"{self.folder.resolve().name} — kgraph"

        return PageView(page_html(self.to_networkx(**filters), title, size_by, max_nodes),
                        height)

    def timeline(self, actor: str) -> Any:
        """An actor's letters, meetings, defections and roles in date order (DataFrame)."""
        return self.query("timeline", person=actor)

    def evidence(self, subject: str, relation: str, obj: str) -> Any:
        """The sentences behind `subject relation obj`, e.g.
        ``kg.evidence("Kim Jong-un", "sentLetterTo", "Donald Trump")`` (DataFrame)."""
        return self.query("evidence", subject=subject, relation=relation, object=obj)

    def analyze(self, top: int = 10, **filters: Any) -> dict[str, Any]:
        """The tables of ``kgraph analyze`` as DataFrames, by name."""
        import pandas as pd

        from kgraph.analysis.report import analysis_tables

        tables = analysis_tables(self.to_networkx(**filters), top)
        return {name: pd.DataFrame(rows) for name, rows in tables.items()}
