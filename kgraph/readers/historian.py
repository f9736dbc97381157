"""The Office of the Historian's travels and visits (HistoryAtState, CC0), read at run time.

``travels`` holds the trips abroad of U.S. Presidents and Secretaries of State
(``<trips><trip>``: name, dates, country, locale, remarks such as "Met with
President Park."); ``visits`` the visits of foreign leaders to the United States
(``<visits><visit>``: visitor with title, dates, country, description such as
"Met with President Bush."). Give kgraph the XML files, the unpacked folders or
the archives themselves (``travels.tar.gz``, ``visits.tar.gz``).

Each trip or visit is one document, its text a plain rendering of the record.
These are records, not prose: their actors and meetings come from the fields
(`record_extraction`), not from the language model. A meeting's date is the
record's day when the trip lasted one day, else its month (or year) when it
spans days, so that a document dating the meeting to the day tells the same event.

>>> doc = parse_records(SAMPLE, "sample.xml")[0]
>>> doc.id, doc.date
('travels-1799', '1961-03-30')
>>> [(r.subject, r.object) for r in record_extraction(doc).relations]
[('Person/david-dean-rusk', 'Person/travels-1799/nehru')]
"""

from __future__ import annotations

import re
import tarfile
from pathlib import Path
from xml.etree import ElementTree

from kgraph.normalize.names import slug, strip_title
from kgraph.types import Document, Entity, Evidence, Extraction, Relation

FORMAT = "historian"
ARCHIVE = "Office of the Historian (HistoryAtState)"
SAMPLE = b"""<trips><trip role="secretary" who="rusk-david-dean"><id>1799</id>
<name>David Dean Rusk</name><start-date>1961-03-30</start-date><end-date>1961-03-30</end-date>
<country id="india">India</country><locale>New Delhi</locale>
<remarks>Met with Prime Minister Nehru.</remarks></trip></trips>"""
_ROLE = {"secretary": "Secretary of State", "president": "President"}
# "Met with …", "Met also with …", "held talks with …", "summit (meeting) with …",
# "conferred with …": what follows names whom the traveller or visitor met.
_MET = re.compile(r"\b(?:met(?: also)?|talks|conferred|summit(?: meeting)?(?: \([^)]*\))?|"
                  r"meeting)\s+with\s+(?P<names>[^.;]+)", re.I)
# A name: capitalised words (initials, hyphens, apostrophes), the last run in a phrase.
_NAME = re.compile(r"(?:[A-Z][\w.'’-]*\s+)*[A-Z][\w.'’-]*")


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


def _meeting_date(start: str, end: str) -> str:
    """The day of a one-day record; else the month, or the year, the record spans."""
    if start == end or not end:
        return start
    if start[:7] == end[:7]:
        return start[:7]
    return start[:4]


def _person(name: str, scope: str) -> Entity:
    """A person as the record names them; a single word (a bare surname: "President
    Park") is scoped to the record, as the extraction does, so two records' "Bush"
    stay apart until resolved."""
    bare, title = strip_title(name)
    key = slug(bare) if " " in bare.strip() else f"{scope}/{slug(bare)}"
    return Entity(f"Person/{key}", bare, "Person", roles=[title] if title else [])


def met_names(remarks: str) -> list[str]:
    """Who a record says was met, title and all: ``"Met with President Park and senior
    Korean officials."`` → ``["President Park"]``; ``"held talks with North Korean
    leader Kim Jong-un"`` → ``["Kim Jong-un"]``.

    >>> met_names("Attended Summit Meeting (November 19-21) with Soviet General "
    ...           "Secretary Gorbachev. Met also with Swiss President Furgler.")
    ['Soviet General Secretary Gorbachev', 'Swiss President Furgler']
    """
    names = []
    for match in _MET.finditer(remarks):
        for part in re.split(r",\s*|\s+and\s+", match.group("names")):
            part = part.strip()
            if _MET.search(part):  # "… and held talks with Soviet Premier Khrushchev"
                names += met_names(part)
                continue
            if not part or not part[0].isupper():  # "senior Korean officials"
                continue
            runs = _NAME.findall(part)
            if runs and len(runs[-1]) > 2 and (" " in runs[-1] or runs[-1] == part):
                names.append(runs[-1])  # not "U" of "U.S. officials"
    return names


def record_extraction(document: Document) -> Extraction:
    """The actors and meetings a trip or visit record states, from its fields."""
    record = document.metadata["record"]
    who = _person(record["who"], document.id)
    if record["title"]:
        who.roles.append(record["title"])
    entities, relations = [who], []
    remarks_at = document.text.rfind(record["remarks"]) if record["remarks"] else -1
    evidence = Evidence.from_span(document.text, max(remarks_at, 0), len(document.text))
    for name in met_names(record["remarks"]):
        other = _person(name, document.id)
        if other.id == who.id or any(e.id == other.id for e in entities):
            continue
        entities.append(other)
        relations.append(Relation("metWith", who.id, other.id, evidence,
                                  date=_meeting_date(record["start"], record["end"]),
                                  confidence=0.95, extractor=f"{FORMAT}-record"))
    return Extraction(document, entities, relations)
