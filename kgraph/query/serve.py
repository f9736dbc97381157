"""``kgraph serve``: the Oxigraph SPARQL 1.1 server (PyPI ``oxigraph``) on a build's store.

kgraph does not write an HTTP server: this only assembles the command line of
``oxigraph serve-read-only`` (or ``oxigraph serve`` with updates allowed), with
the union of all graphs as default graph, loopback by default and a query timeout.
The server speaks the SPARQL 1.1 Protocol (GET and POST; JSON, XML, CSV and TSV
results by ``Accept``) and the Graph Store Protocol.

>>> server_command("build/store", "127.0.0.1", 7878, timeout=30)[1:3]
['serve-read-only', '--location']
"""

from __future__ import annotations

import math
import shutil
import sys
from pathlib import Path


class ServerNotFound(RuntimeError):
    """The ``oxigraph`` server program is not installed."""


def oxigraph_program() -> str:
    """The ``oxigraph`` executable: beside this Python first, then on PATH."""
    beside = Path(sys.executable).with_name("oxigraph")
    if beside.is_file():
        return str(beside)
    found = shutil.which("oxigraph")
    if found is None:
        raise ServerNotFound("the 'oxigraph' server is not installed: "
                             "pip install 'oxigraph>=0.5,<0.6'")
    return found


def server_command(store: str | Path, host: str, port: int, timeout: float,
                   allow_update: bool = False) -> list[str]:
    """The command that serves `store` at http://HOST:PORT/query."""
    mode = "serve" if allow_update else "serve-read-only"
    # Whole seconds, at least one (0 would answer nothing); kgraph's relay enforces
    # the exact timeout, fractions included.
    return [oxigraph_program(), mode, "--location", str(store), "--bind", f"{host}:{port}",
            "--union-default-graph", "--timeout-s", str(max(1, math.ceil(timeout)))]
