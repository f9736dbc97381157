"""Finding an actor by any of its names: label or alias, case- and accent-blind,
a title in front left out, a surname (or a name without its middle initial) alone
when only one actor carries it.

>>> actors = [ActorNames("kgr:person/winthrop-g-brown", "Winthrop G. Brown", ()),
...           ActorNames("kgr:person/dean-rusk", "Dean Rusk", ("Secretary Rusk",))]
>>> resolve_key("winthrop brown", actors)
'winthropgbrown'
>>> resolve_key("Secretary Rusk", actors)
'secretaryrusk'
>>> resolve_key("rusk", actors)
'deanrusk'
>>> resolve_key("Winthrop Browne", actors)
Traceback (most recent call last):
...
kgraph.query.resolve.UnknownName: no actor named 'Winthrop Browne'; did you mean Winthrop G. Brown?
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass

from kgraph.normalize.names import fold, name_key, strip_title
from kgraph.query.named import QueryError

ACTOR_NAMES = ("SELECT ?actor ?label ?alias WHERE { GRAPH kgg:actors { "
               "?actor rdfs:label ?label . OPTIONAL { ?actor skos:altLabel ?alias } } }")
MAX_CANDIDATES = 6
_NAME_LIKE = re.compile(r"^[\w .,'’-]+$")


class UnknownName(QueryError):
    """No actor, or more than one, answers to a name; the message says which to try."""


@dataclass(frozen=True)
class ActorNames:
    """One actor and every name the graph gives it."""

    iri: str
    label: str
    aliases: tuple[str, ...]

    @property
    def names(self) -> tuple[str, ...]:
        return (self.label, *self.aliases)


def actor_names(rows: Iterable[dict[str, str | None]]) -> list[ActorNames]:
    """Rows of `ACTOR_NAMES` (one per alias) gathered into one `ActorNames` per actor."""
    labels: dict[str, str] = {}
    aliases: dict[str, list[str]] = {}
    for row in rows:
        iri = str(row["actor"])
        labels[iri] = min(labels.get(iri, str(row["label"])), str(row["label"]))
        if row.get("alias"):
            aliases.setdefault(iri, []).append(str(row["alias"]))
    return [ActorNames(iri, label, tuple(sorted(set(aliases.get(iri, [])))))
            for iri, label in sorted(labels.items(), key=lambda item: item[1])]


def words(name: str) -> list[str]:
    """Folded words of a name, initials ("G.") left out: what a short form keeps."""
    return [w for w in re.findall(r"[a-z0-9]+", fold(name)) if len(w) > 1]


def short_form_of(wanted: list[str], name: str) -> bool:
    """`wanted` (e.g. ["brown"] or ["winthrop", "brown"]) is the same surname as `name`
    with none, some or all of its other words, in order."""
    parts = words(name)
    if not wanted or not parts or wanted[-1] != parts[-1]:
        return False
    rest = iter(parts[:-1])
    return all(word in rest for word in wanted[:-1])


def short_forms(name: str, actors: list[ActorNames]) -> list[ActorNames]:
    """Actors `name` is a short form of; a single word that is no actor's last word
    is tried as a first one (East Asian names put the surname first: "Mao")."""
    if not _NAME_LIKE.match(name):  # braces, quotes, "#": not a short form of a name
        return []
    wanted = words(name)
    found = [a for a in actors if any(short_form_of(wanted, n) for n in a.names)]
    if not found and len(wanted) == 1:
        found = [a for a in actors if any(words(n)[:1] == wanted for n in a.names)]
    return found


def _one_line(names: list[str]) -> str:
    shown = ", ".join(names[:MAX_CANDIDATES])
    return shown + (f" and {len(names) - MAX_CANDIDATES} more" if len(names) > MAX_CANDIDATES
                    else "")


def resolve_key(name: str, actors: list[ActorNames]) -> str:
    """The `name_key` to look `name` up by (``kg:nameKey``), or `UnknownName` with the
    nearest names or the candidates. A name some actor is written as (label or alias,
    spelling-folded) is kept as it is; else the name without its title; else a short
    form (surname, no middle initial) of exactly one actor's name stands for that name."""
    keys = {name_key(n) for a in actors for n in a.names}
    for attempt in dict.fromkeys([name.strip(), strip_title(name.strip())[0]]):
        if name_key(attempt) in keys:
            return name_key(attempt)
    for attempt in dict.fromkeys([name.strip(), strip_title(name.strip())[0]]):
        found = short_forms(attempt, actors)
        if len(found) == 1:
            return name_key(found[0].label)
        if len(found) > 1:
            labels = [a.label for a in found]
            raise UnknownName(f"'{name}' names {len(found)} actors: {_one_line(labels)}; "
                              "give the full name")
    by_fold = {fold(n): a.label for a in actors for n in a.names}
    near = difflib.get_close_matches(fold(name), list(by_fold), n=MAX_CANDIDATES, cutoff=0.75)
    suggestions = list(dict.fromkeys(by_fold[n] for n in near))
    if suggestions:
        raise UnknownName(f"no actor named '{name}'; did you mean {_or(suggestions)}?")
    raise UnknownName(f"no actor named '{name}' in this graph")


def _or(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]
