"""`kgraph serve` answers real HTTP clients; builds go into a real Oxigraph server."""

from __future__ import annotations

import csv
import io
import json
import urllib.error
import urllib.parse
import urllib.request

import networkx as nx
import pytest
from SPARQLWrapper import CSV, JSON, SPARQLWrapper
from typer.testing import CliRunner

from kgraph.api import KnowledgeGraph
from kgraph.cli import app
from kgraph.pipeline import build_graph
from kgraph.query.gateway import free_port

from .conftest import CORPUS
from .servers import oxigraph_server, running, serving_copy

runner = CliRunner()
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s <https://w3id.org/kgraph/ontology#metWith> ?o }"


@pytest.fixture(scope="module")
def endpoint(corpus_build, tmp_path_factory):
    """`kgraph serve` on a copy of the demo build."""
    with serving_copy(corpus_build.out, tmp_path_factory.mktemp("served"), "--timeout", "10") as url:
        yield url


def _get(url: str, accept: str) -> tuple[int, str, str]:
    request = urllib.request.Request(url, headers={"Accept": accept})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status, response.headers["Content-Type"], response.read().decode()


def test_endpoint_answers_http_get_and_post_in_json_csv_xml_tsv(endpoint, corpus_build):
    expected = KnowledgeGraph.open(corpus_build.out).select(COUNT)[0]["n"]
    url = f"{endpoint}/query?{urllib.parse.urlencode({'query': COUNT})}"
    status, kind, body = _get(url, "application/sparql-results+json")
    assert status == 200 and "json" in kind
    assert int(json.loads(body)["results"]["bindings"][0]["n"]["value"]) == expected
    status, kind, body = _get(url, "text/csv")
    assert list(csv.reader(io.StringIO(body)))[1] == [str(expected)]
    assert "<sparql" in _get(url, "application/sparql-results+xml")[2]
    assert _get(url, "text/tab-separated-values")[2].splitlines()[1].startswith(str(expected))
    post = urllib.request.Request(f"{endpoint}/query", data=COUNT.encode(), method="POST",
                                  headers={"Content-Type": "application/sparql-query",
                                           "Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(post, timeout=10) as response:
        assert int(json.loads(response.read())["results"]["bindings"][0]["n"]["value"]) == expected


def test_endpoint_answers_sparqlwrapper(endpoint):
    client = SPARQLWrapper(f"{endpoint}/query")
    client.setQuery("PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
                    "SELECT ?l WHERE { <https://w3id.org/kgraph/id/person/kim-jong-un> rdfs:label ?l }")
    client.setReturnFormat(JSON)
    rows = client.query().convert()["results"]["bindings"]
    assert [r["l"]["value"] for r in rows] == ["Kim Jong-un"]
    client.setReturnFormat(CSV)
    assert client.query().convert().decode().splitlines() == ["l", "Kim Jong-un"]


def test_endpoint_refuses_updates_by_default(endpoint):
    update = urllib.request.Request(
        f"{endpoint}/update", method="POST",
        data=b"INSERT DATA { <http://example.org/a> <http://example.org/b> 1 }",
        headers={"Content-Type": "application/sparql-update"})
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(update, timeout=10)
    assert 400 <= refused.value.code < 500
    assert _get(f"{endpoint}/query?query=ASK%7B%3Chttp%3A%2F%2Fexample.org%2Fa%3E%3Fp%3Fo%7D",
                "application/sparql-results+json")[2].count("false") == 1


@pytest.fixture(scope="module")
def remote_build(tmp_path_factory):
    folder = tmp_path_factory.mktemp("oxigraph-server")
    port = free_port()
    with running(oxigraph_server(folder / "data", port), port) as url:
        summary = build_graph([CORPUS], folder / "out", store_url=url)
        yield url, summary


def test_build_into_a_server_matches_the_embedded_store(remote_build, corpus_build):
    url, summary = remote_build
    assert summary.triples == corpus_build.triples
    assert summary.relations == corpus_build.relations
    remote, local = KnowledgeGraph.open(store_url=url), KnowledgeGraph.open(corpus_build.out)
    for name, params in [("defections", {}), ("mutual-correspondents", {}),
                         ("correspondents", {"person": "Kim Jong-un"}),
                         ("timeline", {"person": "Donald Trump"})]:
        assert remote.select(name, **params) == local.select(name, **params), name


def test_rebuild_into_the_server_is_incremental(remote_build, tmp_path):
    url, summary = remote_build
    again = build_graph([CORPUS], tmp_path / "out", store_url=url)
    assert (again.extracted, again.unchanged, again.triples) == (0, 18, summary.triples)


def test_cli_query_reads_from_a_server(remote_build):
    url, _ = remote_build
    result = runner.invoke(app, ["query", "defections", "--store-url", url, "-f", "json"])
    assert result.exit_code == 0, result.output
    assert any(row["defector"] == "Thae Yong-ho" for row in json.loads(result.stdout))


def test_unreachable_server_is_one_line(tmp_path):
    result = runner.invoke(app, ["query", "defections", "--store-url",
                                 f"http://127.0.0.1:{free_port()}"])
    assert result.exit_code == 1 and "cannot reach the server" in result.output


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_network_exports_load_back_with_networkx(corpus_build, tmp_path, fmt):
    target = tmp_path / f"actors.{fmt}"
    result = runner.invoke(app, ["export", "-s", str(corpus_build.out), "-f", fmt, "-o",
                                 str(target)])
    assert result.exit_code == 0, result.output
    original = KnowledgeGraph.open(corpus_build.out).to_networkx()
    loaded = nx.read_graphml(target) if fmt == "graphml" else nx.read_gexf(target)
    assert loaded.number_of_nodes() == original.number_of_nodes()
    assert loaded.number_of_edges() == original.number_of_edges()


def test_csv_node_and_edge_lists(corpus_build, tmp_path):
    result = runner.invoke(app, ["export", "-s", str(corpus_build.out), "-f", "csv", "-o",
                                 str(tmp_path / "actors")])
    assert result.exit_code == 0, result.output
    original = KnowledgeGraph.open(corpus_build.out).to_networkx()
    with (tmp_path / "actors-nodes.csv").open(encoding="utf-8") as nodes:
        assert len(list(csv.DictReader(nodes))) == original.number_of_nodes()
    with (tmp_path / "actors-edges.csv").open(encoding="utf-8") as edges:
        rows = list(csv.DictReader(edges))
    assert len(rows) == original.number_of_edges()
    assert {"source", "target", "relation", "evidence"} <= set(rows[0])
