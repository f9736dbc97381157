"""``kgraph validate`` and ``kgraph export``."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from kgraph.cli.common import (
    StoreOption,
    StoreUrlOption,
    TableFormat,
    app,
    err,
    fail,
    open_graph,
)


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
    store_url: StoreUrlOption = None,
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f")] = ExportFormat.turtle,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="File to write (default: stdout; csv writes FILE-nodes.csv "
                               "and FILE-edges.csv).")] = None,
) -> None:
    """Write the graph (turtle, ntriples, nquads, trig, jsonld) or its actor network
    (graphml, gexf, csv) for Gephi, Cytoscape and spreadsheets."""
    from kgraph.graph.remote import RemoteStoreError

    graph = open_graph(store, store_url)
    if fmt.value not in _NETWORK:
        try:
            graph.store.export(output if output else sys.stdout.buffer, fmt.value)
        except (RemoteStoreError, OSError) as error:
            fail(str(error))
        if output:
            err.print(f"wrote {output}", highlight=False)
        return
    from kgraph.analysis import write_network

    if output is None:
        fail(f"--format {fmt.value} writes files: give --output")
    for written in write_network(graph.to_networkx(), output, fmt.value):
        err.print(f"wrote {written}", highlight=False)


@app.command()
def validate(
    store: StoreOption = Path("build"),
    store_url: StoreUrlOption = None,
    fmt: Annotated[TableFormat, typer.Option("--format", "-f")] = TableFormat.table,
    limit: Annotated[int, typer.Option(help="Violations to list at most.")] = 50,
) -> None:
    """Check a built graph against the SHACL shapes (ontology/shapes.ttl); exit 1 if it fails."""
    from kgraph.graph.remote import RemoteStoreError
    from kgraph.graph.validate import validate_store
    from kgraph.query import format_rows

    try:
        report = validate_store(open_graph(store, store_url).store)
    except RemoteStoreError as error:
        fail(str(error))
    rows = [vars(v) for v in report.violations[:limit]]
    if rows:
        sys.stdout.write(format_rows(rows, fmt.value))
    verdict = "conforms" if report.conforms else f"{len(report.violations)} violation(s)"
    # distinct triples of the union: fewer than the build's count, which counts a triple
    # once per graph that holds it (README, "Triple counts")
    err.print(f"{store_url or store}: {report.triples} distinct triples, {verdict}",
              highlight=False)
    if not report.conforms:
        raise typer.Exit(1)
