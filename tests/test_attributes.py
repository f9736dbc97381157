"""kgraph's fast attribute rules give every token what spaCy's attribute_ruler gives it."""

from __future__ import annotations

import pytest
import spacy

from kgraph.extract.attributes import FastAttributes
from kgraph.extract.nlp import DEFAULT_MODELS
from kgraph.readers import read_paths

from .conftest import CORPUS, FRUS_DEV, SEEDS

TRICKY = ("I ain't gonna write to him, but you do. It was there; there is a letter. "
          "We did. Did they? Whose telegram is this? That which I have, I hold. Y'all got ta "
          "see: let's go, c'mon, there were letters.\n\n  Done")


def _model():
    import importlib.util

    for name in DEFAULT_MODELS:
        if importlib.util.find_spec(name):
            return spacy.load(name)
    pytest.skip("no spaCy model installed")


def _texts():
    texts = [TRICKY] + [d.text for d in read_paths([CORPUS])]
    for folder in (SEEDS, FRUS_DEV):  # real documents, where ../shared is beside us
        if folder.is_dir():
            texts += [d.text for d in read_paths([folder])]
    return texts


def test_every_token_gets_the_same_pos_morph_and_lemma():
    nlp = _model()
    ruler = nlp.get_pipe("attribute_ruler")
    fast = FastAttributes(ruler)
    before = nlp.pipe_names.index("attribute_ruler")
    upstream = nlp.pipe_names[:before]
    compared = 0
    for text in _texts():
        with nlp.select_pipes(enable=upstream):
            doc = nlp(text)
        expected = ruler(doc.copy())
        got = fast(doc.copy())
        for a, b in zip(expected, got, strict=True):
            assert (a.pos_, str(a.morph), a.lemma_, a.tag_) == \
                (b.pos_, str(b.morph), b.lemma_, b.tag_), (a.text, a.i)
            compared += 1
    assert compared > 3000
