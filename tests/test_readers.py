"""Every reader: on small files written here, on the seeds and on the FRUS dev documents."""

from __future__ import annotations

import json
import re

import pytest

from kgraph.readers import ReaderError, detect_format, read_file, read_paths
from kgraph.readers.structure import signature
from tests.conftest import FRUS_DEV, SEEDS, need


def _write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_markdown_with_front_matter(tmp_path):
    path = _write(tmp_path, "note.md", "---\ntitle: A note\ndate: 1962-03-24\narchive: X\n---\n"
                  "# A note\n\nThe body sentence.\n")
    [doc] = read_file(path)
    assert (doc.id, doc.format, doc.title, doc.date) == ("note", "markdown", "A note", "1962-03-24")
    assert doc.metadata["archive"] == "X"
    body = next(m for m in doc.markup if m.tag == "body")
    assert "The body sentence." in doc.text[body.start:body.end]


def test_plain_text_title_line(tmp_path):
    [doc] = read_file(_write(tmp_path, "plain.txt", "A short title\n\nSome text here.\n"))
    assert doc.format == "text" and doc.title == "A short title" and doc.date is None


def test_invalid_front_matter_names_the_file(tmp_path):
    path = _write(tmp_path, "bad.md", "---\ntitle: [unclosed\n---\nbody\n")
    with pytest.raises(ReaderError, match="bad.md: invalid YAML front matter"):
        read_file(path)


def test_jsonl_reads_documents_and_reports_a_broken_line(tmp_path):
    lines = [json.dumps({"id": "a", "text": "First.", "date": "2018-09", "archive": "Y"}),
             "{not json",
             json.dumps({"id": "b", "text": "Second.", "title": "B"})]
    path = _write(tmp_path, "docs.jsonl", "\n".join(lines) + "\n")
    warnings: list[str] = []
    docs = read_file(path, warnings=warnings)
    assert [d.id for d in docs] == ["a", "b"]
    assert docs[0].date == "2018-09" and docs[0].metadata == {"archive": "Y", "line": 1}
    assert len(warnings) == 1 and "docs.jsonl: line 2" in warnings[0]


def test_wilson_center_export(tmp_path):
    text = ("March 1, 1960\n\nCable, Someone to Someone Else\n\nCitation:\n\n\"Cable\", March 1,"
            " 1960, Wilson Center Digital Archive, ABC 12-34, 5-6. Obtained by A B and translated"
            " by C D and E F.\n\nSummary:\n\nShort.\n\nOriginal Language:\n\nRussian\n\n"
            "Contents:\n\nTranslation - English\n\nThe text itself.\n")
    path = _write(tmp_path, "w.txt", text)
    assert detect_format(path, text) == "wilson"
    [doc] = read_file(path)
    assert doc.date == "1960-03-01" and doc.title == "Cable, Someone to Someone Else"
    assert doc.metadata["identifier"] == "ABC 12-34"
    assert doc.metadata["translators"] == ["C D", "E F"]
    assert doc.metadata["original_language"] == "Russian"
    body = next(m for m in doc.markup if m.tag == "body")
    assert doc.text[body.start:body.end] == "The text itself."


def test_news_article(tmp_path):
    text = ("Monday, May 4, 2020\n\nLeaders meet for talks at the border\n\n[Sample Wire]\n\n"
            "The first paragraph of the story is a full sentence with enough words in it.\n\n"
            "By Jane Doe\n")
    path = _write(tmp_path, "n.txt", text)
    assert detect_format(path, text) == "news"
    [doc] = read_file(path)
    assert doc.date == "2020-05-04" and doc.title == "Leaders meet for talks at the border"
    assert doc.metadata == {"publisher": "Sample Wire", "author": "Jane Doe"}


def test_tei_volume_with_persons_list(tmp_path):
    xml = """<TEI xmlns:frus="http://history.state.gov/frus/ns/1.0" xmlns="http://www.tei-c.org/ns/1.0">
<teiHeader><fileDesc><publicationStmt><idno type="frus">vol1</idno></publicationStmt></fileDesc></teiHeader>
<text><front><list type="persons"><item><persName xml:id="p_X1">Doe, John</persName>, Envoy</item></list></front>
<body><div type="document" xml:id="d7" n="7" frus:doc-dateTime-min="1964-05-05T10:00:00">
<head>7. Letter From <persName corresp="#p_X1" type="from">Doe</persName> to the President<note n="1">Footnote.</note></head>
<p>Body text with <persName corresp="#p_X1">Doe</persName>.</p></div></body></text></TEI>"""
    [doc] = read_file(_write(tmp_path, "v.xml", xml))
    assert (doc.id, doc.date, doc.format) == ("vol1_d7", "1964-05-05", "frus")
    assert doc.title == "Letter From Doe to the President"
    assert "Footnote" not in doc.text and doc.metadata["footnotes"][0]["text"] == "Footnote."
    assert doc.metadata["persons"]["p_X1"]["display_name"] == "John Doe"
    marks = [(m.tag, m.value, doc.text[m.start:m.end]) for m in doc.markup]
    assert ("from", "p_X1", "Doe") in marks and ("persName", "p_X1", "Doe") in marks


def test_unknown_path_is_one_clear_line(tmp_path):
    with pytest.raises(ReaderError) as info:
        list(read_paths([tmp_path / "missing"]))
    assert str(info.value).count("\n") == 0 and "missing" in str(info.value)


def test_seeds_each_get_the_right_reader():
    docs = {d.id[:3]: d for d in read_paths([need(SEEDS)])}
    assert {k: d.format for k, d in docs.items()} == {"000": "news", "001": "wilson",
                                                      "002": "news"}
    assert docs["000"].date == "2026-01-27"
    assert docs["001"].date == "1962-03-24"
    assert docs["001"].metadata["identifier"] == "PRC FMA 118-01025-02"
    assert docs["001"].metadata["original_language"] == "Chinese"
    assert docs["001"].metadata["translators"] == ["Jeffrey Wang", "Charles Kraus"]
    assert docs["002"].title.startswith("Kim Jong-un")
    for doc in docs.values():
        body = next(m for m in doc.markup if m.tag == "body")
        assert 0 <= body.start < body.end <= len(doc.text)


def test_frus_dev_documents_match_their_index():
    folder = need(FRUS_DEV)
    index = {}
    for line in (folder / "documents.jsonl").read_text("utf-8").splitlines():
        record = json.loads(line)
        index[f"{record['volume']}_{record['id']}"] = record
    docs = {d.id: d for d in read_paths([folder / "tei"])}
    assert set(docs) == set(index)
    for doc_id, doc in docs.items():
        record = index[doc_id]
        assert doc.date == ((record["date"] or "")[:10] or None), doc_id
        head = re.sub(r"^\d+\.\s*", "", record["head"])
        assert " ".join(doc.title.split()) == " ".join(head.split()), doc_id
        # The reading text holds the same words as the index's text (footnotes left out).
        assert doc.text.split()[-5:] == record["text"].split()[-5:], doc_id


@pytest.mark.parametrize(("ending", "signed"), [
    ("Respectfully yours,\nA. Gromyko", "A. Gromyko"),
    ("(I. Petrov)\n\"15\" October 1956\nNo. 25-C-2236\nZab", "(I. Petrov)"),
    ("COUNSELLOR OF THE DEPARTMENT\nUSSR MFA (B. IVANOV)\n25 copies printed\n"
     "Distributed as listed\nNº 118-dv.\n4 March 1957\nab/KL",
     "USSR MFA (B. IVANOV)"),
    ("AMBASSADOR OF THE USSR [signature] /A. PETROV/\nFive copies printed\n1 - Cde. Ivanov\n"
     "2 - to file\nNº 395 - 9 August 1960", "AMBASSADOR OF THE USSR [signature] /A. PETROV/"),
    ("We shall report further on the matter of the talks.", None),
])
def test_a_signature_above_its_date_file_number_and_initials(ending, signed):
    text = "To the Central Committee\n\nThe talks went well.\nMore follows.\n" + ending
    marks = signature(text)
    assert [text[m.start:m.end] for m in marks] == ([signed] if signed else [])


def test_a_copied_web_page_keeps_its_footnotes_out_of_the_body(tmp_path):
    """history.state.gov shows a page marker above the heading, the source note's number
    after it and the footnotes below the body: none of them is the document's text."""
    page = tmp_path / "page.txt"
    page.write_text("[Page 7]\n\n4. Telegram From the Embassy in Ruritania to the Department "
                    "of State1\n\nStrelsau, May 2, 1964, 5 p.m.\n\n12. The King received me "
                    "today.2\n\n13. He will answer soon.\n\nSmith\n\n1. Source: Central Files. Secret.\n2. He had "
                    "received the Consul on May 1.\n", "utf-8")
    document = read_file(page)[0]
    body = next(m for m in document.markup if m.tag == "body")
    title = next(m for m in document.markup if m.tag == "title")
    assert document.title == "Telegram From the Embassy in Ruritania to the Department of State"
    assert document.text[title.start:title.end].endswith("of State")
    assert document.date == "1964-05-02"
    assert "Consul" not in document.text[body.start:body.end]
    assert [n["n"] for n in document.metadata["footnotes"]] == ["1", "2"]
    signed = next(m for m in document.markup if m.tag == "signature")
    assert document.text[signed.start:signed.end] == "Smith"
