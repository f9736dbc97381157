"""The Office of the Historian's travels and visits (HistoryAtState, CC0), read at run time.

``travels`` holds the trips abroad of U.S. Presidents and Secretaries of State
(``<trips><trip>``: name, dates, country, locale, remarks such as "Met with
President Park."); ``visits`` the visits of foreign leaders to the United States
(``<visits><visit>``: visitor with title, dates, country, description such as
"Met with President Bush."). Give kgraph the XML files, the unpacked folders or
the archives themselves (``travels.tar.gz``, ``visits.tar.gz``).

Each trip or visit is one document, its text a plain rendering of the record, the
fields kept in its metadata. These are records, not prose: their actors and meetings
come from the fields (`kgraph.extract.records`), not from the language model.

>>> doc = parse_records(SAMPLE, "sample.xml")[0]
>>> doc.id, doc.date
('travels-1799', '1961-03-30')
"""

from __future__ import annotations

import re
import tarfile
from pathlib import Path
from xml.etree import ElementTree

from kgraph.normalize.names import strip_title
from kgraph.types import Document

FORMAT = "historian"
ARCHIVE = "Office of the Historian (HistoryAtState)"
SAMPLE = b"""<trips><trip role="secretary" who="rusk-david-dean"><id>1799</id>
<name>David Dean Rusk</name><start-date>1961-03-30</start-date><end-date>1961-03-30</end-date>
<country id="india">India</country><locale>New Delhi</locale>
<remarks>Met with Prime Minister Nehru.</remarks></trip></trips>"""
_ROLE = {"secretary": "Secretary of State", "president": "President"}


def looks_like(head: str) -> bool:
    """A travels or visits XML file, from its first characters."""
    return bool(re.search(r"<(?:trips|visits)\b", head))


def _text(element: ElementTree.Element, tag: str) -> str:
    found = element.find(tag)
    return " ".join((found.text or "").split()) if found is not None else ""


def _document(kind: str, record: ElementTree.Element, source: str) -> Document | None:
    number, start, end = _text(record, "id"), _text(record, "start-date"), _text(record, "end-date")
    if not number or not re.match(r"^\d{4}-\d{2}-\d{2}$", start):
        return None
    if kind == "trip":
        who = _text(record, "name")
        title = _ROLE.get(record.get("role", ""), "")
        place = ", ".join(p for p in (_text(record, "locale"), _text(record, "country")) if p)
        remarks = _text(record, "remarks")
        text = f"{title} {who} traveled to {place}, {start} to {end}. {remarks}".strip()
        prefix = "travels"
    else:
        visitor = _text(record, "visitor")
        who, title = strip_title(visitor)
        title = title or ""
        place = _text(record, "from")
        remarks = _text(record, "description")
        text = f"{visitor} of {place} visited the United States, {start} to {end}. {remarks}"
        prefix = "visits"
    return Document(
        id=f"{prefix}-{number}", text=text, title=f"{prefix.capitalize()} record {number}",
        date=start, source=source, format=FORMAT,
        metadata={"archive": f"{ARCHIVE}, {prefix}", "identifier": number,
                  "record": {"kind": prefix, "who": who, "title": title.strip(),
                             "country": place, "start": start, "end": end,
                             "remarks": remarks}})


def parse_records(data: bytes, source: str) -> list[Document]:
    """The trips or visits of one XML file, one document each (records without an id or
    a start date are left out)."""
    root = ElementTree.fromstring(data)
    kind = {"trips": "trip", "visits": "visit"}.get(root.tag)
    if kind is None:
        return []
    documents = (_document(kind, record, source) for record in root.iter(kind))
    return [d for d in documents if d is not None]


def read_archive(path: Path) -> list[Document]:
    """Every trip and visit in a ``.tar.gz`` of the travels or visits repository."""
    documents = []
    with tarfile.open(path, "r:gz") as archive:
        for member in sorted(archive.getmembers(), key=lambda m: m.name):
            if not member.isfile() or not member.name.endswith(".xml"):
                continue
            data = archive.extractfile(member).read()  # type: ignore[union-attr]
            if looks_like(data[:2048].decode("utf-8", "replace")):
                documents += parse_records(data, f"{path}:{member.name}")
    return documents
