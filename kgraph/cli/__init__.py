"""The ``kgraph`` command line: a thin layer over the Python API.

    kgraph build corpus/ --out build/
    kgraph query correspondents --param person="Kim Jong-un"
    kgraph serve --store build/

One module per family of commands: `build` (build, extract), `query` (query,
queries, serve), `graph` (validate, export), `evaluate` (eval), `curate`.
"""

from kgraph.cli import (  # noqa: F401  (registers commands)
    build,
    curate,
    evaluate,
    graph,
    network,
    query,
)
from kgraph.cli.common import app

__all__ = ["app"]
