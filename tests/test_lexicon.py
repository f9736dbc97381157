"""The lexicon's word sets: membership as sets, iteration in the file's order in every
process (some lists are ranked)."""

from __future__ import annotations

import subprocess
import sys

from kgraph.extract.lexicon import WordSet, lexicon


def test_a_word_set_is_a_set_that_keeps_the_files_order():
    words = WordSet(["Premier", "President", "Premier", "Chairman"])
    assert list(words) == ["Premier", "President", "Chairman"]
    assert "President" in words and "King" not in words and len(words) == 3
    assert words == {"Chairman", "President", "Premier"}


def test_ranked_lists_iterate_alike_whatever_the_hash_seed():
    probe = ("from kgraph.extract.lexicon import lexicon; "
             "print(list(lexicon()['leader_offices']))")
    orders = {subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                             check=True, env={"PYTHONHASHSEED": seed}).stdout
              for seed in ("1", "2", "3")}
    assert len(orders) == 1
    assert list(lexicon()["leader_offices"])[:2] == ["Supreme Leader", "General Secretary"]


def test_a_countrys_leader_is_the_holder_of_its_first_leading_office(tmp_path):
    """ "the Chinese leader" in 2018 is the President, not the Premier who also held office."""
    from kgraph.extract import extract_document
    from kgraph.readers import read_paths

    (tmp_path / "story.txt").write_text(
        "Kim visits Beijing\n\nBEIJING, March 28, 2018 — Kim Jong-un told the Chinese leader "
        "that he was ready for talks.", "utf-8")
    extraction = extract_document(next(read_paths([tmp_path / "story.txt"])))
    people = {e.name for e in extraction.entities if e.type == "Person"}
    assert "Xi Jinping" in people and "Li Keqiang" not in people
