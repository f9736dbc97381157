"""`kgraph serve` under load and across builds: a runaway query is stopped alone, new
builds are followed, the served snapshot is kept, updates outlive the next build."""

from __future__ import annotations

import json
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from kgraph.api import KnowledgeGraph
from kgraph.pipeline import build_graph
from kgraph.query.gateway import free_port, wait_for

from ..conftest import CORPUS
from ..servers import serving_copy
from .test_hostile import ENDLESS, _ask

DOCUMENTS = "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a <https://w3id.org/kgraph/ontology#Document> }"


def _count(url: str) -> int:
    status, body = _ask(url, DOCUMENTS)
    assert status == 200, body
    return int(json.loads(body)["results"]["bindings"][0]["n"]["value"])


def test_a_runaway_query_stops_without_failing_the_others(corpus_build, tmp_path):
    with serving_copy(corpus_build.out, tmp_path, "--timeout", "1") as url:
        expected = _count(url)
        stopped = threading.Event()

        def innocent() -> list[int]:  # asks the whole time the runaways run and stop
            counts = []
            while not stopped.is_set() or len(counts) < 3:
                counts.append(_count(url))
            return counts

        with ThreadPoolExecutor(6) as pool:
            askers = [pool.submit(innocent) for _ in range(3)]
            runaways = [pool.submit(_ask, url, ENDLESS) for _ in range(3)]
            assert all(f.result()[0] == 503 for f in runaways)
            stopped.set()
            counts = [n for f in askers for n in f.result()]
        assert counts == [expected] * len(counts) and len(counts) >= 9


def test_serve_follows_new_builds_and_outlives_them(corpus_build, tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    with serving_copy(corpus_build.out, tmp_path, "--timeout", "1") as url:
        served = tmp_path / "build"
        before = _count(url)
        for number in (1, 2, 3):  # three builds: the first snapshot is past KEEP
            (docs / f"new{number}.txt").write_text(
                f"Kim Jong-un sent a letter to Donald Trump in 201{number}.\n", "utf-8")
            build_graph([CORPUS, docs], served)
            assert _count(url) == before + number
        assert _ask(url, ENDLESS)[0] == 503  # a server restarted after the builds …
        assert _count(url) == before + 3  # … on the newest snapshot, still answering
    assert len(list((served / "snapshots").glob("*.pin-*"))) == 0


def test_updates_go_to_the_build_store_and_survive_the_next_build(corpus_build, tmp_path):
    insert = 'INSERT DATA { <http://example.org/s> <http://example.org/p> "kept" }'
    ask = 'SELECT ?o WHERE { <http://example.org/s> <http://example.org/p> ?o }'
    with serving_copy(corpus_build.out, tmp_path, "--allow-update") as url:
        request = urllib.request.Request(f"{url}/update", data=insert.encode(), headers={
            "Content-Type": "application/sparql-update"})
        with urllib.request.urlopen(request, timeout=30) as answer:
            assert answer.status in (200, 204)
        status, body = _ask(url, ask)
        assert status == 200 and "kept" in body.decode()
        served = tmp_path / "build"
        assert KnowledgeGraph.open(served).select(ask) == []  # readers: the snapshot, as built
    build_graph([CORPUS], served)  # nothing to extract; the update is published
    assert KnowledgeGraph.open(served).select(ask) == [{"o": "kept"}]


def _children(pid: int) -> list[int]:
    """Processes whose parent is `pid` (Linux /proc)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_a_killed_serve_leaves_no_server_behind(corpus_build, tmp_path):
    shutil.copytree(corpus_build.out, tmp_path / "build", symlinks=True)
    port = free_port()
    serve = subprocess.Popen([sys.executable, "-m", "kgraph.cli", "serve", "--store",
                              str(tmp_path / "build"), "--port", str(port)],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for("127.0.0.1", port, serve)
        servers = _children(serve.pid)
        assert servers
    finally:
        serve.send_signal(signal.SIGKILL)
        serve.wait()
    deadline = time.monotonic() + 30  # a bound on waiting, not a speed check
    while any(map(_running, servers)) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(map(_running, servers))
