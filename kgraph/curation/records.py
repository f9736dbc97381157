"""Binding the people of the Office of the Historian's records to the actors the
documents name, so that a trip's meeting and a document's are one event.

A record names people its own way: the traveller in full ("David Dean Rusk"), the
people met by title and surname ("President Park"). A record's person becomes the
documents' actor when exactly one person in the documents answers to the name: the
same name or alias; one name a short form of the other with the same surname
("Dean Rusk" / "David Dean Rusk"); or a surname alone, last or first ("Park" /
"Park Chung-hee"). The mentions so bound are ``prov:wasInfluencedBy``
``kg:recordNameMatch``; two candidates, or none, leave the record's own actor.
"""

from __future__ import annotations

from collections.abc import Callable

from kgraph.curation.apply import _call, _rewrite
from kgraph.graph.base import TripleStore
from kgraph.graph.namespaces import KG
from kgraph.normalize.names import name_key
from kgraph.query.resolve import ActorNames, short_form_of, short_forms, words
from kgraph.readers.historian import FORMAT

_ANY_RECORD = f"""
SELECT ?d WHERE {{ GRAPH ?g {{ ?d a kg:Document ; kg:sourceFormat "{FORMAT}" }} }} LIMIT 1"""
_PEOPLE = """
SELECT ?g ?x ?name ?alias ?format WHERE {
  GRAPH ?g { ?m kg:entity ?x ; kg:entityType kg:Person ; kg:name ?name .
             ?d a kg:Document ; kg:sourceFormat ?format
             OPTIONAL { ?m kg:alias ?alias } } }"""


def _match(name: str, people: list[ActorNames]) -> list[ActorNames]:
    key = name_key(name)
    exact = [p for p in people if any(name_key(n) == key for n in p.names)]
    if exact:
        return exact
    found = short_forms(name, people)
    if found:
        return found
    return [p for p in people if any(short_form_of(words(n), name) for n in p.names)]


def link_record_people(store: TripleStore,
                       before: Callable[[set[str]], None] | None = None) -> int:
    """Bind record people to document actors (see above); how many were bound.
    `before` is told the document graphs about to change."""
    if not store.select(_ANY_RECORD):  # no trip or visit record stored: nothing to bind
        return 0
    rows = store.select(_PEOPLE)
    in_documents: dict[str, set[str]] = {}
    in_records: dict[str, tuple[str, set[str]]] = {}
    aliases: dict[str, set[str]] = {}
    for row in rows:
        if row["format"] == FORMAT:
            in_records.setdefault(row["x"], (row["name"], set()))[1].add(row["g"])
        else:
            in_documents.setdefault(row["x"], set()).add(row["name"])
            if row["alias"]:
                aliases.setdefault(row["x"], set()).add(row["alias"])
    # Labelled as the actors graph labels them: the smallest name (not alias).
    people = [ActorNames(x, min(names), tuple(sorted(aliases.get(x, set()) | names)))
              for x, names in in_documents.items()]
    bound = 0
    for actor, (name, graphs) in sorted(in_records.items()):
        if actor in in_documents:
            continue
        found = _match(name, people)
        if len(found) != 1:
            continue
        if before:
            before(graphs)
        for graph in sorted(graphs):
            _rewrite(store, graph, actor, found[0].iri, KG.recordNameMatch)
        # The record's "Park" must not become the label of Park Chung-hee: its mentions
        # take the documents' name (the smallest, as the actors graph chooses labels).
        _call(store, found[0].iri, found[0].label, KG.recordNameMatch, graphs)
        bound += 1
    return bound
