"""The registry of extraction rules (``data/rules.yaml``): ids, relations, examples.

Each rule says which extractor names it stamps on what it finds; `rule_id` maps a
relation's extractor back to its rule, so that `kgraph eval --by-rule` reports precision
per rule and a test can run every rule's examples. Word sets are named as in the lexicon
(``{@sending_verbs}``); an unknown set name fails at load time.

A rule may also be pure data, a ``frame``: the trigger and the dependents that must be
there (compiled to a spaCy DependencyMatcher pattern by `kgraph.extract.engine`), and chains
of named resolvers (`kgraph.extract.resolvers`) for its subject and object. Its finds are
stamped ``rule:<id>``. Extension folders (``KGRAPH_EXTENSIONS``) may add a ``rules.yaml``.

>>> rule_id("dep:send-verb"), rule_id("heading")
('letter.send-verb', 'letter.heading')
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from kgraph.errors import SchemaError
from kgraph.extract.lexicon import word_sets
from kgraph.extract.resolvers import RESOLVERS
from kgraph.schema import extension_files, extension_setting, relation_schema


@dataclass(frozen=True)
class Example:
    text: str
    expect: tuple[tuple[str, ...], ...]  # (subject, relation, object[, modality])


@dataclass(frozen=True)
class FrameNode:
    """One token of a frame: its name, spaCy token attributes, and where it hangs."""

    name: str
    attrs: dict[str, Any]
    under: str | None = None  # the node it hangs from (None: the trigger itself)
    rel: str = ">"  # DependencyMatcher operator from `under` to this node


@dataclass(frozen=True)
class Rule:
    id: str
    relation: str
    emits: tuple[re.Pattern[str], ...]
    description: str
    examples: tuple[Example, ...] = field(default_factory=tuple)
    frame: tuple[FrameNode, ...] = ()
    subject: tuple[tuple[str, str], ...] = ()  # (resolver, node): the first non-empty wins
    object: tuple[tuple[str, str], ...] = ()
    confidence: float = 0.0
    medium: str | None = None
    source: str = ""  # the file that declares it


def _pattern(template: str, where: str) -> re.Pattern[str]:
    """ "dep:{@sending_verbs}-verb" → a regex over extractor names."""
    words = word_sets()
    parts = re.split(r"\{@(\w+)\}", template)
    regex = ""
    for i, part in enumerate(parts):
        if i % 2 == 0:
            regex += re.escape(part)
        elif part not in words:
            raise SchemaError(f"{where}: unknown word set @{part} in {template!r}")
        else:
            regex += "(?:" + "|".join(re.escape(w.lower()) for w in sorted(words[part])) + ")"
    return re.compile(regex + "$")


def _expand(value: Any, where: str) -> Any:
    """``"@signing_verbs"`` anywhere in token attributes → the set's words, sorted."""
    if isinstance(value, dict):
        return {k: _expand(v, where) for k, v in value.items()}
    if isinstance(value, list):
        return [_expand(v, where) for v in value]
    if isinstance(value, str) and value.startswith("@"):
        words = word_sets()
        if value[1:] not in words:
            raise SchemaError(f"{where}: unknown word set {value}")
        return sorted(words[value[1:]])
    return value


def _frame(raw: dict, where: str) -> tuple[FrameNode, ...]:
    if not isinstance(raw, dict) or next(iter(raw), None) != "trigger":
        raise SchemaError(f"{where}: a frame is a mapping whose first node is 'trigger'")
    nodes = []
    for name, spec in raw.items():
        attrs = dict(spec or {})
        under = attrs.pop("under", None if name == "trigger" else "trigger")
        rel = attrs.pop("rel", ">")
        if under is not None and under not in {n.name for n in nodes}:
            raise SchemaError(f"{where}: frame node {name} hangs under {under}, not above it")
        nodes.append(FrameNode(name, _expand(attrs, where), under, rel))
    return tuple(nodes)


def _chain(raw: Any, nodes: tuple[FrameNode, ...], where: str) -> tuple[tuple[str, str], ...]:
    """``[doers: trigger, with: document]`` → (("doers", "trigger"), ("with", "document"))."""
    steps = [next(iter(step.items())) if isinstance(step, dict) and len(step) == 1 else None
             for step in raw or []]
    names = {n.name for n in nodes}
    for step in steps:
        if step is None or step[0] not in RESOLVERS or step[1] not in names:
            raise SchemaError(f"{where}: each subject/object step is 'resolver: node' with a "
                              f"resolver of {', '.join(sorted(RESOLVERS))} and a frame node")
    if not steps:
        raise SchemaError(f"{where}: a frame rule needs subject and object resolvers")
    return tuple(steps)


def _rule(raw: dict, where: str) -> Rule:
    here = f"{where}: rule {raw.get('id')}"
    if raw.get("relation") not in relation_schema():
        raise SchemaError(f"{here} has unknown relation {raw.get('relation')}; "
                          f"use {relation_schema().choices()}")
    examples = tuple(Example(e["text"], tuple(tuple(x) for x in e["expect"]))
                     for e in raw.get("examples") or [])
    if "frame" not in raw:
        if not isinstance(raw.get("emits"), list):
            raise SchemaError(f"{here} needs emits (extractor names) or a frame")
        return Rule(raw["id"], raw["relation"], tuple(_pattern(t, where) for t in raw["emits"]),
                    raw.get("description", ""), examples, source=where)
    frame = _frame(raw["frame"], here)
    return Rule(raw["id"], raw["relation"], (re.compile(re.escape(f"rule:{raw['id']}") + "$"),),
                raw.get("description", ""), examples, frame,
                _chain(raw.get("subject"), frame, here), _chain(raw.get("object"), frame, here),
                float(raw.get("confidence", 0.7)), raw.get("medium"), where)


def _checked(raw: dict, where: str) -> Rule:
    try:
        return _rule(raw, where)
    except (KeyError, TypeError, ValueError) as error:
        if isinstance(error, SchemaError):
            raise
        raise SchemaError(f"{where}: rule {raw.get('id')}: malformed ({error!r}); see "
                          "kgraph/extract/data/rules.yaml for the shape") from None


def _read(where: str, text: str) -> list[dict]:
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise SchemaError(f"{where}: not valid YAML ({str(error).splitlines()[0]})") from None
    if not isinstance(raw, list) or not all(isinstance(r, dict) and "id" in r for r in raw):
        raise SchemaError(f"{where}: expected a list of rules, each with an id")
    return raw


def rules() -> tuple[Rule, ...]:
    """The bundled rules, then the extension folders' (cached per setting)."""
    return _rules(extension_setting())


@lru_cache(maxsize=8)
def _rules(setting: str) -> tuple[Rule, ...]:
    text = resources.files("kgraph.extract").joinpath("data/rules.yaml").read_text("utf-8")
    sources = [("kgraph/extract/data/rules.yaml", text)]
    sources += [(str(p), p.read_text("utf-8")) for p in extension_files("rules.yaml")]
    found = [_checked(raw, where) for where, text in sources for raw in _read(where, text)]
    ids = [r.id for r in found]
    if twice := sorted({i for i in ids if ids.count(i) > 1}):
        raise SchemaError(f"rules: ids used twice: {', '.join(twice)}")
    return tuple(found)


def rule_id(extractor: str) -> str | None:
    """The id of the rule that stamps `extractor` (None: no registered rule does)."""
    return _rule_id(extractor, extension_setting())


@lru_cache(maxsize=1024)
def _rule_id(extractor: str, setting: str) -> str | None:
    return next((r.id for r in _rules(setting) if any(p.match(extractor) for p in r.emits)),
                None)
