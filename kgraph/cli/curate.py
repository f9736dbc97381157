"""``kgraph curate``: add an entry to the curation file from the command line."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kgraph.cli.common import app, err, fail, relation_names

curate_app = typer.Typer(help="Add a correction (with its reason) to the curation file; "
                              "every build applies it.", no_args_is_help=True)
app.add_typer(curate_app, name="curate")

FileOption = Annotated[Path, typer.Option(
    "--file", help="The curation file (created if missing); 'kgraph build' reads "
                   "curation.yaml beside the corpus, or the file given to --curation.")]
ReasonOption = Annotated[str, typer.Option("--reason", "-r", help="Why: kept in the graph.")]


def _add(path: Path, **fields: object) -> None:
    from kgraph.curation import CurationError, Entry, add_entry

    try:
        entry = Entry.from_dict({k: v for k, v in fields.items() if v}, str(path))
        add_entry(path, entry)
    except CurationError as error:
        fail(str(error))
    err.print(f"{path}: {entry.describe()} ({entry.reason}); the next build applies it",
              highlight=False)


@curate_app.command()
def merge(actors: Annotated[list[str], typer.Argument(help="Two or more names of one actor.")],
          reason: ReasonOption, into: Annotated[str, typer.Option(
              help="The name to keep (default: the last one given).")] = "",
          file: FileOption = Path("curation.yaml")) -> None:
    """These names are one actor."""
    _add(file, action="merge", actors=actors, into=into, reason=reason)


@curate_app.command()
def apart(first: str, second: str, reason: ReasonOption,
          file: FileOption = Path("curation.yaml")) -> None:
    """These two are not the same actor."""
    _add(file, action="apart", actors=[first, second], reason=reason)


@curate_app.command()
def remove(actor: str, reason: ReasonOption, file: FileOption = Path("curation.yaml")) -> None:
    """This is not an actor: drop it and everything said of it."""
    _add(file, action="remove", actor=actor, reason=reason)


@curate_app.command()
def reject(subject: str, relation: Annotated[str, typer.Argument(
               help=relation_names(either=True))], object: str,
           reason: ReasonOption,
           document: Annotated[str, typer.Option(help="Only in this document.")] = "",
           date: Annotated[str, typer.Option(help="Only events at this date (1964, 1964-06, "
                                                   "1964-06-03).")] = "",
           file: FileOption = Path("curation.yaml")) -> None:
    """This relation is wrong: drop its events."""
    _add(file, action="reject", subject=subject, relation=relation, object=object,
         document=document, date=date, reason=reason)


@curate_app.command()
def rename(actor: str, to: str, reason: ReasonOption,
           file: FileOption = Path("curation.yaml")) -> None:
    """Call this actor by another name (the old one stays an alias)."""
    _add(file, action="rename", actor=actor, to=to, reason=reason)
