"""One person whether a document writes his middle initials or not.

FRUS persons lists write "Nikita S. Khrushchev", news and translations "Nikita
Khrushchev": two actors, although the given name and the surname are the same. After
the documents are written, a person named without middle initials becomes the person
named with them when exactly one actor in the graph bears that given name and surname
with initials. Two initialled forms ("Andrei A. Gromyko", "Andrei M. Gromyko") may be
two people: the bare name then stays apart, as does any pair a curation entry keeps
apart. The mentions so bound are ``prov:wasInfluencedBy`` ``kg:initialsMatch``.

>>> initialled_forms({"x": {"Nikita S. Khrushchev"}, "y": {"Nikita Khrushchev"}})
{'y': 'x'}
>>> initialled_forms({"a": {"Andrei A. Gromyko"}, "m": {"Andrei M. Gromyko"},
...                   "y": {"Andrei Gromyko"}})
{}
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from kgraph.curation.apply import _graphs_with, _rewrite
from kgraph.graph.base import TripleStore
from kgraph.graph.namespaces import KG
from kgraph.normalize.names import fold, name_key

_INITIAL = re.compile(r"^(?:[A-Z]\.)+$")
_NAMES_IN = """
SELECT DISTINCT ?x ?name WHERE {
  VALUES ?g { %s }
  GRAPH ?g { ?m kg:entity ?x ; kg:entityType kg:Person ; kg:name ?name } }"""
_ALL_NAMES = """
SELECT DISTINCT ?x ?name WHERE {
  GRAPH ?g { ?m kg:entity ?x ; kg:entityType kg:Person ; kg:name ?name } }"""
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


def _person_names(store: TripleStore, graphs: Iterable[str] | None) -> dict[str, set[str]]:
    """Every person's names: in the graphs given and the last actors graph, or (None) in
    every document."""
    if graphs is None:
        rows = store.select(_ALL_NAMES)
    else:
        values = " ".join(f"<{g}>" for g in sorted(graphs))
        rows = [*store.select(_NAMES_IN % values), *store.select(_ACTOR_NAMES)] if values \
            else store.select(_ACTOR_NAMES)
    names: dict[str, set[str]] = {}
    for row in rows:
        names.setdefault(row["x"], set()).add(row["name"])
    return names


def link_initialled_names(store: TripleStore, graphs: Iterable[str] | None = None,
                          kept_apart: Iterable[tuple[str, ...]] = (),
                          before: Callable[[set[str]], None] | None = None) -> int:
    """Bind persons named without middle initials to the one person named with them;
    how many were bound. `graphs`: the document graphs this build wrote (None: all);
    `kept_apart`: pairs of names a curation entry keeps apart; `before` is told the
    document graphs about to change (and told again after)."""
    names = _person_names(store, graphs)
    apart = {frozenset(name_key(n) for n in pair) for pair in kept_apart}
    bound = 0
    for actor, target in sorted(initialled_forms(names).items()):
        keys = {(name_key(a), name_key(b)) for a in names[actor] for b in names[target]}
        if any(frozenset(pair) in apart for pair in keys):
            continue
        changed = set(_graphs_with(store, actor))
        if not changed:
            continue  # a name of the last actors graph whose documents are gone
        if before:
            before(changed)
        for graph in sorted(changed):
            _rewrite(store, graph, actor, target, KG.initialsMatch)
        if before:
            before(changed)
        bound += 1
    return bound
