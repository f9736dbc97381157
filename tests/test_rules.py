"""Every extraction rule has an id and examples, and every example gives its relations
through the real pipeline, found by that rule (kgraph/extract/data/rules.yaml)."""

from __future__ import annotations

import pytest

from kgraph.extract import extract_documents
from kgraph.extract.rules import rule_id, rules
from kgraph.readers import read_paths
from kgraph.schema import relation_schema

from .conftest import CORPUS, ROOT, SHARED

CASES = [(rule, i, example) for rule in rules() for i, example in enumerate(rule.examples)]


def test_every_rule_has_a_unique_id_and_examples():
    ids = [r.id for r in rules()]
    assert len(ids) == len(set(ids))
    assert [r.id for r in rules() if not r.examples] == []


@pytest.mark.parametrize(("rule", "number", "example"), CASES,
                         ids=[f"{r.id}-{i}" for r, i, _ in CASES])
def test_rule_example(rule, number, example, tmp_path, nlp):
    check_example(rule, number, example, tmp_path, nlp)


def check_example(rule, number, example, tmp_path, nlp):
    """The example's text, extracted for real, gives each expected relation by this rule."""
    (tmp_path / f"example{number}.txt").write_text(example.text, "utf-8")
    extraction = next(extract_documents(read_paths([tmp_path]), nlp))
    names = {e.id: {e.name, *e.aliases} for e in extraction.entities}
    found = {(s, r.type, o, r.modality, rule_id(r.extractor)) for r in extraction.relations
             for s in names[r.subject] for o in names[r.object]}
    for expected in example.expect:
        subject, relation, obj = expected[:3]
        modality = expected[3] if len(expected) > 3 else "asserted"
        by = rule.id if relation == rule.relation else None
        hits = {f for f in found if f[1:4] == (relation, obj, modality) and f[0] == subject
                or relation_schema()[relation].symmetric
                and f[1:4] == (relation, subject, modality)
                and f[0] == obj}
        assert hits, (expected, sorted(found))
        assert by is None or any(h[4] == by for h in hits), (rule.id, sorted(hits))


def test_every_relation_comes_from_a_registered_rule(nlp):
    shared = [p for p in (SHARED / "corpora").glob("*/*") if p.name in {"tei", "docs"}]
    documents = read_paths([CORPUS, ROOT / "tests" / "gold" / "sentences.jsonl", *shared])
    unknown = {r.extractor for x in extract_documents(documents, nlp) for r in x.relations
               if rule_id(r.extractor) is None}
    assert unknown == set()
