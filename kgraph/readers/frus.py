"""FRUS TEI XML: a whole volume or single documents.

Each ``<div type="document">`` becomes one Document with id ``VOLUME_DOCID``
(``frus1964-68v29p1_d12``). The reading text is the heading, dateline,
participant and address lists, paragraphs and closer, white space folded;
footnotes are kept apart in ``metadata["footnotes"]``. Source markup is kept
as `Markup`: ``title``, ``dateline``, ``participant``, ``addressee``, ``sender`` (list items),
``from``/``to`` (heading names), ``persName`` (value: the persons-list id),
``signature`` and ``body``.

Persons are resolved from the volume's ``<list type="persons">`` or, for
documents cut out of a volume, from a ``persons.json`` beside the file or one
folder up (``[{"id", "name", "display_name", "role"}]``).

XML is parsed with entity resolution, DTD loading and network access off.
"""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from kgraph.normalize.spans import trim_span
from kgraph.readers.base import ReaderError, persons_beside
from kgraph.types import Document, Markup

TEI = "http://www.tei-c.org/ns/1.0"
FRUS = "http://history.state.gov/frus/ns/1.0"
NS = {"tei": TEI, "frus": FRUS}
_BLOCKS = {"head", "dateline", "p", "list", "closer", "postscript", "opener", "ab",
           "quote", "signed", "salute", "table", "lg"}
_LIST_TAGS = {"participants": "participant", "to": "addressee", "from": "sender"}


def parser() -> etree.XMLParser:
    """An XML parser that reads nothing but the file: no entities, DTDs or network."""
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                           dtd_validation=False, huge_tree=False, remove_comments=True)


def looks_like(text: str) -> bool:
    head = text[:4000]
    return "<TEI" in head or ('type="document"' in text[:200000] and "tei-c.org" in head)


def _local(element: etree._Element) -> str:
    tag = element.tag
    return tag.split("}", 1)[1] if isinstance(tag, str) and "}" in tag else str(tag)


class _TextBuilder:
    """Concatenates text with white space folded, recording markup offsets.

    Marks are recorded as built (they may include a folded space at either
    end) and trimmed once against the finished text, so that building stays
    linear in the size of a volume.
    """

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.markup: list[Markup] = []
        self.footnotes: list[dict[str, str]] = []

    def _ends_with_space(self) -> bool:
        return not self.parts or self.parts[-1].endswith((" ", "\n"))

    def add(self, fragment: str | None) -> None:
        if not fragment:
            return
        fragment = re.sub(r"\s+", " ", fragment)
        if self._ends_with_space():
            fragment = fragment.lstrip(" ")
        if fragment:
            self.parts.append(fragment)
            self.length += len(fragment)

    def newline(self) -> None:
        while self.parts and self.parts[-1].endswith(" "):
            self.parts[-1] = self.parts[-1][:-1]
            self.length -= 1
        if self.parts and not self.parts[-1].endswith("\n"):
            self.parts.append("\n")
            self.length += 1

    def inline(self, element: etree._Element) -> None:
        """Text of an element and its descendants, notes set aside."""
        tag = _local(element)
        if tag == "note":
            note = " ".join("".join(element.itertext()).split())
            self.footnotes.append({"n": element.get("n", ""), "text": note})
            self.add(element.tail)
            return
        if tag == "lb":
            self.add(" ")
        start = self.length
        self.add(element.text)
        for child in element:
            self.inline(child)
        if tag in {"persName", "gloss", "orgName", "placeName"}:
            self._mark(element, tag, start)
        self.add(element.tail)

    def _mark(self, element: etree._Element, tag: str, start: int) -> None:
        ref = (element.get("corresp") or element.get("target") or "").lstrip("#")
        role = element.get("type")
        if tag == "persName":
            self.markup.append(Markup(start, self.length, "persName", ref))
        if role in {"from", "to"}:
            self.markup.append(Markup(start, self.length, role, ref))

    def block(self, element: etree._Element, tag: str | None = None) -> None:
        start = self.length
        self.add(element.text)
        for child in element:
            self.inline(child)
        end = self.length
        self.newline()
        if tag:
            self.markup.append(Markup(start, end, tag))

    def finish(self) -> tuple[str, list[Markup]]:
        """The text and its marks, each trimmed of surrounding white space, in order."""
        text = "".join(self.parts).rstrip()
        marks = []
        for mark in self.markup:
            start, end = trim_span(text, mark.start, min(mark.end, len(text)))
            if end > start:
                marks.append(Markup(start, end, mark.tag, mark.value))
        return text, sorted(marks, key=lambda m: (m.start, m.end))


def _render_list(builder: _TextBuilder, element: etree._Element) -> None:
    item_tag = _LIST_TAGS.get(element.get("type", ""))
    for child in element:
        name = _local(child)
        if name == "head":
            builder.block(child)
        elif name == "item":
            builder.block(child, item_tag)


def _render(builder: _TextBuilder, element: etree._Element) -> None:
    for child in element:
        name = _local(child)
        if name == "head":
            builder.block(child, "title")
        elif name == "dateline":
            builder.block(child, "dateline")
        elif name == "list":
            _render_list(builder, child)
        elif name in {"closer", "signed"}:
            builder.block(child, "signature")
        elif name in _BLOCKS:
            builder.block(child)
        elif name == "div":
            _render(builder, child)


def _iso_day(value: str | None) -> str | None:
    match = re.match(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value or "")
    return "-".join(g for g in match.groups() if g) if match else None


def _document_date(div: etree._Element) -> str | None:
    """The document's date; a range (an editorial note spanning years) only as far as its
    two ends agree: 1960-11-09 … 1963-12-01 gives no date, 1964-06-01 … 1964-06-30 gives
    1964-06."""
    low = _iso_day(div.get(f"{{{FRUS}}}doc-dateTime-min"))
    high = _iso_day(div.get(f"{{{FRUS}}}doc-dateTime-max")) or low
    if not low:
        when = div.xpath(".//tei:dateline//tei:date/@when", namespaces=NS)
        return _iso_day(when[0]) if when else None
    parts = []
    for a, b in zip(low.split("-"), high.split("-"), strict=False):
        if a != b:
            break
        parts.append(a)
    return "-".join(parts) or None


def _volume_id(root: etree._Element, path: Path) -> str:
    idno = root.xpath("//tei:publicationStmt/tei:idno[@type='frus']/text()", namespaces=NS)
    if idno:
        return idno[0].strip()
    xml_id = root.get("{http://www.w3.org/XML/1998/namespace}id")
    if xml_id:
        return xml_id
    stem = path.stem
    return stem.rsplit("_", 1)[0] if re.search(r"_d\d+$", stem) else stem


def _display_name(name: str) -> str:
    """``Johnson, Lyndon B.`` → ``Lyndon B. Johnson``; a name without a comma stays."""
    name = re.sub(r"\s*\(.*?\)", "", name)
    last, _, first = name.partition(", ")
    if not first:
        return name
    first = re.sub(r"^(?:General|Admiral|Ambassador|Dr\.|Mr\.)\s+", "", first)
    suffix = ""
    if ", " in first:
        first, _, suffix = first.partition(", ")
    return " ".join(p for p in (first, last, suffix) if p)


def _persons(root: etree._Element, path: Path) -> dict[str, dict[str, str]]:
    persons: dict[str, dict[str, str]] = {}
    for item in root.xpath("//tei:list[@type='persons']/tei:item", namespaces=NS):
        for name in item.xpath(".//tei:persName[@xml:id]", namespaces=NS):
            pid = name.get("{http://www.w3.org/XML/1998/namespace}id")
            full = " ".join("".join(name.itertext()).split())
            role = " ".join("".join(item.itertext()).split())[len(full):].lstrip(" ,")
            persons[pid] = {"id": pid, "name": full, "role": role,
                            "display_name": _display_name(full)}
    return persons or persons_beside(path)


def _document(div: etree._Element, volume: str, path: Path,
              persons: dict[str, dict[str, str]]) -> Document:
    builder = _TextBuilder()
    _render(builder, div)
    text, markup = builder.finish()
    title_mark = next((m for m in markup if m.tag == "title"), None)
    title = re.sub(r"^\d+\.\s*", "", text[title_mark.start:title_mark.end]) if title_mark else None
    dateline = next((m for m in markup if m.tag == "dateline"), None)
    body_start = (dateline or title_mark).end if (dateline or title_mark) else 0
    markup.append(Markup(body_start, len(text), "body"))
    doc_id = div.get("{http://www.w3.org/XML/1998/namespace}id") or div.get("n", "")
    return Document(
        id=f"{volume}_{doc_id}",
        text=text,
        title=title,
        date=_document_date(div),
        source=str(path),
        format="frus",
        metadata={
            "archive": "Foreign Relations of the United States",
            "volume": volume,
            "identifier": f"{volume}/{doc_id}",
            "number": div.get("n", ""),
            "footnotes": builder.footnotes,
            # The whole list (one dict shared by the volume's documents): titles and
            # surnames in the text resolve against it, not only the marked-up names.
            "persons": persons,
        },
        markup=markup,
    )


def read(path: Path, data: bytes) -> list[Document]:
    try:
        root = etree.fromstring(data, parser())
    except etree.XMLSyntaxError as err:
        raise ReaderError(path, f"malformed XML: {err}") from None
    if root is None:
        raise ReaderError(path, "malformed XML: no root element")
    divs = root.xpath("//tei:div[@type='document']", namespaces=NS)
    if not divs:
        raise ReaderError(path, "TEI file without any <div type=\"document\">")
    volume = _volume_id(root, path)
    persons = _persons(root, path)
    return [_document(div, volume, path, persons) for div in divs]
