"""Files built to break the readers: each one gets one line naming it, the rest is built,
in bounded time and memory (a subprocess with a timeout, its peak memory read after)."""

from __future__ import annotations

import json
import resource
import subprocess
import sys

import pytest

from kgraph.api import KnowledgeGraph

GOOD = "Kim Jong-un sent a letter to Donald Trump on September 21, 2018."
TEI = """<?xml version="1.0"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><div type="document" xml:id="d1">
<head>Telegram From the Embassy in Korea to the Department of State</head>
<p>Kim met Pak.</p></div></body></text></TEI>"""


def _bomb(levels: int, key: str) -> str:
    """A YAML "billion laughs": each level names the one before it twice."""
    lines = ["a0: &a0 [lol, lol]"]
    lines += [f"a{i}: &a{i} [*a{i - 1}, *a{i - 1}]" for i in range(1, levels)]
    lines.append(f"{key}: {{x: *a{levels - 1}, y: *a{levels - 1}}}" if key != "translators"
                 else f"{key}: [*a{levels - 1}, *a{levels - 1}]")
    return "---\n" + "\n".join(lines) + "\n---\n" + GOOD + "\n"


def _record(**fields) -> str:
    return json.dumps({"text": GOOD, **fields})


@pytest.fixture
def hostile_files(tmp_path):
    corpus = tmp_path / "corpus"
    (corpus / "volume").mkdir(parents=True)
    (corpus / "good.txt").write_text(GOOD, encoding="utf-8")
    for name, date in (("feb30", "1997-02-30"), ("year0", "0000-01-01"),
                       ("clock", "2001-12-14 99:99:99"), ("tagged", "!!timestamp 2001-13-01")):
        (corpus / f"{name}.md").write_text(f"---\ndate: {date}\n---\n{GOOD}\n", "utf-8")
    lines = [_record(id="surrogate-text", text=GOOD + " \ud800"),
             _record(id="surrogate-id-\udfff", title="t\ud800"),
             json.dumps({"id": "deep", "text": GOOD}).replace(
                 "}", ', "deep": ' + "[" * 100_000 + "]" * 100_000 + "}"),
             _record(id="persons-text", persons="abc"),
             _record(id="translators-number", translators=5),
             _record(id="translators-text", translators="abc"),
             _record(id=["an", "id", "list"])]
    (corpus / "records.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (corpus / "volume" / "doc.xml").write_text(TEI, encoding="utf-8")
    (corpus / "volume" / "persons.json").write_text(json.dumps([{"id": "p1", "name": 5}]))
    (corpus / "bomb.md").write_text(_bomb(40, "archive"), encoding="utf-8")
    (corpus / "bomb-translators.md").write_text(_bomb(40, "translators"), encoding="utf-8")
    with (corpus / "huge.txt").open("wb") as huge:  # sparse: no disk, 10 GB to a reader
        huge.truncate(10 << 30)
    with (corpus / "zeros.txt").open("wb") as zeros:
        zeros.truncate(900 << 20)
    return corpus


ADDRESS_SPACE = 6 << 30  # a 10 GB file, a 900 MB one and the bombs must fit well inside


def _address_space_cap() -> None:
    """Runs in the build's process: past the cap it fails, instead of taking the machine."""
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE, ADDRESS_SPACE))


def test_hostile_files_are_named_and_the_rest_is_built(hostile_files, tmp_path):
    out = tmp_path / "out"
    run = subprocess.run([sys.executable, "-m", "kgraph.cli", "build", str(hostile_files),
                          "--out", str(out), "--jobs", "1"], preexec_fn=_address_space_cap,
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr[-3000:]
    assert "Traceback" not in run.stderr
    lines = run.stderr.splitlines()

    def said(*words: str) -> bool:
        return any(all(w in line for w in words) for line in lines)

    assert said("huge.txt", "too large") and said("zeros.txt", "binary")
    assert said("bomb.md", "alias") and said("bomb-translators.md", "alias")
    assert said("records.jsonl", "line 3", "nested too deeply")
    assert said("records.jsonl", "line 4", "persons") and said("records.jsonl", "line 5",
                                                                   "translators")
    assert said("records.jsonl", "line 1", "surrogate")
    assert said("records.jsonl", "line 7", "id")
    assert said("persons.json", "doc.xml")

    kg = KnowledgeGraph.open(out)
    ids = {row["id"] for row in kg.select("SELECT ?id WHERE { ?d a kg:Document ; "
                                          "kg:documentId ?id }")}
    assert {"good", "feb30", "year0", "clock", "surrogate-text", "surrogate-id-\ufffd",
            "persons-text", "translators-number", "translators-text"} <= ids
    translators = kg.select("SELECT ?t WHERE { ?d kg:documentId 'translators-text' ; "
                            "kg:translator ?t }")
    assert [row["t"] for row in translators] == ["abc"]
    dates = kg.select("SELECT ?date WHERE { ?d kg:documentId 'clock' ; dcterms:date ?date }")
    assert [str(row["date"]) for row in dates] == ["2001-12-14"]


SEPARATORS = "\u2028\u2029\x85"


def test_json_lines_keep_unicode_line_separators_inside_records(tmp_path):
    from kgraph.evaluation.gold import load_gold
    from kgraph.readers import read_paths

    texts = [f"{GOOD}{separator}Moon Jae-in met Kim Jong-un." for separator in SEPARATORS]
    path = tmp_path / "records.jsonl"
    path.write_text("\n".join(json.dumps({"id": f"r{i}", "text": text}, ensure_ascii=False)
                              for i, text in enumerate(texts)) + "\r\n", encoding="utf-8")
    problems: list[str] = []
    documents = list(read_paths([path], on_error=problems.append))
    assert problems == [] and [d.text for d in documents] == texts

    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join(json.dumps({"id": f"g{i}", "relations": [
        {"type": "MET_WITH", "subject": f"Moon{s}Jae-in", "object": "Kim Jong-un"}]},
        ensure_ascii=False) for i, s in enumerate(SEPARATORS)) + "\n", encoding="utf-8")
    assert [g.ids for g in load_gold(gold)] == [("g0",), ("g1",), ("g2",)]


def test_folders_links_and_names_that_would_mislead_a_build(tmp_path):
    """kgraph's own build folder inside the corpus, a link to outside it, a file name
    with a line break: reported in one line each, or left alone."""
    from kgraph.pipeline import build_graph

    corpus, outside = tmp_path / "corpus", tmp_path / "outside"
    corpus.mkdir()
    outside.mkdir()
    (corpus / "good.txt").write_text(GOOD, encoding="utf-8")
    (corpus / "two\nlines.txt").write_bytes(b"")
    (outside / "secret.txt").write_text("Moon Jae-in met Kim Jong-un in 2018.", "utf-8")
    (corpus / "secret.txt").symlink_to(outside / "secret.txt")
    (corpus / "elsewhere").symlink_to(outside, target_is_directory=True)
    problems: list[str] = []
    first = build_graph([corpus], corpus / "out", on_problem=problems.append)
    again = build_graph([corpus], corpus / "out")  # the corpus now holds its own --out
    assert first.documents == again.documents == 1 and again.unchanged == 1
    assert again.problems == problems
    assert all("\n" not in problem for problem in problems)
    assert any("two\\nlines.txt" in problem for problem in problems)
    assert sum("outside the given folders" in problem for problem in problems) == 2
    followed = build_graph([corpus], tmp_path / "followed", follow_links=True)
    assert followed.documents == 2  # the file link; the folder link leads to the same file


def test_an_unwritable_out_is_one_line(tmp_path):
    from typer.testing import CliRunner

    from kgraph.cli import app

    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "out").write_text("a file where the build folder should be")
    result = CliRunner().invoke(app, ["build", str(tmp_path / "docs"), "--out",
                                      str(tmp_path / "out" / "sub")])
    assert result.exit_code == 1 and "cannot write" in result.output
    assert len(result.output.strip().splitlines()) == 1 and "Traceback" not in result.output
