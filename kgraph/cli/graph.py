"""``kgraph validate`` and ``kgraph export``."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from kgraph.cli.common import StoreOption, TableFormat, app, err, fail, open_graph


class ExportFormat(StrEnum):
    turtle = "turtle"
    ntriples = "ntriples"
    nquads = "nquads"
    trig = "trig"
    jsonld = "jsonld"
    graphml = "graphml"
    gexf = "gexf"
    csv = "csv"


_NETWORK = {"graphml", "gexf", "csv"}


@app.command()
def export(
    store: StoreOption = Path("build"),
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f")] = ExportFormat.turtle,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="File to write (default: stdout; csv writes FILE-nodes.csv "
                               "and FILE-edges.csv).")] = None,
) -> None:
    """Write the graph (turtle, ntriples, nquads, trig, jsonld) or its actor network
    (graphml, gexf, csv) for Gephi, Cytoscape and spreadsheets."""
    graph = open_graph(store)
    if fmt.value not in _NETWORK:
        graph.store.export(output if output else sys.stdout.buffer, fmt.value)
        return
    from kgraph.analysis import write_network

    if output is None:
        fail(f"--format {fmt.value} writes files: give --output")
    for written in write_network(graph.to_networkx(), output, fmt.value):
        err.print(f"wrote {written}", highlight=False)


@app.command()
def validate(
    store: StoreOption = Path("build"),
    fmt: Annotated[TableFormat, typer.Option("--format", "-f")] = TableFormat.table,
    limit: Annotated[int, typer.Option(help="Violations to list at most.")] = 50,
) -> None:
    """Check a built graph against the SHACL shapes (ontology/shapes.ttl); exit 1 if it fails."""
    from kgraph.graph.validate import validate_store
    from kgraph.query import format_rows

    report = validate_store(open_graph(store).store)
    rows = [vars(v) for v in report.violations[:limit]]
    if rows:
        sys.stdout.write(format_rows(rows, fmt.value))
    verdict = "conforms" if report.conforms else f"{len(report.violations)} violation(s)"
    err.print(f"{store}: {report.triples} triples, {verdict}", highlight=False)
    if not report.conforms:
        raise typer.Exit(1)
