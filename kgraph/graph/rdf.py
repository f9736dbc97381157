"""One document's extraction as RDF (see ``ontology/kgraph.ttl``).

Everything here goes into the document's own named graph: the document and its
metadata, what it says about each actor (`kg:Mention`), the positions it states,
and its relations.

Each relation is written twice, on purpose:

* a direct edge for simple queries, ``?a kg:sentLetterTo ?b`` — only for
  asserted relations, so that a denied or planned meeting never reads as one
  that happened;
* an event node of the type's class (``kg:Correspondence``, ``kg:Meeting``, … as
  ``kgraph/data/relations.yaml`` declares, with its role predicates) with the
  detail: parties, date typed by precision, modality, medium, confidence, evidence
  text and offsets, the source document and the extraction activity.
"""

from __future__ import annotations

import hashlib
import io
import json
from typing import BinaryIO

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, XSD

from kgraph.graph.namespaces import (
    KG,
    WD,
    document_iri,
    entity_iri,
    event_iri,
    hashed_iri,
)
from kgraph.normalize.names import name_key, slug
from kgraph.normalize.roles import parse_role
from kgraph.schema import relation_schema
from kgraph.types import Document, Entity, Extraction, Relation, date_precision

MEDIUM_CLASS = {"letter": KG.Letter, "telegram": KG.Telegram, "cable": KG.Cable,
                "message": KG.Message}
_DATE_TYPES = {"day": XSD.date, "month": XSD.gYearMonth, "year": XSD.gYear}
_METADATA = {
    "archive": KG.archive, "identifier": DCTERMS.identifier, "original_language": DCTERMS.language,
    "author": DCTERMS.creator, "publisher": DCTERMS.publisher, "url": KG.sourceUrl,
    "volume": KG.volume, "summary": DCTERMS.abstract, "number": KG.documentNumber,
}


def typed_date(iso: str | None) -> Literal | None:
    """``1997-03-19`` → xsd:date, ``2018-09`` → xsd:gYearMonth, ``2019`` → xsd:gYear."""
    precision = date_precision(iso)
    return Literal(iso, datatype=_DATE_TYPES[precision]) if precision else None


def content_hash(document: Document) -> str:
    """SHA-256 of all a document brings to the graph: its text, and its title, date,
    source, format, metadata and markup (a new title is a change, like new text).
    The JSON Lines ``line`` number is left out: moving a record changes nothing."""
    fields = [document.id, document.title, document.date, document.source, document.format,
              {k: v for k, v in document.metadata.items() if k != "line"},
              [list(vars(m).values()) for m in document.markup]]
    digest = hashlib.sha256(document.text.encode("utf-8"))
    digest.update(json.dumps(fields, default=str).encode("ascii"))
    return digest.hexdigest()


# Objects: IRIs and typed literals as rdflib terms; plain strings, integers and
# booleans as Python values (written as xsd:string, xsd:integer, xsd:boolean),
# which spares building an rdflib Literal for every one of them.
Triple = tuple[URIRef, URIRef, URIRef | Literal | str | int | bool]


class Triples:
    """One document graph written as N-Triples as it is built, each triple once.

    Not an rdflib `Graph`: building and serialising a `Graph` took a third of a
    build's time, and a 20 MB volume's graph (millions of triples) must not be
    held as Python objects. Lines go to `sink` (in memory by default, a file for
    big documents); only a 64-bit hash of each line is kept to skip repeats.

    >>> triples = Triples()
    >>> triples.add((KG.a, KG.said, Literal('"hi"')))
    >>> print(triples.ntriples().decode().split(" ", 2)[2])
    "\\"hi\\"" .
    <BLANKLINE>
    """

    def __init__(self, sink: BinaryIO | None = None) -> None:
        self.sink = sink if sink is not None else io.BytesIO()
        self._seen: set[int] = set()
        self._lines: list[str] = []

    def add(self, triple: Triple) -> None:
        s, p, o = triple
        line = f"<{s}> <{p}> {_nt_object(o)} .\n"
        key = hash(line)
        if key not in self._seen:
            self._seen.add(key)
            self._lines.append(line)
            if len(self._lines) >= 10_000:
                self.flush()

    def flush(self) -> None:
        """Write the lines held so far to the sink."""
        self.sink.write("".join(self._lines).encode("utf-8"))
        self._lines.clear()

    def __len__(self) -> int:
        return len(self._seen)

    def ntriples(self) -> bytes:
        """The N-Triples written so far (in-memory sink only)."""
        assert isinstance(self.sink, io.BytesIO), "the triples went to a file"
        self.flush()
        return self.sink.getvalue()


_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


def _nt_object(term: URIRef | Literal | str | int | bool) -> str:
    if isinstance(term, URIRef):
        return f"<{term}>"
    if isinstance(term, bool):
        return f'"{str(term).lower()}"^^<{XSD.boolean}>'
    if isinstance(term, int):
        return f'"{term}"^^<{XSD.integer}>'
    text = f'"{str(term).translate(_ESCAPES)}"'
    if not isinstance(term, Literal):
        return text
    if term.language:
        return f"{text}@{term.language}"
    if term.datatype is not None and term.datatype != XSD.string:
        return f"{text}^^<{term.datatype}>"
    return text


def _add_document(graph: Triples, document: Document) -> URIRef:
    node = document_iri(document.id)
    graph.add((node, RDF.type, KG.Document))
    graph.add((node, KG.documentId, document.id))
    if document.title:
        graph.add((node, DCTERMS.title, document.title))
    if date := typed_date(document.date):
        graph.add((node, DCTERMS.date, date))
    graph.add((node, KG.sourcePath, document.source))
    graph.add((node, KG.sourceFormat, document.format))
    graph.add((node, KG.contentHash, content_hash(document)))
    for key, predicate in _METADATA.items():
        value = document.metadata.get(key)
        if isinstance(value, str) and value:
            graph.add((node, predicate, value))
    for translator in document.metadata.get("translators", []) or []:
        graph.add((node, KG.translator, str(translator)))
    return node


def _add_mention(graph: Triples, entity: Entity, document: URIRef, document_id: str) -> None:
    """What this document says an actor is: type, name, aliases, country, identifiers.

    The actor node itself (label, type, altLabels) lives in the shared actors graph,
    rebuilt from these mentions (`kgraph.graph.store.GraphStore.rebuild_actors`), so that
    an actor named in many documents is described once and stays right when one goes.
    """
    node = entity_iri(entity.id)
    mention = hashed_iri("mention", document_id, entity.id)
    graph.add((mention, RDF.type, KG.Mention))
    graph.add((mention, KG.entity, node))
    graph.add((mention, KG.entityType, KG[entity.type]))
    graph.add((mention, KG.name, entity.name))
    graph.add((mention, KG.inDocument, document))
    for alias in entity.aliases:
        graph.add((mention, KG.alias, alias))
    for written in {entity.name, *entity.aliases}:  # lookups by any spelling, via an index
        graph.add((mention, KG.aliasKey, name_key(written)))
    if entity.country and entity.type != "Country":
        graph.add((mention, KG.country, entity_iri(f"Country/{slug(entity.country)}")))
    if qid := entity.external_ids.get("wikidata"):
        graph.add((mention, KG.sameAs, WD[qid]))
    if iso := entity.external_ids.get("iso"):
        graph.add((mention, KG.isoCode, iso))
    graph.add((node, KG.mentionedIn, document))


def _add_positions(graph: Triples, entity: Entity, document: URIRef, document_id: str,
                   names: dict[str, str]) -> None:
    """Roles as position nodes: holder, title, organisation or country, former, source."""
    for text in entity.roles:
        role = parse_role(text)
        position = hashed_iri("position", document_id, entity.id, text)
        graph.add((position, RDF.type, KG.Position))
        graph.add((position, KG.holder, entity_iri(entity.id)))
        graph.add((position, KG.title, role.title))
        graph.add((position, KG.roleText, text))
        graph.add((position, KG.former, role.former))
        if role.country:
            graph.add((position, KG.country, entity_iri(f"Country/{slug(role.country)}")))
        if role.organization:
            known = names.get(name_key(role.organization))
            if known:
                graph.add((position, KG.organization, entity_iri(known)))
            else:
                graph.add((position, KG.organizationName, role.organization))
        graph.add((position, PROV.wasDerivedFrom, document))


def _add_relation(graph: Triples, relation: Relation, document: URIRef, document_id: str,
                  activity: URIRef) -> None:
    subject, obj = entity_iri(relation.subject), entity_iri(relation.object)
    if relation.modality == "asserted":
        graph.add((subject, KG[relation.type], obj))
    event = event_iri(document_id, relation.type, relation.subject, relation.object,
                      relation.date or "", relation.modality, str(relation.evidence.start))
    kind = relation_schema()[relation.type]
    graph.add((event, RDF.type, KG[kind.event_class]))
    if relation.medium in MEDIUM_CLASS:
        graph.add((event, RDF.type, MEDIUM_CLASS[relation.medium]))
    first, second = kind.roles
    graph.add((event, KG[first], subject))
    graph.add((event, KG[second], obj))
    graph.add((event, KG.relation, KG[relation.type]))
    if date := typed_date(relation.date):
        graph.add((event, KG.date, date))
        graph.add((event, KG.year, Literal(relation.date[:4], datatype=XSD.gYear)))
    graph.add((event, KG.modality, KG[relation.modality]))
    if relation.medium:
        graph.add((event, KG.medium, relation.medium))
    graph.add((event, KG.confidence, Literal(round(relation.confidence, 3), datatype=XSD.decimal)))
    graph.add((event, KG.extractor, relation.extractor))
    evidence = hashed_iri("evidence", str(event))
    graph.add((event, KG.evidence, evidence))
    graph.add((evidence, RDF.type, KG.Evidence))
    graph.add((evidence, KG.text, relation.evidence.text))
    graph.add((evidence, KG.start, relation.evidence.start))
    graph.add((evidence, KG.end, relation.evidence.end))
    graph.add((evidence, KG.inDocument, document))
    graph.add((event, PROV.wasDerivedFrom, document))
    graph.add((event, PROV.wasGeneratedBy, activity))


def extraction_graph(extraction: Extraction, tool_version: str, model: str,
                     sink: BinaryIO | None = None) -> Triples:
    """All triples for one document: the document, its actors, roles and relations."""
    graph = Triples(sink)
    document = _add_document(graph, extraction.document)
    activity = hashed_iri("activity", tool_version, model)
    graph.add((activity, RDF.type, PROV.Activity))
    graph.add((activity, RDFS.label, f"kgraph {tool_version} with {model}"))
    graph.add((activity, KG.toolVersion, tool_version))
    graph.add((activity, KG.model, model))
    document_id = extraction.document.id
    names = {name_key(e.name): e.id for e in extraction.entities if e.type != "Person"}
    for entity in extraction.entities:
        _add_mention(graph, entity, document, document_id)
        _add_positions(graph, entity, document, document_id, names)
    for relation in extraction.relations:
        _add_relation(graph, relation, document, extraction.document.id, activity)
    graph.flush()
    return graph
