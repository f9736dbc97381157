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
    assert name_problem("Rusk and JP") == "two names joined"
    assert name_problem("KOR N") == name_problem("VIET S-CAMB") == "a filing code"
    for good in ("Workers' Party of Korea", "Embassy in Korea", "Kim Il Sung", "NATO",
                 "Department of Political and Security Council Affairs",
                 "Ministry of Trade and Industry", "National Archives and Records Administration"):
        assert name_problem(good) is None, good
    assert name_problem("Trinidad and Tobago", "Country") is None


def test_no_actor_name_on_the_corpora_has_a_problem(nlp):
    if not CORPORA.is_dir():
        pytest.skip(f"{CORPORA} not present: the shared documents are not beside this clone")
    folders = [*CORPORA.glob("*/tei"), *CORPORA.glob("*/docs"), SEEDS]
    bad = {(e.name, e.type, problem) for x in extract_documents(read_paths(folders), nlp)
           for e in x.entities if (problem := name_problem(e.name, e.type))}
    assert not bad, sorted(bad)


# Issue 16's known splits and junk, on a build of every corpus and the seeds: each group of
# names is one actor, and none of the junk is an actor.
ONE_ACTOR = [("Embassy in Korea", "Embassy in Seoul"), ("Park Chung-hee", "Pak Chong-hui"),
             ("Robert W. Komer", "Bob Komer"), ("Min Ki-shik", "Min Ki-sik"),
             ("Joint Chiefs of Staff", "JCS", "Joint Chiefs"), ("Korean Government", "Korean Govt"),
             ("North Atlantic Treaty Organization", "NATO"), ("United States", "United Stated"),
             ("Blue House", "Cheong Wa Dae"), ("Kim Sung-hwa", "Kim Sung Hwa"),
             # middle initials written or not (kgraph.curation.initials)
             ("Nikita S. Khrushchev", "Nikita Khrushchev"), ("Leonid I. Brezhnev", "Leonid Brezhnev"),
             ("Dwight D. Eisenhower", "Dwight Eisenhower"),
             # a full name another person holds as an alias; Russian order
             # (kgraph.curation.persons)
             ("Andrei Gromyko", "Andrei A. Gromyko"), ("Vasily Ivanov", "V.I. Ivanov")]
NOT_ACTORS = {"Pak and KCP", "Commerce Hodges", "Labor Wirtz", "Defense Department Views",
              "KOR S-VIET S", "VIET S", "FYI", "REF", "DEF", "Government of the", "Grant",
              # things, venues, titles and fragments (see kgraph.extract.nonactors)
              "Havana Treaty", "Military Assistance Program", "SOFA", "Free World",
              "Sunnylands in Rancho Mirage", "Fleur d’Eau", "Assembly Speaker", "Far Eastern",
              "Pass White House", "Top Secret", "N. Khrushchev L. Brezhnev",
              "Deputy Assistant Under-Secretary", "Twentieth Party Congress", "ARKHIPOV"}
TYPED = {"Donga Ilbo": "Organization", "Cheong Wa Dae": "Organization", "Irén Rózsa": "Person"}


def test_known_splits_are_one_actor_and_known_junk_is_none(tmp_path):
    from kgraph.graph.store import GraphStore
    from kgraph.pipeline import build_graph

    if not CORPORA.is_dir():
        pytest.skip(f"{CORPORA} not present: the shared documents are not beside this clone")
    build = build_graph([*CORPORA.glob("*/tei"), *CORPORA.glob("*/docs"), SEEDS],
                        tmp_path / "all")
    rows = GraphStore.open(build.store_path, read_only=True).select(
        "SELECT ?actor ?name ?type WHERE { GRAPH kgg:actors { ?actor a ?type . "
        "{ ?actor rdfs:label ?name } UNION { ?actor skos:altLabel ?name } } }")
    actors_named: dict[str, set[str]] = {}
    for row in rows:
        actors_named.setdefault(row["name"], set()).add(row["actor"])
    for names in ONE_ACTOR:
        found = set().union(*(actors_named.get(name, set()) for name in names))
        assert len(found) == 1, (names, found)
    labels = {row["name"] for row in rows}
    assert not NOT_ACTORS & labels, NOT_ACTORS & labels
    types = {row["name"]: row["type"].rsplit("#", 1)[-1] for row in rows}
    assert {name: types.get(name) for name in TYPED} == TYPED
    # Every actor, by the rules of kgraph.normalize.quality and kgraph.extract.nonactors
    # (an office named as the addressee, "Administrator, Agency for …", is an actor).
    actors = GraphStore.open(build.store_path, read_only=True).select(
        "SELECT ?name ?type WHERE { GRAPH kgg:actors { ?actor a ?type ; rdfs:label ?name } }")
    assert len(actors) > 200
    junk = [(a["name"], kind, why) for a in actors
            if (why := _junk(a["name"], kind := a["type"].rsplit("#", 1)[-1]))]
    assert not junk, junk


def _junk(name: str, kind: str) -> str | None:
    from kgraph.extract.nonactors import thing_named, title_only

    if problem := name_problem(name, kind):
        return problem
    if kind == "Person":
        return "a title alone" if title_only(name) else None
    why = thing_named(name)
    return why if why and why != "an office holder's title" else None
