"""kgraph's fast attribute rules give every token what spaCy's attribute_ruler gives it."""

from __future__ import annotations

import json

import pytest
import spacy

from kgraph.extract.attributes import FastAttributes
from kgraph.extract.nlp import DEFAULT_MODELS
from kgraph.readers import read_paths

from .conftest import CORPUS, FRUS_DEV, ROOT, SEEDS, need

TRICKY = ("I ain't gonna write to him, but you do. It was there; there is a letter. "
          "We did. Did they? Whose telegram is this? That which I have, I hold. Y'all got ta "
          "see: let's go, c'mon, there were letters.\n\n  Done")


def _model():
    import importlib.util

    for name in DEFAULT_MODELS:
        if importlib.util.find_spec(name):
            return spacy.load(name)
    pytest.skip("no spaCy model installed")


def _own_texts() -> list[str]:
    """The project's own text: the tricky sample, the sample corpus, the gold sentences."""
    gold = [json.loads(line)["text"]
            for line in (ROOT / "tests" / "gold" / "sentences.jsonl").open(encoding="utf-8")]
    return [TRICKY] + [d.text for d in read_paths([CORPUS])] + gold


def _shared_texts() -> list[str]:
    """Real documents from ../shared (skips without it)."""
    return [d.text for folder in (need(SEEDS), need(FRUS_DEV)) for d in read_paths([folder])]


def _compare(texts: list[str]) -> int:
    """Tokens compared; fails on the first token whose attributes differ."""
    nlp = _model()
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
    assert _compare(_own_texts()) > 2500  # corpus/ and tests/gold: ~1,500 + ~1,400 tokens


def test_every_token_of_the_shared_documents_gets_the_same_pos_morph_and_lemma():
    assert _compare(_shared_texts()) > 3000
