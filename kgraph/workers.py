"""Where extraction runs: in this process, in a pool of processes, or on a Dask cluster.

The unit of work is a batch of documents; a worker loads the spaCy pipeline once
(`load_pipeline` is cached per process), extracts the batch and returns each
document's graph as N-Triples, so only bytes travel back. The store is written
by the calling process alone.

>>> for done in run_batches(batches(documents, 16), jobs=2):   # doctest: +SKIP
...     store.write_documents(done)
"""

from __future__ import annotations

import multiprocessing
import os
import tempfile
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from itertools import chain, islice
from pathlib import Path

from kgraph.types import Document

BATCH = 16  # documents per batch: small, so that no process waits long for the last ones
SMALL = 48  # fewer changed documents than this: not worth starting workers


SPOOL_RELATIONS = 5_000  # a document graph this big goes to a file, not into memory


@dataclass(frozen=True)
class Extracted:
    """One document's graph, ready for the store: N-Triples bytes, or a file of them
    (`spool`, for very big documents; the store deletes it once loaded)."""

    document_id: str
    ntriples: bytes
    content_hash: str
    triples: int
    spool: str | None = None

    def data(self) -> bytes:
        """The N-Triples, read from the spool file if there is one."""
        return Path(self.spool).read_bytes() if self.spool else self.ntriples


def extract_batch(documents: list[Document], model: str | None = None,
                  spool: bool = True) -> list[Extracted]:
    """Extract documents and render each one's graph as N-Triples (runs in a worker).

    With `spool`, graphs of documents with more than SPOOL_RELATIONS relations are
    written to temporary files on this machine (not for Dask workers elsewhere).
    """
    from kgraph import __version__
    from kgraph.extract import load_pipeline
    from kgraph.extract.nlp import model_name
    from kgraph.graph.rdf import content_hash, extraction_graph

    nlp = load_pipeline(model)
    model_id = model_name(nlp)
    done = []
    for extraction in _extractions(documents, nlp):
        document_id, digest = extraction.document.id, content_hash(extraction.document)
        if spool and len(extraction.relations) > SPOOL_RELATIONS:
            with tempfile.NamedTemporaryFile("wb", suffix=".nt", delete=False) as file:
                graph = extraction_graph(extraction, __version__, model_id, sink=file)
            done.append(Extracted(document_id, b"", digest, len(graph), spool=file.name))
            continue
        graph = extraction_graph(extraction, __version__, model_id)
        done.append(Extracted(document_id, graph.ntriples(), digest, len(graph)))
    return done


def _extractions(documents: list[Document], nlp) -> Iterator:
    """Each document's extraction: structured records (the Office of the Historian's
    travels and visits) from their fields, the rest by the language pipeline."""
    from kgraph.extract import extract_documents
    from kgraph.extract.records import record_extraction
    from kgraph.readers.historian import FORMAT

    prose = [d for d in documents if d.format != FORMAT]
    yield from (record_extraction(d) for d in documents if d.format == FORMAT)
    yield from extract_documents(prose, nlp, batch_size=BATCH)


def batches(documents: Iterable[Document], size: int = BATCH) -> Iterator[list[Document]]:
    iterator = iter(documents)
    while batch := list(islice(iterator, size)):
        yield batch


def default_jobs() -> int:
    """All the cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _bounded(submit, work: Iterable[list[Document]], in_flight: int
             ) -> Iterator[list[Extracted]]:
    """Submit batches, keeping at most `in_flight` running: memory stays flat."""
    pending: deque = deque()
    for batch in work:
        pending.append(submit(batch))
        if len(pending) >= in_flight:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def _start_worker(model: str | None) -> None:
    """A worker process: tied to the build (a killed build leaves no worker), model loaded."""
    from kgraph.children import die_with_parent
    from kgraph.extract import load_pipeline

    die_with_parent(multiprocessing.parent_process().pid)
    load_pipeline(model)


def run_batches(work: Iterable[list[Document]], model: str | None = None, jobs: int = 1,
                dask_address: str | None = None) -> Iterator[list[Extracted]]:
    """Extracted batches, from this process (jobs=1), a process pool, or Dask."""
    work = iter(work)
    if dask_address:
        from distributed import Client

        with Client(dask_address) as client:
            submit = lambda batch: client.submit(  # noqa: E731
                extract_batch, batch, model, spool=False, pure=False)
            yield from _bounded(submit, work, in_flight=4 * max(1, len(client.ncores())))
        return
    head = list(islice(work, SMALL // BATCH))
    if jobs <= 1 or len(head) < SMALL // BATCH:
        for batch in chain(head, work):
            yield extract_batch(batch, model)
        return
    context = multiprocessing.get_context("spawn")  # fork after loading RocksDB/spaCy is unsafe
    pool = ProcessPoolExecutor(jobs - 1, mp_context=context, initializer=_start_worker,
                               initargs=(model,))
    try:
        submit = lambda batch: pool.submit(extract_batch, batch, model)  # noqa: E731
        in_flight = 2 * (jobs - 1) + 1
        yield from _shared(submit, _split_tail(chain(head, work), in_flight + 1), model,
                           in_flight)
    finally:  # the workers end on their own: the build goes on (0.2 s of their exit)
        pool.shutdown(wait=False, cancel_futures=True)


def _split_tail(work: Iterable[list[Document]], last: int, parts: int = 4
                ) -> Iterator[list[Document]]:
    """The batches of `work`, the `last` ones cut into `parts` smaller ones: a worker
    cannot give back a batch it has taken, so the build waits for the slowest last
    batch; small ones at the end keep that wait short (0.8 s → 0.2 s at 16 documents)."""
    ahead: deque = deque()
    for batch in work:
        ahead.append(batch)
        if len(ahead) > last:
            yield ahead.popleft()
    for batch in ahead:
        size = -(-len(batch) // parts)
        yield from (batch[start:start + size] for start in range(0, len(batch), size))


def _shared(submit, work: Iterable[list[Document]], model: str | None, in_flight: int
            ) -> Iterator[list[Extracted]]:
    """Keep `in_flight` batches with the workers and extract the rest here: this
    process is the N-th worker (it would otherwise wait, and its model is loaded while
    theirs still loads)."""
    pending: deque = deque()  # (future, batch)
    for batch in work:
        if len(pending) < in_flight:
            pending.append((submit(batch), batch))
            continue
        yield extract_batch(batch, model)
        while pending and pending[0][0].done():
            yield pending.popleft()[0].result()
    # The tail: take back what no worker has started, rather than wait for it.
    taken = [batch for future, batch in pending if future.cancel()]
    for batch in taken:
        yield extract_batch(batch, model)
    for future, _ in pending:
        if not future.cancelled():
            yield future.result()
