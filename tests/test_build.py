"""End to end: the sample corpus built into a real Oxigraph store, checked through SPARQL."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from kgraph.api import KnowledgeGraph
from kgraph.cli import app
from kgraph.graph.store import GraphStore
from tests.conftest import CORPUS, SEEDS, need

runner = CliRunner()


def _ask(summary, sparql):
    return GraphStore.open(summary.store_path, read_only=True).select(sparql)


def test_build_writes_store_turtle_and_page(corpus_build):
    assert corpus_build.store_path.is_dir()
    assert corpus_build.turtle_path.stat().st_size > 1000
    page = corpus_build.page_path.read_text("utf-8")
    assert "vis.Network" in page and "https://cdn" not in page
    assert corpus_build.problems == []
    assert corpus_build.documents == corpus_build.extracted >= 12


def test_corpus_has_all_three_relation_types(corpus_build):
    assert set(corpus_build.relations) == {"sentLetterTo", "metWith", "defectedFrom"}
    assert corpus_build.entities["Person"] >= 15


def test_specific_letters_through_sparql(corpus_build):
    rows = _ask(corpus_build, """
        SELECT ?date WHERE {
          ?s rdfs:label "Kim Young-sam" . ?r rdfs:label "Jiang Zemin" .
          ?s kg:sentLetterTo ?r .
          ?e a kg:Correspondence ; kg:sender ?s ; kg:recipient ?r ; kg:date ?date }""")
    assert {row["date"] for row in rows} == {"1997-03-19"}
    rows = _ask(corpus_build, """
        SELECT ?medium WHERE { ?e a kg:Correspondence ; kg:medium ?medium ;
          kg:sender/rdfs:label "Ministry of Foreign Affairs (China)" ;
          kg:recipient/rdfs:label "Chinese Embassy in North Korea" }""")
    assert {row["medium"] for row in rows} == {"telegram"}


def test_meetings_and_modality_through_sparql(corpus_build):
    rows = _ask(corpus_build, """
        SELECT ?date ?modality WHERE {
          ?e a kg:Meeting ; kg:participant ?a , ?b ; kg:modality ?modality .
          ?a rdfs:label "Donald Trump" . ?b rdfs:label "Kim Jong-un" .
          OPTIONAL { ?e kg:date ?date } }""")
    dates = {row["date"] for row in rows if row["modality"].endswith("asserted")}
    assert {"2018-06-12", "2019-02-28"} <= dates
    negated = _ask(corpus_build, """
        SELECT ?e WHERE { ?e a kg:Meeting ; kg:modality kg:negated ;
          kg:participant/rdfs:label "Moon Jae-in" }""")
    assert negated
    # A negated meeting never becomes a direct edge.
    assert not _ask(corpus_build, """
        SELECT ?x WHERE { ?x rdfs:label "Kim Jong-un" . ?y rdfs:label "Moon Jae-in" .
          { ?x kg:metWith ?y } UNION { ?y kg:metWith ?x } .
          FILTER NOT EXISTS { ?e a kg:Meeting ; kg:modality kg:asserted ;
                              kg:participant ?x , ?y } }""")


def test_defections_through_sparql(corpus_build):
    rows = _ask(corpus_build, """
        SELECT ?name ?left WHERE { ?p kg:defectedFrom ?c .
          ?p rdfs:label ?name . ?c rdfs:label ?left }""")
    pairs = {(row["name"], row["left"]) for row in rows}
    assert ("Thae Yong-ho", "North Korea") in pairs
    assert ("Hwang Jang-yop", "North Korea") in pairs


def test_frus_heading_and_persons_list(corpus_build):
    rows = _ask(corpus_build, """
        SELECT ?r WHERE { ?s rdfs:label "Lyndon B. Johnson" ; kg:sentLetterTo ?x .
          ?x rdfs:label ?r }""")
    assert {row["r"] for row in rows} == {"Park Chung-hee"}


def test_evidence_is_kept_with_offsets(corpus_build):
    rows = _ask(corpus_build, """
        SELECT ?text ?start ?end ?path WHERE { ?e kg:evidence ?ev ; prov:wasDerivedFrom ?d .
          ?ev kg:text ?text ; kg:start ?start ; kg:end ?end . ?d kg:sourcePath ?path }""")
    assert rows
    for row in rows:
        if row["path"].endswith((".txt", ".md")):
            text = Path(row["path"]).read_text(encoding="utf-8")
            assert text[row["start"]:row["end"]] == row["text"]


def test_rebuild_is_incremental_and_identical(corpus_build, tmp_path):
    from kgraph.pipeline import build_graph

    again = build_graph([CORPUS], corpus_build.out)
    assert again.extracted == 0 and again.unchanged == corpus_build.documents
    assert again.triples == corpus_build.triples


def test_cli_query_formats(corpus_build):
    sparql = "SELECT ?s ?r WHERE { ?s kg:sentLetterTo ?r }"
    result = runner.invoke(app, ["query", sparql, "--store", str(corpus_build.out),
                                 "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert len(rows) >= 5 and set(rows[0]) == {"s", "r"}
    result = runner.invoke(app, ["query", sparql, "--store", str(corpus_build.out), "-f", "csv"])
    assert result.output.splitlines()[0] == "s,r"
    result = runner.invoke(app, ["query", sparql, "--store", str(corpus_build.out)])
    assert "rows" in result.output


def test_example_query_lists_each_letter_once(corpus_build):
    from kgraph.cli.build import EXAMPLE_QUERY

    rows = _ask(corpus_build, EXAMPLE_QUERY)
    keys = [(r["senderName"], r["recipientName"], r["date"]) for r in rows]
    assert len(keys) == len(set(keys))
    assert ("Kim Young-sam", "Jiang Zemin", "1997-03-19") in keys


def test_cli_query_errors_are_one_line(corpus_build, tmp_path):
    result = runner.invoke(app, ["query", "SELECT * WHERE {", "--store", str(corpus_build.out)])
    assert result.exit_code == 1 and "SPARQL syntax error" in result.output
    assert len(result.output.strip().splitlines()) == 1
    result = runner.invoke(app, ["query", "SELECT * {}", "--store", str(tmp_path / "none")])
    assert result.exit_code == 1 and "run 'kgraph build' first" in result.output


def test_python_api_opens_the_build(corpus_build):
    kg = KnowledgeGraph.open(corpus_build.out)
    frame = kg.query("SELECT ?s ?r WHERE { ?s kg:sentLetterTo ?r }")
    assert len(frame) >= 5
    graph = kg.to_networkx()
    assert graph.number_of_nodes() > 10 and graph.number_of_edges() > 10


def test_cli_extract_and_build_on_seeds(tmp_path):
    seeds = need(SEEDS)
    result = runner.invoke(app, ["extract", str(seeds)])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.output.splitlines() if line.startswith("{")]
    triples = {(r["subject"], r["type"], r["object"]) for rec in records for r in rec["relations"]}
    assert ("Person/kim-young-sam", "sentLetterTo", "Person/jiang-zemin") in triples
    assert ("Person/kim-jong-un", "sentLetterTo", "Person/donald-trump") in triples
    result = runner.invoke(app, ["build", str(seeds), "--out", str(tmp_path / "b")])
    assert result.exit_code == 0, result.output
    rows = GraphStore.open(tmp_path / "b" / "store", read_only=True).select(
        "SELECT ?s WHERE { ?s kg:defectedFrom ?o . ?s rdfs:label 'Hwang Jang-yop' }")
    assert rows
