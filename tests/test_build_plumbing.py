"""The build's plumbing that exists for speed and memory: pieces of bulk loads, the
write-behind thread, the small batches at the end of a parallel extraction, the cached
Doc text. Each must give exactly what the plain way gives."""

from __future__ import annotations

import time

import pytest

from kgraph.graph import store as store_module
from kgraph.graph.store import GraphStore, line_chunks
from kgraph.pipeline import _written_behind
from kgraph.workers import _split_tail


@pytest.mark.parametrize("size", [1, 2, 5, 9, 100])
def test_line_chunks_cut_only_at_line_ends_and_lose_nothing(size):
    data = b"<a> <b> <c> .\n<d> <e> \"a long literal\" .\n<f> <g> <h> .\n"
    pieces = list(line_chunks(data, size))
    assert b"".join(pieces) == data
    assert all(piece.endswith(b"\n") for piece in pieces)
    assert len(pieces) == (1 if size >= len(data) else 3)


def test_line_chunks_of_nothing_and_of_a_last_line_without_end():
    assert list(line_chunks(b"", 4)) == []
    assert b"".join(line_chunks(b"<a> <b> <c> .\n<d> <e> <f> .", 5)) == \
        b"<a> <b> <c> .\n<d> <e> <f> ."


def test_a_graph_loaded_in_pieces_is_the_graph_loaded_whole(tmp_path, monkeypatch):
    lines = b"".join(f"<https://e.org/s{i}> <https://e.org/p> \"value {i}\" .\n".encode()
                     for i in range(500))
    whole = GraphStore.open(tmp_path / "whole")
    whole.add_to_graph("https://e.org/g", lines)
    monkeypatch.setattr(store_module, "LOAD_BYTES", 100)  # about two lines per load
    pieces = GraphStore.open(tmp_path / "pieces")
    pieces.add_to_graph("https://e.org/g", lines)
    query = "SELECT ?s ?o WHERE { GRAPH <https://e.org/g> { ?s ?p ?o } } ORDER BY ?s"
    assert pieces.select(query) == whole.select(query)
    assert len(pieces.select(query)) == 500


def test_split_tail_keeps_every_document_in_order_and_cuts_only_the_last_batches():
    batches = [[f"d{b}-{i}" for i in range(16)] for b in range(6)]
    out = list(_split_tail(iter(batches), last=2, parts=4))
    assert [d for batch in out for d in batch] == [d for batch in batches for d in batch]
    assert [len(batch) for batch in out] == [16] * 4 + [4] * 8


def test_split_tail_of_fewer_batches_than_it_keeps_back():
    out = list(_split_tail(iter([[1, 2, 3]]), last=4, parts=4))
    assert out == [[1], [2], [3]]
    assert list(_split_tail(iter([]), last=4)) == []


def test_written_behind_writes_in_order_and_holds_at_most_two_batches():
    written, waiting = [], []

    def gathered():
        for number in range(6):
            waiting.append(number - len(written))  # batches read but not yet written
            yield number

    def write(batch):
        time.sleep(0.02)
        written.append(batch)
        return [f"id-{batch}"]

    results = list(_written_behind(gathered(), write))
    assert written == list(range(6))
    assert results == [[f"id-{n}"] for n in range(6)]
    assert max(waiting) <= 1  # one being written while the next is gathered: memory stays flat


def test_written_behind_raises_what_a_write_raised():
    def write(batch):
        if batch == 1:
            raise OSError("disk full")
        return [batch]

    with pytest.raises(OSError, match="disk full"):
        list(_written_behind(iter(range(3)), write))


def test_doc_text_is_the_doc_text_and_read_once():
    spacy = pytest.importorskip("spacy")
    from kgraph.extract.doctext import doc_text

    doc = spacy.blank("en")("The Ambassador met the Minister on Tuesday.\n\nThen he left.")
    assert doc_text(doc) == doc.text
    doc.user_data["kgraph.text"] = "cached"
    assert doc_text(doc) == "cached"


def test_a_build_command_imports_neither_spacy_nor_networkx_until_it_needs_them():
    """An unchanged rebuild extracts nothing and draws nothing: the build command's own
    imports hold neither spaCy nor NetworkX (0.5 s and 0.1 s of a start)."""
    import subprocess
    import sys

    probe = ("import sys, kgraph.cli, kgraph.cli.build, kgraph.api, kgraph.pipeline; "
             "print(sorted(m for m in ('spacy', 'networkx') if m in sys.modules))")
    loaded = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            check=True).stdout.strip()
    assert loaded == "[]"


def test_a_stored_source_within_the_given_folders_is_not_elsewhere(tmp_path):
    from kgraph.outfolder import _elsewhere

    corpus = (tmp_path / "corpus").resolve()
    corpus.mkdir()
    inside = corpus / "a.txt"
    inside.write_text("x")
    outside = tmp_path / "other.txt"
    outside.write_text("x")
    assert not _elsewhere(str(inside), [corpus])
    assert _elsewhere(str(outside.resolve()), [corpus])
    assert not _elsewhere(str(tmp_path / "gone.txt"), [corpus])  # gone: removed, not refused
    link = tmp_path / "link"
    link.symlink_to(corpus)
    assert not _elsewhere(str(link / "a.txt"), [corpus])  # an unresolved path into it
