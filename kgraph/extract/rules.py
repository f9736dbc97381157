"""The registry of extraction rules (``data/rules.yaml``): ids, relations, examples.

Each rule says which extractor names it stamps on what it finds; `rule_id` maps a
relation's extractor back to its rule, so that `kgraph eval --by-rule` reports precision
per rule and a test can run every rule's examples. Word sets are named as in the lexicon
(``{@sending_verbs}``); an unknown set name fails at load time.

>>> rule_id("dep:send-verb"), rule_id("heading")
('letter.send-verb', 'letter.heading')
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import yaml

from kgraph.extract.lexicon import lexicon
from kgraph.types import RELATION_TYPES


@dataclass(frozen=True)
class Example:
    text: str
    expect: tuple[tuple[str, ...], ...]  # (subject, relation, object[, modality])


@dataclass(frozen=True)
class Rule:
    id: str
    relation: str
    emits: tuple[re.Pattern[str], ...]
    description: str
    examples: tuple[Example, ...] = field(default_factory=tuple)


def _pattern(template: str) -> re.Pattern[str]:
    """ "dep:{@sending_verbs}-verb" → a regex over extractor names."""
    words = lexicon()
    parts = re.split(r"\{@(\w+)\}", template)
    regex = ""
    for i, part in enumerate(parts):
        if i % 2 == 0:
            regex += re.escape(part)
        elif part not in words:
            raise ValueError(f"rules.yaml: unknown word set @{part} in {template!r}")
        else:
            regex += "(?:" + "|".join(re.escape(w.lower()) for w in sorted(words[part])) + ")"
    return re.compile(regex + "$")


def _rule(raw: dict) -> Rule:
    if raw["relation"] not in RELATION_TYPES:
        raise ValueError(f"rules.yaml: rule {raw['id']} has unknown relation {raw['relation']}")
    examples = tuple(Example(e["text"], tuple(tuple(x) for x in e["expect"]))
                     for e in raw.get("examples") or [])
    return Rule(raw["id"], raw["relation"], tuple(_pattern(t) for t in raw["emits"]),
                raw.get("description", ""), examples)


@lru_cache(maxsize=1)
def rules() -> tuple[Rule, ...]:
    text = resources.files("kgraph.extract").joinpath("data/rules.yaml").read_text("utf-8")
    return tuple(_rule(raw) for raw in yaml.safe_load(text))


@lru_cache(maxsize=1024)
def rule_id(extractor: str) -> str | None:
    """The id of the rule that stamps `extractor` (None: no registered rule does)."""
    return next((r.id for r in rules() if any(p.match(extractor) for p in r.emits)), None)
