"""A real Oxigraph server process on 127.0.0.1 for the tests (no mocks)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

from kgraph.query.gateway import free_port, wait_for
from kgraph.query.serve import oxigraph_program


@contextmanager
def running(command: list[str], port: int):
    """Start `command` (a server on `port`), wait for it, stop it afterwards."""
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_for("127.0.0.1", port, process, seconds=20)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


def oxigraph_server(location: Path, port: int) -> list[str]:
    """A writable Oxigraph server on an empty folder, union default graph on."""
    return [oxigraph_program(), "serve", "--location", str(location),
            "--bind", f"127.0.0.1:{port}", "--union-default-graph"]


@contextmanager
def serving_copy(build: Path, folder: Path, *options: str):
    """`kgraph serve` (the real CLI, in a subprocess) on a copy of `build`; yields its URL."""
    copy = folder / "build"
    shutil.copytree(build, copy, symlinks=True)  # current stays a link to its snapshot
    port = free_port()
    command = [sys.executable, "-m", "kgraph.cli", "serve", "--store", str(copy),
               "--port", str(port), *options]
    with running(command, port) as url:
        yield url
