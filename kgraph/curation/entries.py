"""The curation file: a historian's corrections, each with its reason, kept beside the corpus.

``curation.yaml`` is a list of entries; every build applies all of them (see
`kgraph.curation.apply`), so they survive rebuilds and new documents::

    - action: merge            # these are one actor (named as `into`)
      actors: [Bob Komer, Robert W. Komer]
      into: Robert W. Komer
      reason: the same NSC staff member (FRUS persons list)
    - action: apart            # these are not the same actor
      actors: [Germany, East Germany]
      reason: two states
    - action: remove           # not an actor
      actor: FYI
      reason: telegraphese
    - action: reject           # this relation is wrong
      relation: sentLetterTo
      subject: Dean Rusk
      object: Embassy in Korea
      document: frus1964-68v29p1_d12   # optional: only in this document
      date: 1964-06                     # optional: only events at this date
      reason: the telegram went the other way
    - action: rename
      actor: Pak
      to: Park Chung-hee
      reason: the document's Pak is the President

>>> entry = Entry.from_dict({"action": "remove", "actor": "FYI", "reason": "not an actor"})
>>> entry.describe()
'remove FYI'
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import yaml

from kgraph.schema import relation_schema

ACTIONS = ("merge", "apart", "remove", "reject", "rename")
FILE_NAME = "curation.yaml"


class CurationError(ValueError):
    """A curation file or entry that cannot be applied; the message names the file."""


@dataclass(frozen=True)
class Entry:
    """One correction. Names may be any label or alias of an actor, or its IRI."""

    action: str
    reason: str
    actors: tuple[str, ...] = ()
    into: str = ""
    actor: str = ""
    to: str = ""
    relation: str = ""
    subject: str = ""
    object: str = ""
    document: str = ""
    date: str = ""

    @classmethod
    def from_dict(cls, data: dict[str, Any], where: str = "curation") -> Entry:
        if not isinstance(data, dict):
            raise CurationError(f"{where}: each entry is a mapping with 'action' and 'reason'")
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        unknown = sorted(set(data) - set(known))
        if unknown:
            raise CurationError(f"{where}: unknown field {', '.join(unknown)}")
        if "actors" in known:
            known["actors"] = tuple(str(a) for a in known["actors"] or ())
        fields = {k: (v if k == "actors" else str(v)) for k, v in known.items() if v is not None}
        entry = cls(**{"action": "", "reason": "", **fields})
        entry.check(where)
        return entry

    def check(self, where: str = "curation") -> None:
        """Raise `CurationError` unless the entry has what its action needs."""
        if self.action not in ACTIONS:
            raise CurationError(f"{where}: action {self.action!r} is not one of "
                                f"{', '.join(ACTIONS)}")
        if not self.reason.strip():
            raise CurationError(f"{where}: {self.describe()}: give a reason")
        needs = {"merge": len(self.actors) >= 2, "apart": len(self.actors) == 2,
                 "remove": bool(self.actor), "rename": bool(self.actor and self.to),
                 "reject": bool(self.subject and self.object
                                and self.relation in relation_schema())}
        if not needs[self.action]:
            wanted = {"merge": "actors (two or more) and optionally into",
                      "apart": "actors (two)", "remove": "actor", "rename": "actor and to",
                      "reject": f"relation ({relation_schema().choices()}), subject and "
                                "object"}
            raise CurationError(f"{where}: a {self.action} entry needs "
                                f"{wanted[self.action]}")

    @property
    def target(self) -> str:
        """The name a merge keeps: `into`, else the last of `actors`."""
        return self.into or self.actors[-1]

    def describe(self) -> str:
        """One line saying what the entry does."""
        if self.action == "merge":
            return f"merge {', '.join(self.actors)} into {self.target}"
        if self.action == "apart":
            return f"keep {' and '.join(self.actors)} apart"
        if self.action == "remove":
            return f"remove {self.actor}"
        if self.action == "rename":
            return f"rename {self.actor} to {self.to}"
        where = f" in {self.document}" if self.document else ""
        when = f" at {self.date}" if self.date else ""
        return f"reject {self.subject} {self.relation} {self.object}{where}{when}"

    def to_dict(self) -> dict[str, Any]:
        data = {k: (list(v) if k == "actors" else v) for k, v in asdict(self).items()
                if v}
        return {"action": data.pop("action"), **data}

    def digest(self) -> str:
        """What identifies the entry (its content): the key of its provenance node."""
        text = yaml.safe_dump(self.to_dict(), sort_keys=True, allow_unicode=True)
        return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def load_curation(path: str | Path) -> list[Entry]:
    """The entries of a curation file (none if the file is empty)."""
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text("utf-8")) or []
    except OSError as error:
        raise CurationError(f"{path}: cannot read the curation file ({error.strerror})") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f" at line {mark.line + 1}" if mark else ""
        raise CurationError(f"{path}: not valid YAML{line}; fix the file or move it "
                            "away") from None
    if not isinstance(data, list):
        raise CurationError(f"{path}: a curation file is a list of entries (- action: …)")
    return [Entry.from_dict(item, f"{path}, entry {i}") for i, item in enumerate(data, 1)]


def add_entry(path: str | Path, entry: Entry) -> None:
    """Append `entry` to the curation file (created if missing), keeping what is there."""
    path = Path(path)
    entries = load_curation(path) if path.exists() else []
    entry.check(str(path))
    if entry in entries:
        return
    block = yaml.safe_dump([entry.to_dict()], sort_keys=False, allow_unicode=True)
    existing = path.read_text("utf-8") if path.exists() else ""
    if existing and not existing.endswith("\n"):
        existing += "\n"
    path.write_text(existing + block, encoding="utf-8")


def find_curation(paths: list[str | Path]) -> Path | None:
    """``curation.yaml`` beside the corpus: in the first folder given, or beside the
    first file."""
    for path in map(Path, paths):
        folder = path if path.is_dir() else path.parent
        if (folder / FILE_NAME).is_file():
            return folder / FILE_NAME
    return None
