"""What a build keeps straight in the store: kgraph's own graphs, ids, sources, hashes."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path

from kgraph.api import KnowledgeGraph
from kgraph.pipeline import build_graph

LETTER = "Kim Jong-un sent a letter to Donald Trump on September 21, 2018.\n"
MEETING = "Moon Jae-in met Kim Jong-un in Panmunjom on April 27, 2018.\n"


def _manifest(folder) -> dict[str, int]:
    rows = KnowledgeGraph.open(folder).select(
        "SELECT ?id ?n WHERE { GRAPH kgg:manifest { ?g kg:documentId ?id ; kg:tripleCount ?n } }")
    return {row["id"]: row["n"] for row in rows}


def test_documents_named_like_kgraphs_own_graphs_are_kept_apart(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    for name, text in (("actors", LETTER), ("manifest", MEETING), ("plain", LETTER)):
        (docs / f"{name}.txt").write_text(text, encoding="utf-8")
    build_graph([docs], tmp_path / "out")
    manifest = _manifest(tmp_path / "out")
    assert set(manifest) == {"actors", "manifest", "plain"}
    assert all(count > 10 for count in manifest.values()), manifest
    labels = KnowledgeGraph.open(tmp_path / "out").select(
        "SELECT ?label WHERE { GRAPH kgg:actors { ?a rdfs:label ?label } }")
    assert {"Kim Jong-un", "Moon Jae-in"} <= {row["label"] for row in labels}

    (docs / "manifest.txt").unlink()
    rebuilt = build_graph([docs], tmp_path / "out")
    assert rebuilt.removed == 1 and rebuilt.unchanged == 2
    assert set(_manifest(tmp_path / "out")) == {"actors", "plain"}


def test_a_new_title_or_date_is_a_change(tmp_path):
    records = tmp_path / "records.jsonl"

    def write(title: str, date: str) -> None:
        records.write_text(json.dumps({"id": "r1", "text": LETTER, "title": title,
                                       "date": date}) + "\n", encoding="utf-8")

    def stored() -> tuple[str, str]:
        (row,) = KnowledgeGraph.open(tmp_path / "out").select(
            "SELECT ?title ?date WHERE { ?d kg:documentId 'r1' ; dcterms:title ?title ; "
            "dcterms:date ?date }")
        return row["title"], str(row["date"])

    write("First title", "2018-09-21")
    build_graph([records], tmp_path / "out")
    write("Second title", "2018-09-22")
    again = build_graph([records], tmp_path / "out")
    assert again.extracted == 1 and stored() == ("Second title", "2018-09-22")


def test_a_build_from_another_directory_removes_nothing(tmp_path, monkeypatch):
    for folder, text in (("docs", LETTER), ("more", MEETING), ("elsewhere", None)):
        (tmp_path / folder).mkdir()
        if text:
            (tmp_path / folder / f"{folder}.txt").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    build_graph([Path("docs")], tmp_path / "out")
    monkeypatch.chdir(tmp_path / "elsewhere")  # docs/docs.txt is not there from here
    second = build_graph([tmp_path / "more"], tmp_path / "out", force=True)  # add to it
    assert second.removed == 0 and second.extracted == 1
    rows = KnowledgeGraph.open(tmp_path / "out").select(
        "SELECT ?path WHERE { ?d kg:sourcePath ?path } ORDER BY ?path")
    assert [row["path"] for row in rows] == [str((tmp_path / f).resolve() / f"{f}.txt")
                                             for f in ("docs", "more")]


def test_an_id_already_stored_from_another_file_is_reported_and_kept(tmp_path):
    for folder, text in (("a", LETTER), ("b", MEETING)):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "letter.txt").write_text(text, encoding="utf-8")
    (tmp_path / "b" / "other.txt").write_text(LETTER, encoding="utf-8")
    build_graph([tmp_path / "a"], tmp_path / "out")
    second = build_graph([tmp_path / "b"], tmp_path / "out", force=True)
    (problem,) = second.problems
    assert problem.startswith(str(tmp_path / "b" / "letter.txt"))
    assert "already in the store from" in problem and str(tmp_path / "a") in problem
    (row,) = KnowledgeGraph.open(tmp_path / "out").select(
        "SELECT ?path WHERE { ?d kg:documentId 'letter' ; kg:sourcePath ?path }")
    assert row["path"] == str(tmp_path / "a" / "letter.txt")
    (tmp_path / "a" / "letter.txt").unlink()  # moved away: now the other file may take the id
    third = build_graph([tmp_path / "b"], tmp_path / "out")
    assert third.problems == [] and third.extracted == 1


@contextmanager
def _as_nobody(*owned: Path):
    """Run the block as an unprivileged user when the tests run as root (root reads
    every folder); `owned` (recursively) handed to that user meanwhile."""
    if os.geteuid() != 0:
        yield
        return
    nobody = 65534
    for top in owned:
        for path in [top, *top.rglob("*")]:
            os.lchown(path, nobody, nobody)
    os.seteuid(nobody)
    try:
        yield
    finally:
        os.seteuid(0)


def test_an_unreadable_folder_is_reported_and_its_documents_kept(tmp_path):
    base = Path(tempfile.mkdtemp(dir="/tmp"))  # a folder the unprivileged user may enter
    try:
        base.chmod(0o755)
        docs, out = base / "docs", base / "out"
        (docs / "locked").mkdir(parents=True)
        (docs / "a.txt").write_text(LETTER, encoding="utf-8")
        (docs / "locked" / "b.txt").write_text(MEETING, encoding="utf-8")
        build_graph([docs], out)
        (docs / "locked").chmod(0)
        try:
            with _as_nobody(out):
                again = build_graph([docs], out)
        finally:
            (docs / "locked").chmod(0o755)
        assert again.removed == 0 and again.unchanged == 1
        (problem,) = again.problems
        assert problem.startswith(str(docs / "locked")) and "cannot read this folder" in problem
        assert set(_manifest(out)) == {"a", "b"}
    finally:
        shutil.rmtree(base, ignore_errors=True)  # RocksDB may still close its files
