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
    return {key: {str(k): str(v) for k, v in values.items()} if isinstance(values, dict)
            else frozenset(str(v) for v in values) for key, values in yaml.safe_load(text).items()}


@lru_cache(maxsize=1)
def east_asian_surnames() -> frozenset[str]:
    """Korean and Chinese surnames in several romanisations (``data/surnames.txt``)."""
    text = resources.files("kgraph.extract").joinpath("data/surnames.txt").read_text("utf-8")
    return frozenset(w for line in text.splitlines() if not line.startswith("#")
                     for w in line.split())
