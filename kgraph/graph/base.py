"""What the build needs from a triple store, written once over `select` and `update`.

`kgraph.graph.store.GraphStore` (embedded Oxigraph) and
`kgraph.graph.remote.RemoteStore` (any SPARQL 1.1 server) both provide it.
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from concurrent.futures import ThreadPoolExecutor
from importlib import resources
from pathlib import Path
from typing import Any, BinaryIO

from kgraph.graph.events import MergedEvent, events_graph, merge_events
from kgraph.graph.namespaces import KGG, document_graph


def actor_statements() -> list[str]:
    """``sparql/rebuild_actors.ru`` as [drop and labels, then one update per statement].

    Comment lines are dropped; a statement ends with " ;" at the end of a line that
    is followed by the next INSERT.
    """
    text = resources.files("kgraph.graph").joinpath("sparql/rebuild_actors.ru")
    lines = [line for line in text.read_text("utf-8").splitlines()
             if not line.lstrip().startswith("#")]
    statements = re.split(r"\s;\n(?=INSERT|DROP)", "\n".join(lines))
    return [" ;\n".join(statements[:2]), *statements[2:]]


class TripleStore(ABC):
    """One named graph per document, plus the shared ``kgg:actors`` graph."""

    @abstractmethod
    def select_table(self, sparql: str, bindings: dict[str, str] | None = None
                     ) -> tuple[list[str], list[dict[str, Any]]]:
        """The variables and rows of a SELECT (kgraph prefixes predefined, union default
        graph); values are plain Python (IRIs and strings as str, numbers as numbers).
        `bindings` bind variables to string literals before the query runs."""

    def select(self, sparql: str, bindings: dict[str, str] | None = None
               ) -> list[dict[str, Any]]:
        """Rows of a SELECT query as dicts."""
        return self.select_table(sparql, bindings)[1]

    @abstractmethod
    def update(self, sparql: str) -> None:
        """Run a SPARQL Update (kgraph prefixes predefined)."""

    @abstractmethod
    def replace_graph(self, graph: str, ntriples: bytes) -> None:
        """Swap the named graph `graph` (an IRI) for these N-Triples."""

    def replace_derived_graph(self, graph: str, ntriples: bytes) -> None:
        """Swap a graph derived from the documents (rebuilt at every build)."""
        self.replace_graph(graph, ntriples)

    def add_to_graph(self, graph: str, ntriples: bytes) -> None:
        """Add these N-Triples to the named graph `graph`."""
        if ntriples:
            self.update(f"INSERT DATA {{ GRAPH <{graph}> {{\n{ntriples.decode('utf-8')}}} }}")

    def replace_document(self, document_id: str, ntriples: bytes) -> None:
        """Swap one document's named graph for these N-Triples."""
        self.replace_graph(str(document_graph(document_id)), ntriples)

    def write_documents(self, done: list) -> None:
        """Store a batch of extracted documents (`kgraph.workers.Extracted`)."""
        for item in done:
            self.replace_document(item.document_id, item.data())
            if item.spool:
                Path(item.spool).unlink(missing_ok=True)

    @abstractmethod
    def remove_document(self, document_id: str) -> None:
        """Drop one document's named graph."""

    @abstractmethod
    def triple_count(self) -> int:
        """Triples in all graphs (quads)."""

    @abstractmethod
    def export(self, out: str | Path | BinaryIO, fmt: str = "turtle") -> None:
        """Write the store's content."""

    def flush(self) -> None:  # noqa: B027 - most servers need nothing here
        """Make writes durable (a no-op where the server does it)."""

    def document_hashes(self) -> dict[str, str]:
        """Document id → content hash, for every document in the store."""
        rows = self.select(
            "SELECT ?id ?hash WHERE { ?d a kg:Document ; kg:documentId ?id ; kg:contentHash ?hash }"
        )
        return {row["id"]: row["hash"] for row in rows}

    def rebuild_actors(self) -> None:
        """Describe every actor once, in the shared ``kgg:actors`` graph, from the mentions
        in the document graphs (so it stays right when a document comes or goes).

        The first two statements (drop, labels) run first; the others only read the
        document graphs and the labels, so they run side by side (0.87 s → 0.62 s on
        600 documents).
        """
        first, *rest = actor_statements()
        self.update(first)
        with ThreadPoolExecutor(2) as pool:
            list(pool.map(self.update, rest))

    def rebuild_events(self, rows: list[dict[str, Any]]) -> list[MergedEvent]:
        """Group the document events `rows` (`kgraph.analysis.project.edge_rows`) into
        real events, with letters counted per pair, in the ``kgg:events`` graph (see
        `kgraph.graph.events`); the merged events, for the caller to reuse."""
        events = merge_events(rows)
        self.write_events(events)
        return events

    def write_events(self, events: list[MergedEvent]) -> None:
        """The ``kgg:events`` graph made of these merged events."""
        self.replace_derived_graph(str(KGG.events), events_graph(events).ntriples())
