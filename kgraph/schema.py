"""The relation schema (``kgraph/data/relations.yaml``), declared once and read everywhere.

The graph takes each type's event class and role predicates from here, the page its colour,
arrows and phrases, event merging and scoring whether it is symmetric, evaluation its gold
labels, the extraction rules which entity types may stand at its ends. Extension folders
named in ``KGRAPH_EXTENSIONS`` (separated like PATH) add types (their ``relations.yaml``),
rules and word sets; a mistake in any file fails at load time, naming the file.

>>> schema = relation_schema()
>>> schema.names
('sentLetterTo', 'metWith', 'defectedFrom')
>>> schema["metWith"].roles, schema["metWith"].symmetric
(('participant', 'participant'), True)
>>> schema.from_gold("DEFECTED_FROM")
'defectedFrom'
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from kgraph.errors import SchemaError
from kgraph.types import ENTITY_TYPES

EXTENSIONS = "KGRAPH_EXTENSIONS"
_NAME = re.compile(r"^[a-z][A-Za-z]*$")
_CLASS = re.compile(r"^[A-Z][A-Za-z]*$")
_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
_FIELDS = {"name", "label", "phrases", "symmetric", "event_class", "roles", "ends", "colour",
           "gold", "once"}


@dataclass(frozen=True)
class RelationKind:
    """One relation type: how it is stored, drawn, merged and scored."""

    name: str
    label: str
    phrases: tuple[str, str]  # subject → object, object ← subject
    symmetric: bool
    event_class: str
    roles: tuple[str, str]  # role predicates of the subject and the object
    subject_types: frozenset[str]
    object_types: frozenset[str]
    colour: str
    gold: tuple[str, ...] = ()
    once: bool = False

    def allows(self, subject_type: str, object_type: str) -> bool:
        """Whether actors of these types may stand at the two ends."""
        return subject_type in self.subject_types and object_type in self.object_types


@dataclass(frozen=True)
class Schema:
    relations: tuple[RelationKind, ...]

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(r.name for r in self.relations)

    @cached_property
    def _by_name(self) -> dict[str, RelationKind]:
        return {kind.name: kind for kind in self.relations}

    def __getitem__(self, name: str) -> RelationKind:
        if (kind := self._by_name.get(name)) is None:
            raise KeyError(f"unknown relation {name!r}; use {self.choices()}")
        return kind

    def get(self, name: str) -> RelationKind | None:
        return self._by_name.get(name)

    def choices(self) -> str:
        """``sentLetterTo, metWith or defectedFrom``, for help texts and errors."""
        *rest, last = self.names
        return f"{', '.join(rest)} or {last}" if rest else last

    def __contains__(self, name: object) -> bool:
        return name in self._by_name

    def from_gold(self, label: str) -> str | None:
        """The type a gold annotation's label names (its own name or a gold spelling)."""
        return next((r.name for r in self.relations if label == r.name or label in r.gold),
                    None)

    def event_classes(self) -> set[str]:
        return {r.event_class for r in self.relations}

    def role_predicates(self) -> set[str]:
        return {role for r in self.relations for role in r.roles}


def extension_setting() -> str:
    """``KGRAPH_EXTENSIONS`` as set now: what the loaders' caches are keyed on."""
    return os.environ.get(EXTENSIONS, "")


def extension_dirs() -> tuple[Path, ...]:
    """The extension folders ``KGRAPH_EXTENSIONS`` names, in order."""
    return tuple(Path(p) for p in extension_setting().split(os.pathsep) if p.strip())


def extension_files(name: str) -> list[Path]:
    """Files called `name` in the extension folders (a folder that is missing is an error)."""
    found = []
    for folder in extension_dirs():
        if not folder.is_dir():
            raise SchemaError(f"{folder}: no such folder; fix {EXTENSIONS}")
        if (folder / name).is_file():
            found.append(folder / name)
    return found


def relation_schema() -> Schema:
    """The bundled schema with the extension folders' types after it (cached per setting)."""
    return _load(extension_setting())


@lru_cache(maxsize=8)
def _load(setting: str) -> Schema:
    bundled = resources.files("kgraph").joinpath("data/relations.yaml")
    sources: list[tuple[str, str]] = [("kgraph/data/relations.yaml", bundled.read_text("utf-8"))]
    sources += [(str(p), p.read_text("utf-8")) for p in extension_files("relations.yaml")]
    kinds: list[RelationKind] = []
    for where, text in sources:
        try:
            raw = yaml.safe_load(text)
        except yaml.YAMLError as error:
            raise SchemaError(f"{where}: not valid YAML ({str(error).splitlines()[0]})") from None
        if not isinstance(raw, list):
            raise SchemaError(f"{where}: expected a list of relation types")
        for item in raw:
            kind = _kind(item, where)
            if kind.name in {k.name for k in kinds}:
                raise SchemaError(f"{where}: relation {kind.name} is declared twice")
            kinds.append(kind)
    return Schema(tuple(kinds))


def _kind(raw: Any, where: str) -> RelationKind:
    if not isinstance(raw, dict) or not _FIELDS - {"gold", "once"} <= set(raw):
        missing = sorted(_FIELDS - {"gold", "once"} - set(raw or {}))
        raise SchemaError(f"{where}: a relation type lacks {', '.join(missing)}")
    name = str(raw["name"])
    if unknown := set(raw) - _FIELDS:
        raise SchemaError(f"{where}: {name} has unknown fields {', '.join(sorted(unknown))}")
    roles, ends, phrases = raw["roles"], raw["ends"], raw["phrases"]
    checks = [
        (_NAME.match(name), "name is not a property name like sentLetterTo"),
        (_CLASS.match(str(raw["event_class"])), "event_class is not a class name like Meeting"),
        (isinstance(roles, dict) and {"subject", "object"} <= set(roles)
         and all(_NAME.match(str(v)) for v in roles.values()),
         "roles need subject and object predicate names"),
        (isinstance(ends, dict) and all(isinstance(ends.get(s), list) and ends[s]
                                        and set(ends[s]) <= set(ENTITY_TYPES)
                                        for s in ("subject", "object")),
         f"ends need subject and object lists of {', '.join(ENTITY_TYPES)}"),
        (_COLOUR.match(str(raw["colour"])), "colour is not like #1f77b4"),
        (isinstance(phrases, list) and len(phrases) == 2, "phrases need two texts"),
        (isinstance(raw["symmetric"], bool), "symmetric is not true or false"),
        (not raw["symmetric"] or isinstance(roles, dict)
         and roles.get("subject") == roles.get("object"),
         "a symmetric type has one role for both ends"),
    ]
    for ok, problem in checks:
        if not ok:
            raise SchemaError(f"{where}: {name}: {problem}")
    return RelationKind(
        name=name, label=str(raw["label"]), phrases=(str(phrases[0]), str(phrases[1])),
        symmetric=raw["symmetric"], event_class=str(raw["event_class"]),
        roles=(str(roles["subject"]), str(roles["object"])),
        subject_types=frozenset(ends["subject"]), object_types=frozenset(ends["object"]),
        colour=str(raw["colour"]), gold=tuple(str(g) for g in raw.get("gold") or ()),
        once=bool(raw.get("once", False)))
