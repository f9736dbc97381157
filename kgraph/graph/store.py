"""The embedded Oxigraph store: one named graph per document.

>>> store = GraphStore.open("build/store")                     # doctest: +SKIP
>>> store.replace_document("doc-1", graph)                     # doctest: +SKIP
>>> store.select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")  # doctest: +SKIP
[{'n': 1234}]

Queries see the union of all graphs as their default graph: the document
graphs and ``kgg:actors``, where each actor is described once.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import Graph

from kgraph.graph.namespaces import PREFIXES, document_graph, sparql_prefixes


def _python(term: Any) -> Any:
    """A pyoxigraph term as a plain Python value (IRIs and strings as str, numbers as numbers)."""
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        datatype = term.datatype.value if term.datatype else ""
        if datatype.endswith(("#integer", "#int", "#long")):
            return int(term.value)
        if datatype.endswith(("#decimal", "#double", "#float")):
            return float(term.value)
        if datatype.endswith("#boolean"):
            return term.value == "true"
        return term.value
    return term.value


class GraphStore:
    """A folder holding an Oxigraph database."""

    def __init__(self, store: ox.Store, path: Path | None):
        self.store = store
        self.path = path

    @classmethod
    def open(cls, path: str | Path, read_only: bool = False) -> GraphStore:
        path = Path(path)
        if read_only:
            return cls(ox.Store.read_only(str(path)), path)
        path.mkdir(parents=True, exist_ok=True)
        return cls(ox.Store(str(path)), path)

    def replace_document(self, document_id: str, graph: Graph) -> int:
        """Swap one document's named graph for `graph`; returns its triple count."""
        name = ox.NamedNode(str(document_graph(document_id)))
        data = graph.serialize(format="nt", encoding="utf-8")
        if self.store.contains_named_graph(name):
            self.store.remove_graph(name)
        self.store.load(data, ox.RdfFormat.N_TRIPLES, to_graph=name)
        return len(graph)

    def rebuild_actors(self) -> None:
        """Describe every actor once, in the shared ``kgg:actors`` graph, from the mentions
        in the document graphs (so it stays right when a document comes or goes)."""
        update = resources.files("kgraph.graph").joinpath("sparql/rebuild_actors.ru")
        self.store.update(sparql_prefixes() + update.read_text("utf-8"))

    def remove_document(self, document_id: str) -> None:
        name = ox.NamedNode(str(document_graph(document_id)))
        if self.store.contains_named_graph(name):
            self.store.remove_graph(name)

    def document_hashes(self) -> dict[str, str]:
        """Document id → content hash, for every document in the store."""
        rows = self.select(
            "SELECT ?id ?hash WHERE { ?d a kg:Document ; kg:documentId ?id ; kg:contentHash ?hash }"
        )
        return {row["id"]: row["hash"] for row in rows}

    def query(self, sparql: str, **options: Any) -> Any:
        """Run SPARQL with kgraph's prefixes; the default graph is the union of documents."""
        return self.store.query(sparql_prefixes() + sparql, use_default_graph_as_union=True,
                                **options)

    def select(self, sparql: str, **options: Any) -> list[dict[str, Any]]:
        """Rows of a SELECT query as dicts of plain Python values."""
        solutions = self.query(sparql, **options)
        names = [v.value for v in solutions.variables]
        return [{name: _python(row[name]) for name in names} for row in solutions]

    def triple_count(self) -> int:
        return len(self.store)

    def export(self, path: str | Path, fmt: str = "turtle") -> None:
        """Write the whole store.

        ``turtle`` and ``ntriples`` hold the union of the document graphs;
        ``trig`` and ``nquads`` keep one named graph per document.
        """
        path = Path(path)
        if fmt in {"trig", "nquads"}:
            fmt_enum = ox.RdfFormat.TRIG if fmt == "trig" else ox.RdfFormat.N_QUADS
            self.store.dump(str(path), fmt_enum)
            return
        triples = self.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")
        fmt_enum = ox.RdfFormat.TURTLE if fmt == "turtle" else ox.RdfFormat.N_TRIPLES
        options = {"prefixes": {k: str(v) for k, v in PREFIXES.items()}} \
            if fmt == "turtle" else {}
        with path.open("wb") as out:
            ox.serialize(triples, out, fmt_enum, **options)

    def flush(self) -> None:
        self.store.flush()
