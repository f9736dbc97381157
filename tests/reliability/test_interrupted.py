"""A build killed with SIGKILL leaves a readable, consistent store; the next one finishes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from benchmarks.corpus import write_corpus
from kgraph.graph.store import GraphStore
from kgraph.pipeline import build_graph

from .helpers import graph_sizes


def _manifest(store: GraphStore) -> dict[str, int]:
    rows = store.select("SELECT ?g ?n WHERE { GRAPH kgg:manifest { ?g kg:tripleCount ?n } }")
    return {row["g"]: row["n"] for row in rows}


def test_kill_mid_build_then_rebuild(tmp_path):
    corpus = write_corpus(tmp_path / "corpus", 800, sentences=4)
    out = tmp_path / "out"
    first = write_corpus(tmp_path / "first", 20, sentences=4, seed=99, prefix="report-first")
    before = build_graph([first], out)  # the previous state the kill must not damage
    command = [sys.executable, "-m", "kgraph.cli", "build", str(first), str(corpus),
               "--out", str(out), "--jobs", "1"]
    victim = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    store_path = out / "store"
    # Never open the store while the build writes it (RocksDB forbids it): kill it
    # after a while instead, somewhere in the middle of its 800 documents.
    time.sleep(6)
    assert victim.poll() is None, "the build finished before it could be killed"
    victim.send_signal(signal.SIGKILL)
    victim.wait()
    assert victim.returncode == -signal.SIGKILL

    store = GraphStore.open(store_path, read_only=True)  # readable after the kill
    manifest, sizes = _manifest(store), graph_sizes(store)
    assert 20 <= len(manifest) < 820, len(manifest)
    for graph, count in manifest.items():
        assert sizes.get(graph) == count, f"{graph} recorded as done but incomplete"
    earlier = store.select("SELECT (COUNT(*) AS ?n) WHERE { ?d kg:contentHash ?h }")
    assert earlier[0]["n"] >= before.documents
    del store

    after = build_graph([first, corpus], out)
    assert after.extracted == 820 - len(manifest)
    clean = build_graph([first, corpus], tmp_path / "clean")
    assert after.triples == clean.triples
    finished = GraphStore.open(store_path, read_only=True)
    assert graph_sizes(finished) == graph_sizes(GraphStore.open(tmp_path / "clean" / "store",
                                                      read_only=True))


LETTERS = {"a.txt": "Kim Jong-un sent a letter to Donald Trump on September 21, 2018.\n",
           "b.txt": "Moon Jae-in met Kim Jong-un in Panmunjom on April 27, 2018.\n"}
KILL_AT_PUBLISH = ("import os, signal\nimport kgraph.pipeline as pipeline\n"
                   "pipeline.publish = lambda *_: os.kill(os.getpid(), signal.SIGKILL)\n"
                   "from kgraph.cli import app\napp()\n")


def _published_quads(folder) -> int:
    from kgraph.api import KnowledgeGraph

    return KnowledgeGraph.open(folder).store.triple_count()


def test_a_build_stopped_before_publishing_is_finished_by_the_next(tmp_path):
    """Killed after writing the store but before publishing, or stopped by a page it
    cannot write: the next build, with nothing new to extract, still publishes."""
    docs, out = tmp_path / "docs", tmp_path / "out"
    docs.mkdir()
    (docs / "a.txt").write_text(LETTERS["a.txt"], encoding="utf-8")
    build_graph([docs], out)
    (docs / "b.txt").write_text(LETTERS["b.txt"], encoding="utf-8")
    killed = subprocess.run([sys.executable, "-c", KILL_AT_PUBLISH, "build", str(docs),
                             "--out", str(out), "--jobs", "1"], capture_output=True)
    assert killed.returncode == -signal.SIGKILL, killed.stderr.decode()[-2000:]
    after = build_graph([docs], out)
    assert after.extracted == 0 and after.unchanged == 2
    clean = build_graph([docs], tmp_path / "clean")
    assert _published_quads(out) == after.triples == clean.triples

    (docs / "c.txt").write_text("Mao Zedong met Joseph Stalin in Moscow in 1950.\n", "utf-8")
    page = after.page_path
    page.unlink()
    page.mkdir()  # a page that cannot be written stops the build before publishing
    with pytest.raises(OSError):
        build_graph([docs], out)
    page.rmdir()
    again = build_graph([docs], out)
    assert again.extracted == 0 and page.is_file()
    assert _published_quads(out) == again.triples > clean.triples


def test_readers_get_one_line_before_the_first_build_has_finished(tmp_path):
    from typer.testing import CliRunner

    from kgraph.api import KnowledgeGraph
    from kgraph.cli import app

    docs, out = tmp_path / "docs", tmp_path / "out"
    docs.mkdir()
    (docs / "a.txt").write_text(LETTERS["a.txt"], encoding="utf-8")
    killed = subprocess.run([sys.executable, "-c", KILL_AT_PUBLISH, "build", str(docs),
                             "--out", str(out), "--jobs", "1"], capture_output=True)
    assert killed.returncode == -signal.SIGKILL and (out / "store").is_dir()
    for command in (["query", "SELECT * WHERE { ?s ?p ?o }"], ["serve"], ["analyze"]):
        result = CliRunner().invoke(app, [*command, "--store", str(out)])
        assert result.exit_code == 1, (command, result.output)
        assert "no finished build yet" in result.output
        assert len(result.output.strip().splitlines()) == 1
    from kgraph.errors import NoFinishedBuild

    with pytest.raises(NoFinishedBuild, match="no finished build yet"):
        KnowledgeGraph.open(out)
    build_graph([docs], out)
    assert KnowledgeGraph.open(out).store.triple_count() > 0


def _descendants(pid: int) -> set[int]:
    """Running processes below `pid` (Linux /proc)."""
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if fields[0] != "Z":
            parents[int(stat.parent.name)] = int(fields[1])
    found, frontier = set(), {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier}
        found |= frontier
    return found


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_a_killed_build_with_jobs_leaves_no_worker_behind(tmp_path):
    corpus = write_corpus(tmp_path / "corpus", 200, sentences=4)
    build = subprocess.Popen([sys.executable, "-m", "kgraph.cli", "build", str(corpus),
                              "--out", str(tmp_path / "out"), "--jobs", "2"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120  # bounds on waiting, not speed checks
    workers: set[int] = set()
    while not workers and build.poll() is None and time.monotonic() < deadline:
        time.sleep(0.2)
        workers = {p for p in _descendants(build.pid)
                   if "spawn_main" in Path(f"/proc/{p}/cmdline").read_text(errors="replace")}
    assert workers, "no worker process started"
    build.send_signal(signal.SIGKILL)
    build.wait()
    deadline = time.monotonic() + 30
    while workers & _alive(workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    left = _alive(workers)
    for pid in left:  # do not leave them to the next test
        os.kill(pid, signal.SIGKILL)
    assert not left


def _alive(pids: set[int]) -> set[int]:
    alive = set()
    for pid in pids:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if state != "Z":
            alive.add(pid)
    return alive
