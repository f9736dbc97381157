"""One writer at a time; readers during a build see whole builds only (the last
published snapshot), never a half-written document."""

from __future__ import annotations

import subprocess
import sys
import time

from typer.testing import CliRunner

from benchmarks.corpus import write_corpus
from kgraph.api import store_folder
from kgraph.cli import app
from kgraph.graph.store import GraphStore, StoreBusy
from kgraph.pipeline import build_graph

from .helpers import graph_sizes

runner = CliRunner()


def test_a_second_writer_is_refused_with_a_clear_message(tmp_path):
    first = GraphStore.open(tmp_path / "store")
    try:
        try:
            GraphStore.open(tmp_path / "store")
        except StoreBusy as error:
            assert "another kgraph build is writing this store" in str(error)
        else:
            raise AssertionError("a second writer was let in")
        (tmp_path / "docs").mkdir()
        (tmp_path / "docs" / "a.txt").write_text("Kim met Moon.", encoding="utf-8")
        result = runner.invoke(app, ["build", str(tmp_path / "docs"), "--out", str(tmp_path)])
        assert result.exit_code == 1 and "another kgraph build" in result.output
        assert len(result.output.strip().splitlines()) == 1
    finally:
        del first


def test_readers_during_a_build_see_whole_documents(tmp_path):
    first = write_corpus(tmp_path / "first", 20, sentences=4, prefix="report-first")
    corpus = write_corpus(tmp_path / "corpus", 150, sentences=4)
    out = tmp_path / "out"
    build_graph([first], out)
    before = graph_sizes(GraphStore.open(store_folder(out), read_only=True))
    command = [sys.executable, "-m", "kgraph.cli", "build", str(first), str(corpus),
               "--out", str(out), "--jobs", "1"]
    build = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    seen: list[dict[str, int]] = []
    try:
        while build.poll() is None:  # a reader the whole time the build runs
            seen.append(graph_sizes(GraphStore.open(store_folder(out), read_only=True)))
            time.sleep(0.2)
    finally:
        build.wait(timeout=300)
    assert build.returncode == 0
    after = graph_sizes(GraphStore.open(store_folder(out), read_only=True))
    assert len(before) == 20 and len(after) == 170
    assert len(seen) >= 5
    assert all(snapshot in (before, after) for snapshot in seen)  # old whole, or new whole
