"""The build: read → extract → RDF store → graph page (and a Turtle dump on request).

`build_graph` is what ``kgraph build`` and `KnowledgeGraph.build` call.
A document whose content hash is already in the store is not parsed again;
a document whose source file is gone has its graph removed.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from kgraph.curation import (
    CurationReport,
    apply_curation,
    find_curation,
    load_curation,
    stale_documents,
)
from kgraph.errors import NoDocuments
from kgraph.graph.base import TripleStore
from kgraph.graph.events import merge_events
from kgraph.graph.incremental import Touched, note, update_actors, update_events
from kgraph.graph.namespaces import document_graph
from kgraph.graph.rdf import content_hash
from kgraph.graph.remote import RemoteStore
from kgraph.graph.snapshot import mark_finished, mark_unfinished, publish, unfinished
from kgraph.graph.store import GraphStore
from kgraph.memory import release_free_memory
from kgraph.outfolder import check_out_folder
from kgraph.readers import iter_files, read_paths
from kgraph.types import Document
from kgraph.workers import Extracted, batches, default_jobs, run_batches

if TYPE_CHECKING:
    import networkx as nx


@dataclass
class BuildSummary:
    """What a build did, for the summary table and for tests."""

    out: Path
    documents: int = 0
    extracted: int = 0
    unchanged: int = 0
    removed: int = 0
    problems: list[str] = field(default_factory=list)
    entities: Counter = field(default_factory=Counter)
    relations: Counter = field(default_factory=Counter)
    triples: int = 0
    seconds: float = 0.0
    store_url: str | None = None
    curation_file: Path | None = None
    linked: int = 0  # record people bound to the documents' actors
    persons: int = 0  # persons bound across documents by a shared name or middle initials
    curation: CurationReport = field(default_factory=CurationReport)
    derived: str = "kept"  # the actors and events graphs: "kept", "incremental" or "full"

    @property
    def store_path(self) -> Path:
        return self.out / "store"

    @property
    def turtle_path(self) -> Path:
        return self.out / "graph.ttl"

    @property
    def page_path(self) -> Path:
        return self.out / "graph.html"


def _exists(path: str) -> bool:
    """Whether a file is still there; one we may not look at counts as there."""
    try:
        return Path(path).exists()
    except OSError:
        return True


def _stored_elsewhere(document: Document, stored: dict[str, str]) -> str | None:
    """Another file, still present, that the stored document with this id came from."""
    other = stored.get(document.id)
    if other is None or other == document.source:  # the usual case, without a file lookup
        return None
    if Path(other).resolve() == Path(document.source).resolve():
        return None
    return other if _exists(other) else None


def _changed(documents: Iterable[Document], known: dict[str, str], stored: dict[str, str],
             summary: BuildSummary, seen: dict[str, str], sources: set[str],
             problem: Callable[[str], None]) -> Iterator[Document]:
    for document in documents:
        if document.id in seen:  # one graph per id: a second document would replace the first
            problem(f"{document.source}: document id {document.id!r} was already read from "
                    f"{seen[document.id]}; skipped")
            continue
        if other := _stored_elsewhere(document, stored):
            problem(f"{document.source}: document id {document.id!r} is already in the store "
                    f"from {other}; skipped (give one of them another id)")
            continue
        summary.documents += 1
        seen[document.id] = document.source
        sources.add(document.source)
        if known.get(document.id) == content_hash(document):
            summary.unchanged += 1
            continue
        yield document


WRITE_BYTES = 8 << 20  # N-Triples gathered per store write: one bulk load each


def _gathered(batches: Iterable[list[Extracted]]) -> Iterator[list[Extracted]]:
    """Extracted batches joined up to WRITE_BYTES: each bulk load writes new files,
    so fewer, bigger loads are faster (15 loads of 240 documents 0.55 s, one 0.38 s)."""
    gathered: list[Extracted] = []
    size = 0
    for batch in batches:
        gathered += batch
        size += sum(len(item.ntriples) for item in batch)
        if size >= WRITE_BYTES:
            yield gathered
            gathered, size = [], 0
    if gathered:
        yield gathered


def _written_behind(gathered: Iterable[list[Extracted]],
                    write: Callable[[list[Extracted]], list[str]]) -> Iterator[list[str]]:
    """`write` each gathered batch in a second thread while the next one is extracted
    (the store's loader runs without Python's lock, so the writing costs the extraction
    nothing: 1.1 s of a 600-document build), in order, one batch at a time so memory
    stays flat; yields the document ids of each batch once written."""
    with ThreadPoolExecutor(1) as writer:
        pending = None
        for done in gathered:
            if pending is not None:
                yield pending.result()
            pending = writer.submit(write, done)
        if pending is not None:
            yield pending.result()


def _stored_sources(store: TripleStore) -> dict[str, str]:
    """Document id → the file it was read from, for every document in the store."""
    rows = store.select("SELECT ?id ?path WHERE { ?d a kg:Document ; kg:documentId ?id ; "
                        "kg:sourcePath ?path }")
    return {row["id"]: row["path"] for row in rows}


def _vanished(stored: dict[str, str], seen: dict[str, str], sources: set[str]) -> list[str]:
    """Documents whose file is gone, or whose file was read without them."""
    return [document_id for document_id, path in stored.items()
            if document_id not in seen and (path in sources or not _exists(path))]


def _count_by_type(store: TripleStore, summary: BuildSummary) -> None:
    for row in store.select(
        "SELECT ?type (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a ?c . "
        "VALUES (?c ?type) { (kg:Person 'Person') (kg:Ministry 'Ministry') (kg:Embassy 'Embassy')"
        " (kg:Party 'Party') (kg:Government 'Government') (kg:Institution 'Institution')"
        " (kg:Organization 'Organization') (kg:Country 'Country') } } GROUP BY ?type"
    ):
        summary.entities[row["type"]] = row["n"]
    for row in store.select(  # events, each counted once however many documents tell it
        "SELECT ?rel (COUNT(?e) AS ?n) WHERE { GRAPH kgg:events { ?e kg:relation ?r } "
        "BIND(STRAFTER(STR(?r), '#') AS ?rel) } GROUP BY ?rel"
    ):
        summary.relations[row["rel"]] = row["n"]
    summary.triples = store.triple_count()


def _graphs(document_ids: Iterable[str]) -> list[str]:
    return [str(document_graph(document_id)) for document_id in document_ids]


def _derived(store: TripleStore, touched: Touched | None, documents: int,
             draw: Callable[[nx.MultiDiGraph], None]) -> str:
    """The actors and events graphs brought up to date, and the actor network drawn
    (`draw`, the page): for what `touched` says changed when that is at most half the
    documents (see `kgraph.graph.incremental`), else rebuilt from every document.
    Says which it was: "incremental" or "full"."""
    from kgraph.analysis.project import edge_rows, edge_rows_between, to_networkx

    if touched is not None and len(touched.graphs) * 2 <= documents:
        note(store, touched, touched.graphs)  # what the changed documents hold now
        with ThreadPoolExecutor(1) as pool:  # the events merge while actors update
            events = pool.submit(lambda: update_events(
                store, touched.pairs, edge_rows_between(store, touched.pairs), touched.reports))
            update_actors(store, touched.actors)
            events.result()
        draw(to_networkx(store))
        return "incremental"
    with ThreadPoolExecutor(1) as pool:  # the events merge while actors rebuild,
        merging = pool.submit(lambda: (rows := edge_rows(store), merge_events(rows)))
        store.rebuild_actors()
        edges, merged = merging.result()
        # and are stored while the network is read from the actors graph and drawn
        writing = pool.submit(store.write_events, merged)
        draw(to_networkx(store, edges, merged))
        writing.result()
    return "full"


def default_title(paths: list) -> str:
    """``corpus, letters — kgraph``: a page says which documents it shows."""
    names = [Path(p).resolve().name or str(p) for p in paths]
    return f"{', '.join(names[:3])}{' …' if len(names) > 3 else ''} — kgraph"


def _has_events(store: TripleStore) -> bool:
    """Whether the merged events graph is there (a store built before it existed has
    none, and its unchanged rebuild must write it)."""
    return bool(store.select("SELECT ?m WHERE { GRAPH kgg:events { ?m ?p ?o } } LIMIT 1")) or \
        not store.select("SELECT ?e WHERE { ?e kg:relation ?r } LIMIT 1")


def build_graph(
    paths: Iterable[str | Path],
    out: str | Path,
    fmt: str | None = None,
    model: str | None = None,
    on_problem: Callable[[str], None] | None = None,
    on_document: Callable[[str], None] | None = None,
    page_title: str | None = None,
    store_url: str | None = None,
    jobs: int = 1,
    dask_address: str | None = None,
    turtle: bool = False,
    force: bool = False,
    follow_links: bool = False,
    curation: str | Path | None = None,
) -> BuildSummary:
    """Build (or bring up to date) the graph of `paths` in folder `out`.

    With `store_url` the graph lives in that SPARQL server (see `RemoteStore`);
    `out` still receives graph.ttl and graph.html. `jobs` extraction processes
    (0: all cores), or a Dask scheduler at `dask_address` (see `kgraph.workers`).
    The page is titled `page_title`, by default after the input folders.
    With `turtle`, the whole graph is also written to graph.ttl (a full dump: at
    archive scale it costs more than the build, so only on request).
    Refuses (`OutFolderError`) an `out` that is a file, or, unless `force`, a
    non-empty folder that is no kgraph build or a build of documents from elsewhere
    (see `kgraph.outfolder`); `NoDocuments` when `paths` hold no document.
    Links to files or folders outside `paths` are reported and skipped unless
    `follow_links`.
    The `curation` file (by default ``curation.yaml`` beside the corpus, see
    `kgraph.curation`) is applied after the documents are stored, at every build.
    """
    started = time.perf_counter()
    paths = list(paths)
    curation = Path(curation) if curation else find_curation(paths)
    entries = load_curation(curation) if curation else []  # a bad file stops us early
    check_out_folder(out, paths, force, local_store=store_url is None)
    if next(iter_files(paths, lambda _: None, follow_links), None) is None:  # reported below
        raise NoDocuments(f"{', '.join(map(str, paths))}: no files to read; give files or "
                          "folders of documents (.txt, .md, .jsonl, .xml)")
    jobs = jobs or default_jobs()
    summary = BuildSummary(Path(out), store_url=store_url, curation_file=curation)
    summary.out.mkdir(parents=True, exist_ok=True)
    store: TripleStore = RemoteStore.from_url(store_url) if store_url else GraphStore.open(
        summary.store_path)

    def problem(message: str) -> None:
        summary.problems.append(message)
        if on_problem:
            on_problem(message)

    seen: dict[str, str] = {}  # document id → where it was read
    sources: set[str] = set()
    stored = _stored_sources(store)
    known = store.document_hashes()
    for stale in stale_documents(store, entries):  # an entry taken out: extract them afresh
        known.pop(stale, None)
    documents = _changed(read_paths(paths, fmt, on_error=problem, follow_links=follow_links),
                         known, stored, summary, seen, sources, problem)
    if dask_address is None and jobs <= 1:
        from kgraph.extract import load_pipeline  # spaCy: imported only when needed

        load_pipeline(model)  # fail early, with the install hint, before reading anything
    left_undone = unfinished(summary.out)  # a build that stopped before publishing: finish it
    # What the changed documents held before: to update the actors and events graphs
    # for them alone. Not after a build that stopped half-way (what it changed is not
    # known), nor for a store without events graph: those are rebuilt whole.
    touched = Touched() if known and not left_undone and _has_events(store) else None
    def write(done: list[Extracted]) -> list[str]:
        mark_unfinished(summary.out)
        if touched is not None:  # what these documents held before they are replaced
            note(store, touched, _graphs(item.document_id for item in done))
        store.write_documents(done)
        return [item.document_id for item in done]

    extracted: set[str] = set()
    for written in _written_behind(
            _gathered(run_batches(batches(documents), model, jobs, dask_address)), write):
        summary.extracted += len(written)
        extracted.update(written)
        if on_document:
            for document_id in written:
                on_document(document_id)
    if summary.documents == 0:  # before anything built earlier is removed
        raise NoDocuments(f"{', '.join(map(str, paths))}: no document could be read "
                          "(see the problems above)")
    release_free_memory()  # what extraction freed, before the projection and page need more
    vanished = _vanished(stored, seen, sources)
    if vanished:
        mark_unfinished(summary.out)
        if touched is not None:
            note(store, touched, _graphs(vanished))
    for document_id in vanished:
        store.remove_document(document_id)
    summary.removed = len(vanished)
    if summary.extracted:  # the people of trip and visit records, bound to the documents'
        from kgraph.curation.records import link_record_people

        summary.linked = link_record_people(
            store, None if touched is None else lambda graphs: note(store, touched, graphs))
        from kgraph.curation.persons import link_person_names

        summary.persons = link_person_names(
            store, None if touched is None else _graphs(extracted),
            [e.actors for e in entries if e.action == "apart"],
            None if touched is None else lambda graphs: note(store, touched, graphs))
    summary.curation = apply_curation(store, entries, str(curation or "curation"))
    if summary.curation.changed - extracted:  # a new entry changed documents kept as they
        touched = None  # were: what they held before is not known
    for message in summary.curation.problems:
        problem(message)
    changed = summary.extracted or summary.removed or left_undone or summary.curation.changed
    outputs = (summary.turtle_path, summary.page_path) if turtle else (summary.page_path,)
    if changed or not all(p.exists() for p in outputs) or not _has_events(store):
        from kgraph.viz import write_page

        title = page_title or default_title(paths)
        summary.derived = _derived(store, touched if changed else None,
                                   len(stored.keys() | seen.keys()),
                                   lambda graph: write_page(graph, summary.page_path, title=title))
        store.flush()
        if turtle:
            store.export(summary.turtle_path, "turtle")
    _count_by_type(store, summary)
    if isinstance(store, GraphStore) and (changed or not (summary.out / "current").exists()):
        store.flush()
        publish(store, summary.out)
    if changed:
        mark_finished(summary.out)  # after publishing: a kill before this only repeats work
    summary.seconds = time.perf_counter() - started
    return summary
