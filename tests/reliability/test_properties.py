"""Property tests (hypothesis) for the readers, brackets, dates and names, and a bounded
fuzz run over the extraction: it never crashes and every evidence offset is true."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kgraph.extract import extract_documents
from kgraph.normalize.brackets import resolve_brackets
from kgraph.normalize.dates import normalize_date
from kgraph.normalize.names import name_key, slug
from kgraph.readers import ReaderError, read_file
from kgraph.types import Document, date_precision

SETTINGS = settings(max_examples=60, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])


@SETTINGS
@given(data=st.binary(max_size=400),
       suffix=st.sampled_from([".txt", ".md", ".jsonl", ".xml", ".dat"]))
def test_readers_never_crash_on_any_bytes(tmp_path, data, suffix):
    path = tmp_path / f"f{suffix}"
    path.write_bytes(data)
    try:
        documents = read_file(path, warnings=[])
    except ReaderError as error:
        assert str(path) in str(error) and "\n" not in str(error)  # one line, names the file
        return
    for document in documents:
        assert isinstance(document.text, str)
        for mark in document.markup:
            assert 0 <= mark.start <= mark.end <= len(document.text)


@SETTINGS
@given(st.text(alphabet=st.sampled_from("ab [](){}\nKim-"), max_size=60))
def test_bracket_offsets_map_back_into_the_original(text):
    clean = resolve_brackets(text)
    assert clean.original_length == len(text)
    origin = [clean.original_offset(i) for i in range(len(clean.text))]
    assert origin == sorted(set(origin))  # order is kept, no two characters share one
    assert all(text[o] == ch or text[o] in "[]" for o, ch in zip(origin, clean.text, strict=True))
    for start in range(len(clean.text) + 1):
        for end in range(start, len(clean.text) + 1, 3):
            a, b = clean.original_span(start, end)
            assert 0 <= a <= b <= len(text)


@SETTINGS
@given(st.text(max_size=40), st.sampled_from([None, "1997-03-19", "2018-09", "1962"]))
def test_dates_are_iso_or_nothing(expression, reference):
    iso = normalize_date(expression, reference)
    assert iso is None or (re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", iso)
                           and date_precision(iso) is not None)


@SETTINGS
@given(st.text(max_size=40))
def test_name_keys_are_stable(name):
    key = name_key(name)
    assert name_key(key) == key  # a key is its own key
    assert name_key(name.replace("-", " ")) == key  # hyphens and spaces do not matter
    assert re.fullmatch(r"[a-z0-9-]+", slug(name))


WORDS = ["Kim Jong-un", "Donald Trump", "met", "wrote", "to", "a", "letter", "the", "President",
         "[North]", "Korea", "on", "March", "19,", "1997", "did", "not", "defected", "from",
         "he", "him", "(", ")", ".", "\n\n", "Pak Seong-cheol", "[Pak", "Song", "Chol]", ":",
         "Embassy", "Ministry", "of", "Foreign", "Affairs", "asylum", "sought", "—", "“", "”"]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=60))
def test_extract_fuzz_never_crashes_and_offsets_hold(nlp, words):
    text = " ".join(words)
    (extraction,) = list(extract_documents([Document(id="fuzz", text=text)], nlp))
    for relation in extraction.relations:
        evidence = relation.evidence
        assert 0 <= evidence.start < evidence.end <= len(text)
        assert text[evidence.start:evidence.end] == evidence.text
