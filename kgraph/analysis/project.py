"""Project the RDF graph to a NetworkX MultiDiGraph of actors.

Nodes are actor IRIs with ``label``, ``type``, ``country``, ``aliases`` and ``roles``;
edges are relation events with ``relation``, ``date``, ``modality``,
``medium``, ``document``, ``evidence`` and ``confidence``.

>>> g = to_networkx(store)                                    # doctest: +SKIP
>>> g.nodes["https://w3id.org/kgraph/id/person/kim-jong-un"]["label"]  # doctest: +SKIP
'Kim Jong-un'
"""

from __future__ import annotations

import networkx as nx

from kgraph.graph.base import TripleStore

_NODES = """
SELECT ?node ?type ?label (SAMPLE(?countryName) AS ?country)
       (GROUP_CONCAT(DISTINCT ?alias; separator="\\u001f") AS ?aliases)
       (GROUP_CONCAT(DISTINCT ?role; separator="\\u001f") AS ?roles)
WHERE {
  ?node a ?class ; rdfs:label ?label .
  VALUES (?class ?type) {
    (kg:Person "Person") (kg:Organization "Organization") (kg:Ministry "Ministry")
    (kg:Embassy "Embassy") (kg:Party "Party") (kg:Government "Government")
    (kg:Institution "Institution") (kg:Country "Country")
  }
  OPTIONAL { ?node skos:altLabel ?alias }
  OPTIONAL { { ?node kg:country ?c } UNION { ?held kg:holder ?node ; kg:country ?c }
             ?c rdfs:label ?countryName }
  OPTIONAL { ?position kg:holder ?node ; kg:title ?role }
}
GROUP BY ?node ?type ?label
"""

_EDGES = """
SELECT ?event ?relation ?source ?target ?date ?modality ?medium ?confidence
       ?document ?title ?evidence ?start ?end
WHERE {
  ?event kg:relation ?rel ; kg:modality ?mod ; kg:evidence ?ev ; prov:wasDerivedFrom ?document .
  BIND(STRAFTER(STR(?rel), "#") AS ?relation)
  BIND(STRAFTER(STR(?mod), "#") AS ?modality)
  { ?event kg:sender ?source ; kg:recipient ?target }
  UNION { ?event kg:defector ?source ; kg:leftFrom ?target }
  UNION { ?event kg:participant ?source , ?target . FILTER(STR(?source) < STR(?target)) }
  ?ev kg:text ?evidence ; kg:start ?start ; kg:end ?end .
  OPTIONAL { ?event kg:date ?d } BIND(STR(?d) AS ?date)
  OPTIONAL { ?event kg:medium ?medium }
  OPTIONAL { ?event kg:confidence ?confidence }
  OPTIONAL { ?document dcterms:title ?title }
}
"""


def _split(value: str | None) -> list[str]:
    return sorted(v for v in (value or "").split("\x1f") if v)


def to_networkx(store: TripleStore) -> nx.MultiDiGraph:
    """The actor network: one node per actor, one edge per relation event."""
    graph = nx.MultiDiGraph()
    for row in store.select(_NODES):
        node = row["node"]
        country = row["label"] if row["type"] == "Country" else row["country"]
        graph.add_node(node, label=row["label"], type=row["type"], country=country,
                       aliases=_split(row["aliases"]), roles=_split(row["roles"]))
    for row in store.select(_EDGES):
        for end in (row["source"], row["target"]):
            if end not in graph:
                graph.add_node(end, label=end.rsplit("/", 1)[-1], type="Organization",
                               country=None, aliases=[], roles=[])
        graph.add_edge(
            row["source"], row["target"], key=row["event"],
            relation=row["relation"], date=row["date"] or None, modality=row["modality"],
            medium=row["medium"], confidence=row["confidence"], document=row["document"],
            document_title=row["title"], evidence=row["evidence"],
            evidence_start=row["start"], evidence_end=row["end"],
        )
    return graph
