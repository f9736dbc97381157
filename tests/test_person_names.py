"""A person is one actor whether a document writes his middle initials or not, unless two
initialled forms (two people, maybe) or a curation entry keep the bare name apart, and one
actor when another holds his full name as an alias (kgraph.curation.persons), in full and
incremental builds."""

from __future__ import annotations

from kgraph.api import KnowledgeGraph
from kgraph.curation import Entry, add_entry
from kgraph.curation.persons import initialled_forms, shared_names
from kgraph.pipeline import build_graph

INITIALLED = ("Ambassador Harold T. Whitcombe met with Foreign Minister Osvaldo Brandt in "
              "Lisbon on 3 May 1962.\n")
BARE = ("Harold Whitcombe met with Prime Minister Lucien Marchetti in Rome on 9 June 1962.\n")
OTHER_INITIALS = ("Harold R. Whitcombe met with Minister Tomas Ekberg in Oslo on 2 July 1962.\n")


def test_initialled_forms_on_written_names():
    assert initialled_forms({"a": {"Leonid I. Brezhnev"}, "b": {"Leonid Brezhnev"}}) == \
        {"b": "a"}
    assert initialled_forms({"a": {"John F. Kennedy"}, "b": {"Robert Kennedy"}}) == {}
    assert initialled_forms({"a": {"Kim Il Sung"}, "b": {"Kim Sung"}}) == {}
    one = {"a": {"Lyndon B. Johnson", "Lyndon Johnson"}, "b": {"Lyndon Johnson"}}
    assert initialled_forms(one) == {"b": "a"}


def test_russian_order_names_are_put_in_english_order():
    from kgraph.normalize.names import initials_first

    assert initials_first("Sokolov P.A.") == initials_first("Sokolov P.A") == "P.A. Sokolov"
    assert initials_first("Kim Il Sung") == "Kim Il Sung"


def test_shared_names_on_written_names():
    held = {"a": {"Harold T. Whitcombe"}, "b": {"Harold Whitcombe", "Harold T. Whitcombe"}}
    assert shared_names(held) == {"a": "b"}
    two = {"a": {"Ann Lee"}, "b": {"Ann Lee", "A. Lee"}, "c": {"Ann Lee", "Annie Lee"}}
    assert shared_names(two) == {}  # two others hold the name: no choice made
    surname = {"a": {"Min"}, "b": {"Min Ki-shik", "Min"}}
    assert shared_names(surname) == {}  # a surname alone binds within its document only


def _whitcombes(out) -> dict[str, str]:
    kg = KnowledgeGraph.open(out)
    rows = kg.select("SELECT ?a ?label WHERE { GRAPH kgg:actors { ?a a kg:Person ; "
                     "rdfs:label ?label } FILTER(CONTAINS(?label, 'Whitcombe')) }")
    return {row["label"]: row["a"] for row in rows}


def test_bare_name_joins_the_one_initialled_form_in_full_and_incremental_builds(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "bare.txt").write_text(BARE, encoding="utf-8")
    build_graph([corpus], tmp_path / "out")
    assert len(_whitcombes(tmp_path / "out")) == 1
    (corpus / "initialled.txt").write_text(INITIALLED, encoding="utf-8")
    summary = build_graph([corpus], tmp_path / "out")  # incremental: one new document
    assert summary.persons == 1
    found = _whitcombes(tmp_path / "out")
    assert list(found.values()) == [found.get("Harold T. Whitcombe",
                                              found.get("Harold Whitcombe"))], found
    kg = KnowledgeGraph.open(tmp_path / "out")
    assert kg.select("SELECT ?m WHERE { GRAPH ?g { ?m prov:wasInfluencedBy kg:initialsMatch } }")
    assert len(_whitcombes(tmp_path / "out")) == 1
    full = build_graph([corpus], tmp_path / "full")
    assert full.persons == 1 and len(_whitcombes(tmp_path / "full")) == 1


def test_two_initialled_forms_or_a_curation_entry_keep_the_bare_name_apart(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in (("bare.txt", BARE), ("initialled.txt", INITIALLED),
                       ("other.txt", OTHER_INITIALS)):
        (corpus / name).write_text(text, encoding="utf-8")
    assert len(_whitcombes(build_graph([corpus], tmp_path / "out").out)) == 3
    (corpus / "other.txt").unlink()
    curation = tmp_path / "curation.yaml"
    add_entry(curation, Entry("apart", "the envoy and his cousin",
                              actors=("Harold Whitcombe", "Harold T. Whitcombe")))
    build_graph([corpus], tmp_path / "kept", curation=curation)
    assert len(_whitcombes(tmp_path / "kept")) == 2
