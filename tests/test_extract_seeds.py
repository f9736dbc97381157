"""The foundation's must-finds on the three seed documents (real spaCy model)."""

from __future__ import annotations


def _relations(extraction):
    return {(r.subject, r.type, r.object): r for r in extraction.relations}


def _has(extraction, subject, rel_type, objects, date=None):
    found = [r for r in extraction.relations
             if r.subject == subject and r.type == rel_type and r.object in objects]
    assert found, f"{subject} {rel_type} {objects} not found in {extraction.document.id}"
    if date is not None:
        assert date in {r.date for r in found}, [r.date for r in found]
    return found


def test_kim_young_sam_letter_to_jiang_zemin(seed_extractions):
    _has(seed_extractions["000"], "Person/kim-young-sam", "sentLetterTo",
         {"Person/jiang-zemin"}, date="1997-03-19")


def test_kim_jong_un_letter_to_trump(seed_extractions):
    _has(seed_extractions["002"], "Person/kim-jong-un", "sentLetterTo", {"Person/donald-trump"})


def test_hwang_jang_yop_defection(seed_extractions):
    _has(seed_extractions["000"], "Person/hwang-jang-yop", "defectedFrom",
         {"Country/north-korea", "Party/workers-party-of-korea"})


def test_no_relation_goes_to_the_quoted_vice_minister(seed_extractions):
    ids = {r.subject for r in seed_extractions["002"].relations}
    ids |= {r.object for r in seed_extractions["002"].relations}
    assert "Person/kim-cheon-shik" not in ids
    names = {e.name for e in seed_extractions["002"].entities}
    assert {"Kim Cheon-shik", "Moon Jae-in", "Kim Jong-un"} <= names


def test_evidence_offsets_point_into_the_original_text(seed_extractions):
    for extraction in seed_extractions.values():
        text = extraction.document.text
        for relation in extraction.relations:
            ev = relation.evidence
            assert text[ev.start:ev.end] == ev.text


def test_extract_json_shape(seed_extractions):
    record = seed_extractions["001"].to_json()
    assert set(record) == {"document", "title", "date", "entities", "relations"}
    assert set(record["entities"][0]) == {"id", "name", "type", "aliases", "roles"}
    relation = record["relations"][0]
    assert set(relation) == {"type", "subject", "object", "date", "modality", "medium",
                             "evidence", "confidence", "extractor"}
    assert set(relation["evidence"]) == {"text", "start", "end"}
    assert relation["modality"] in {"asserted", "negated", "planned"}
