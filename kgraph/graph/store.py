"""The embedded Oxigraph store: one named graph per document.

>>> store = GraphStore.open("build/store")                     # doctest: +SKIP
>>> store.replace_document("doc-1", graph)                     # doctest: +SKIP
>>> store.select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")  # doctest: +SKIP
[{'n': 1234}]

Queries see the union of all graphs as their default graph: the document
graphs and ``kgg:actors``, where each actor is described once.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from itertools import islice
from pathlib import Path
from typing import Any, BinaryIO

import pyoxigraph as ox
from rdflib import Graph
from rdflib.namespace import XSD

from kgraph.graph.base import TripleStore
from kgraph.graph.namespaces import KG, KGG, PREFIXES, document_graph, sparql_prefixes


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


def _jsonld(triples: Any) -> bytes:
    """JSON-LD of a triple iterator, compacted with kgraph's published context."""
    import json

    from kgraph.graph.validate import ontology_file

    buffer = io.BytesIO()
    ox.serialize(triples, buffer, ox.RdfFormat.N_TRIPLES)
    graph = Graph().parse(data=buffer.getvalue(), format="nt")
    context = json.loads(ontology_file("context.jsonld").read_text("utf-8"))["@context"]
    return graph.serialize(format="json-ld", context=context, auto_compact=True,
                           encoding="utf-8")


MANIFEST = ox.NamedNode(str(KGG.manifest))
SPOOL_CHUNK = 100_000  # N-Triples lines per bulk load of a spooled document
LOAD_BYTES = 4 << 20  # N-Triples per bulk load of a derived graph


def line_chunks(data: bytes, size: int) -> Iterator[bytes]:
    """`data` in pieces of about `size` bytes, each ending at a line end."""
    start = 0
    while start < len(data):
        end = len(data)
        if start + size < len(data):  # the last line end within `size`, or else the next
            end = (data.rfind(b"\n", start, start + size) + 1
                   or data.find(b"\n", start + size) + 1 or len(data))
        yield data[start:end]
        start = end


class StoreBusy(RuntimeError):
    """The store is open for writing elsewhere (one writer at a time: RocksDB's lock)."""


def _as_quads(document_id: str, ntriples: bytes) -> bytes:
    """N-Triples lines → N-Quads lines in the document's graph.

    kgraph's writer (`kgraph.graph.rdf.Triples`) ends every line with " .\\n" and
    escapes line breaks inside literals, so one bytes replace does it (the same bytes
    as a per-line rewrite, in three quarters of the time).
    """
    graph = b" <" + str(document_graph(document_id)).encode() + b"> .\n"
    return ntriples.replace(b" .\n", graph)


def _manifest_quads(item) -> list[ox.Quad]:
    entry = ox.NamedNode(str(document_graph(item.document_id)))
    return [ox.Quad(entry, ox.NamedNode(str(KG.documentId)), ox.Literal(item.document_id),
                    MANIFEST),
            ox.Quad(entry, ox.NamedNode(str(KG.contentHash)), ox.Literal(item.content_hash),
                    MANIFEST),
            ox.Quad(entry, ox.NamedNode(str(KG.tripleCount)),
                    ox.Literal(str(item.triples), datatype=ox.NamedNode(str(XSD.integer))),
                    MANIFEST)]


class GraphStore(TripleStore):
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
        try:
            return cls(ox.Store(str(path)), path)
        except OSError as error:
            if "lock" in str(error).lower():
                raise StoreBusy(f"{path}: another kgraph build is writing this store; "
                                "wait for it to finish") from None
            raise

    def replace_derived_graph(self, graph: str, ntriples: bytes) -> None:
        """Bring a graph derived from the documents (events, curation) to these
        N-Triples by removing and adding only the triples that differ: removing a
        200,000-triple graph took 4 s, and a rebuild after a few new documents changes
        a few of its triples. Both sides are compared as rdflib-free N-Triples lines,
        written by Oxigraph, so that one triple is one line whichever way it was
        written; a build killed half-way rebuilds the graph anyway."""
        name = ox.NamedNode(graph)
        if not self.store.contains_named_graph(name) or \
                next(self.store.quads_for_pattern(None, None, None, name), None) is None:
            self.add_to_graph(graph, ntriples)  # a first build: nothing to compare with
            return
        old = self._lines(self.store.quads_for_pattern(None, None, None, name))
        new = self._lines(ox.parse(ntriples, ox.RdfFormat.N_TRIPLES, lenient=True))
        gone, added = old - new, new - old
        if gone:
            for triple in ox.parse("".join(gone).encode(), ox.RdfFormat.N_TRIPLES):
                self.store.remove(ox.Quad(triple.subject, triple.predicate, triple.object,
                                          name))
        if added:
            self.store.bulk_load("".join(added).encode(), ox.RdfFormat.N_TRIPLES,
                                 to_graph=name, lenient=True)

    def add_to_graph(self, graph: str, ntriples: bytes) -> None:
        # The bulk loader: a transaction of a first build's whole events graph held
        # more memory (a build killed half-way rebuilds the graph anyway). A few MB at a
        # time: 5,000 documents' events graph (41 MB) in one load took 2.0 s and 228 MB
        # more memory, in 4 MB pieces 1.6 s and 48 MB.
        for piece in line_chunks(ntriples, LOAD_BYTES):
            self.store.bulk_load(piece, ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(graph),
                                 lenient=True)

    @staticmethod
    def _lines(items: Any) -> set[str]:
        buffer = io.BytesIO()
        triples = (ox.Triple(i.subject, i.predicate, i.object) for i in items)
        ox.serialize(triples, buffer, ox.RdfFormat.N_TRIPLES)
        return set(buffer.getvalue().decode("utf-8").splitlines(keepends=True))

    def replace_graph(self, graph: str, ntriples: bytes) -> None:
        name = ox.NamedNode(graph)
        if self.store.contains_named_graph(name):
            self.store.remove_graph(name)
        self.store.load(ntriples, ox.RdfFormat.N_TRIPLES, to_graph=name, lenient=True)

    def write_documents(self, done: list) -> None:
        """Store a batch: changed documents one by one (remove, then load, each a
        transaction); new ones together in one bulk load (~3× faster). The manifest
        entry of each document (hash, triple count) is written after its triples, so
        a build killed in between leaves documents the next build redoes, never ones
        it wrongly takes as done."""
        new = []
        for item in done:
            name = ox.NamedNode(str(document_graph(item.document_id)))
            if item.spool:  # a very big document: streamed from its file
                self.remove_document(item.document_id)
                self._load_in_chunks(item.spool, name)
                Path(item.spool).unlink(missing_ok=True)
            elif self.store.contains_named_graph(name):
                self._forget(item.document_id)
                self.replace_document(item.document_id, item.ntriples)
            else:
                new.append(item)
        if new:
            self.store.bulk_load(b"".join(_as_quads(i.document_id, i.ntriples) for i in new),
                                 ox.RdfFormat.N_QUADS, lenient=True)
        self.store.extend([quad for item in done for quad in _manifest_quads(item)])

    def _load_in_chunks(self, path: str, graph: ox.NamedNode) -> None:
        """Bulk-load an N-Triples file SPOOL_CHUNK lines at a time: Oxigraph's bulk
        loader held 1.3 GB for 2.2 M triples in one call, 160 MB per 100,000 lines."""
        with open(path, "rb") as lines:
            while chunk := b"".join(islice(lines, SPOOL_CHUNK)):
                self.store.bulk_load(chunk, ox.RdfFormat.N_TRIPLES, to_graph=graph,
                                     lenient=True)

    def _forget(self, document_id: str) -> None:
        entry = ox.NamedNode(str(document_graph(document_id)))
        for quad in list(self.store.quads_for_pattern(entry, None, None, MANIFEST)):
            self.store.remove(quad)

    def document_hashes(self) -> dict[str, str]:
        """Document id → content hash, from the manifest: only documents fully written."""
        rows = self.select("SELECT ?id ?hash WHERE { GRAPH kgg:manifest { "
                           "?g kg:documentId ?id ; kg:contentHash ?hash } }")
        return {row["id"]: row["hash"] for row in rows}

    def remove_document(self, document_id: str) -> None:
        name = ox.NamedNode(str(document_graph(document_id)))
        self._forget(document_id)
        if self.store.contains_named_graph(name):
            self.store.remove_graph(name)

    def update(self, sparql: str) -> None:
        self.store.update(sparql_prefixes() + sparql)

    def query(self, sparql: str, **options: Any) -> Any:
        """Run SPARQL with kgraph's prefixes; the default graph is the union of documents."""
        return self.store.query(sparql_prefixes() + sparql, use_default_graph_as_union=True,
                                **options)

    def select_table(self, sparql: str, bindings: dict[str, str] | None = None
                     ) -> tuple[list[str], list[dict[str, Any]]]:
        from kgraph.query.named import with_values

        solutions = self.query(with_values(sparql, bindings) if bindings else sparql)
        names = [v.value for v in solutions.variables]
        return names, [{name: _python(row[name]) for name in names} for row in solutions]

    def triple_count(self) -> int:
        """Quads of the documents and actors (the build's manifest not counted)."""
        manifest = sum(1 for _ in self.store.quads_for_pattern(None, None, None, MANIFEST))
        return len(self.store) - manifest

    def export(self, out: str | Path | BinaryIO, fmt: str = "turtle") -> None:
        """Write the whole store to a path or a binary stream.

        ``turtle`` and ``ntriples`` hold the union of all graphs; ``trig`` and
        ``nquads`` keep one named graph per document (and ``kgg:actors``);
        ``jsonld`` is the union framed by ``ontology/context.jsonld``.
        """
        if isinstance(out, (str, Path)):
            with Path(out).open("wb") as stream:
                self.export(stream, fmt)
            return
        prefixes = {k: str(v) for k, v in PREFIXES.items()}
        if fmt in {"trig", "nquads"}:
            quads = self.store.quads_for_pattern(None, None, None, None)
            fmt_enum = ox.RdfFormat.TRIG if fmt == "trig" else ox.RdfFormat.N_QUADS
            ox.serialize(quads, out, fmt_enum, **({"prefixes": prefixes} if fmt == "trig" else {}))
            return
        triples = self.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")
        if fmt == "jsonld":
            out.write(_jsonld(triples))
            return
        fmt_enum = {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES}[fmt]
        ox.serialize(triples, out, fmt_enum, **({"prefixes": prefixes} if fmt == "turtle" else {}))

    def flush(self) -> None:
        self.store.flush()
