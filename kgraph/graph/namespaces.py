"""Namespaces and IRIs: every IRI kgraph mints is made here, from data, never run order.

>>> entity_iri("Person/kim-jong-un")
rdflib.term.URIRef('https://w3id.org/kgraph/id/person/kim-jong-un')
>>> document_graph("frus1964-68v29p1_d12")
rdflib.term.URIRef('https://w3id.org/kgraph/graph/frus1964-68v29p1_d12')
"""

from __future__ import annotations

import hashlib
from urllib.parse import quote

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

KG = Namespace("https://w3id.org/kgraph/ontology#")
KGR = Namespace("https://w3id.org/kgraph/id/")
KGG = Namespace("https://w3id.org/kgraph/graph/")
WD = Namespace("http://www.wikidata.org/entity/")
SCHEMA = Namespace("https://schema.org/")

PREFIXES = {
    "kg": KG, "kgr": KGR, "kgg": KGG, "rdf": RDF, "rdfs": RDFS, "owl": OWL, "xsd": XSD,
    "skos": SKOS, "prov": PROV, "dcterms": DCTERMS, "wd": WD, "schema": SCHEMA,
}

__all__ = ["KG", "KGG", "KGR", "PREFIXES", "document_graph", "document_iri", "entity_iri",
           "event_iri", "sparql_prefixes"]


def _safe(local: str) -> str:
    return quote(local, safe="-_.~/")


def entity_iri(entity_id: str) -> URIRef:
    """IRI of an actor from its stable id ``Type/slug``."""
    kind, _, name = entity_id.partition("/")
    return KGR[f"{kind.lower()}/{_safe(name)}"]


def document_iri(document_id: str) -> URIRef:
    return KGR[f"document/{_safe(document_id)}"]


# kgraph's own graphs in the kgg: namespace; no document graph may take these names.
RESERVED_GRAPHS = frozenset({"actors", "manifest", "events", "curation"})


def document_graph(document_id: str) -> URIRef:
    """The named graph that holds one document's triples.

    A document whose id is a reserved graph name (``actors``, ``manifest``, ``events``,
    ``curation``) gets its
    first character percent-encoded, which `_safe` never produces for a letter, so
    no other id can reach the same IRI:

    >>> document_graph("actors")
    rdflib.term.URIRef('https://w3id.org/kgraph/graph/%61ctors')
    >>> document_graph("events")
    rdflib.term.URIRef('https://w3id.org/kgraph/graph/%65vents')
    """
    local = _safe(document_id)
    if local in RESERVED_GRAPHS:
        local = f"%{ord(local[0]):02X}{local[1:]}"
    return KGG[local]


def hashed_iri(kind: str, *parts: str) -> URIRef:
    """IRI for a node identified by its content (events, positions)."""
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]
    return KGR[f"{kind}/{digest}"]


def event_iri(document_id: str, *parts: str) -> URIRef:
    return hashed_iri("event", document_id, *parts)


def sparql_prefixes() -> str:
    """PREFIX lines for every namespace above, to put in front of a query."""
    return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())
