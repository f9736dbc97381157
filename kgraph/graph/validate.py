"""SHACL validation of a build with pyshacl, against ``ontology/shapes.ttl``.

>>> report = validate_store(GraphStore.open("build/store", read_only=True))  # doctest: +SKIP
>>> report.conforms, len(report.violations)                                 # doctest: +SKIP
(True, 0)

The data graph is the union of all graphs in the store; the ontology is given to
pyshacl as ``ont_graph`` so that ``sh:class kg:Actor`` accepts a ``kg:Person``, with the
``ontology.ttl`` of each extension folder (``KGRAPH_EXTENSIONS``, see `kgraph.schema`)
declaring the classes and properties of the relation types it adds.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph
from rdflib.namespace import OWL, RDF, RDFS, SH

from kgraph.graph.base import TripleStore
from kgraph.graph.namespaces import KG
from kgraph.schema import Schema, extension_files

ONTOLOGY_DIR = Path(__file__).resolve().parents[2] / "ontology"


@dataclass
class Violation:
    focus: str
    path: str
    message: str
    shape: str


@dataclass
class ValidationReport:
    conforms: bool
    triples: int
    violations: list[Violation] = field(default_factory=list)


def ontology_file(name: str) -> Path:
    """A file of ``ontology/`` (kgraph runs from its checkout: ``pip install -e .``)."""
    path = ONTOLOGY_DIR / name
    if not path.is_file():
        raise FileNotFoundError(f"{path}: ontology file missing; run kgraph from its checkout")
    return path


def ontology_graph() -> Graph:
    """kgraph's ontology with the extension folders' fragments."""
    graph = Graph().parse(ontology_file("kgraph.ttl"))
    for fragment in extension_files("ontology.ttl"):
        graph.parse(fragment)
    return graph


def schema_mismatches(schema: Schema, ontology: Graph) -> list[str]:
    """Where the relation schema and the ontology disagree, one line each (none: they agree).

    Each type is a kg:RelationType object property (symmetric exactly when the schema says),
    its event class a subclass of kg:Event, its role predicates object properties whose
    domain is that class; and every kg:RelationType of the ontology is in the schema.
    """
    problems = []
    for kind in schema.relations:
        edge, event = KG[kind.name], KG[kind.event_class]
        if not {OWL.ObjectProperty, KG.RelationType} <= set(ontology.objects(edge, RDF.type)):
            problems.append(f"kg:{kind.name} is not declared an owl:ObjectProperty and "
                            "kg:RelationType")
        if ((edge, RDF.type, OWL.SymmetricProperty) in ontology) != kind.symmetric:
            problems.append(f"kg:{kind.name}: owl:SymmetricProperty must match symmetric: "
                            f"{str(kind.symmetric).lower()}")
        if (event, RDFS.subClassOf, KG.Event) not in ontology:
            problems.append(f"kg:{kind.event_class} is not declared a subclass of kg:Event")
        for role in kind.roles:
            if (KG[role], RDF.type, OWL.ObjectProperty) not in ontology or \
                    event not in set(ontology.objects(KG[role], RDFS.domain)):
                problems.append(f"kg:{role} is not declared an owl:ObjectProperty with "
                                f"rdfs:domain kg:{kind.event_class}")
    for declared in ontology.subjects(RDF.type, KG.RelationType):
        if str(declared).removeprefix(str(KG)) not in schema:
            problems.append(f"{declared} is a kg:RelationType the schema does not declare")
    return problems


def store_graph(store: TripleStore) -> Graph:
    """The union of every graph in the store (local or a server) as one rdflib Graph: each
    distinct triple once, however many document graphs state it."""
    buffer = io.BytesIO()
    store.export(buffer, "ntriples")
    graph = Graph()
    graph.parse(data=buffer.getvalue(), format="nt")
    return graph


def validate_graph(data: Graph) -> ValidationReport:
    """Validate an rdflib graph against kgraph's shapes."""
    from pyshacl import validate

    shapes = Graph().parse(ontology_file("shapes.ttl"))
    ontology = ontology_graph()
    # pyshacl copies only RDFS and OWL typings from the ontology into the data; the relation
    # types are also individuals (of kg:RelationType, which events' kg:relation must name).
    for kind in ontology.subjects(RDF.type, KG.RelationType):
        ontology.add((kind, RDF.type, OWL.NamedIndividual))
    conforms, results, _ = validate(data, shacl_graph=shapes, ont_graph=ontology,
                                    inference="none", abort_on_first=False)
    violations = [
        Violation(focus=str(results.value(r, SH.focusNode)),
                  path=str(results.value(r, SH.resultPath) or ""),
                  message=str(results.value(r, SH.resultMessage) or ""),
                  shape=str(results.value(r, SH.sourceShape) or ""))
        for r in results.subjects(SH.resultSeverity, SH.Violation)
    ]
    return ValidationReport(bool(conforms), len(data), sorted(
        violations, key=lambda v: (v.focus, v.path)))


def validate_store(store: TripleStore) -> ValidationReport:
    """Validate everything in a store."""
    return validate_graph(store_graph(store))
