"""``kgraph analyze`` and ``kgraph viz``: the actor network as tables and as a page."""

from __future__ import annotations

import json
import sys
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
    relation_names,
)

RelationOption = Annotated[list[str] | None, typer.Option(
    "--relation", "-r", metavar="RELATION",
    help=f"Keep these relations: {relation_names()} (repeat, or a,b).")]
ModalityOption = Annotated[list[str] | None, typer.Option(
    "--modality", metavar="MODALITY",
    help="Keep these modalities: asserted, planned, negated (repeat, or a,b).")]
TypeOption = Annotated[list[str] | None, typer.Option(
    "--type", metavar="TYPE",
    help="Keep these actor types: Person, Ministry, Country, … (repeat, or a,b).")]
FromOption = Annotated[str | None, typer.Option(
    "--from", metavar="DATE", help="First date, e.g. 1964.")]
ToOption = Annotated[str | None, typer.Option(
    "--to", metavar="DATE", help="Last date, e.g. 1968-06.")]
ConfidenceOption = Annotated[float, typer.Option(help="Minimum confidence, 0 to 1.")]


def _split(values: list[str] | None) -> list[str] | None:
    """``--modality asserted,planned`` as two values."""
    if values is None:
        return None
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def _network(store: Path, store_url: str | None, relation, modality, node_type, start, end,
             min_confidence: float):
    """The filtered actor network; a filter value that cannot match is a one-line error."""
    from kgraph.analysis.filters import check_filters

    filters = {"relations": _split(relation), "start": start, "end": end,
               "modalities": _split(modality), "min_confidence": min_confidence,
               "node_types": _split(node_type)}
    try:
        check_filters(**filters)
    except ValueError as error:
        fail(str(error))
    return open_graph(store, store_url).to_networkx(**filters)


@app.command()
def analyze(
    store: StoreOption = Path("build"),
    store_url: StoreUrlOption = None,
    top: Annotated[int, typer.Option(help="Rows per ranked table.")] = 10,
    fmt: Annotated[TableFormat, typer.Option("--format", "-f")] = TableFormat.table,
    relation: RelationOption = None,
    modality: ModalityOption = None,
    node_type: TypeOption = None,
    start: FromOption = None,
    end: ToOption = None,
    min_confidence: ConfidenceOption = 0.0,
) -> None:
    """Correspondents, mutual pairs, brokers, PageRank, communities, years, country flows."""
    from kgraph.analysis.report import analysis_tables
    from kgraph.query import format_rows

    graph = _network(store, store_url, relation, modality, node_type, start, end,
                     min_confidence)
    tables = analysis_tables(graph, top)
    if fmt is TableFormat.json:
        sys.stdout.write(json.dumps(tables, ensure_ascii=False, indent=2) + "\n")
        return
    for name, rows in tables.items():
        sys.stdout.write(f"\n{name}\n" if fmt is TableFormat.table else f"# {name}\n")
        sys.stdout.write(format_rows(rows, fmt.value) if rows else "(none)\n")


@app.command()
def viz(
    store: StoreOption = Path("build"),
    store_url: StoreUrlOption = None,
    output: Annotated[Path, typer.Option("--output", "-o", help="The HTML file.")] = Path(
        "graph.html"),
    size_by: Annotated[str, typer.Option(
        help="Node size by degree, letters, pagerank or betweenness.")] = "degree",
    max_nodes: Annotated[int, typer.Option(
        help="Keep at most this many actors (the top ones by --size-by).")] = 1500,
    title: Annotated[str | None, typer.Option(
        help="Page title (default: the build folder's name).")] = None,
    relation: RelationOption = None,
    modality: ModalityOption = None,
    node_type: TypeOption = None,
    start: FromOption = None,
    end: ToOption = None,
    min_confidence: ConfidenceOption = 0.0,
) -> None:
    """Write the interactive network page: one HTML file that works offline."""
    from kgraph.viz import MEASURES, write_page

    if size_by not in MEASURES:
        fail(f"--size-by {size_by}: use one of {', '.join(MEASURES)}")
    graph = _network(store, store_url, relation, modality, node_type, start, end,
                     min_confidence)
    title = title or f"{(store_url or Path(store).resolve().name)} — kgraph"
    page = write_page(graph, output, title=title, size_by=size_by, max_nodes=max_nodes)
    err.print(f"wrote {page} ({graph.number_of_nodes()} actors, "
              f"{graph.number_of_edges()} relations)", highlight=False)
