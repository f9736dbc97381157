"""Bad input: one clear line naming the file, the rest of the corpus still built."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from kgraph.cli import app
from kgraph.extract import PIECE, extract_document
from kgraph.readers import read_paths
from kgraph.types import Document

from ..conftest import CORPUS

runner = CliRunner()
GOOD = "Kim Jong-un sent a letter to Donald Trump on September 21, 2018.\n"
BOMB = """<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>
<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><div type="document" xml:id="d1">
<head>Letter From A to B</head><p>&lol4;</p></div></body></text></TEI>"""
EXTERNAL = """<?xml version="1.0"?>
<!DOCTYPE TEI [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><div type="document" xml:id="d2">
<head>Telegram From the Embassy in Korea to the Department of State</head>
<p>Kim met Pak. &secret;</p></div></body></text></TEI>"""


@pytest.fixture
def messy(tmp_path):
    corpus = tmp_path / "messy"
    corpus.mkdir()
    (corpus / "good.txt").write_text(GOOD, encoding="utf-8")
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (corpus / "latin1.txt").write_bytes("Hwang Jang-yop defected on February 12, 1997. Caf\xe9".encode(
        "latin-1"))
    (corpus / "utf16.txt").write_bytes(
        "Moon Jae-in met Kim Jong-un on April 27, 2018.\n".encode("utf-16"))
    (corpus / "broken.xml").write_text("<TEI><text><body><div type='document'>", "utf-8")
    (corpus / "bomb.xml").write_text(BOMB, encoding="utf-8")
    (corpus / "external.xml").write_text(EXTERNAL, encoding="utf-8")
    lines = [json.dumps({"id": "j1", "text": "Mao Zedong met Joseph Stalin in 1950."}),
             "{this is not json", json.dumps({"id": "j3", "text": "Zhou Enlai wrote to Nixon."})]
    (corpus / "records.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (corpus / "report.pdf").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    return corpus


def test_every_bad_file_is_named_once_and_the_rest_is_built(messy, tmp_path):
    result = runner.invoke(app, ["build", str(messy), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    messages = result.output
    for name, problem in [("empty.txt", "empty"), ("binary.txt", "binary"),
                          ("latin1.txt", "invalid UTF-8"), ("broken.xml", "malformed XML"),
                          ("records.jsonl", "line 2"), ("report.pdf", "unknown format (.pdf)")]:
        line = next((m for m in messages.splitlines() if name in m), None)
        assert line is not None, f"{name} not reported:\n{messages}"
        assert problem in line
    assert "utf16.txt" not in messages  # a BOM is honoured silently
    store_rows = runner.invoke(app, ["query", "SELECT ?id WHERE { ?d kg:documentId ?id }",
                                     "-s", str(tmp_path / "out"), "-f", "json"])
    ids = {row["id"] for row in json.loads(store_rows.stdout)}
    assert {"j1", "j3"} <= ids and any(i.startswith("good") for i in ids)
    assert any(i.startswith("utf16") for i in ids) and any(i.startswith("latin1") for i in ids)


def test_strict_turns_problems_into_a_failure(messy, tmp_path):
    result = runner.invoke(app, ["build", str(messy), "--out", str(tmp_path / "out"),
                                 "--strict"])
    assert result.exit_code == 2


def test_entities_are_never_expanded_nor_fetched(messy):
    problems: list[str] = []
    documents = {d.id.split("_")[-1]: d for d in read_paths([messy], on_error=problems.append)
                 if d.format == "frus"}
    if "d1" in documents:  # parsed without expanding the entity: no lol-bomb in the text
        assert "lollol" not in documents["d1"].text
    assert "root:" not in "".join(d.text for d in documents.values())  # /etc/passwd unread
    assert len("".join(d.text for d in documents.values())) < 10_000


def test_a_long_document_goes_through_in_pieces_with_true_offsets():
    filler = "The delegation discussed the weather and the harvest at some length. " * 40
    paragraphs = [f"{filler}\n\nKim Il Sung met Zhou Enlai in Beijing in May {1950 + i}.\n\n"
                  for i in range(120)]
    text = "".join(paragraphs)
    assert len(text) > 3 * PIECE  # spaCy alone would refuse this past 1,000,000 characters
    extraction = extract_document(Document(id="long", text=text, date="1960-01-01"))
    meetings = [r for r in extraction.relations if r.type == "metWith"]
    assert len({r.date for r in meetings}) == 120
    for relation in meetings:
        assert text[relation.evidence.start:relation.evidence.end] == relation.evidence.text


def test_a_20_mb_file_is_read_and_cut_into_pieces(tmp_path):
    from kgraph.extract import _prepare

    path = tmp_path / "volume.txt"
    paragraph = "Ambassador Brown called on President Pak in Seoul. " * 20 + "\n\n"
    with path.open("w", encoding="utf-8") as out:
        while out.tell() < 20 * 2**20:
            out.write(paragraph)
    (document,) = read_paths([path])
    pieces = _prepare(document)
    assert len(pieces) >= 20 * 2**20 // PIECE
    assert all(p.end - p.piece <= PIECE for p in pieces)
    assert pieces[-1].end == len(pieces[0].clean.text)


def test_big_document_graphs_stream_through_a_file_into_the_same_store(
        corpus_build, tmp_path, monkeypatch):
    import tempfile

    import kgraph.workers
    from kgraph.api import KnowledgeGraph
    from kgraph.pipeline import build_graph

    spool = tmp_path / "spool"
    spool.mkdir()
    monkeypatch.setattr(kgraph.workers, "SPOOL_RELATIONS", 0)  # every graph via a file
    monkeypatch.setattr(tempfile, "tempdir", str(spool))
    build_graph([CORPUS], tmp_path / "out")
    everything = "SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }"

    def quads(folder):
        return sorted(tuple(map(str, row.values()))
                      for row in KnowledgeGraph.open(folder).select(everything))

    assert quads(tmp_path / "out") == quads(corpus_build.out)
    assert list(spool.iterdir()) == []  # spool files removed once loaded


def test_two_documents_with_one_id_the_second_is_reported_and_skipped(tmp_path):
    from kgraph.pipeline import build_graph

    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "letter.txt").write_text(
            f"Kim Jong-un sent a letter to Donald Trump in 2018. ({folder})", encoding="utf-8")
    build = build_graph([tmp_path / "a", tmp_path / "b"], tmp_path / "out")
    assert build.documents == build.extracted == 1
    (problem,) = build.problems
    assert problem.startswith(str(tmp_path / "b" / "letter.txt"))
    assert "already read from" in problem and str(tmp_path / "a" / "letter.txt") in problem
