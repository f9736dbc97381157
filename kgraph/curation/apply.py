"""Applying the curation file to a store: after the documents are written, before the
actors and events graphs are rebuilt from them, at every build.

Each entry rewrites the document graphs it concerns (an actor's IRI replaced by
another, mentions renamed, events deleted) and leaves provenance: the mentions it
changed get ``prov:wasInfluencedBy`` the entry, and the ``kgg:curation`` graph
describes every entry (action, reason, what it does) with the documents it changed.
Applying an entry again changes nothing, so unchanged rebuilds keep the result;
documents an entry changed that is no longer in the file are extracted again
(`stale_documents`), so removing an entry undoes it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from rdflib import Literal, URIRef
from rdflib.namespace import RDF, RDFS

from kgraph.curation.entries import Entry
from kgraph.graph.base import TripleStore
from kgraph.graph.namespaces import KG, KGG, KGR, entity_iri
from kgraph.graph.rdf import Triples
from kgraph.normalize.names import name_key, slug
from kgraph.schema import relation_schema

_NAMED = "SELECT DISTINCT ?x WHERE { GRAPH ?g { ?m kg:entity ?x ; kg:aliasKey ?key } }"
_RECORDED = "SELECT ?entry ?id WHERE { GRAPH kgg:curation { ?entry kg:changedDocument ?id } }"


@dataclass
class CurationReport:
    """What the curation did in one build, for the build summary."""

    entries: Counter = field(default_factory=Counter)  # action → entries in the file
    changed: set[str] = field(default_factory=set)  # document ids changed in this build
    problems: list[str] = field(default_factory=list)


def entry_iri(entry: Entry) -> URIRef:
    return KGR[f"curation/{entry.digest()}"]


def stale_documents(store: TripleStore, entries: list[Entry]) -> set[str]:
    """Documents changed by entries no longer in the file: to extract again."""
    current = {str(entry_iri(e)) for e in entries}
    return {row["id"] for row in store.select(_RECORDED) if row["entry"] not in current}


def actors_named(store: TripleStore, name: str) -> list[str]:
    """IRIs of the actors some document calls `name` (any spelling), or `name` itself
    if it is an IRI (``kgr:person/…`` or ``https://…``)."""
    if name.startswith("kgr:"):
        name = str(KGR) + name[4:]
    if name.startswith(("http://", "https://")):
        return [name] if not any(c in name for c in '<>" {}|\\^`') else []
    return sorted(row["x"] for row in store.select(_NAMED, {"key": name_key(name)}))


def _graphs_with(store: TripleStore, actor: str) -> list[str]:
    rows = store.select(f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?m kg:entity <{actor}> }} }}")
    return [row["g"] for row in rows]


def _rewrite(store: TripleStore, graph: str, old: str, new: str, entry: URIRef) -> None:
    """In one document graph, `old` becomes `new` wherever it stands; its mentions are
    marked as influenced by the curation entry."""
    store.update(
        f"DELETE {{ GRAPH <{graph}> {{ ?s ?p <{old}> }} }} INSERT {{ GRAPH <{graph}> "
        f"{{ ?s ?p <{new}> }} }} WHERE {{ GRAPH <{graph}> {{ ?s ?p <{old}> }} }} ;\n"
        f"DELETE {{ GRAPH <{graph}> {{ <{old}> ?p ?o }} }} INSERT {{ GRAPH <{graph}> "
        f"{{ <{new}> ?p ?o }} }} WHERE {{ GRAPH <{graph}> {{ <{old}> ?p ?o }} }} ;\n"
        f"INSERT {{ GRAPH <{graph}> {{ ?m prov:wasInfluencedBy <{entry}> }} }} "
        f"WHERE {{ GRAPH <{graph}> {{ ?m kg:entity <{new}> }} }}")


def _merge(store: TripleStore, entry: Entry, node: URIRef) -> set[str]:
    targets = actors_named(store, entry.target)
    if not targets:
        raise LookupError(entry.target)
    target, changed = targets[0], set()
    others = {x for name in entry.actors for x in actors_named(store, name)} | set(targets)
    for actor in sorted(others - {target}):
        for graph in _graphs_with(store, actor):
            _rewrite(store, graph, actor, target, node)
            changed.add(graph)
    if changed:  # the merged actor goes by the name the entry keeps
        changed |= _call(store, target, entry.target, node)
    return changed


def _apart(store: TripleStore, entry: Entry, node: URIRef) -> set[str]:
    """Mentions written as the second name move off an IRI both names share (to the
    second name's own IRI, or the first's if the shared one is the second's), and
    neither keeps the other as an alias."""
    first, second = entry.actors
    shared = set(actors_named(store, first)) & set(actors_named(store, second))
    changed: set[str] = set()
    for actor in sorted(shared):
        rows = store.select(f"SELECT ?g ?name ?type WHERE {{ GRAPH ?g {{ ?m kg:entity <{actor}> ;"
                            " kg:name ?name ; kg:entityType ?type } }")
        moving = name_key(second)
        if any(str(_own_iri(r)) == actor for r in rows if name_key(r["name"]) == moving):
            moving = name_key(first)  # the shared IRI is the second name's own: it stays
        for row in rows:
            if name_key(row["name"]) == moving and str(_own_iri(row)) != actor:
                _rewrite(store, row["g"], actor, str(_own_iri(row)), node)
                changed.add(row["g"])
    for actor in set(actors_named(store, first)) | set(actors_named(store, second)):
        changed |= _drop_aliases(store, actor, (first, second), node)
    return changed


def _own_iri(row: dict) -> URIRef:
    return entity_iri(f"{row['type'].rsplit('#', 1)[-1]}/{slug(row['name'])}")


def _drop_aliases(store: TripleStore, actor: str, names: tuple[str, ...],
                  node: URIRef) -> set[str]:
    """Remove, from `actor`'s mentions, aliases that are one of `names` but not the
    mention's own name."""
    keys = {name_key(n) for n in names}
    rows = store.select(f"SELECT ?g ?m ?name ?alias WHERE {{ GRAPH ?g {{ ?m kg:entity <{actor}> ;"
                        " kg:name ?name ; kg:alias ?alias } }")
    changed = set()
    for row in rows:
        key = name_key(row["alias"])
        if key in keys and key != name_key(row["name"]):
            alias, graph = Literal(row["alias"]).n3(), row["g"]
            store.update(f"DELETE DATA {{ GRAPH <{graph}> {{ <{row['m']}> kg:alias {alias} ; "
                         f"kg:aliasKey {Literal(key).n3()} }} }} ;\n"
                         f"INSERT DATA {{ GRAPH <{graph}> {{ <{row['m']}> "
                         f"prov:wasInfluencedBy <{node}> }} }}")
            changed.add(graph)
    return changed


def _remove(store: TripleStore, entry: Entry, node: URIRef) -> set[str]:
    """Everything the documents say of or with the actor: its mentions, positions,
    events (with their evidence) and direct edges."""
    actors = actors_named(store, entry.actor)
    if not actors:
        raise LookupError(entry.actor)
    changed: set[str] = set()
    for actor in actors:
        for graph in _graphs_with(store, actor):
            inside = f"GRAPH <{graph}>"
            store.update(
                f"DELETE {{ {inside} {{ ?ev ?q ?v }} }} WHERE {{ {inside} {{ ?e ?role <{actor}> ;"
                f" kg:relation ?r ; kg:evidence ?ev . ?ev ?q ?v }} }} ;\n"
                f"DELETE {{ {inside} {{ ?e ?p ?o }} }} WHERE {{ {inside} {{ ?e ?role <{actor}> ;"
                f" kg:relation ?r . ?e ?p ?o }} }} ;\n"
                f"DELETE {{ {inside} {{ ?x ?p ?o }} }} WHERE {{ {inside} {{ "
                f"VALUES ?link {{ kg:entity kg:holder }} ?x ?link <{actor}> ; ?p ?o }} }} ;\n"
                f"DELETE WHERE {{ {inside} {{ <{actor}> ?p ?o }} }} ;\n"
                f"DELETE WHERE {{ {inside} {{ ?s ?p <{actor}> }} }}")
            changed.add(graph)
    return changed


def _reject(store: TripleStore, entry: Entry, node: URIRef) -> set[str]:
    kind = relation_schema()[entry.relation]
    first, second = (f"kg:{role}" for role in kind.roles)
    pairs = [(s, o) for s in actors_named(store, entry.subject)
             for o in actors_named(store, entry.object)]
    if kind.symmetric:
        pairs += [(o, s) for s, o in pairs]
    changed: set[str] = set()
    for subject, obj in pairs:
        rows = store.select(
            f"SELECT ?g ?e ?id ?date WHERE {{ GRAPH ?g {{ ?e kg:relation kg:{entry.relation} ;"
            f" {first} <{subject}> ; {second} <{obj}> ; prov:wasDerivedFrom ?d . "
            f"?d kg:documentId ?id . OPTIONAL {{ ?e kg:date ?date }} }} }}")
        for row in rows:
            if entry.document and row["id"] != entry.document:
                continue
            if entry.date and not str(row["date"] or "").startswith(entry.date):
                continue
            inside = f"GRAPH <{row['g']}>"
            store.update(
                f"DELETE WHERE {{ {inside} {{ <{row['e']}> kg:evidence ?ev . ?ev ?p ?o }} }} ;\n"
                f"DELETE WHERE {{ {inside} {{ <{row['e']}> ?p ?o }} }} ;\n"
                f"DELETE {{ {inside} {{ <{subject}> kg:{entry.relation} <{obj}> }} }} WHERE {{ "
                f"{inside} {{ <{subject}> kg:{entry.relation} <{obj}> }} FILTER NOT EXISTS {{ "
                f"{inside} {{ ?other kg:relation kg:{entry.relation} ; kg:modality kg:asserted ;"
                f" {first} <{subject}> ; {second} <{obj}> }} }} }}")
            changed.add(row["g"])
    return changed


def _rename(store: TripleStore, entry: Entry, node: URIRef) -> set[str]:
    actors = actors_named(store, entry.actor)
    if not actors:
        raise LookupError(entry.actor)
    changed: set[str] = set()
    for actor in actors:
        changed |= _call(store, actor, entry.to, node)
    return changed


def _call(store: TripleStore, actor: str, name: str, node: URIRef,
          only: set[str] | None = None) -> set[str]:
    """Every mention of `actor` (in the graphs `only`, if given) named `name`, the old
    names kept as aliases: the actors graph then labels it so."""
    new, key = Literal(name).n3(), Literal(name_key(name)).n3()
    rows = store.select(f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?m kg:entity <{actor}> ;"
                        f" kg:name ?old }} FILTER(?old != {new}) }}")
    rows = [row for row in rows if only is None or row["g"] in only]
    for graph in (row["g"] for row in rows):
        store.update(
            f"DELETE {{ GRAPH <{graph}> {{ ?m kg:name ?old }} }} INSERT {{ GRAPH <{graph}> "
            f"{{ ?m kg:name {new} ; kg:alias ?old ; kg:aliasKey {key} ; "
            f"prov:wasInfluencedBy <{node}> }} }} WHERE {{ GRAPH <{graph}> {{ "
            f"?m kg:entity <{actor}> ; kg:name ?old }} FILTER(?old != {new}) }}")
    return {row["g"] for row in rows}


_APPLY = {"merge": _merge, "apart": _apart, "remove": _remove, "reject": _reject,
          "rename": _rename}


def _document_ids(store: TripleStore, graphs: set[str]) -> set[str]:
    if not graphs:
        return set()
    values = " ".join(f"<{g}>" for g in sorted(graphs))
    rows = store.select(f"SELECT ?id WHERE {{ VALUES ?g {{ {values} }} "
                        "GRAPH ?g { ?d a kg:Document ; kg:documentId ?id } }")
    return {row["id"] for row in rows}


def apply_curation(store: TripleStore, entries: list[Entry], source: str = "curation"
                   ) -> CurationReport:
    """Apply every entry to the document graphs and write ``kgg:curation``."""
    report = CurationReport(Counter(e.action for e in entries))
    recorded: dict[str, set[str]] = {}
    for row in store.select(_RECORDED):
        recorded.setdefault(row["entry"], set()).add(row["id"])
    graph = Triples()
    for number, entry in enumerate(entries, 1):
        node = entry_iri(entry)
        try:
            changed = _document_ids(store, _APPLY[entry.action](store, entry, node))
        except LookupError as missing:
            changed = set()
            if str(node) not in recorded:  # applied before: what it named is gone, as meant
                report.problems.append(f"{source}, entry {number} ({entry.describe()}): no actor "
                                       f"named '{missing.args[0]}' in the documents; "
                                       "nothing done")
        report.changed |= changed
        graph.add((node, RDF.type, KG.CurationEntry))
        graph.add((node, KG.action, entry.action))
        graph.add((node, RDFS.label, entry.describe()))
        graph.add((node, KG.reason, entry.reason))
        for document in sorted(changed | recorded.get(str(node), set())):
            graph.add((node, KG.changedDocument, document))
    store.replace_derived_graph(str(KGG.curation), graph.ntriples())
    return report
