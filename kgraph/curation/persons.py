"""One person however the documents complete his name: shared names and middle initials.

The documents name a person in several ways, each fixed within a document by its own
sources (persons list, office-holder table, gazetteer): "Andrei A. Gromyko" in one
volume, "Andrei Gromyko" with the alias "Andrei A. Gromyko" in a translation; "Nikita S.
Khrushchev" in FRUS, "Nikita Khrushchev" in the news. After the documents are written,
two rules bind such actors, each only when it leaves no choice:

- **a shared name**: a person whose name (two words or more, in any order: "Ivanov V.I.",
  "V. I. Ivanov") is a name or alias of exactly one other person is that person
  (``kg:sharedNameMatch``);
- **middle initials**: a person named without middle initials is the one person named with
  them and the same given name and surname (``kg:initialsMatch``). Two initialled forms
  ("Andrei A. Gromyko", "Andrei M. Gromyko") may be two people: the bare name stays apart.

Pairs a curation entry keeps apart stay apart. The mentions so bound are
``prov:wasInfluencedBy`` the rule.

>>> initialled_forms({"x": {"Nikita S. Khrushchev"}, "y": {"Nikita Khrushchev"}})
{'y': 'x'}
>>> initialled_forms({"a": {"Andrei A. Gromyko"}, "m": {"Andrei M. Gromyko"},
...                   "y": {"Andrei Gromyko"}})
{}
>>> shared_names({"a": {"Andrei A. Gromyko"}, "y": {"Andrei Gromyko", "Andrei A. Gromyko"}})
{'a': 'y'}
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from rdflib import URIRef

from kgraph.curation.apply import _graphs_with, _rewrite
from kgraph.graph.base import TripleStore
from kgraph.graph.namespaces import KG
from kgraph.normalize.names import fold, name_key

_INITIAL = re.compile(r"^(?:[A-Z]\.)+$")
_MENTION_NAMES = "{ ?m kg:name ?name } UNION { ?m kg:alias ?name }"
_NAMES_IN = """
SELECT DISTINCT ?x ?name WHERE {
  VALUES ?g { %s }
  GRAPH ?g { ?m kg:entity ?x ; kg:entityType kg:Person . %s } }"""
_ALL_NAMES = """
SELECT DISTINCT ?x ?name WHERE {
  GRAPH ?g { ?m kg:entity ?x ; kg:entityType kg:Person . %s } }"""
# The actors graph of the last build: every person's names, without reading every mention.
_ACTOR_NAMES = """
SELECT ?x ?name WHERE { GRAPH kgg:actors {
  ?x a kg:Person . { ?x rdfs:label ?name } UNION { ?x skos:altLabel ?name } } }"""


def _form(name: str) -> tuple[tuple[str, str], bool] | None:
    """(given name, surname) folded, and whether initials stand between them; None for a
    name of another shape ("Kim Il Sung", "Khrushchev")."""
    words = name.replace(". ", ".").replace(".", ". ").split()
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return None
    middle = words[1:-1]
    if any(not _INITIAL.match(w) for w in middle) or _INITIAL.match(words[0]):
        return None
    return (fold(words[0]), fold(words[-1])), bool(middle)


def initialled_forms(names: dict[str, set[str]]) -> dict[str, str]:
    """Actor IRI named without initials → the one actor named with them (see above)."""
    bare: dict[tuple[str, str], set[str]] = {}
    initialled: dict[tuple[str, str], set[str]] = {}
    for actor, written in names.items():
        for name in written:
            if (form := _form(name)) is not None:
                (initialled if form[1] else bare).setdefault(form[0], set()).add(actor)
    bound: dict[str, str] = {}
    for key, actors in bare.items():
        fuller = initialled.get(key, set())
        if len(fuller) == 1:
            target = next(iter(fuller))
            bound.update({actor: target for actor in actors if actor != target})
    return bound


def _any_order(name: str) -> str:
    """The name's key whatever the order of its parts ("Ivanov V.I." = "V. I. Ivanov")."""
    return " ".join(sorted(name_key(part) for part in re.split(r"[\s.]+", name) if part))


def shared_names(names: dict[str, set[str]]) -> dict[str, str]:
    """Actor IRI → the one other actor that has one of its names (two words or more) among
    its own; of two actors each naming the other, the one with more names absorbs."""
    holders: dict[str, set[str]] = {}
    for actor, written in names.items():
        for name in written:
            if len(name.split()) > 1:
                holders.setdefault(_any_order(name), set()).add(actor)
    bound: dict[str, str] = {}
    for actor, written in sorted(names.items()):
        others = {o for n in written if len(n.split()) > 1
                  for o in holders[_any_order(n)] if o != actor}
        if len(others) != 1:
            continue
        other = next(iter(others))
        if (len(names[other]), other) > (len(written), actor) and bound.get(other) != actor:
            bound[actor] = other
    return bound


def _person_names(store: TripleStore, graphs: Iterable[str] | None) -> dict[str, set[str]]:
    """Every person's names and aliases: in the graphs given and the last actors graph, or
    (None) in every document."""
    if graphs is None:
        rows = store.select(_ALL_NAMES % _MENTION_NAMES)
    else:
        values = " ".join(f"<{g}>" for g in sorted(graphs))
        rows = store.select(_ACTOR_NAMES)
        if values:
            rows = [*store.select(_NAMES_IN % (values, _MENTION_NAMES)), *rows]
    names: dict[str, set[str]] = {}
    for row in rows:
        names.setdefault(row["x"], set()).add(row["name"])
    return names


def _bind(store: TripleStore, names: dict[str, set[str]], bound: dict[str, str],
          rule: URIRef, apart: set[frozenset[str]],
          before: Callable[[set[str]], None] | None) -> int:
    """Rewrite each bound actor into its target (unless kept apart); how many were."""
    done = 0
    for actor, target in sorted(bound.items()):
        keys = {(name_key(a), name_key(b)) for a in names[actor] for b in names[target]}
        if any(frozenset(pair) in apart for pair in keys):
            continue
        changed = set(_graphs_with(store, actor))
        if not changed:
            continue  # a name of the last actors graph whose documents are gone
        if before:
            before(changed)
        for graph in sorted(changed):
            _rewrite(store, graph, actor, target, rule)
        if before:
            before(changed)
        names[target] |= names.pop(actor)
        done += 1
    return done


def link_person_names(store: TripleStore, graphs: Iterable[str] | None = None,
                      kept_apart: Iterable[tuple[str, ...]] = (),
                      before: Callable[[set[str]], None] | None = None) -> int:
    """Bind persons by a shared name, then by middle initials (see above); how many were
    bound. `graphs`: the document graphs this build wrote (None: all); `kept_apart`: pairs
    of names a curation entry keeps apart; `before` is told the document graphs about to
    change (and told again after)."""
    names = _person_names(store, graphs)
    apart = {frozenset(name_key(n) for n in pair) for pair in kept_apart}
    bound = _bind(store, names, shared_names(names), KG.sharedNameMatch, apart, before)
    return bound + _bind(store, names, initialled_forms(names), KG.initialsMatch, apart, before)
