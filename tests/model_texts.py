"""Texts and a plain spaCy model for tests that compare kgraph's pipeline with spaCy's."""

from __future__ import annotations

import json

import pytest
import spacy
from spacy.language import Language

from kgraph.extract.nlp import ModelNotFound, model_package
from kgraph.readers import read_paths

from .conftest import CORPUS, FRUS_DEV, ROOT, SEEDS, need

TRICKY = ("I ain't gonna write to him, but you do. It was there; there is a letter. "
          "We did. Did they? Whose telegram is this? That which I have, I hold. Y'all got ta "
          "see: let's go, c'mon, there were letters.\n\n  Done")


def plain_model() -> Language:
    """The model as spaCy loads it, without kgraph's components (a new one per call)."""
    return spacy.load(installed_model())


def installed_model() -> str:
    """The model kgraph would load (skips the test where none is installed)."""
    try:
        return model_package()
    except ModelNotFound:
        pytest.skip("no spaCy model installed")


def own_texts() -> list[str]:
    """The project's own text: the tricky sample, the sample corpus, the gold sentences."""
    gold = [json.loads(line)["text"]
            for line in (ROOT / "tests" / "gold" / "sentences.jsonl").open(encoding="utf-8")]
    return [TRICKY] + [d.text for d in read_paths([CORPUS])] + gold


def shared_texts() -> list[str]:
    """Real documents from ../shared (skips without it)."""
    return [d.text for folder in (need(SEEDS), need(FRUS_DEV)) for d in read_paths([folder])]
