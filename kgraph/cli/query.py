"""``kgraph query``, ``kgraph queries`` and ``kgraph serve``."""

from __future__ import annotations

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
    reading_folder,
)


def _read_query_file(path: Path) -> str:
    """The text of ``@FILE``, or a one-line error naming the file."""
    try:
        return path.read_text("utf-8")
    except FileNotFoundError:
        fail(f"@{path}: no such file; give the path of a .rq file, or the query itself")
    except IsADirectoryError:
        fail(f"@{path}: this is a folder; give the path of a .rq file")
    except (OSError, UnicodeDecodeError) as error:
        fail(f"@{path}: cannot read it ({getattr(error, 'strerror', None) or error})")


@app.command()
def query(
    sparql: Annotated[str, typer.Argument(
        help="A named query (see 'kgraph queries'), a SPARQL query, or @FILE.")],
    param: Annotated[list[str] | None, typer.Option(
        "--param", "-p", help="key=value for a named query; repeat for several.")] = None,
    store: StoreOption = Path("build"),
    store_url: StoreUrlOption = None,
    fmt: Annotated[TableFormat, typer.Option("--format", "-f")] = TableFormat.table,
) -> None:
    """Run a SELECT: a named query, SPARQL text or @FILE (prefixes kg:, kgr:, … predefined)."""
    from kgraph.graph.remote import RemoteStoreError
    from kgraph.query import QueryError, format_rows, parse_params

    if sparql.startswith("@"):
        sparql = _read_query_file(Path(sparql[1:]))
    graph = open_graph(store, store_url)
    try:
        rows = graph.select(sparql, **parse_params(param or []))
    except QueryError as error:
        fail(str(error))
    except (SyntaxError, ValueError, OSError, RemoteStoreError) as error:
        fail(f"query failed: {str(error).splitlines()[0]}")
    sys.stdout.write(format_rows(rows, fmt.value))


@app.command()
def queries(
    fmt: Annotated[TableFormat, typer.Option("--format", "-f")] = TableFormat.table,
) -> None:
    """List the named queries, what each answers and its parameters."""
    from kgraph.query import format_rows, named_queries

    rows = [{"name": q.name, "answers": q.description,
             "parameters": "; ".join(f"{k}: {v}" for k, v in q.params.items())}
            for q in named_queries().values()]
    sys.stdout.write(format_rows(rows, fmt.value))


@app.command()
def serve(
    store: StoreOption = Path("build"),
    host: Annotated[str, typer.Option(help="Address to listen on (loopback by default).")] = (
        "127.0.0.1"),
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 7878,
    timeout: Annotated[float, typer.Option(help="Query timeout in seconds.")] = 30,
    allow_update: Annotated[bool, typer.Option(
        help="Accept SPARQL Update and Graph Store writes (read-only by default). They go "
             "to the build's store, not to the snapshot readers see: the next build "
             "publishes them; no build can run while this serves.")] = False,
    allow_service: Annotated[bool, typer.Option(
        help="Let queries call other endpoints with SERVICE (refused by default: the server "
             "would fetch any address a query names).")] = False,
    max_result_mb: Annotated[float, typer.Option(
        help="Refuse answers larger than this (413); 0: no cap.")] = 100,
) -> None:
    """Serve the store as a SPARQL 1.1 endpoint (the Oxigraph server) at /query.

    Requests go through kgraph's relay, which refuses SERVICE, Host headers other than
    the address served and requests from web pages of other origins (no CORS)."""
    from kgraph.query.gateway import port_taken, serve_capped
    from kgraph.query.serve import ServerNotFound, oxigraph_program, server_command

    if timeout <= 0:
        fail(f"--timeout {timeout:g}: give a number of seconds above 0")
    reading_folder(store)  # or a one-line error
    if problem := port_taken(host, port):
        fail(f"cannot listen on {host}:{port} ({problem}); give another --port")
    try:
        oxigraph_program()
    except ServerNotFound as error:
        fail(str(error))
    # Oxigraph servers listen on private loopback ports behind kgraph's relay.
    locate, servers = _served_store(store, allow_update)
    page = Path(store) / "graph.html"
    cap = f", answers up to {max_result_mb:g} MB" if max_result_mb > 0 else ""
    err.print(f"SPARQL endpoint: http://{host}:{port}/query "
              f"({'read-write' if allow_update else 'read-only'}, timeout {timeout:g} s{cap})",
              highlight=False)
    err.print(f"query UI: http://{host}:{port}/ (Oxigraph's YASGUI, in the browser)",
              highlight=False)
    if page.is_file():
        err.print(f"graph page: {page.resolve()}", highlight=False)
    sys.stderr.flush()
    serve_capped(lambda location, server_port: server_command(
                     location, "127.0.0.1", server_port, timeout, allow_update),
                 locate, host, port, int(max(max_result_mb, 0) * 1e6), timeout, allow_service,
                 servers)


def _served_store(store: Path, allow_update: bool):
    """What serve reads, as a function (read-only: the newest published snapshot, looked
    up per request), and how many servers. Updates go to the build's own store, which
    lasts across builds and which readers never open (they read snapshots); one server,
    since a store has one writer, and no build can run meanwhile."""
    from kgraph.api import store_folder

    if allow_update:
        live = store / "store" if (store / "store").is_dir() else store_folder(store)
        _will_change(live)
        return (lambda: live), 1
    return (lambda: store_folder(store)), 4


def _will_change(live: Path) -> None:
    """Mark the build as changed and unpublished, so the next build publishes the updates."""
    from kgraph.graph.snapshot import mark_unfinished

    if live.name == "store" and (live.parent / "snapshots").is_dir():
        mark_unfinished(live.parent)
