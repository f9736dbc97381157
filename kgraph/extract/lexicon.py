"""Trigger words and role words, loaded from ``extract/data/lexicon.yaml``.

Extension folders (``KGRAPH_EXTENSIONS``) may add word sets in a ``lexicon.yaml`` of their
own, for their rules (`word_sets`); a set the bundled lexicon has cannot be redefined there.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from kgraph.errors import SchemaError
from kgraph.schema import extension_files, extension_setting


@lru_cache(maxsize=1)
def lexicon() -> dict[str, Any]:
    """Each list of the lexicon as a `WordSet`: ``lexicon()["meeting_verbs"]``."""
    text = resources.files("kgraph.extract").joinpath("data/lexicon.yaml").read_text("utf-8")
    return _sets("kgraph/extract/data/lexicon.yaml", text)


def word_sets() -> dict[str, Any]:
    """The lexicon with the extension folders' word sets: what rules may name."""
    return _word_sets(extension_setting())


class WordSet(frozenset):
    """A word set of the lexicon: membership as a frozenset's, iteration in the file's
    order, the same in every process (a frozenset's follows string hashes, which change
    from process to process; some lists are ranked: "the first of leader_offices")."""

    def __new__(cls, words):
        ordered = tuple(dict.fromkeys(words))
        word_set = super().__new__(cls, ordered)
        word_set._ordered = ordered
        return word_set

    def __iter__(self):
        return iter(self._ordered)


def _sets(where: str, text: str) -> dict[str, Any]:
    # Word sets as WordSets; mappings ("divided_states") stay mappings.
    raw = yaml.safe_load(text)
    if not isinstance(raw, dict):
        raise SchemaError(f"{where}: expected named word sets (name: [word, …])")
    for key, values in raw.items():
        words = [*values.items()] if isinstance(values, dict) else values
        if not isinstance(words, list) or any(not isinstance(w, str | tuple) for w in words):
            # YAML reads on/off/yes/no as booleans: such words must be quoted.
            raise SchemaError(f"{where}: {key} holds a value that is not a word; quote it")
    return {key: dict(values) if isinstance(values, dict) else WordSet(values)
            for key, values in raw.items()}


@lru_cache(maxsize=8)
def _word_sets(setting: str) -> dict[str, Any]:
    words = dict(lexicon())
    for path in extension_files("lexicon.yaml"):
        more = _sets(str(path), path.read_text("utf-8"))
        if clash := sorted(set(more) & set(words)):
            raise SchemaError(f"{path}: word sets {', '.join(clash)} exist already; rename them")
        words.update(more)
    return words


@lru_cache(maxsize=1)
def east_asian_surnames() -> frozenset[str]:
    """Korean and Chinese surnames in several romanisations (``data/surnames.txt``)."""
    text = resources.files("kgraph.extract").joinpath("data/surnames.txt").read_text("utf-8")
    return frozenset(w for line in text.splitlines() if not line.startswith("#")
                     for w in line.split())
