"""SHACL validation of a build with pyshacl, against ``ontology/shapes.ttl``.

>>> report = validate_store(GraphStore.open("build/store", read_only=True))  # doctest: +SKIP
>>> report.conforms, len(report.violations)                                 # doctest: +SKIP
(True, 0)

The data graph is the union of all graphs in the store; the ontology is given to
pyshacl as ``ont_graph`` so that ``sh:class kg:Actor`` accepts a ``kg:Person``.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph
from rdflib.namespace import SH

from kgraph.graph.base import TripleStore

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
    ontology = Graph().parse(ontology_file("kgraph.ttl"))
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
