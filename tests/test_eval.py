"""`kgraph eval`: the scorer itself, the project's gold sets and the FRUS dev set."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from kgraph.cli import app
from kgraph.evaluation import load_gold, score
from kgraph.types import Document, Entity, Evidence, Extraction, Relation

from .conftest import CORPUS, FRUS_DEV, ROOT, need

GOLD = ROOT / "tests" / "gold"


def _extraction(relations, entities):
    document = Document(id="doc1", text="Kim met Moon.")
    return Extraction(document, entities, relations)


def _relation(kind, subject, obj, date=None, modality="asserted", extractor="dep:test"):
    return Relation(kind, subject, obj, Evidence("Kim met Moon.", 0, 13), date=date,
                    modality=modality, extractor=extractor)


def test_scoring_matches_aliases_symmetric_meetings_and_date_prefixes(tmp_path):
    gold_file = tmp_path / "gold.jsonl"
    gold_file.write_text(json.dumps({"id": "doc1", "relations": [
        {"type": "metWith", "subject": "Moon Jae-in", "object": "Kim Jong Un", "date": "2018-09"},
        {"type": "sentLetterTo", "subject": "Kim Jong-un", "object": "Donald Trump"},
        {"type": "SENT_LETTER_TO", "subject": "Donald Trump", "object": "Kim Jong-un",
         "source": "header"},
    ]}) + "\n")
    entities = [Entity("Person/kim-jong-un", "Kim Jong-un", "Person"),
                Entity("Person/moon-jae-in", "Moon Jae-in", "Person"),
                Entity("Person/donald-trump", "Donald Trump", "Person", aliases=["Trump"])]
    predicted = [
        _relation("metWith", "Person/kim-jong-un", "Person/moon-jae-in", "2018-09-19"),
        _relation("sentLetterTo", "Person/kim-jong-un", "Person/donald-trump"),
        _relation("sentLetterTo", "Person/moon-jae-in", "Person/donald-trump"),  # spurious
    ]
    report = score(load_gold(gold_file), [_extraction(predicted, entities)])
    assert (report.overall.true_positives, report.overall.false_positives,
            report.overall.false_negatives) == (2, 1, 1)
    assert report.by_type["metWith"].f1 == 1.0
    assert report.date_accuracy == 1.0
    assert report.by_source["header"].false_negatives == 1
    assert {m.kind for m in report.misses} == {"missed", "spurious"}


def test_scoring_counts_a_wrong_direction_and_a_missing_document(tmp_path):
    gold_file = tmp_path / "gold.jsonl"
    gold_file.write_text(
        json.dumps({"id": "doc1", "relations": [
            {"type": "sentLetterTo", "subject": "Kim Jong-un", "object": "Donald Trump"}]}) + "\n"
        + json.dumps({"id": "absent", "relations": [
            {"type": "metWith", "subject": "A B", "object": "C D"}]}) + "\n")
    entities = [Entity("Person/kim-jong-un", "Kim Jong-un", "Person"),
                Entity("Person/donald-trump", "Donald Trump", "Person")]
    wrong_way = [_relation("sentLetterTo", "Person/donald-trump", "Person/kim-jong-un")]
    report = score(load_gold(gold_file), [_extraction(wrong_way, entities)])
    assert report.overall.true_positives == 0
    assert report.overall.false_negatives == 2
    assert report.unmatched_gold_documents == ["absent"]


def test_bad_gold_line_names_the_file_and_line(tmp_path):
    gold_file = tmp_path / "gold.jsonl"
    gold_file.write_text('{"id": "x", "relations": [{"type": "likes", "subject": "a", '
                         '"object": "b"}]}\n')
    result = CliRunner().invoke(app, ["eval", str(gold_file)])
    assert result.exit_code == 1
    assert f"{gold_file}: line 1" in result.output


def _cli_report(*args: str) -> dict:
    result = CliRunner().invoke(app, ["eval", *args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _assert_thresholds(report: dict, overall: float, per_type: float) -> None:
    assert report["overall"]["f1"] >= overall, report["overall"]
    for kind in ("sentLetterTo", "metWith", "defectedFrom"):
        assert report["by_type"][kind]["f1"] >= per_type, (kind, report["by_type"][kind])


def test_project_gold_sentences():
    report = _cli_report(str(GOLD / "sentences.jsonl"))
    assert report["documents"] >= 80
    _assert_thresholds(report, 0.85, 0.75)
    assert report["date_accuracy"] >= 0.9


def test_project_gold_for_the_sample_corpus():
    report = _cli_report(str(GOLD / "corpus.jsonl"), str(CORPUS))
    assert report["documents"] == 18
    _assert_thresholds(report, 0.85, 0.75)


@pytest.fixture(scope="module")
def frus_report():
    frus = need(FRUS_DEV)
    return _cli_report(str(frus / "documents.jsonl"), str(frus / "tei"))


def test_frus_dev_relations_stated_by_headers_and_participant_lists(frus_report):
    assert frus_report["by_source"]["header"]["f1"] >= 0.85, frus_report["by_source"]


def test_frus_dev_relations_stated_in_the_body(frus_report):
    assert frus_report["by_source"]["body"]["f1"] >= 0.6, frus_report["by_source"]
