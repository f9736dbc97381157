"""Every named query on the sample corpus, and parameters that try to break out."""

from __future__ import annotations

import pytest
from rdflib import Literal
from rdflib.namespace import RDFS, SKOS
from rdflib.plugins.sparql import prepareQuery
from typer.testing import CliRunner

from kgraph.api import KnowledgeGraph
from kgraph.cli import app
from kgraph.graph.namespaces import KG
from kgraph.normalize.names import name_key
from kgraph.query import QueryError, load_query, named_queries

runner = CliRunner()

INJECTIONS = [
    'Kim Jong-un" } ?s ?p ?o #',
    'x") } } SELECT * WHERE { ?s ?p ?o } #',
    "Kim Jong-un' . ?a ?b ?c } #",
    "\\\" ) } # \n ?s ?p ?o",
]


@pytest.fixture(scope="module")
def kg(corpus_build):
    return KnowledgeGraph.open(corpus_build.out)


def test_every_query_file_declares_what_it_answers():
    assert set(named_queries()) == {
        "correspondents", "timeline", "letters-between", "meetings-in-period", "defections",
        "mutual-correspondents", "actors-by-country", "evidence"}
    for query in named_queries().values():
        assert query.description, query.name


def test_correspondents(kg):
    rows = kg.select("correspondents", person="kim jong un")  # alias, any case
    by = {(r["direction"], r["name"]): r for r in rows}
    assert by[("to", "Donald Trump")]["first"] == "2018-09-21"
    assert ("from", "Moon Jae-in") in by and ("from", "Donald Trump") in by


def test_timeline_is_in_date_order_with_evidence(kg):
    rows = kg.select("timeline", person="Kim Jong-un")
    dated = [r["date"] for r in rows if r["date"]]
    assert dated == sorted(dated) and len(dated) >= 5
    assert {"wrote to", "met"} <= {r["what"] for r in rows}
    assert all(r["evidence"] for r in rows if not r["what"].startswith("role"))


def test_letters_between_two_actors_both_ways(kg):
    rows = kg.select("letters-between", a="Donald Trump", b="Kim Jong-un")
    assert {(r["sender"], r["recipient"]) for r in rows} == {
        ("Kim Jong-un", "Donald Trump"), ("Donald Trump", "Kim Jong-un")}


def test_meetings_in_a_period(kg):
    rows = kg.select("meetings-in-period", **{"from": "2018-06", "to": "2018-12"})
    assert {r["date"] for r in rows} == {"2018-06-12", "2018-09-19", "2018-10-07"}
    assert not kg.select("meetings-in-period", **{"from": "1800", "to": "1801"})


def test_defections(kg):
    rows = kg.select("defections")
    assert {"Hwang Jang-yop", "Thae Yong-ho", "Lee Ung-pyeong"} <= {r["defector"] for r in rows}


def test_mutual_correspondents(kg):
    rows = kg.select("mutual-correspondents")
    assert {"one": "Donald Trump", "other": "Kim Jong-un", "oneToOther": 1,
            "otherToOne": 1} in rows


def test_actors_by_country_accepts_aliases(kg):
    names = {r["name"] for r in kg.select("actors-by-country", country="DPRK")}
    assert {"Kim Jong-un", "Hwang Jang-yop"} <= names


def test_evidence_behind_a_relation(kg):
    rows = kg.select("evidence", subject="Donald Trump", relation="metWith",
                     object="Kim Jong-un")
    assert any(r["date"] == "2019-02-28" and "Hanoi" in r["evidence"] for r in rows)
    assert all(r["end"] > r["start"] for r in rows)


@pytest.mark.parametrize("value", INJECTIONS)
def test_a_parameter_cannot_change_the_query(kg, value):
    query = load_query("correspondents")
    text = query.bind(person=value)
    literal, key = Literal(value).n3(), Literal(name_key(value)).n3()
    block = f"\n  VALUES (?person ?personKey) {{ ({literal} {key}) }}\n"
    assert block in text and text.replace(block, "", 1) == query.text  # only the value went in
    parsed = prepareQuery(text, initNs={"kg": KG, "rdfs": RDFS, "skos": SKOS})
    assert parsed is not None  # still one well-formed query
    assert kg.select("correspondents", person=value) == []
    for name in ("evidence", "letters-between", "actors-by-country"):
        params = {p: value for p in load_query(name).params}
        assert kg.select(name, **params) == []


def test_parameters_are_checked(kg):
    with pytest.raises(QueryError, match="missing person"):
        kg.select("correspondents")
    with pytest.raises(QueryError, match="unknown colour"):
        kg.select("defections", colour="red")


def test_cli_named_query_with_params(corpus_build):
    result = runner.invoke(app, ["query", "letters-between", "-p", "a=Kim Jong-un",
                                 "-p", "b=Donald Trump", "-s", str(corpus_build.out), "-f", "csv"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0].startswith("date,sender,recipient")
    result = runner.invoke(app, ["query", "timeline", "-s", str(corpus_build.out)])
    assert result.exit_code == 1 and "missing person" in result.output
    result = runner.invoke(app, ["queries", "-f", "json"])
    assert result.exit_code == 0 and "correspondents" in result.stdout
