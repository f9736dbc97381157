"""Extraction in a process pool and on a real Dask cluster (LocalCluster) gives the
same store as a local build, triple for triple."""

from __future__ import annotations

import pytest

from kgraph.graph.store import GraphStore
from kgraph.pipeline import build_graph

from .conftest import CORPUS


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """The sample corpus three times over (54 documents: enough to start workers)."""
    folder = tmp_path_factory.mktemp("triple-corpus")
    for copy in range(3):
        for path in CORPUS.rglob("*"):
            if path.is_file():
                relative = path.relative_to(CORPUS)
                if path.suffix in {".txt", ".md"}:  # the file name is the document's id
                    relative = relative.with_name(f"c{copy}-{relative.name}")
                target = folder / f"copy{copy}" / relative
                target.parent.mkdir(parents=True, exist_ok=True)
                text = path.read_text("utf-8")
                if path.suffix == ".jsonl":  # ids inside the file must differ per copy
                    text = text.replace('{"id": "', f'{{"id": "c{copy}-')
                elif path.suffix == ".xml":
                    text = text.replace("kgraph-sample-v1", f"kgraph-sample-v1-c{copy}")
                target.write_text(text, encoding="utf-8")
    return folder


def _quads(build) -> set[str]:
    store = GraphStore.open(build.store_path, read_only=True)
    return {str(quad) for quad in store.store}


@pytest.fixture(scope="module")
def local(corpus, tmp_path_factory):
    return build_graph([corpus], tmp_path_factory.mktemp("local"), jobs=1)


def test_process_pool_matches_local(corpus, local, tmp_path):
    pooled = build_graph([corpus], tmp_path / "pool", jobs=2)
    assert pooled.extracted == local.extracted == 54
    assert _quads(pooled) == _quads(local)


def test_dask_local_cluster_matches_local(corpus, local, tmp_path):
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        with distributed.Client(cluster) as client:
            workers = client.scheduler_info(n_workers=-1)["workers"]
        build = build_graph([corpus], tmp_path / "dask", dask_address=cluster.scheduler_address)
    assert len(workers) == 2
    assert build.extracted == 54
    assert build.triples == local.triples
    assert _quads(build) == _quads(local)
