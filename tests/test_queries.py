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
from kgraph.query.resolve import UnknownName

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
    # A name is looked up among the actors' names before any SPARQL runs: no actor has it.
    for name in ("correspondents", "evidence", "letters-between", "actors-by-country"):
        params = {p: value for p in load_query(name).params}
        with pytest.raises(UnknownName, match="^no actor named"):
            kg.select(name, **params)


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


@pytest.mark.parametrize("name", ["Winthrop Brown", "winthrop g brown", "Brown",
                                  "Ambassador Brown", "WINTHROP  G. BROWN"])
def test_a_person_is_found_by_any_name(kg, name):
    """Label, case, a title in front, a surname alone or without the middle initial."""
    assert kg.name_key(name) == "winthropgbrown"
    assert kg.select("timeline", person=name) == kg.select("timeline", person="Winthrop G. Brown")


def test_a_surname_first_name_and_accents(kg):
    assert kg.name_key("Thae") == "thaeyongho"  # a surname written first
    assert kg.name_key("Zhōu Ēnlái") == "zhouenlai"  # accents folded


def test_a_wrong_or_ambiguous_name_gets_one_line(kg):
    with pytest.raises(UnknownName) as wrong:
        kg.select("timeline", person="Winthrop Browne")
    assert str(wrong.value) == "no actor named 'Winthrop Browne'; did you mean Winthrop G. Brown?"
    with pytest.raises(UnknownName) as several:
        kg.select("correspondents", person="Kim")
    message = str(several.value)
    assert "\n" not in message and "Kim Jong-un" in message and "Kim Il Sung" in message
    with pytest.raises(UnknownName, match="^no actor named 'Nobody Atall' in this graph$"):
        kg.select("timeline", person="Nobody Atall")


def test_cli_answers_a_short_name_and_suggests_for_a_wrong_one(corpus_build):
    out = str(corpus_build.out)
    result = runner.invoke(app, ["query", "timeline", "-p", "person=Winthrop Brown", "-s", out,
                                 "-f", "csv"])
    assert result.exit_code == 0 and len(result.stdout.splitlines()) > 1, result.output
    result = runner.invoke(app, ["query", "timeline", "-p", "person=Winthrop Browne", "-s", out])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        "error: no actor named 'Winthrop Browne'; did you mean Winthrop G. Brown?"]


def test_frus_dev_answers_for_winthrop_brown(frus_dev_build):
    """The issue's example, on the real FRUS documents: the label is Winthrop G. Brown."""
    out = str(frus_dev_build.out)
    result = runner.invoke(app, ["query", "timeline", "-p", "person=Winthrop Brown", "-s", out,
                                 "-f", "json"])
    assert result.exit_code == 0, result.output
    assert '"document"' in result.stdout
    result = runner.invoke(app, ["query", "timeline", "-p", "person=Winthrop Browne", "-s", out])
    assert "did you mean Winthrop G. Brown?" in result.output
