"""The curation file: merge, keep apart, remove, reject and rename, with reasons, applied
at every build (unchanged rebuilds and new documents too) and undone when taken out."""

from __future__ import annotations

import shutil

import pytest
from typer.testing import CliRunner

from kgraph.api import KnowledgeGraph
from kgraph.cli import app
from kgraph.curation import CurationError, Entry, add_entry, load_curation
from kgraph.pipeline import build_graph

from .conftest import CORPUS

runner = CliRunner()
ENTRIES = [
    Entry("merge", "the office speaks for the President", actors=("Blue House", "Moon Jae-in"),
          into="Moon Jae-in"),
    Entry("apart", "two states in the war", actors=("Vietnam", "South Vietnam")),
    Entry("remove", "a party, kept out of this person-level study",
          actor="Workers' Party of Korea"),
    Entry("reject", "the letter is a forgery", relation="sentLetterTo", subject="Kim Il Sung",
          object="Mao Zedong"),
    Entry("rename", "the usual English name", actor="Ministry of Foreign Affairs (China)",
          to="Chinese Foreign Ministry"),
]


def _actors(kg: KnowledgeGraph) -> dict[str, set[str]]:
    rows = kg.select("SELECT ?label ?alias WHERE { GRAPH kgg:actors { ?a rdfs:label ?label . "
                     "OPTIONAL { ?a skos:altLabel ?alias } } }")
    actors: dict[str, set[str]] = {}
    for row in rows:
        actors.setdefault(row["label"], set()).update([row["alias"]] if row["alias"] else [])
    return actors


def _letters(kg: KnowledgeGraph) -> set[tuple[str, str]]:
    rows = kg.select("SELECT ?s ?r WHERE { ?e a kg:Correspondence ; kg:sender ?a ; "
                     "kg:recipient ?b . ?a rdfs:label ?s . ?b rdfs:label ?r }")
    return {(row["s"], row["r"]) for row in rows}


def _check_curated(kg: KnowledgeGraph) -> None:
    actors = _actors(kg)
    assert "Blue House" not in actors and "Blue House" in actors["Moon Jae-in"]
    assert "South Vietnam" not in actors["Vietnam"]
    assert "Workers' Party of Korea" not in actors
    assert not kg.select("defections") or all(
        r["leftFrom"] != "Workers' Party of Korea" for r in kg.select("defections"))
    assert ("Kim Il Sung", "Mao Zedong") not in _letters(kg)
    assert "Chinese Foreign Ministry" in actors
    assert "Ministry of Foreign Affairs (China)" in actors["Chinese Foreign Ministry"]


@pytest.fixture()
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    shutil.copytree(CORPUS, folder)
    for entry in ENTRIES:
        add_entry(folder / "curation.yaml", entry)
    return folder


def test_the_file_round_trips_and_bad_entries_get_one_line(corpus, tmp_path):
    assert load_curation(corpus / "curation.yaml") == ENTRIES
    bad = tmp_path / "bad.yaml"
    bad.write_text("- action: merge\n  actors: [A, B]\n", encoding="utf-8")
    with pytest.raises(CurationError, match=r"bad.yaml, entry 1: merge A, B into B: give a "):
        load_curation(bad)
    bad.write_text("- action: merge\n  actors: [A\n", encoding="utf-8")
    with pytest.raises(CurationError, match="not valid YAML at line"):
        load_curation(bad)


def test_curation_applies_at_every_build_and_is_undone_when_taken_out(corpus, tmp_path):
    out = tmp_path / "build"
    first = build_graph([corpus], out)
    kg = KnowledgeGraph.open(out)
    _check_curated(kg)
    assert first.curation.entries == {"merge": 1, "apart": 1, "remove": 1, "reject": 1,
                                      "rename": 1}
    assert first.curation.changed and not first.problems
    provenance = kg.select("SELECT ?label ?reason WHERE { GRAPH kgg:curation { ?e rdfs:label "
                           "?label ; kg:reason ?reason } }")
    assert {r["reason"] for r in provenance} == {e.reason for e in ENTRIES}
    changed = kg.select("SELECT DISTINCT ?e WHERE { GRAPH kgg:curation { ?e kg:changedDocument "
                        "?d } }")
    assert len(changed) >= 4  # merge, remove, reject and rename each changed a document
    assert kg.select("SELECT ?m WHERE { ?m prov:wasInfluencedBy ?entry } LIMIT 1")
    before = (_actors(kg), _letters(kg))
    del kg

    again = build_graph([corpus], out)  # unchanged: nothing extracted, the same graph
    assert again.extracted == 0 and not again.curation.changed
    kg = KnowledgeGraph.open(out)
    assert (_actors(kg), _letters(kg)) == before
    del kg

    # New documents that say what the entries corrected: corrected too.
    shutil.copy(corpus / "news" / "hwang-jang-yop-asylum.txt", corpus / "news" / "hwang-2.txt")
    shutil.copy(corpus / "letters" / "moon-proposal.txt", corpus / "letters" / "moon-2.txt")
    grown = build_graph([corpus], out)
    assert grown.extracted == 2
    _check_curated(KnowledgeGraph.open(out))

    # Taken out of the file, the rejection no longer holds: its documents are read afresh.
    (corpus / "curation.yaml").write_text("", encoding="utf-8")
    for entry in ENTRIES[:3] + ENTRIES[4:]:
        add_entry(corpus / "curation.yaml", entry)
    undone = build_graph([corpus], out)
    assert undone.extracted >= 1
    assert ("Kim Il Sung", "Mao Zedong") in _letters(KnowledgeGraph.open(out))


def test_cli_curate_adds_entries_and_build_counts_them(corpus, tmp_path):
    file = tmp_path / "mine.yaml"
    result = runner.invoke(app, ["curate", "remove", "Blue House", "--reason", "an office",
                                 "--file", str(file)])
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["curate", "reject", "Zhou Enlai", "sentLetterTo",
                                 "Richard Nixon", "-r", "a message, not a letter",
                                 "--file", str(file)])
    assert result.exit_code == 0, result.output
    assert [e.action for e in load_curation(file)] == ["remove", "reject"]
    result = runner.invoke(app, ["curate", "merge", "Blue House", "-r", "x", "--file", str(file)])
    assert result.exit_code == 1 and "needs actors (two or more)" in result.output
    result = runner.invoke(app, ["build", str(corpus), "-o", str(tmp_path / "b"), "-j", "1",
                                 "--curation", str(file)])
    assert result.exit_code == 0, result.output
    assert "2 entries (reject 1, remove 1)" in result.output
    kg = KnowledgeGraph.open(tmp_path / "b")
    assert "Blue House" not in _actors(kg)
    assert ("Zhou Enlai", "Richard Nixon") not in _letters(kg)
