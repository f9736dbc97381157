"""Relations stated by a document's heading, address lines and participant lists.

``Telegram From the Embassy in Korea to the Department of State`` →
Embassy in Korea sentLetterTo Department of State (medium telegram).
``Letter From the Ambassador to Korea (Brown) to …`` → the person in
brackets is the sender. An address line at the head of the body
(``To the Chinese Embassy in North Korea:``) or a TO list with a signature
names the parties when the heading does not. A memorandum of conversation's
PARTICIPANTS list is a meeting: each participant on one side met each on the other.
"""

from __future__ import annotations

import re

from kgraph.extract.coref import Speakers
from kgraph.extract.dating import after
from kgraph.extract.entities import organization_entity, organization_type, titlecase_shouted
from kgraph.extract.gazetteer import Gazetteer
from kgraph.extract.lexicon import east_asian_surnames
from kgraph.extract.nonactors import title_only
from kgraph.extract.persons import Names
from kgraph.extract.titles import TitleParts, split_parties, title_parts
from kgraph.normalize.brackets import resolve_brackets
from kgraph.normalize.dates import dates_in
from kgraph.normalize.names import TITLES, clean_name, initials_first, name_after_title, strip_title
from kgraph.normalize.quality import name_problem, tidy_name
from kgraph.types import Document, Entity, Evidence, Markup, Relation

# An address line at the head of the body: "To the Chinese Embassy in North Korea:",
# "TO THE CPSU CENTRAL COMMITTEE", "To Whom: SovAmbassador", "For Mao Zedong.",
# "To Cdes. Filippov and Zhou Enlai."
_ADDRESS = re.compile(r"^[ \t]*(?:To|TO|For|FOR)(?:\s+Whom:)?(?:\s+(?:the|THE))?\s+"
                      r"(?P<recipient>[A-Z][^:\n]{2,80}?)[ \t]*[:.]?[ \t]*$", re.M)
_ADDRESS_WINDOW = 800  # cipher headers may come first
_SET_OFF_SIGNER = re.compile(r"[/(](?P<name>[A-Z][\w.'’ -]+)[/)]\s*$")
_BRACKETED_NAME = re.compile(r"\((?P<name>[A-Z][\w.' -]+)\)")
# "Robert W. Komer of the National Security Council Staff": a person, then where they work.
_PERSON_OF = re.compile(r"^(?P<name>(?:[A-Z][\w.'-]*\s+){1,3}[A-Z][\w'-]+)\s+of\s+the\s+.+$")
_PERSON_SHAPED = re.compile(
    r"^(?:[A-Z]\.\s?){0,3}[A-Z][a-z][\w'’-]*(?:\s+[A-Z][a-z][\w'’-]*){0,3}$")
_TITLE_WORDS = frozenset(word for title in TITLES for word in title.split())


def party_entity(phrase: str, names: Names) -> Entity | None:
    """The actor a heading phrase names: person in brackets, titled person, org, country."""
    entity = _party_entity(tidy_name(phrase), names)
    if entity is None or name_problem(entity.name, entity.type):
        return None
    return entity


def _party_entity(phrase: str, names: Names) -> Entity | None:
    gazetteer = names.gazetteer
    outside = re.sub(r"\s*\[[^\]]*\]", "", phrase).strip()
    for alternative in [*re.findall(r"\[([^\]]+)\]", phrase), outside]:  # "Filippov [Stalin]"
        if known := gazetteer.canonical_person(alternative):
            return gazetteer.entity("Person", known)
    phrase = resolve_brackets(phrase).text
    phrase = re.sub(r"^(?:Cdes?\.|Comrades?)\s+", "", phrase.strip())
    at_place = re.match(r"^(?P<who>.+?)\s+(?:at|in)\s+[A-Z][a-z]+$", phrase)
    if at_place and strip_title(clean_name(at_place.group("who")))[1]:
        phrase = at_place.group("who")  # "Secretary of State Rusk at Geneva"
    if phrase.isupper() and len(phrase) > 4:  # "THE CPSU CENTRAL COMMITTEE"
        phrase = " ".join(w if len(w) <= 4 else w.title() for w in phrase.split())
    if m := _BRACKETED_NAME.search(phrase):  # the office before the bracket tells namesakes apart
        office = re.sub(r"^(?:the|The)\s+", "", phrase[:m.start()].strip(" ,")) or None
        return names.person(m.group("name").strip(), office)
    text = clean_name(phrase)
    if known := gazetteer.canonical_person(text):  # "President Johnson"
        return gazetteer.entity("Person", known)
    if country := gazetteer.country(text):
        return gazetteer.entity("Country", country)
    if (m := _PERSON_OF.match(text)) and organization_type(m.group("name")) == "Organization" \
            and not _TITLE_WORDS & set(m.group("name").split()):
        return names.person(m.group("name"))
    kind = organization_type(text)
    if kind != "Organization" or gazetteer.lookup("Organization", text):
        return organization_entity(gazetteer, kind, text)
    if holder := names.people.by_title(text):  # "The Secretary of Defense"
        return names.person(holder)
    if held := names.office_titled(text):  # no persons list: the office-holder table
        return held
    name, title = strip_title(text)
    if title and name and name[0].isupper():
        return names.person(name, title)
    if _PERSON_SHAPED.match(text):  # "Shtykov", "B.N. Vereshchagin", "Kim Il Sung"
        return names.person(text)
    if titled := name_after_title(text):
        return names.person(titled)
    return None


def _marks(document: Document, tag: str) -> list[Markup]:
    return [m for m in document.markup if m.tag == tag]


def _text(document: Document, mark: Markup) -> str:
    return " ".join(document.text[mark.start:mark.end].split())


def _letters(senders: list[Entity], recipients: list[Entity], evidence: Evidence,
             document: Document, medium: str, extractor: str) -> list[Relation]:
    return [Relation("sentLetterTo", s.id, r.id, evidence, date=document.date, medium=medium,
                     confidence=0.95, extractor=extractor)
            for s in senders for r in recipients if s.id != r.id]


def _entities(phrases: list[str], names: Names) -> list[Entity]:
    return [e for p in phrases if (e := party_entity(p, names))]


def _address_lines(document: Document, names: Names) -> tuple[list[Entity], Evidence | None]:
    """Addressees named by lines at the head of the body ("To Terebin:", "For Mao Zedong.")."""
    body = next((m for m in document.markup if m.tag == "body"), None)
    if body is None:
        return [], None
    clean = resolve_brackets(document.text[body.start:body.start + _ADDRESS_WINDOW])
    recipients: list[Entity] = []
    evidence = None
    for address in _ADDRESS.finditer(clean.text):
        found = _entities(split_parties(address.group("recipient")), names)
        if found and evidence is None:
            start, end = clean.original_span(address.start(), address.end())
            evidence = Evidence.from_span(document.text, body.start + start, body.start + end)
        recipients += [e for e in found if e.id not in {r.id for r in recipients}]
    return recipients, evidence


def signer(document: Document, names: Names) -> list[Entity]:
    for mark in _marks(document, "signature"):
        line = _text(document, mark).split("\n")[0].strip(" .")
        if set_off := _SET_OFF_SIGNER.search(line):  # "USSR MFA DVO (B. VERESHCHAGIN)"
            line = set_off.group("name").strip(" .")
        line = titlecase_shouted(line.strip(" .()[]/"))
        title = None
        if title_only(line):  # "Irén Rózsa / Deputy Assistant Under-Secretary": name above
            line, title = _line_before(document, mark.start), line
        if line and len(line.split()) <= 5:
            name, _ = strip_title(line)
            if not name_problem(name, "Person") and not title_only(name):
                return [names.person(_fuller_in_title(name, document), title)]
    return []


def _line_before(document: Document, offset: int) -> str:
    """The last non-blank line before `offset`, if every word of it is capitalised (a name,
    not "By order of the Minister")."""
    lines = [line.strip(" .") for line in document.text[max(0, offset - 200):offset].splitlines()]
    line = next((line for line in reversed(lines) if line), "")
    return line if all(word[:1].isupper() for word in line.split()) else ""


def _fuller_in_title(name: str, document: Document) -> str:
    """The signer "B. Vereshchagin" as the title names him ("B.N. Vereshchagin"): one
    person, written the fuller way, when the initials agree."""
    words = name.replace(".", ". ").split()
    if not words or not document.title:
        return name
    surname = words[-1]
    pattern = r"((?:[A-Z][\w'-]*\.?\s?){1,3})\b" + re.escape(surname) + r"\b"
    for match in re.finditer(pattern, document.title):
        fuller = f"{match.group(1).strip()} {surname}"
        if fuller.replace(".", ". ").split()[0][0] == words[0][0] and len(fuller) > len(name):
            return fuller
    return name


def _heading_letters(document: Document, names: Names) -> tuple[list[Entity], list[Relation]]:
    title_mark = next(iter(_marks(document, "title")), None)
    if title_mark is None:
        return [], []
    parts = title_parts(_text(document, title_mark))
    evidence = Evidence.from_span(document.text, title_mark.start, title_mark.end)
    if parts.met:
        return _with_signed_address(
            _title_meeting(_entities(parts.met, names), evidence, document), document, names)
    if parts.partner:  # "Memorandum of Conversation with Premier Kim Il Sung": the author's
        author = signer(document, names)[:1] or [
            e for e in [journal_author(document, names)] if e is not None]
        return _with_signed_address(_title_meeting(
            author + _entities([parts.partner], names), evidence, document), document, names)
    if not parts.senders:
        # "National Security Action Memorandum No. 298" with a TO list and a signature.
        addressees = [e for m in _marks(document, "addressee")
                      if (e := party_entity(_text(document, m), names))]
        senders = signer(document, names) if addressees else []
        return senders + addressees, _letters(senders, addressees, evidence, document,
                                              parts.medium or "memorandum", "heading:to-list")
    senders = _entities(parts.senders, names)
    recipients = _entities(parts.recipients, names)
    addressed, address_evidence = _address_lines(document, names)
    relations = _letters(senders, recipients, evidence, document, _medium(parts), "heading")
    relay = [e for e in _entities(parts.via, names) if e.id not in {r.id for r in recipients}]
    relations += _letters(senders, relay, evidence, document, _medium(parts), "heading:via")
    recipients += relay
    for relation in relations if parts.planned else []:
        relation.modality = "planned"
    extra = [e for e in addressed if e.id not in {r.id for r in recipients}]
    if extra and address_evidence is not None:
        relations += _letters(senders, extra, address_evidence, document, _medium(parts),
                              "address")
    return senders + recipients + extra, relations


def _with_signed_address(found: tuple[list[Entity], list[Relation]], document: Document,
                         names: Names) -> tuple[list[Entity], list[Relation]]:
    """A report whose title names what it tells ("Report on the Conversation between A and
    B") and whose body opens "TO THE CPSU CENTRAL COMMITTEE": its signer wrote to them."""
    entities, relations = found
    addressed, evidence = _address_lines(document, names)
    senders = signer(document, names) if addressed else []
    if not senders or evidence is None:
        return found
    letters = _letters(senders, addressed, evidence, document, "report", "address")
    return entities + senders + addressed, relations + letters


def _medium(parts: TitleParts) -> str:
    return (parts.medium or "letter").replace("mémoire", "memoire")


def _title_meeting(parties: list[Entity], evidence: Evidence, document: Document
                   ) -> tuple[list[Entity], list[Relation]]:
    """ "Record of a Conversation between A and B": A met B, on the day the title names
    ("Report on 8 October Conversation …"), else the document's."""
    named = dates_in(evidence.text, document.date)
    day = named[0] if named and not after(named[0], document.date) else document.date
    relations = [Relation("metWith", a.id, b.id, evidence, date=day, confidence=0.9,
                          extractor="heading:conversation")
                 for i, a in enumerate(parties) for b in parties[i + 1:] if a.id != b.id]
    return parties, relations


# A Soviet journal's translation opens "From the diary of", then a post and "Comrade Surname
# I.O." on the next lines: its author, whatever the archive's title says.
_DIARY_OF = re.compile(r"\bFrom\s+the\s+(?:diary|journal)\s+of\b(?P<lines>(?:[^\n]*\n?){1,4})",
                       re.I)
def journal_author(document: Document, names: Names) -> Entity | None:
    """The author a journal's or diary's title names ("Journal of Ambassador X for …"), or
    the diary's own first lines ("From the diary of … Comrade Petrov A.N.")."""
    title_mark = next(iter(_marks(document, "title")), None)
    author = title_parts(_text(document, title_mark)).author if title_mark else None
    if author:
        return party_entity(author, names)
    body = next((m for m in document.markup if m.tag == "body"), None)
    found = _DIARY_OF.search(document.text, body.start, body.start + 400) if body else None
    if found is None:
        return None
    for line in reversed(found.group("lines").split("\n")):
        name = initials_first(tidy_name(line.strip(" ,:")))
        if _PERSON_SHAPED.match(name) and not name_problem(name, "Person"):
            return names.person(name)
    return None


def _side(entity: Entity) -> bool:
    """Which side of the table: East Asian names on one, the others on the other."""
    return entity.name.replace("-", " ").split()[0] in east_asian_surnames()


def _participant(text: str, names: Names) -> Entity | None:
    first = text.split(",")[0].strip()
    name, _ = strip_title(first)
    if not name or not name[0].isupper() or organization_type(name) != "Organization":
        return None
    return names.person(name)


def _participants(document: Document, names: Names) -> tuple[list[Entity], list[Relation]]:
    found = [(e, m) for m in _marks(document, "participant")
             if (e := _participant(_text(document, m), names))]
    sides = {True: [f for f in found if _side(f[0])], False: [f for f in found if not _side(f[0])]}
    if sides[True] and sides[False]:
        pairs = [(a, b) for a in sides[True] for b in sides[False]]
    else:
        pairs = [(a, b) for i, a in enumerate(found) for b in found[i + 1:]]
    relations = [
        Relation("metWith", a.id, b.id, Evidence.from_span(document.text, mark.start, mark.end),
                 date=document.date, confidence=0.9, extractor="participants")
        for (a, mark), (b, _) in pairs if a.id != b.id
    ]
    return [e for e, _ in found], relations


def heading_relations(document: Document, names: Names) -> tuple[list[Entity], list[Relation]]:
    """Entities and relations stated by the heading, address lines and participant lists."""
    entities, relations = _heading_letters(document, names)
    more_entities, meetings = _participants(document, names)
    return entities + more_entities, relations + meetings


def _lone_side(relations: list[Relation], by_id: dict[str, Entity]) -> Entity | None:
    """A memorandum of conversation unsigned: the one participant who met all the others
    (a side of one: its writer, the "I" of the text)."""
    met = [r for r in relations if r.type == "metWith" and r.extractor == "participants"]
    if len(met) < 2:
        return None
    common = {met[0].subject, met[0].object}
    for r in met[1:]:
        common &= {r.subject, r.object}
    return by_id.get(common.pop()) if len(common) == 1 else None


def document_speakers(document: Document, names: Names, entities: list[Entity],
                      relations: list[Relation]) -> Speakers:
    """Who "I", "we" and "you" are: the heading's sender and addressee, or the signer."""
    by_id = {e.id: e for e in entities}
    letter = next((r for r in relations if r.type == "sentLetterTo"), None)
    sender = by_id.get(letter.subject) if letter else None
    addressee = by_id.get(letter.object) if letter else None
    signed = signer(document, names) or [e for e in [journal_author(document, names)] if e]
    author = sender if sender is not None and sender.type == "Person" else (
        signed[0] if signed else _lone_side(relations, by_id))
    # Whoever first receives a relayed telegram ("[via Terebin]", "To Terebin:") answers it.
    relay = next((by_id.get(r.object) for r in relations
                  if r.extractor in {"heading:via", "address"}), None)
    return Speakers(author=author, sender=sender or author, addressee=addressee,
                    extra={"relay": relay} if relay else {})


def home_country(entities: list[Entity], relations: list[Relation],
                 gazetteer: Gazetteer) -> str | None:
    """The country whose ministries wrote a document: the one whose embassy they address.

    ``Ministry of Foreign Affairs`` → ``[To the] Chinese Embassy in North Korea`` → China.
    """
    by_id = {e.id: e for e in entities}
    for entity in entities:  # "Cable from Chinese Foreign Ministry": a ministry with its country
        if entity.type == "Ministry" and entity.name.endswith(")") and entity.country is None \
                and (country := gazetteer.country(entity.name.rsplit("(", 1)[1].rstrip(")"))):
            return country
    for relation in relations:
        sender, recipient = by_id.get(relation.subject), by_id.get(relation.object)
        if sender is None or recipient is None or sender.type != "Ministry":
            continue
        if recipient.type == "Embassy":
            first = recipient.name.split()[0]
            if country := gazetteer.country_of_demonym(first):
                return country
    return None
