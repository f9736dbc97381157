"""`kgraph eval`: the scorer itself, the project's gold sets and the FRUS dev set."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from kgraph.cli import app
from kgraph.evaluation import load_gold, score
from kgraph.types import Document, Entity, Evidence, Extraction, Relation

from .conftest import CORPUS, ROOT

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
    _assert_thresholds(report, 0.95, 0.85)
    assert report["date_accuracy"] >= 0.9


def test_project_gold_for_the_sample_corpus():
    report = _cli_report(str(GOLD / "corpus.jsonl"), str(CORPUS))
    assert report["documents"] == 18
    _assert_thresholds(report, 0.95, 0.85)


def test_scoring_follows_the_annotation_guide(tmp_path):
    """Titles and middle initials ignored, fuller names match, bare surnames do not;
    modality must agree; co-participants and doubtful cases count neither way."""
    gold_file = tmp_path / "gold.jsonl"
    gold_file.write_text(json.dumps({"id": "doc1", "gold": [
        {"type": "SENT_LETTER_TO", "subject": "Stalin", "object": "President Richard M. Nixon"},
        {"type": "MET_WITH", "subject": "Kim Il Sung", "object": "Mao Zedong",
         "modality": "planned"},
        {"type": "MET_WITH", "subject": "Russian President Boris Yeltsin", "object": "Li Peng"},
    ], "participants": [[["Liu Shaoqi"], ["Mao Zedong"], ["Zhou Enlai"]]],
        "doubtful": [{"type": "SENT_LETTER_TO", "subject": "Li Peng", "object": "Kim Il Sung",
                      "why": "mode not stated"}, "a prose note"]}) + "\n")
    entities = [Entity("Person/joseph-stalin", "Joseph Stalin", "Person"),
                Entity("Person/richard-nixon", "Richard Nixon", "Person"),
                Entity("Person/kim-il-sung", "Kim Il Sung", "Person"),
                Entity("Person/mao-zedong", "Mao Zedong", "Person"),
                Entity("Person/zhou-enlai", "Zhou Enlai", "Person"),
                Entity("Person/doc1/yeltsin", "Yeltsin", "Person"),
                Entity("Person/boris-yeltsin", "Boris Yeltsin", "Person"),
                Entity("Person/li-peng", "Li Peng", "Person")]
    predicted = [
        _relation("sentLetterTo", "Person/joseph-stalin", "Person/richard-nixon"),  # match
        _relation("metWith", "Person/kim-il-sung", "Person/mao-zedong"),  # wrong modality
        _relation("metWith", "Person/zhou-enlai", "Person/mao-zedong"),  # co-participants
        _relation("sentLetterTo", "Person/li-peng", "Person/kim-il-sung"),  # doubtful
        _relation("metWith", "Person/doc1/yeltsin", "Person/li-peng"),  # bare surname
        _relation("metWith", "Person/boris-yeltsin", "Person/li-peng"),  # match
    ]
    report = score(load_gold(gold_file), [_extraction(predicted, entities)])
    counts = report.overall
    assert (counts.true_positives, counts.false_positives, counts.false_negatives) == (2, 2, 1)
    assert [m.kind for m in report.misses if m.kind != "spurious"] == ["wrong modality"]
    assert report.modality_accuracy == 2 / 3


def test_eval_of_a_corpus_folder_prints_one_row_per_corpus_and_a_total(tmp_path):
    for name, relation in (("a", ("Kim Jong-un", "Donald Trump")),
                           ("b", ("Moon Jae-in", "Kim Jong-un"))):
        folder = tmp_path / name
        folder.mkdir()
        text = f"{relation[0]} sent a letter to {relation[1]} on March 3, 2018."
        folder.joinpath("documents.jsonl").write_text(json.dumps({
            "id": f"{name}1", "text": text, "date": "2018-03-05",
            "gold": [{"type": "SENT_LETTER_TO", "subject": relation[0], "object": relation[1],
                      "date": "2018-03-03", "source": "body", "evidence": text}]}) + "\n")
    result = CliRunner().invoke(app, ["eval", str(tmp_path), "--format", "json", "--by-rule"])
    assert result.exit_code == 0, result.output
    reports = json.loads(result.stdout)
    assert list(reports) == ["a", "b", "total (micro)"]
    assert reports["total (micro)"]["overall"]["tp"] == 2
    assert reports["total (micro)"]["date_accuracy"] == 1.0
    assert sum(r["tp"] for r in reports["total (micro)"]["by_rule"].values()) == 2
    empty = CliRunner().invoke(app, ["eval", str(tmp_path / "a" / "missing")])
    assert empty.exit_code == 1
