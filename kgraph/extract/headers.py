"""Relations stated by a document's heading and address lines, not its prose.

``Telegram From the Embassy in Korea to the Department of State`` →
Embassy in Korea sentLetterTo Department of State (medium telegram).
``Letter From the Ambassador to Korea (Brown) to …`` → the person in
brackets is the sender. An address line at the head of the body,
``To the Chinese Embassy in North Korea:``, names the recipient when the
heading does not.
"""

from __future__ import annotations

import re

from kgraph.extract.entities import _entity, organization_type
from kgraph.extract.gazetteer import Gazetteer
from kgraph.normalize.brackets import resolve_brackets
from kgraph.normalize.names import clean_name, strip_title
from kgraph.types import Document, Entity, Evidence, Relation

MEDIA = ("Letter", "Telegram", "Cable", "Memorandum", "Airgram", "Message", "Note",
         "Despatch", "Dispatch", "Circular Telegram", "Aide-Mémoire", "Aide-Memoire", "Telex")
_MEDIUM = r"(?P<medium>" + "|".join(MEDIA) + r")s?"
# "1. Telegram From …", "Draft Memorandum From …"
_FROM = r"^(?:\d+\.\s*)?(?:[\w-]+\s+)?" + _MEDIUM + r"\b(?:[^,]*?)?\s+[Ff]rom\s+"
_HEADING = re.compile(
    _FROM + r"(?P<sender>.+?)"
    r"(?:\s+to\s+(?P<recipient>.+?))?"
    r"(?:\s+(?:on|about|regarding|concerning)\s+.*)?$"
)
# "Letter From the Ambassador to Korea (Brown) to …": the sender ends at its bracketed name.
_HEADING_BRACKETED = re.compile(
    _FROM + r"(?P<sender>[^()]+\([^()]+\))\s+to\s+(?P<recipient>.+?)$"
)
# Wilson Center titles: "Cable, Mao Zedong to Filippov [Stalin]".
_HEADING_WILSON = re.compile(
    r"^" + _MEDIUM + r",\s+(?P<sender>[^,]+?)\s+to\s+(?P<recipient>[^,]+)$"
)
_ADDRESS = re.compile(r"^\s*To(?: the)?\s+(?P<recipient>[A-Z][^:\n]{3,80}):\s*$", re.M)
_BRACKETED_NAME = re.compile(r"\((?P<name>[A-Z][\w.' -]+)\)")


def _split_parties(phrase: str) -> list[str]:
    parts = re.split(r"\s+and\s+(?=the\s|[A-Z])", phrase)
    return [p.strip(" ,") for p in parts if p.strip(" ,")]


def party_entity(phrase: str, gazetteer: Gazetteer, persons: dict[str, str] | None = None
                 ) -> Entity | None:
    """The actor a heading phrase names: person in brackets, titled person, org, country."""
    for alternative in re.findall(r"\[([^\]]+)\]", phrase):  # "Filippov [Stalin]"
        if known := gazetteer.canonical_person(alternative):
            return _entity("Person", known, gazetteer)
    phrase = resolve_brackets(phrase).text
    if m := _BRACKETED_NAME.search(phrase):
        name = m.group("name").strip()
        full = (persons or {}).get(name, name)
        return _entity("Person", gazetteer.canonical_person(full) or full, gazetteer)
    text = clean_name(phrase)
    if country := gazetteer.country(text):
        return _entity("Country", country, gazetteer)
    kind = organization_type(text)
    if kind != "Organization" or gazetteer.lookup("Organization", text):
        return _entity(kind, text, gazetteer)
    name, title = strip_title(text)
    if title and name and name[0].isupper():
        full = (persons or {}).get(name, name)
        return _entity("Person", gazetteer.canonical_person(full) or full, gazetteer)
    return None


def markup_names(document: Document) -> dict[str, str]:
    """Surname → display name, from FRUS heading markup linked to the persons list."""
    persons = document.metadata.get("persons") or {}
    names: dict[str, str] = {}
    for mark in document.markup:
        if mark.tag in {"from", "to", "persName"} and mark.value in persons:
            display = persons[mark.value].get("display_name") or persons[mark.value]["name"]
            names[document.text[mark.start:mark.end]] = display
    return names


def heading_relations(document: Document, gazetteer: Gazetteer, persons: dict[str, str]
                      ) -> tuple[list[Entity], list[Relation]]:
    """Entities and relations stated by the heading and the address line.

    `persons` maps names as written to full names (see `markup_names`).
    """
    title_mark = next((m for m in document.markup if m.tag == "title"), None)
    if title_mark is None:
        return [], []
    raw_heading = " ".join(document.text[title_mark.start:title_mark.end].split())
    heading = " ".join(resolve_brackets(raw_heading).text.split())
    match = (_HEADING_WILSON.match(raw_heading) or _HEADING_BRACKETED.match(heading)
             or _HEADING.match(heading))
    if not match:
        return [], []
    senders = [e for p in _split_parties(match.group("sender"))
               if (e := party_entity(p, gazetteer, persons))]
    recipients = []
    evidence = Evidence.from_span(document.text, title_mark.start, title_mark.end)
    if match.group("recipient"):
        recipients = [e for p in _split_parties(match.group("recipient"))
                      if (e := party_entity(p, gazetteer, persons))]
    else:
        body = next((m for m in document.markup if m.tag == "body"), None)
        window = document.text[body.start:body.start + 600] if body else ""
        clean = resolve_brackets(window)
        if address := _ADDRESS.search(clean.text):
            recipient = party_entity(address.group("recipient"), gazetteer, persons)
            recipients = [recipient] if recipient else []
            start, end = clean.original_span(address.start(), address.end())
            evidence = Evidence.from_span(document.text, body.start + start, body.start + end)
    medium = match.group("medium").lower().replace("circular ", "")
    relations = [
        Relation("sentLetterTo", s.id, r.id, evidence, date=document.date, medium=medium,
                 confidence=0.95, extractor="heading")
        for s in senders for r in recipients if s.id != r.id
    ]
    return senders + recipients, relations
