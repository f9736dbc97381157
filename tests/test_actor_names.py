"""Every actor name kgraph gives on the annotated corpora and the seeds is a name:
no honorific, quoted title, footnote digit, section heading, list marker, cut-off end or
two coordinated organisations (kgraph.normalize.quality says why a name is not one)."""

from __future__ import annotations

import pytest

from kgraph.extract import extract_documents
from kgraph.normalize.quality import name_problem, tidy_name
from kgraph.readers import read_paths

from .conftest import SEEDS, SHARED

CORPORA = SHARED / "corpora"


def test_tidy_and_problem_on_written_examples():
    assert tidy_name("The Honorable Dean Rusk") == "Dean Rusk"
    assert tidy_name("Department of State1") == "Department of State"
    assert name_problem("Ministry of Foreign Affairs and the State Planning Committee")
    assert name_problem("C. Press") == "a list marker"
    assert name_problem("Journal of Soviet") == "document furniture"
    assert name_problem("Government") == "an office word without its country"
    for good in ("Workers' Party of Korea", "Embassy in Korea", "Kim Il Sung", "NATO",
                 "Department of Political and Security Council Affairs"):
        assert name_problem(good) is None, good


def test_no_actor_name_on_the_corpora_has_a_problem(nlp):
    if not CORPORA.is_dir():
        pytest.skip(f"{CORPORA} not present: the shared documents are not beside this clone")
    folders = [*CORPORA.glob("*/tei"), *CORPORA.glob("*/docs"), SEEDS]
    bad = {(e.name, e.type, problem) for x in extract_documents(read_paths(folders), nlp)
           for e in x.entities if (problem := name_problem(e.name, e.type))}
    assert not bad, sorted(bad)
