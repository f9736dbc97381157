from kgraph.normalize.brackets import resolve_brackets


def test_brackets_removed_and_offsets_map_back():
    original = "[To the] [Chinese] Embassy in [North] Korea: Ambassador Hao [Deqing] will go."
    clean = resolve_brackets(original)
    assert clean.text == "To the Chinese Embassy in North Korea: Ambassador Hao Deqing will go."
    for needle in ("North Korea", "Hao Deqing", "Chinese Embassy"):
        start = clean.text.index(needle)
        o_start, o_end = clean.original_span(start, start + len(needle))
        assert original[o_start:o_end].replace("[", "").replace("]", "") == needle


def test_every_clean_character_comes_from_the_same_original_character():
    original = "[We] received your telegram dated 6 March [1962]. [Since last year, [North] Korea"
    clean = resolve_brackets(original)
    for i, ch in enumerate(clean.text):
        assert original[clean.original_offset(i)] == ch


def test_alternative_romanisation_becomes_parenthesised_alias():
    clean = resolve_brackets("meet the Minister Pak Seong-cheol [Pak Song Chol] and clarify")
    assert "Pak Seong-cheol (Pak Song Chol)" in clean.text
    assert len(clean.text) == len("meet the Minister Pak Seong-cheol [Pak Song Chol] and clarify")


def test_text_without_brackets_is_unchanged():
    clean = resolve_brackets("No brackets here.")
    assert clean.text == "No brackets here."
    assert clean.original_span(3, 11) == (3, 11)


def test_page_markers_and_glued_footnote_numbers_are_dropped_with_offsets_kept():
    from kgraph.normalize.brackets import resolve_brackets

    original = "The Department of State1 wrote.\n[Page 79]\nKhrushchev2 replied [in] June."
    clean = resolve_brackets(original)
    assert clean.text == "The Department of State wrote.\nKhrushchev replied in June."
    start = clean.text.index("Khrushchev")
    begin, end = clean.original_span(start, start + len("Khrushchev"))
    assert original[begin:end] == "Khrushchev"
    assert resolve_brackets("In G7 talks, MiG-19 pilots").text == "In G7 talks, MiG-19 pilots"
