"""The relation schema declared once (kgraph/data/relations.yaml): it agrees with the ontology,
its mistakes are one-line errors, and a new relation type needs only an extension folder
(schema, rules with examples, word sets, ontology fragment; docs/extension-example) to be
extracted, stored, drawn, counted and scored: no Python."""

from __future__ import annotations

import json
import re

import pytest
from typer.testing import CliRunner

from kgraph.api import KnowledgeGraph
from kgraph.cli import app
from kgraph.graph.namespaces import KG
from kgraph.graph.validate import ontology_graph, schema_mismatches, validate_store
from kgraph.schema import EXTENSIONS, relation_schema

from .conftest import ROOT
from .test_rules import check_example

EXAMPLE = ROOT / "docs" / "extension-example"
NEW = "signedAgreementWith"
# Written for this test; the first line of each is the document's title.
DOCUMENTS = {
    "treaty.txt": "Note on the Moscow treaty\n\nMoscow, July 7, 1961.\n\n"
                  "Kim Il Sung signed an agreement with Nikita Khrushchev in Moscow on July 6, "
                  "1961. Nikita Khrushchev met Kim Il Sung again the next day.",
    "accord.txt": "Note on the Beijing treaty\n\nBeijing, July 12, 1961.\n\n"
                  "Zhou Enlai and Kim Il Sung concluded a treaty of friendship on July 11, 1961.",
}
GOLD = [{"id": "treaty", "relations": [
            {"type": "SIGNED_AGREEMENT_WITH", "subject": "Nikita Khrushchev",
             "object": "Kim Il Sung", "date": "1961-07-06"}]},
        {"id": "accord", "relations": [
            {"type": "signedAgreementWith", "subject": "Kim Il Sung", "object": "Zhou Enlai",
             "date": "1961-07-11"}]}]
runner = CliRunner()


@pytest.fixture
def extended(monkeypatch):
    monkeypatch.setenv(EXTENSIONS, str(EXAMPLE))
    return EXAMPLE


def test_the_schema_and_the_ontology_agree():
    assert schema_mismatches(relation_schema(), ontology_graph()) == []
    ontology = ontology_graph()
    ontology.remove((KG.metWith, None, None))
    assert schema_mismatches(relation_schema(), ontology) == [
        "kg:metWith is not declared an owl:ObjectProperty and kg:RelationType",
        "kg:metWith: owl:SymmetricProperty must match symmetric: true"]


def test_an_extension_agrees_with_its_ontology_fragment(extended, monkeypatch):
    schema = relation_schema()
    assert schema.names[-1] == NEW and schema.from_gold("SIGNED_AGREEMENT_WITH") == NEW
    assert schema_mismatches(schema, ontology_graph()) == []
    bundled_ontology = ontology_graph
    monkeypatch.delenv(EXTENSIONS)
    assert any(NEW in problem for problem in schema_mismatches(schema, bundled_ontology()))


@pytest.mark.parametrize(("file", "text", "message"), [
    ("relations.yaml", "- {name: signedWith, label: x, phrases: [a, b], symmetric: true,\n"
     "   event_class: Signing, roles: {subject: party, object: party}, colour: purple,\n"
     "   ends: {subject: [Person], object: [Person]}}", "signedWith: colour is not like #1f77b4"),
    ("relations.yaml", "- {name: metWith}", "a relation type lacks colour, ends"),
    ("rules.yaml", "- {id: x.y, relation: signedWith, emits: [z]}", "rule x.y has unknown relation"),
    ("rules.yaml", "- id: x.y\n  relation: metWith\n  frame: {trigger: {LEMMA: {IN: '@nope'}}}",
     "unknown word set @nope"),
    ("rules.yaml", "- id: x.y\n  relation: metWith\n  frame: {trigger: {POS: VERB}}\n"
     "  subject: [guess: trigger]\n  object: [with: trigger]", "resolver of between, doers"),
    ("rules.yaml", "- id: x.y\n  relation: metWith\n  frame: {trigger: {POS: VERB},"
     " d: {DEP: dobj, rel: '>>>'}}\n  subject: [doers: trigger]\n  object: [with: d]",
     "its frame is not a DependencyMatcher pattern"),
])
def test_a_mistake_in_an_extension_is_one_line_naming_its_file(tmp_path, monkeypatch, file,
                                                               text, message):
    (tmp_path / file).write_text(text, "utf-8")
    monkeypatch.setenv(EXTENSIONS, str(tmp_path))
    result = runner.invoke(app, ["queries"])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert str(tmp_path / file) in result.output.replace("\n", "") and message in result.output


def test_a_new_relation_type_is_extracted_stored_drawn_counted_and_scored(extended, tmp_path,
                                                                          nlp):
    from kgraph.analysis import per_year
    from kgraph.extract.rules import rules

    framed = [r for r in rules() if r.frame]
    assert [r.id for r in framed] == ["agreement.sign"]
    for number, example in enumerate(framed[0].examples):  # its examples, extracted for real
        (tmp_path / f"example{number}").mkdir()
        check_example(framed[0], number, example, tmp_path / f"example{number}", nlp)

    docs = tmp_path / "docs"
    docs.mkdir()
    for name, text in DOCUMENTS.items():
        (docs / name).write_text(text, "utf-8")
    kg = KnowledgeGraph.build([docs], tmp_path / "out")
    assert kg.summary.relations[NEW] == 2
    stored = kg.select("SELECT ?a ?b ?date WHERE { ?e a kg:Agreement ; kg:relation "
                       "kg:signedAgreementWith ; kg:signatory ?x , ?y ; kg:date ?date . "
                       "{ ?x kg:signedAgreementWith ?y } UNION { ?y kg:signedAgreementWith ?x } "
                       "?x rdfs:label ?a . ?y rdfs:label ?b . FILTER(?a < ?b) }")
    assert sorted((r["a"], r["b"], str(r["date"])) for r in stored) == [
        ("Kim Il Sung", "Nikita Khrushchev", "1961-07-06"),
        ("Kim Il Sung", "Zhou Enlai", "1961-07-11")]
    assert validate_store(kg.store).conforms  # the extension's ontology declares it
    told = kg.select("evidence", subject="Kim Il Sung", relation=NEW, object="Zhou Enlai")
    assert [r["extractor"] for r in told] == ["rule:agreement.sign"]
    assert [(r["what"], r["other"]) for r in kg.select("timeline", person="Zhou Enlai")] == [
        ("signed an agreement with", "Kim Il Sung")]

    html = (tmp_path / "out" / "graph.html").read_text("utf-8")
    data = json.loads(re.search(r"const DATA = (.*);\n", html).group(1))
    drawn = [e for e in data["edges"] if e["relation"] == NEW]
    assert len(drawn) == 2 and all(e["color"]["color"] == "#9467bd" and e["arrows"] == ""
                                   for e in drawn)
    assert [NEW, "#9467bd"] in data["relations"] and NEW in data["symmetric"]
    assert {row["year"]: row[NEW] for row in per_year(kg.to_networkx())} == {"1961": 2}
    assert kg.to_networkx(relations={NEW}).number_of_edges() == 2

    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps({**g, "text": DOCUMENTS[f"{g['id']}.txt"]}) + "\n"
                            for g in GOLD), "utf-8")
    result = runner.invoke(app, ["eval", str(gold), str(docs), "--format", "json"])
    assert result.exit_code == 0, result.output
    scored = json.loads(result.output)["by_type"][NEW]
    assert (scored["tp"], scored["fp"], scored["fn"]) == (2, 0, 0)
