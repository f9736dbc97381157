"""``python -m kgraph.cli``: the same as the ``kgraph`` command."""

from kgraph.cli import app

app()
