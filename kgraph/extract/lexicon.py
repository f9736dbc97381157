"""Trigger words and role words, loaded from ``extract/data/lexicon.yaml``."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any

import yaml


@lru_cache(maxsize=1)
def lexicon() -> dict[str, Any]:
    """Each list of the lexicon as a frozenset: ``lexicon()["meeting_verbs"]``."""
    text = resources.files("kgraph.extract").joinpath("data/lexicon.yaml").read_text("utf-8")
    # Word sets as frozensets; mappings ("divided_states") stay mappings.
    raw = yaml.safe_load(text)
    for key, values in raw.items():
        words = [*values.items()] if isinstance(values, dict) else values
        if any(not isinstance(w, str | tuple) for w in words):
            # YAML reads on/off/yes/no as booleans: such words must be quoted.
            raise ValueError(f"lexicon.yaml: {key} holds a value that is not a word; quote it")
    return {key: dict(values) if isinstance(values, dict) else frozenset(values)
            for key, values in raw.items()}


@lru_cache(maxsize=1)
def east_asian_surnames() -> frozenset[str]:
    """Korean and Chinese surnames in several romanisations (``data/surnames.txt``)."""
    text = resources.files("kgraph.extract").joinpath("data/surnames.txt").read_text("utf-8")
    return frozenset(w for line in text.splitlines() if not line.startswith("#")
                     for w in line.split())
