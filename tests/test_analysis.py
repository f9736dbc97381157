"""NetworkX analysis and the viz command on known graphs."""

from __future__ import annotations

import json

import networkx as nx
import pytest
from typer.testing import CliRunner

from kgraph import analysis
from kgraph.api import KnowledgeGraph
from kgraph.cli import app
from kgraph.pipeline import build_graph
from kgraph.query.resolve import UnknownName

from .conftest import SEEDS, need

runner = CliRunner()


def _edge(graph, a, b, relation, date=None, modality="asserted", confidence=0.8):
    graph.add_edge(a, b, relation=relation, date=date, modality=modality,
                   confidence=confidence, evidence="…", document="d")


@pytest.fixture
def toy():
    """Two blocs joined through one broker."""
    graph = nx.MultiDiGraph()
    people = {"kim": "North Korea", "ri": "North Korea", "zhou": "China", "mao": "China",
              "nixon": "United States", "kissinger": "United States"}
    for node, country in people.items():
        graph.add_node(node, label=node.title(), type="Person", country=country, aliases=[],
                       roles=[])
    _edge(graph, "kim", "ri", "metWith", "1970")
    _edge(graph, "kim", "zhou", "sentLetterTo", "1970-05")
    _edge(graph, "zhou", "kim", "sentLetterTo", "1970-06")
    _edge(graph, "zhou", "mao", "metWith", "1971")
    _edge(graph, "zhou", "kissinger", "metWith", "1971-07-09")
    _edge(graph, "kissinger", "nixon", "sentLetterTo", "1971-07-11")
    _edge(graph, "nixon", "mao", "metWith", "1972-02-21", modality="planned", confidence=0.5)
    return graph


def test_counts_mutual_pairs_and_years(toy):
    top = analysis.correspondence_counts(toy)[0]
    assert (top["actor"], top["letters_sent"], top["letters_received"], top["meetings"]) == (
        "Zhou", 1, 1, 2)
    assert analysis.mutual_pairs(toy) == [{"one": "Kim", "other": "Zhou", "one_to_other": 1,
                                            "other_to_one": 1}]
    years = {row["year"]: row for row in analysis.per_year(toy)}
    assert years["1971"]["metWith"] == 2 and "1972" not in years  # planned is not counted
    _edge(toy, "ri", "mao", "sentLetterTo")  # undated: under "unknown", last
    rows = analysis.per_year(toy)
    assert rows[-1] == {"year": "unknown", "sentLetterTo": 1, "metWith": 0, "defectedFrom": 0}
    assert all(len(row["year"]) == 4 for row in rows[:-1])


def test_broker_pagerank_communities(toy):
    assert analysis.brokers(toy, top=1)[0]["actor"] == "Zhou"
    ranks = analysis.most_central(toy, top=None)
    assert len(ranks) == 6 and abs(sum(r["pagerank"] for r in ranks) - 1) < 0.01
    groups = analysis.community_of(toy)
    assert groups["kim"] == groups["ri"] and groups["nixon"] == groups["kissinger"]


def test_filters_ego_and_country_network(toy):
    letters = analysis.filter_graph(toy, relations={"sentLetterTo"})
    assert letters.number_of_edges() == 3 and "ri" not in letters
    seventy_one = analysis.filter_graph(toy, start="1971", end="1971")
    assert seventy_one.number_of_edges() == 3
    assert analysis.filter_graph(toy, min_confidence=0.6).number_of_edges() == 6
    assert analysis.filter_graph(toy, modalities={"planned"}).number_of_edges() == 1
    assert set(analysis.ego_network(toy, "Kim", depth=1)) == {"kim", "ri", "zhou"}
    assert set(analysis.ego_network(toy, "kim", depth=2)) == {"kim", "ri", "zhou", "mao",
                                                              "kissinger"}
    flows = {(r["from"], r["to"], r["relation"]): r["count"] for r in analysis.country_flows(toy)}
    assert flows[("North Korea", "China", "sentLetterTo")] == 1
    assert flows[("China", "United States", "metWith")] == 1
    assert ("United States", "China", "metWith") not in flows  # the planned one


def test_analyze_on_the_seeds(tmp_path):
    build = build_graph([need(SEEDS)], tmp_path / "seeds")
    result = runner.invoke(app, ["analyze", "--store", str(build.out), "-f", "json"])
    assert result.exit_code == 0, result.output
    tables = json.loads(result.stdout)
    top = [row["actor"] for row in tables["correspondents"][:3]]
    assert {"Kim Jong-un", "Donald Trump"} <= set(top)
    pairs = {(r["one"], r["other"]): r for r in tables["mutual pairs"]}
    kim_trump = pairs[("Donald Trump", "Kim Jong-un")]
    assert kim_trump["one_to_other"] >= 1 and kim_trump["other_to_one"] >= 2
    table = runner.invoke(app, ["analyze", "--store", str(build.out), "--top", "3"])
    assert "brokers (betweenness)" in table.stdout and "Kim Jong-un" in table.stdout


def test_viz_command_filters_sizes_and_truncates(corpus_build, tmp_path):
    page = tmp_path / "letters.html"
    result = runner.invoke(app, ["viz", "--store", str(corpus_build.out), "-o", str(page),
                                 "--relation", "sentLetterTo", "--size-by", "letters",
                                 "--max-nodes", "5", "--title", "Letters"])
    assert result.exit_code == 0, result.output
    html = page.read_text("utf-8")
    assert "the top 5 actors by letters" in html and "left out" in html
    data = json.loads(next(line for line in html.splitlines()
                           if line.startswith("const DATA = "))[len("const DATA = "):-1])
    assert {edge["relation"] for edge in data["edges"]} == {"sentLetterTo"}
    assert len(data["nodes"]) == 5
    assert "https://" not in html.split("<script>")[0]  # no CDN links in the head
    bad = runner.invoke(app, ["viz", "--store", str(corpus_build.out), "--size-by", "height"])
    assert bad.exit_code == 1 and "use one of" in bad.output


def test_page_graph_from_the_api(corpus_build):
    graph = KnowledgeGraph.open(corpus_build.out).to_networkx()
    assert all("country" in data for _, data in graph.nodes(data=True))


def test_python_api_for_notebooks(corpus_build):
    kg = KnowledgeGraph.open(corpus_build.out)
    timeline = kg.timeline("Kim Jong-un")
    assert {"date", "what", "other", "evidence"} <= set(timeline.columns)
    evidence = kg.evidence("Kim Young-sam", "sentLetterTo", "Jiang Zemin")
    assert "1997-03-19" in set(evidence["date"])
    empty = kg.query("correspondents", person="Hwang Jang-yop")  # a defector, no letters
    assert empty.empty and list(empty.columns)[:2] == ["direction", "correspondent"]
    with pytest.raises(UnknownName, match="no actor named 'nobody at all'"):
        kg.query("correspondents", person="nobody at all")
    html = kg.show(relations={"sentLetterTo"})._repr_html_()
    assert html.startswith("<iframe srcdoc=") and "&lt;script&gt;" in html
    tables = kg.analyze(top=3)
    assert tables["correspondents"].shape[0] == 3
    # Four defection reports, three defections: Hwang Jang-yop's is told by two documents.
    assert kg.to_networkx(relations={"defectedFrom"}).number_of_edges() == 3
