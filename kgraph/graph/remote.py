"""A graph kept in a SPARQL 1.1 server instead of a local folder.

>>> store = RemoteStore.from_url("http://127.0.0.1:7878")           # doctest: +SKIP
>>> store.select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")       # doctest: +SKIP
[{'n': 2137}]

Reads go to the SPARQL 1.1 Query endpoint, actor rebuilds to the Update
endpoint, and each document's graph is replaced in one Graph Store Protocol
``PUT`` of N-Triples (one request per document, atomic on the server; rdflib's
update store managed ~900 triples/s, a GSP request tens of thousands).

``URL`` is an Oxigraph server's base (``/query``, ``/update``, ``/store``), or
the three endpoints spelled out for Fuseki, GraphDB or Virtuoso:
``query=http://h:3030/ds/query,update=http://h:3030/ds/update,data=http://h:3030/ds/data``.
Queries ask for the union of all graphs as default graph (Oxigraph's
``union-default-graph``; configure Fuseki with ``tdb2:unionDefaultGraph``).
"""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any, BinaryIO

from rdflib import Graph

from kgraph.graph.base import TripleStore
from kgraph.graph.namespaces import PREFIXES, document_graph, sparql_prefixes

_INTEGER = ("integer", "int", "long", "short", "nonNegativeInteger")
_DECIMAL = ("decimal", "double", "float")


class RemoteStoreError(RuntimeError):
    """The server refused or could not be reached; the message names the URL."""


def _value(binding: dict[str, str] | None) -> Any:
    """A SPARQL JSON results term as a plain Python value, like `GraphStore.select`."""
    if binding is None:
        return None
    datatype = binding.get("datatype", "").rsplit("#", 1)[-1]
    value = binding["value"]
    if datatype in _INTEGER:
        return int(value)
    if datatype in _DECIMAL:
        return float(value)
    if datatype == "boolean":
        return value == "true"
    return value


class RemoteStore(TripleStore):
    """A triple store behind SPARQL 1.1 Query, Update and Graph Store Protocol endpoints."""

    def __init__(self, query_url: str, update_url: str, data_url: str, timeout: float = 60):
        self.query_url, self.update_url, self.data_url = query_url, update_url, data_url
        self.timeout = timeout

    @classmethod
    def from_url(cls, url: str) -> RemoteStore:
        if "=" in url:
            parts = dict(p.split("=", 1) for p in url.split(","))
            return cls(parts["query"], parts["update"], parts["data"])
        base = url.rstrip("/")
        return cls(f"{base}/query", f"{base}/update", f"{base}/store")

    def _request(self, url: str, method: str, body: bytes | None, headers: dict[str, str]
                 ) -> bytes:
        request = urllib.request.Request(url, data=body, method=method, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return response.read()
        except urllib.error.HTTPError as error:
            detail = error.read().decode("utf-8", "replace").strip().splitlines()
            raise RemoteStoreError(f"{url}: HTTP {error.code} "
                                   f"{detail[0] if detail else error.reason}") from None
        except (urllib.error.URLError, OSError) as error:
            reason = getattr(error, "reason", error)
            raise RemoteStoreError(f"{url}: cannot reach the server ({reason})") from None

    def _query(self, sparql: str, accept: str) -> bytes:
        url = f"{self.query_url}?{urllib.parse.urlencode({'union-default-graph': ''})}"
        return self._request(url, "POST", (sparql_prefixes() + sparql).encode("utf-8"),
                             {"Content-Type": "application/sparql-query", "Accept": accept})

    def select_table(self, sparql: str, bindings: dict[str, str] | None = None
                     ) -> tuple[list[str], list[dict[str, Any]]]:
        from kgraph.query.named import with_values

        sparql = with_values(sparql, bindings) if bindings else sparql
        result = json.loads(self._query(sparql, "application/sparql-results+json"))
        names = result["head"]["vars"]
        return names, [{n: _value(row.get(n)) for n in names}
                       for row in result["results"]["bindings"]]

    def update(self, sparql: str) -> None:
        self._request(self.update_url, "POST", (sparql_prefixes() + sparql).encode("utf-8"),
                      {"Content-Type": "application/sparql-update"})

    def _graph_url(self, document_id: str) -> str:
        return self._named_graph_url(str(document_graph(document_id)))

    def _named_graph_url(self, graph: str) -> str:
        return f"{self.data_url}?{urllib.parse.urlencode({'graph': graph})}"

    def replace_graph(self, graph: str, ntriples: bytes) -> None:
        self._request(self._named_graph_url(graph), "PUT", ntriples,
                      {"Content-Type": "application/n-triples"})

    def remove_document(self, document_id: str) -> None:
        try:
            self._request(self._graph_url(document_id), "DELETE", None, {})
        except RemoteStoreError as error:
            if "HTTP 404" not in str(error):
                raise

    def triple_count(self) -> int:
        rows = self.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
        return rows[0]["n"]

    def export(self, out: str | Path | BinaryIO, fmt: str = "turtle") -> None:
        """Turtle or N-Triples of the union of all graphs, from a CONSTRUCT query."""
        accept = {"turtle": "text/turtle", "ntriples": "application/n-triples"}.get(fmt)
        if accept is None:
            raise RemoteStoreError(f"{self.query_url}: export as {fmt} needs a local store; "
                                   "use turtle or ntriples")
        data = self._query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", accept)
        if fmt == "turtle":  # servers pick their own prefixes; give readers kgraph's
            graph = Graph().parse(data=data, format="turtle")
            for prefix, namespace in PREFIXES.items():
                graph.bind(prefix, namespace)
            data = graph.serialize(format="turtle", encoding="utf-8")
        if isinstance(out, (str, Path)):
            Path(out).write_bytes(data)
        else:
            out.write(data)
