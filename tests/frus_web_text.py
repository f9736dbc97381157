"""A FRUS TEI document as the text a user copies from its page on history.state.gov.

What the Office of the Historian's document pages show, and a copy keeps: the heading
("28. Memorandum of Conversation") with the source note's call number glued to its last
word, the dateline as a line, lists (PARTICIPANTS, TO, SUBJECT: their label if the TEI has
one, then one item a line), paragraphs with blank lines between, page breaks as "[Page 54]"
where they fall, footnote call numbers glued to the word or stop before them ("Viet Nam.2"),
the closer as lines (a ``<lb/>`` breaks the line), and the footnotes after the body, one a
line, "1. Source: …". No persName or gloss markup survives a copy.
"""

from __future__ import annotations

import re

from lxml import etree

TEI = "{http://www.tei-c.org/ns/1.0}"
_BREAK = "\x00"  # a <lb/>: the only line break inside a block (the TEI's own are layout)


def _local(element: etree._Element) -> str:
    tag = element.tag
    return tag.split("}", 1)[1] if isinstance(tag, str) and "}" in tag else ""


class _Page:
    """Blocks of text and the footnotes met on the way."""

    def __init__(self) -> None:
        self.blocks: list[str] = []
        self.footnotes: list[str] = []

    def note(self, element: etree._Element) -> None:
        """A footnote as the page lists it below the body: "2. Transmitted in …"."""
        self.footnotes.append(f"{element.get('n', '')}. "
                              + " ".join("".join(element.itertext()).split()))

    def inline(self, element: etree._Element, out: list[str]) -> None:
        """`element`'s text into `out`: a note as its glued call number, a page break as
        its marker, a line break as a new line."""
        tag = _local(element)
        if tag == "note":
            out.append(element.get("n", ""))
            self.note(element)
        elif tag == "pb":
            out.append(f" [Page {element.get('n', '')}] ")
        elif tag == "lb":
            out.append(_BREAK)
        else:
            out.append(element.text or "")
            for child in element:
                self.inline(child, out)
        out.append(element.tail or "")

    def text_of(self, element: etree._Element) -> str:
        out = [element.text or ""]
        for child in element:
            self.inline(child, out)
        lines = (" ".join(line.split()) for line in "".join(out).split(_BREAK))
        return "\n".join(line for line in lines if line)

    def block(self, element: etree._Element) -> None:
        tag = _local(element)
        if tag == "list":
            lines = [self.text_of(child) for child in element
                     if _local(child) in {"head", "item"}]
            self.blocks.append("\n".join(line for line in lines if line))
        elif tag == "div":
            for child in element:
                self.block(child)
        elif tag == "pb":
            self.blocks.append(f"[Page {element.get('n', '')}]")
        elif tag == "note":  # a note between blocks: its number has no word to glue to
            self.note(element)
        elif tag and (text := self.text_of(element)):
            self.blocks.append(text)


def web_text(tei_div: etree._Element) -> str:
    """The copied page of one ``<div type="document">``."""
    page = _Page()
    for child in tei_div:
        page.block(child)
    parts = ["\n\n".join(page.blocks)]
    if page.footnotes:
        parts.append("\n".join(page.footnotes))
    return re.sub(r"[ \t]+\n", "\n", "\n\n".join(parts)) + "\n"


def document_div(tei_file_bytes: bytes) -> etree._Element:
    """The one document ``<div>`` of a corpus TEI file."""
    root = etree.fromstring(tei_file_bytes, etree.XMLParser(resolve_entities=False,
                                                            no_network=True))
    return root.find(f".//{TEI}div[@type='document']")
