"""The endpoint: read-only, loopback, a timeout and a result cap; nothing untrusted is run.

Escaping of document text in pages is checked in a real browser by
tests/test_page_browser.py::test_hostile_names_titles_and_evidence_stay_text, and
parameter injection into named queries by
tests/test_queries.py::test_a_parameter_cannot_change_the_query, and updates refused
by the default `kgraph serve` (relay included) in
tests/test_server.py::test_endpoint_refuses_updates_by_default.
"""

from __future__ import annotations

import http.client
import json
import re
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from kgraph.query.serve import server_command

from ..servers import serving_copy
from .helpers import hostile_build

EVERYTHING = "SELECT * WHERE { ?s ?p ?o }"
ONE_ROW = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
# Four-way cross product of every triple: far more work than any timeout allows.
ENDLESS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
CAP_MB = 0.02


@pytest.fixture(scope="module")
def endpoint(corpus_build, tmp_path_factory):
    """`kgraph serve` with defaults except a tiny cap and a half-second timeout
    (below one second: Oxigraph's own timeout counts whole seconds)."""
    with serving_copy(corpus_build.out, tmp_path_factory.mktemp("hostile"), "--timeout", "0.5",
                      "--max-result-mb", str(CAP_MB)) as url:
        yield url


def _ask(url: str, query: str) -> tuple[int, bytes]:
    request = urllib.request.Request(
        f"{url}/query?{urllib.parse.urlencode({'query': query})}",
        headers={"Accept": "application/sparql-results+json"})
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return answer.status, answer.read()
    except urllib.error.HTTPError as refused:
        return refused.code, refused.read()


def test_answers_past_the_cap_are_refused_with_a_reason(endpoint):
    status, body = _ask(endpoint, EVERYTHING)
    assert status == 413
    assert body.decode().count("\n") == 1 and "0.02 MB cap" in body.decode()
    status, body = _ask(endpoint, ONE_ROW)
    assert status == 200
    assert int(json.loads(body)["results"]["bindings"][0]["n"]["value"]) > 1000


def test_a_runaway_query_is_stopped_by_the_timeout(endpoint):
    started = time.monotonic()
    status, _ = _ask(endpoint, ENDLESS)
    assert status >= 400
    assert time.monotonic() - started < 20  # stopped, not run to the end (hours)


@pytest.fixture
def listener():
    """A local HTTP server that counts the requests it gets (the SSRF target)."""
    hits: list[str] = []

    class Count(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            self._count()

        def do_POST(self):  # noqa: N802
            self._count()

        def _count(self):
            hits.append(self.path)
            self.send_response(200)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Count)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}", hits
    server.shutdown()


def _raw(url: str, method: str, path: str, body: bytes | None = None,
         headers: dict[str, str] | None = None) -> tuple[int, bytes]:
    parts = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        answer = connection.getresponse()
        return answer.status, answer.read()
    finally:
        connection.close()


def test_service_calls_are_refused_and_reach_nobody(endpoint, listener):
    target, hits = listener
    federated = f"SELECT * WHERE {{ SERVICE <{target}/x> {{ ?s ?p ?o }} }}"
    status, body = _ask(endpoint, federated)
    assert status == 403 and b"SERVICE" in body
    for query in (federated.replace("SERVICE", "service"),
                  federated.replace("SERVICE", "\\u0053ERVICE")):
        status, _ = _raw(endpoint, "POST", "/query", urllib.parse.urlencode(
            {"query": query}).encode(), {"Content-Type": "application/x-www-form-urlencoded"})
        assert status == 403
    assert hits == []
    assert _ask(endpoint, 'SELECT ?s WHERE { ?s <http://x/service> "SERVICE" } # SERVICE')[0] == 200


def test_foreign_hosts_and_other_origins_are_refused(endpoint):
    path = "/query?" + urllib.parse.urlencode({"query": ONE_ROW})
    port = urllib.parse.urlsplit(endpoint).port
    assert _raw(endpoint, "GET", path, headers={"Host": f"localhost:{port}"})[0] == 200
    status, body = _raw(endpoint, "GET", path, headers={"Host": f"rebound.example:{port}"})
    assert status == 403 and b"Host" in body
    form = urllib.parse.urlencode({"query": ONE_ROW}).encode()
    status, _ = _raw(endpoint, "POST", "/query", form, {
        "Content-Type": "application/x-www-form-urlencoded", "Origin": "http://evil.example"})
    assert status == 403
    status, _ = _raw(endpoint, "GET", path)
    assert status == 200


def test_bad_request_lengths_are_refused_without_holding_a_thread(endpoint):
    assert _raw(endpoint, "POST", "/query", headers={"Content-Length": "-5"})[0] == 400
    assert _raw(endpoint, "POST", "/query", headers={
        "Content-Length": str(1 << 30), "Content-Type": "application/sparql-query"})[0] == 413
    assert _ask(endpoint, ONE_ROW)[0] == 200


def test_the_server_is_local_and_read_only_by_default():
    from typer.testing import CliRunner

    from kgraph.cli import app

    options = {o.name: o.default for o in _serve_params(app)}
    assert options["host"] == "127.0.0.1" and options["allow_update"] is False
    assert options["allow_service"] is False
    assert options["timeout"] > 0 and options["max_result_mb"] > 0
    command = server_command("store", "127.0.0.1", 7878, timeout=30)
    assert command[1] == "serve-read-only" and "127.0.0.1:7878" in command
    assert "--timeout-s" in command
    assert CliRunner().invoke(app, ["serve", "--help"]).exit_code == 0


def _serve_params(app):
    import typer.main

    click_app = typer.main.get_command(app)
    return click_app.commands["serve"].params


UNSAFE = re.compile(r"\b(eval|exec)\(|pickle\.loads?\(|yaml\.load\(|yaml\.unsafe_load|"
                    r"marshal\.loads|shell=True|resolve_entities=True|no_network=False")


def test_no_code_evaluates_or_unpickles_document_content():
    package = Path(__file__).resolve().parents[2] / "kgraph"
    offending = [f"{path.relative_to(package.parent)}:{number}: {line.strip()}"
                 for path in sorted(package.rglob("*.py"))
                 for number, line in enumerate(path.read_text().splitlines(), 1)
                 if UNSAFE.search(line)]
    assert offending == []


def test_document_text_reaches_the_page_only_as_inert_data(tmp_path):
    """The static side of the browser test: no tag from a document survives in the HTML."""
    html = hostile_build(tmp_path).page_path.read_text("utf-8")
    for tag in ("<script>window", "<img src=x", "<iframe src=", "</script><script>"):
        assert tag not in html
    assert "default-src 'none'" in html  # and the page may load nothing from anywhere


def test_every_named_query_binds_hostile_values_as_plain_text(corpus_build):
    from kgraph.api import KnowledgeGraph
    from kgraph.query import named_queries
    from kgraph.query.named import QueryError
    from kgraph.query.resolve import UnknownName

    kg = KnowledgeGraph.open(corpus_build.out)
    hostile = 'x" } } ; DROP ALL ; SELECT * { ?s ?p ?o } #'
    for name, query in named_queries().items():
        values = {p: ("1960" if p in {"from", "to"} else hostile) for p in query.params}
        if not values:
            continue
        try:  # a name no actor has is refused before any SPARQL runs; dates go in as text
            assert kg.select(name, **values) == [], name
        except UnknownName as refused:
            assert str(refused).startswith("no actor named"), name
    with pytest.raises(QueryError, match="not a date"):  # period bounds must be dates
        kg.select("meetings-in-period", **{"from": hostile, "to": "1960"})
