"""What a build keeps straight in the store: kgraph's own graphs, ids, sources, hashes."""

from __future__ import annotations

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
