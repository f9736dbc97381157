"""The actors and events graphs updated for what a build changed: a corpus built in two
steps (part of it, then documents added, one cut short and one removed) has the same actors and events
graphs as the final corpus built at once, curation included; an unchanged rebuild does
no actors or events work."""

from __future__ import annotations

import shutil

import pyoxigraph as ox

from kgraph.api import KnowledgeGraph
from kgraph.curation import add_entry
from kgraph.graph.namespaces import KGG
from kgraph.graph.snapshot import reading_store
from kgraph.graph.store import GraphStore
from kgraph.pipeline import build_graph

from .conftest import CORPUS
from .test_curation import ENTRIES, _check_curated

LATER = ["news/hanoi-summit.txt", "letters/moon-proposal.txt"]  # added in the second step
GONE = "news/singapore-summit.txt"  # removed in the second step
CUT = "news/kim-trump-letters.txt"  # its second half taken out in the second step


def _derived(out) -> dict[str, set[str]]:
    """The actors and events graphs of a build, as N-Triples lines."""
    store = GraphStore.open(reading_store(out), read_only=True)
    graphs = {}
    for graph in (KGG.actors, KGG.events):
        quads = store.store.quads_for_pattern(None, None, None, ox.NamedNode(str(graph)))
        graphs[str(graph)] = {f"{q.subject} {q.predicate} {q.object}" for q in quads}
    return graphs


def test_two_step_build_equals_one_step_build(tmp_path):
    corpus, aside = tmp_path / "corpus", tmp_path / "aside"
    shutil.copytree(CORPUS, corpus)
    for entry in ENTRIES:
        add_entry(corpus / "curation.yaml", entry)
    for name in LATER:
        (aside / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.move(corpus / name, aside / name)
    out = tmp_path / "steps"
    first = build_graph([corpus], out)
    assert first.derived == "full"
    for name in LATER:
        shutil.move(aside / name, corpus / name)
    (corpus / GONE).unlink()
    text = (corpus / CUT).read_text("utf-8")
    (corpus / CUT).write_text(text[: len(text) // 2], "utf-8")

    second = build_graph([corpus], out)
    assert (second.extracted, second.removed, second.derived) == (3, 1, "incremental")
    _check_curated(KnowledgeGraph.open(out))
    at_once = build_graph([corpus], tmp_path / "at-once")
    steps, whole = _derived(out), _derived(tmp_path / "at-once")
    for graph in whole:
        assert steps[graph] == whole[graph], (graph, steps[graph] ^ whole[graph])
    assert at_once.relations == second.relations

    again = build_graph([corpus], out)
    assert (again.extracted, again.derived) == (0, "kept")
    assert _derived(out) == steps
