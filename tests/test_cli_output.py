"""What the commands print: help without type placeholders, --version, serve's addresses,
'wrote …' for every file written, validate and export on a SPARQL server."""

from __future__ import annotations

import re
import subprocess
import sys
import urllib.request

import pytest
from typer.testing import CliRunner

from kgraph import __version__
from kgraph.cli import app
from kgraph.query.gateway import free_port, wait_for

from .conftest import CORPUS
from .servers import oxigraph_server, running

runner = CliRunner()
COMMANDS = ["build", "extract", "eval", "export", "validate", "analyze", "viz", "query",
            "queries", "serve"]


@pytest.mark.parametrize("command", [[], *[[c] for c in COMMANDS]], ids=lambda c: c[0] if c else "kgraph")
def test_help_names_values_not_python_types(command):
    result = runner.invoke(app, [*command, "--help"], terminal_width=120)
    assert result.exit_code == 0, result.output
    assert not re.search(r"<(bool|str|int|float|path|list)[^>]*>|\{\w+\}", result.output), \
        result.output


def test_version():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.output.strip() == f"kgraph {__version__}"


def test_serve_prints_its_public_address_and_query_ui_only(corpus_build, tmp_path):
    port = free_port()
    log = tmp_path / "serve.log"
    with log.open("w") as stderr:
        process = subprocess.Popen([sys.executable, "-m", "kgraph.cli", "serve", "--store",
                                    str(corpus_build.out), "--port", str(port)],
                                   stdout=subprocess.DEVNULL, stderr=stderr)
        try:
            wait_for("127.0.0.1", port, process, seconds=30)
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=10) as answer:
                root = answer.read().decode()
        finally:
            process.terminate()
            process.wait(timeout=10)
    assert "yasgui" in root.lower()  # the query UI the README documents
    printed = log.read_text()
    addresses = set(re.findall(r"http://[\d.]+:(\d+)", printed))
    assert addresses == {str(port)}, printed  # never the relay's private port
    assert f"query UI: http://127.0.0.1:{port}/" in printed


def test_every_export_says_what_it_wrote(corpus_build, tmp_path):
    for fmt, name in [("turtle", "graph.ttl"), ("jsonld", "graph.jsonld"),
                      ("graphml", "actors.graphml")]:
        out = tmp_path / name
        result = runner.invoke(app, ["export", "-s", str(corpus_build.out), "-f", fmt,
                                     "-o", str(out)])
        assert result.exit_code == 0 and f"wrote {out}" in result.output, result.output
        assert out.stat().st_size > 1000


def test_validate_and_export_read_a_sparql_server(tmp_path):
    port = free_port()
    with running(oxigraph_server(tmp_path / "server", port), port) as url:
        built = runner.invoke(app, ["build", str(CORPUS / "letters"), "--out",
                                    str(tmp_path / "out"), "--store-url", url])
        assert built.exit_code == 0, built.output
        result = runner.invoke(app, ["validate", "--store-url", url])
        assert result.exit_code == 0 and "distinct triples, conforms" in result.output
        out = tmp_path / "remote.nt"
        result = runner.invoke(app, ["export", "--store-url", url, "-f", "ntriples",
                                     "-o", str(out)])
        assert result.exit_code == 0 and out.read_text().count("sentLetterTo") > 0
        result = runner.invoke(app, ["export", "--store-url", url, "-f", "trig"])
        assert result.exit_code == 1 and "needs a local store" in result.output
