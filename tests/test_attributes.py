"""kgraph's fast attribute rules give every token what spaCy's attribute_ruler gives it."""

from __future__ import annotations

from kgraph.extract.attributes import FastAttributes

from .model_texts import own_texts, plain_model, shared_texts


def _compare(texts: list[str]) -> int:
    """Tokens compared; fails on the first token whose attributes differ."""
    nlp = plain_model()
    ruler = nlp.get_pipe("attribute_ruler")
    fast = FastAttributes(ruler)
    before = nlp.pipe_names.index("attribute_ruler")
    upstream = nlp.pipe_names[:before]
    compared = 0
    for text in texts:
        with nlp.select_pipes(enable=upstream):
            doc = nlp(text)
        expected = ruler(doc.copy())
        got = fast(doc.copy())
        for a, b in zip(expected, got, strict=True):
            assert (a.pos_, str(a.morph), a.lemma_, a.tag_) == \
                (b.pos_, str(b.morph), b.lemma_, b.tag_), (a.text, a.i)
            compared += 1
    return compared


def test_every_token_of_the_project_data_gets_the_same_pos_morph_and_lemma():
    assert _compare(own_texts()) > 2500  # corpus/ and tests/gold: ~1,500 + ~1,400 tokens


def test_every_token_of_the_shared_documents_gets_the_same_pos_morph_and_lemma():
    assert _compare(shared_texts()) > 3000
