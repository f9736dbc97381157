"""One node per person of the FRUS persons lists: on the annotated FRUS corpora, every
persons-list id the documents link (persName) maps to exactly one actor node, and no node
holds two ids (issue 16: no split, no wrong merge)."""

from __future__ import annotations

from collections import defaultdict

import pytest

from kgraph.extract import extract_documents
from kgraph.extract.persons import PersonsList
from kgraph.readers import read_paths

from .conftest import SHARED

FRUS = [SHARED / "corpora" / name for name in ("frus-dev", "frus1961-63v06")]


def test_each_persons_list_id_is_one_node_and_no_node_two_ids(nlp):
    corpora = [c for c in FRUS if (c / "tei").is_dir()]
    if not corpora:
        pytest.skip(f"{FRUS[0].parent} not present: the shared documents are not beside this clone")
    nodes_of: dict[tuple[str, str], set[str]] = defaultdict(set)  # (corpus, person) → nodes
    ids_of: dict[str, set[tuple[str, str]]] = defaultdict(set)  # node → persons
    linked: set[tuple[str, str]] = set()
    for corpus in corpora:
        for extraction in extract_documents(read_paths([corpus / "tei"]), nlp):
            document = extraction.document
            people = PersonsList(document.metadata.get("persons"), None)
            for mark in document.markup:
                listed = people.resolve(mark.value) if mark.tag == "persName" and mark.value \
                    else None
                if listed is None:
                    continue
                person = (corpus.name, listed.display)
                linked.add(person)
                for entity in extraction.entities:
                    if entity.type == "Person" and (
                            listed.display == entity.name or listed.display in entity.aliases):
                        nodes_of[person].add(entity.id)
                        ids_of[entity.id].add(person)
    assert {p: n for p, n in nodes_of.items() if len(n) > 1} == {}  # no person split
    assert {n: p for n, p in ids_of.items() if len({d for _, d in p}) > 1} == {}  # no merge
    # A link the title before it contradicts ("President Johnson" linked to U. Alexis
    # Johnson, a markup error the corpus notes) is not followed: those persons have no node.
    unfound = sorted(d for _, d in linked - set(nodes_of))
    assert unfound == ["Robert F. Kennedy", "U. Alexis Johnson"], unfound
    assert len(nodes_of) >= 20
