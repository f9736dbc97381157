"""``kgraph build`` and ``kgraph extract``."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from kgraph.cli.common import (
    FormatOption,
    ModelOption,
    Paths,
    StoreUrlOption,
    app,
    err,
    fail,
    warn,
)

EXAMPLE_QUERY = """SELECT ?senderName ?recipientName ?date WHERE {
  ?event a kg:Correspondence ; kg:sender ?s ; kg:recipient ?r ; kg:modality kg:asserted .
  ?s rdfs:label ?senderName . ?r rdfs:label ?recipientName .
  OPTIONAL { ?event kg:date ?date }
} ORDER BY ?date ?senderName"""


def _print_summary(summary) -> None:
    table = Table(title=f"Built {summary.out}", show_header=False)
    table.add_row("documents", f"{summary.documents} ({summary.extracted} extracted, "
                  f"{summary.unchanged} unchanged, {summary.removed} removed)")
    table.add_row("entities", ", ".join(f"{k} {v}" for k, v in sorted(summary.entities.items()))
                  or "none")
    table.add_row("relations", ", ".join(f"{k} {v}" for k, v in sorted(summary.relations.items()))
                  or "none")
    if summary.curation_file:
        curation = summary.curation
        actions = ", ".join(f"{k} {v}" for k, v in sorted(curation.entries.items())) or "none"
        table.add_row("curation", f"{sum(curation.entries.values())} entries ({actions}) "
                      f"from {summary.curation_file}; {len(curation.changed)} documents "
                      "changed in this build")
    # quads: a triple stated by two documents counts twice (README, "Triple counts")
    table.add_row("triples", f"{summary.triples} in the document and actor graphs")
    table.add_row("problems", str(len(summary.problems)))
    table.add_row("time", f"{summary.seconds:.1f} s")
    table.add_row("store", summary.store_url or str(summary.store_path))
    if summary.turtle_path.exists():
        table.add_row("turtle", str(summary.turtle_path))
    table.add_row("page", str(summary.page_path))
    Console().print(table)
    for problem in summary.problems[:20]:  # skipped or degraded files, one line each
        err.print(f"  {problem}", highlight=False)
    if len(summary.problems) > 20:
        err.print(f"  … and {len(summary.problems) - 20} more", highlight=False)


@app.command()
def build(
    paths: Paths,
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder.")] = Path("build"),
    fmt: FormatOption = None,
    model: ModelOption = None,
    store_url: StoreUrlOption = None,
    jobs: Annotated[int, typer.Option(
        "--jobs", "-j", help="Extraction processes (0: all cores).")] = 0,
    dask: Annotated[str | None, typer.Option(
        help="Run the extraction on this Dask scheduler (tcp://host:8786).")] = None,
    example: Annotated[bool, typer.Option(help="Also run an example SPARQL query.")] = False,
    turtle: Annotated[bool, typer.Option(
        help="Also dump the whole graph to graph.ttl (kgraph export does it later).")] = False,
    strict: Annotated[bool, typer.Option(help="Exit non-zero if any file had a problem.")] = False,
    title: Annotated[str | None, typer.Option(
        help="Title of graph.html (default: the input folders' names).")] = None,
    force: Annotated[bool, typer.Option(
        help="Write into --out even if it is not empty and not a kgraph build, or holds a "
             "build of other documents (they stay).")] = False,
    follow_links: Annotated[bool, typer.Option(
        help="Read links that lead outside the given folders (reported and skipped "
             "by default).")] = False,
    curation: Annotated[Path | None, typer.Option(
        help="Corrections to apply (default: curation.yaml beside the corpus, if there); "
             "see 'kgraph curate'.")] = None,
) -> None:
    """Read, extract and store documents; write store/ and graph.html (graph.ttl with --turtle)."""
    from kgraph.api import KnowledgeGraph
    from kgraph.curation import CurationError
    from kgraph.errors import ModelNotFound, NoDocuments, OutFolderError
    from kgraph.graph.remote import RemoteStoreError
    from kgraph.graph.store import StoreBusy
    from kgraph.query import format_rows
    from kgraph.readers import ReaderError

    progress = Progress(TextColumn("[bold]extracting"), BarColumn(),
                        TextColumn("{task.completed} docs"),
                        TimeElapsedColumn(), console=err, transient=True,
                        disable=not err.is_terminal)
    with progress:
        task = progress.add_task("extract", total=None)
        try:
            kg = KnowledgeGraph.build(
                paths, out, fmt=fmt.value if fmt else None, model=model, store_url=store_url,
                jobs=jobs, dask_address=dask, turtle=turtle, force=force,
                page_title=title, follow_links=follow_links, curation=curation,
                on_problem=warn, on_document=lambda _: progress.advance(task))
        except (ModelNotFound, ReaderError, RemoteStoreError, StoreBusy, OutFolderError,
                NoDocuments, CurationError) as error:
            fail(str(error))
        except OSError as error:  # disk full, a read-only --out: what was built is kept
            where = error.filename or out
            reason = error.strerror or str(error).splitlines()[0]
            fail(f"{where}: cannot write ({reason}); the last finished build is unchanged")
    _print_summary(kg.summary)
    if example:
        print("Example query: who sent letters or telegrams to whom")
        print(format_rows(kg.select(EXAMPLE_QUERY)))
    if strict and kg.summary.problems:
        raise typer.Exit(2)


@app.command()
def extract(
    paths: Paths,
    fmt: FormatOption = None,
    model: ModelOption = None,
) -> None:
    """Print what the extraction stage finds: one JSON object per document."""
    from kgraph.errors import ModelNotFound
    from kgraph.extract import extract_documents, load_pipeline
    from kgraph.readers import ReaderError, read_paths

    try:
        nlp = load_pipeline(model)
        documents = read_paths(paths, fmt.value if fmt else None, on_error=warn)
        written = 0
        for extraction in extract_documents(documents, nlp):
            sys.stdout.write(json.dumps(extraction.to_json(), ensure_ascii=False) + "\n")
            written += 1
    except (ModelNotFound, ReaderError) as error:
        fail(str(error))
    if not written:
        fail(f"{', '.join(map(str, paths))}: no document found to extract")
