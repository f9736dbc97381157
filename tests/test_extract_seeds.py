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


# The full list of must-finds, seed by seed.

def _entity(extraction, entity_id):
    return next(e for e in extraction.entities if e.id == entity_id)


def test_seed_000_letters_both_ways_defection_and_roles(seed_extractions):
    x = seed_extractions["000"]
    _has(x, "Person/jiang-zemin", "sentLetterTo", {"Person/kim-young-sam"})
    _has(x, "Person/hwang-jang-yop", "defectedFrom",
         {"Country/north-korea", "Party/workers-party-of-korea"}, date="1997-02-12")
    assert "former President" in _entity(x, "Person/kim-young-sam").roles
    assert "President (China)" in _entity(x, "Person/jiang-zemin").roles
    assert "Acting Director of the Presidential Archives" in _entity(x, "Person/cho-sang-min").roles


def test_seed_001_telegrams_meeting_aliases_and_metadata(seed_extractions):
    x = seed_extractions["001"]
    mfa, mps = "Ministry/ministry-of-foreign-affairs-china", "Ministry/ministry-of-public-security-china"
    embassy = "Embassy/chinese-embassy-in-north-korea"
    for ministry in (mfa, mps):
        found = _has(x, ministry, "sentLetterTo", {embassy}, date="1962-03-24")
        assert {r.medium for r in found} == {"telegram"}
    _has(x, embassy, "sentLetterTo", {mfa}, date="1962-03-06")
    meeting = _has(x, "Person/hao-deqing", "metWith", {"Person/pak-seong-cheol"})
    assert {r.modality for r in meeting} == {"planned"}
    pak = _entity(x, "Person/pak-seong-cheol")
    assert "Pak Song Chol" in pak.aliases
    assert "Minister of Foreign Affairs" in pak.roles
    meta = x.document.metadata
    assert x.document.date == "1962-03-24"
    assert meta["identifier"] == "PRC FMA 118-01025-02"
    assert meta["original_language"] == "Chinese"
    assert set(meta["translators"]) == {"Jeffrey Wang", "Charles Kraus"}


def test_seed_002_dated_letters_meetings_and_roles(seed_extractions):
    x = seed_extractions["002"]
    kim, trump, moon = "Person/kim-jong-un", "Person/donald-trump", "Person/moon-jae-in"
    letters = _has(x, kim, "sentLetterTo", {trump})
    assert {"2018-09-21", "2018-09-06"} <= {r.date for r in letters}
    _has(x, trump, "sentLetterTo", {kim})
    met_moon = [r for r in x.relations if r.type == "metWith" and {r.subject, r.object} == {kim, moon}]
    assert any((r.date or "").startswith("2018-09") for r in met_moon)
    met_trump = [r for r in x.relations
                 if r.type == "metWith" and {r.subject, r.object} == {kim, trump}]
    assert any((r.date or "").startswith("2019") for r in met_trump)
    assert "Secretary of State" in _entity(x, "Person/mike-pompeo").roles
    assert any(role.startswith("President") for role in _entity(x, moon).roles)
    assert "President (United States)" in _entity(x, trump).roles
