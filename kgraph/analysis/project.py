"""Project the RDF graph to a NetworkX MultiDiGraph of actors.

Nodes are actor IRIs with ``label``, ``type``, ``country``, ``aliases`` and ``roles``;
edges are real events (told by one document or several) with ``relation``, ``date``,
``modality``, ``medium``, ``document`` (its IRI; ``document_id``, ``document_number``,
``document_date`` and ``document_title`` say which one), ``evidence`` and ``confidence``
of the first report, and ``sources`` (every document that tells it) and ``reports``.

>>> g = to_networkx(store)                                    # doctest: +SKIP
>>> g.nodes["https://w3id.org/kgraph/id/person/kim-jong-un"]["label"]  # doctest: +SKIP
'Kim Jong-un'
"""

from __future__ import annotations

from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor

import networkx as nx

from kgraph.graph.base import TripleStore
from kgraph.graph.events import MergedEvent, merge_events
from kgraph.schema import relation_schema

# Simple queries joined in Python: Oxigraph plans each of them well, one big
# GROUP_CONCAT over OPTIONALs it did not (5.7 s instead of 0.1 s on 120 documents).
_NODES = """
SELECT ?node ?type ?label WHERE {
  VALUES (?class ?type) {
    (kg:Person "Person") (kg:Organization "Organization") (kg:Ministry "Ministry")
    (kg:Embassy "Embassy") (kg:Party "Party") (kg:Government "Government")
    (kg:Institution "Institution") (kg:Country "Country")
  }
  ?node a ?class ; rdfs:label ?label .
}"""
_ALIASES = "SELECT ?node ?value WHERE { GRAPH kgg:actors { ?node skos:altLabel ?value } }"
_ROLES = "SELECT DISTINCT ?node ?value WHERE { ?position kg:holder ?node ; kg:title ?value }"
# Two queries, not a UNION: Oxigraph ran the UNION 100× slower (0.7 s on 240 documents).
_COUNTRIES = [
    "SELECT ?node ?value WHERE { GRAPH kgg:actors { ?node kg:country ?c . ?c rdfs:label ?value } }",
    "SELECT ?node ?value WHERE { ?p kg:holder ?node ; kg:country ?c . "
    "GRAPH kgg:actors { ?c rdfs:label ?value } }",
]

_DOCUMENTS = """SELECT ?document ?id ?number ?date WHERE {
  ?document a kg:Document ; kg:documentId ?id .
  OPTIONAL { ?document kg:documentNumber ?number }
  OPTIONAL { ?document dcterms:date ?d }
  BIND(STR(?d) AS ?date)
}"""

# Triple patterns first, BINDs last: a BIND in the middle splits the group and
# Oxigraph then evaluates what follows it on its own, for every event in the store.
_EDGE_DETAIL = """
  ?event kg:relation ?rel ; kg:modality ?mod ; kg:evidence ?ev ; prov:wasDerivedFrom ?document .
  ?ev kg:text ?evidence ; kg:start ?start ; kg:end ?end .
  OPTIONAL { ?event kg:date ?d }
  OPTIONAL { ?event kg:medium ?medium }
  OPTIONAL { ?event kg:confidence ?confidence }
  OPTIONAL { ?document dcterms:title ?title }
  OPTIONAL { ?document dcterms:date ?written }
  BIND(STR(?d) AS ?date)
  BIND(STR(?written) AS ?document_date)
  BIND(STRAFTER(STR(?rel), "#") AS ?relation)
  BIND(STRAFTER(STR(?mod), "#") AS ?modality)
"""
_EDGE_SELECT = """SELECT ?event ?relation ?source ?target ?date ?modality ?medium ?confidence
       ?document ?title ?document_date ?evidence ?start ?end WHERE {
"""


def edge_queries() -> list[str]:
    """One query per pair of role predicates in the schema (``kgraph/data/relations.yaml``):
    a UNION (or a VALUES over predicates) here made Oxigraph join the detail first, 50-100×
    slower. A symmetric type's event names both ends by one role: each pair once."""
    roles = dict.fromkeys(kind.roles for kind in relation_schema().relations)
    return [_EDGE_SELECT + (f"  ?event kg:{first} ?source , ?target .\n"
                            "  FILTER(STR(?source) < STR(?target))\n" if first == second else
                            f"  ?event kg:{first} ?source ; kg:{second} ?target .\n")
            + _EDGE_DETAIL + "}" for first, second in roles]


def _values(store: TripleStore, *queries: str) -> dict[str, list[str]]:
    found: dict[str, set[str]] = {}
    for row in (row for sparql in queries for row in store.select(sparql)):
        found.setdefault(row["node"], set()).add(row["value"])
    return {node: sorted(values) for node, values in found.items()}


def edge_rows(store: TripleStore) -> list[dict]:
    """One row per relation event, read from the document graphs only (so this may
    run while the actors graph is being rebuilt)."""
    queries = edge_queries()
    with ThreadPoolExecutor(len(queries)) as pool:
        return [row for rows in pool.map(store.select, queries) for row in rows]


def edge_rows_between(store: TripleStore, pairs: Iterable[tuple[str, str]]) -> list[dict]:
    """`edge_rows` of the events between these (source, target) pairs only (a meeting's
    participants in either order)."""
    ends = sorted({end for pair in pairs for end in (pair, pair[::-1])})
    if not ends:
        return []
    values = " ".join(f"(<{source}> <{target}>)" for source, target in ends)
    queries = [q.replace("WHERE {\n", f"WHERE {{\n  VALUES (?source ?target) {{ {values} }}\n", 1)
               for q in edge_queries()]
    with ThreadPoolExecutor(len(queries)) as pool:
        return [row for rows in pool.map(store.select, queries) for row in rows]


def _documents(store: TripleStore) -> dict[str, dict]:
    """Document IRI → its id, number and date, to say where each relation comes from."""
    return {row["document"]: row for row in store.select(_DOCUMENTS)}


def to_networkx(store: TripleStore, edges: list[dict] | None = None,
                events: list[MergedEvent] | None = None) -> nx.MultiDiGraph:
    """The actor network: one node per actor, one edge per real event (however many
    documents tell it; see `kgraph.graph.events`), with every report in ``sources``.

    `edges` are `edge_rows(store)` and `events` their `merge_events` if the caller has
    them already.
    """
    graph = nx.MultiDiGraph()
    # The queries run side by side: Oxigraph evaluates them without holding the GIL.
    with ThreadPoolExecutor(4) as pool:
        found = [pool.submit(_values, store, _ALIASES), pool.submit(_values, store, _ROLES),
                 pool.submit(_values, store, *_COUNTRIES), pool.submit(store.select, _NODES),
                 pool.submit(_documents, store),
                 pool.submit(edge_rows, store) if edges is None else None]
        aliases, roles, countries, nodes, documents = (f.result() for f in found[:5])
        edges = edges if edges is not None else found[5].result()
    for row in nodes:
        node = row["node"]
        country = row["label"] if row["type"] == "Country" else (
            countries.get(node, [None])[0])
        graph.add_node(node, label=row["label"], type=row["type"], country=country,
                       aliases=aliases.get(node, []), roles=roles.get(node, []))
    for event, reports in _reports(edges, events):
        document = documents.get(reports[0]["document"], {})
        for end in (event.source, event.target):
            if end not in graph:
                graph.add_node(end, label=end.rsplit("/", 1)[-1], type="Organization",
                               country=None, aliases=[], roles=[])
        row = reports[0]
        graph.add_edge(
            row["source"], row["target"], key=str(event.iri),
            relation=event.relation, date=event.date, modality=event.modality,
            medium=next((r["medium"] for r in reports if r["medium"]), None),
            confidence=max(r["confidence"] or 0 for r in reports), document=row["document"],
            document_title=row["title"], document_id=document.get("id"),
            document_number=document.get("number"), document_date=document.get("date") or None,
            evidence=row["evidence"],
            evidence_start=row["start"], evidence_end=row["end"],
            sources=list(dict.fromkeys(r["document"] for r in reports)),
            reports=len(reports),
        )
    return graph


def _reports(edges: list[dict], events: list[MergedEvent] | None
             ) -> list[tuple[MergedEvent, list[dict]]]:
    """Each real event with its document events' rows, earliest document first."""
    events = merge_events(edges) if events is None else events
    rows: dict[str, list[dict]] = {}
    for row in edges:
        rows.setdefault(row["event"], []).append(row)
    return [(event, sorted((r for e in event.reports for r in rows.get(e, [])),
                           key=lambda r: (r["document"], r["start"])))
            for event in events if any(e in rows for e in event.reports)]
