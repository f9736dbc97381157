"""A source's own persons list (FRUS volumes have one): names, titles, cross-references.

The list is the editors' identification of who is who; kgraph trusts it over
its own guesses, with three repairs for what the dev set shows goes wrong:

* cross-references (``Yi Tong-won``, role ``see Lee Tong Won``) lead to the entry;
* a ``persName`` link that contradicts the title written before it
  (``President <persName corresp="#p_JUA1">Johnson</persName>``, where p_JUA1 is
  U. Alexis Johnson, a Deputy Under Secretary) is not followed;
* a bare title (``The Secretary of Defense``) resolves to the one entry holding
  that title in the document's year.

>>> people = PersonsList({"p_RD1": {"name": "Rusk, Dean", "role": "Secretary of State",
...                                  "display_name": "Dean Rusk"}}, when=(1964, 5))
>>> people.by_title("The Secretary of State"), people.by_surname("Rusk")
('Dean Rusk', 'Dean Rusk')
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from kgraph.extract.gazetteer import Gazetteer
from kgraph.extract.lexicon import lexicon
from kgraph.extract.offices import Holder, OfficeHolders, load_office_holders
from kgraph.normalize.dates import dates_with_year
from kgraph.normalize.names import name_key
from kgraph.types import Document, Entity


@dataclass
class ListedPerson:
    id: str
    display: str
    role: str
    aliases: list[str] = field(default_factory=list)
    raw_name: str = ""


def _listed(pid: str, raw: dict) -> ListedPerson:
    name = raw.get("name", "")
    aliases = [a.strip() for group in re.findall(r"\(([^)]*)\)", name) for a in group.split(",")]
    display = raw.get("display_name") or re.sub(r"\s*\(.*?\)", "", name)
    return ListedPerson(pid, display, raw.get("role", "") or "", [a for a in aliases if a], name)


# "Republic of Korea Prime Minister from May 1964": the title after the nationality.
_NATIONALITY = re.compile(r"^(?:(?:Republic of Korea|ROK|Korean|Japanese|Soviet|Chinese|"
                          r"USA|USN|USAF|USMC|U\.S\.)(?: \(ret\.\))?[,]?\s+)+")


_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december")
_WHEN = re.compile(r"\b(?:(" + "|".join(_MONTHS) + r")\s+(?:\d{1,2},\s*)?)?(1[89]\d\d|20\d\d)\b",
                   re.I)


def _moments(text: str) -> list[tuple[int, int]]:
    """(year, month) pairs written in a role; a bare year counts as its month 0 or 13."""
    found = []
    for month, year in _WHEN.findall(text):
        found.append((int(year), _MONTHS.index(month.lower()) + 1 if month else 0))
    return found


def _held_in(segment: str, when: tuple[int, int] | None) -> bool:
    """Whether a role segment ("Prime Minister until May 1964") fits the (year, month)."""
    moments = _moments(segment)
    if when is None or not moments:
        return True
    year, month = when
    if re.search(r"\b(until|to)\b", segment) and len(moments) == 1:
        end = moments[0]
        return (year, month) <= (end[0], end[1] or 12)
    if re.search(r"\b(from|after|since|thereafter)\b", segment) and len(moments) == 1:
        return (year, month) >= moments[0]
    first, last = min(moments), max(moments)
    return first <= (year, month) <= (last[0], last[1] or 12)


_DATES_START = re.compile(r"\s+(?:until|from|after|since|to|as of|\d|(?:" + "|".join(_MONTHS)
                          + r")\b)", re.I)


def _segments(role: str) -> list[str]:
    """One segment per office held; "…; and July 1964–…" repeats the office before it."""
    segments: list[str] = []
    for part in re.split(r";\s*|,?\s+thereafter\s+", role):
        if part.startswith("and ") and segments:
            office = _DATES_START.split(segments[-1], maxsplit=1)[0]
            part = f"{office} {part[4:]}"
        segments.append(part)
    return segments


def _best_by_title(found: list[ListedPerson], title: str) -> list[ListedPerson]:
    """Namesakes told apart by the title written with the name.

    The title as written in the entry wins; else the entry sharing most of the title's
    words, provided it has the title's head word: "Minister of Foreign Affairs" fits
    "Foreign Minister" but not "Prime Minister"; "the President's Special Assistant for
    National Security Affairs" fits McGeorge Bundy better than William P. Bundy.
    """
    title = re.sub(r"^(?:(?:former|then|the|acting)\s+)+", "", title, flags=re.I).lower()
    head = (title.split(" of ")[0] if " of " in title else title).split()[-1]
    words = set(re.findall(r"[a-z]+", title)) - {"of", "the", "for", "and", "to", "s"}
    entries = {p.display: f"{p.raw_name} {p.role}".lower() for p in found}
    exact = [p for p in found if title in entries[p.display]]
    if exact:
        return exact
    scored = [(len(words & set(re.findall(r"[a-z]+", entries[p.display]))), p) for p in found
              if head in re.findall(r"[a-z]+", entries[p.display])]
    if not scored:
        return []
    best = max(score for score, _ in scored)
    keywords_needed = 1 if len(words) > 1 else 0
    return [p for score, p in scored if score == best and score > keywords_needed]


# "Llewellyn E. Thompson, Jr.": the surname is before the generational suffix.
_SUFFIX = re.compile(r",?\s+(?:Jr|Sr|II|III|IV)\.?$")


def _name_ends(name: str) -> tuple[str, str]:
    """First and last word of a name, either of which may be the surname."""
    words = _SUFFIX.sub("", name).split() or [""]
    return words[0], words[-1].rstrip(",")


class PersonsList:
    """Lookups over one persons list (id → {name, role, display_name})."""

    def __init__(self, raw: dict[str, dict] | None, when: tuple[int, int] | None = None
                 ) -> None:
        self.when = when  # (year, month) of the document, month 0 if unknown
        self.people = {pid: _listed(pid, entry) for pid, entry in (raw or {}).items()}
        self._by_key: dict[str, ListedPerson] = {}
        for person in self.people.values():
            for name in (person.display, *person.aliases):
                self._by_key.setdefault(name_key(name), person)
            words = person.display.split()
            if len(words) > 2:  # "Cyrus Vance" for "Cyrus R. Vance"
                self._by_key.setdefault(name_key(f"{words[0]} {words[-1]}"), person)

    def __bool__(self) -> bool:
        return bool(self.people)

    def resolve(self, pid: str) -> ListedPerson | None:
        """The entry for an id, following a "see …" cross-reference."""
        person = self.people.get(pid)
        if person is not None and (m := re.match(r"see\s+(.+)", person.role, re.I)):
            return self._by_key.get(name_key(m.group(1)), person)
        return person

    def linked_name(self, pid: str, title: str | None) -> str | None:
        """Display name for a link, unless the title written before it contradicts the entry."""
        person = self.resolve(pid)
        if person is None:
            return None
        if title and title.split()[-1] == "President" and "President" not in person.role.split(
                ",")[0].split(";")[0]:
            return None
        return person.display

    def aliases_of(self, display: str) -> list[str]:
        person = self._by_key.get(name_key(display))
        return list(person.aliases) if person else []

    def by_name(self, name: str) -> str | None:
        """The listed person a full name stands for; a nickname counts ("Bob Komer")."""
        person = self._by_key.get(name_key(name))
        if person is None and len(words := name.split()) > 1:
            formal = lexicon()["nicknames"].get(words[0])
            last = name_key(words[-1])
            found = {p.display for p in self.people.values() if formal and p.display.split()
                     and p.display.split()[0] == formal
                     and name_key(p.display.split()[-1].rstrip(",")) == last}
            return found.pop() if len(found) == 1 else None
        return person.display if person else None

    def by_surname(self, surname: str, title: str | None = None) -> str | None:
        """The one listed person with this surname; a title written before it breaks ties.

        East Asian names put the surname first, so both ends of every spelling are tried.
        A title that no candidate's entry mentions rules them all out ("Minister of the
        Economic Planning Board Chang" is not Chang Chang-kuk, a general).
        """
        key = name_key(surname)
        found = [p for p in self.people.values()
                 if key in {name_key(part) for name in (p.display, *p.aliases)
                            for part in _name_ends(name)}
                 and not p.role.lower().startswith("see")]
        if title and found:
            found = _best_by_title(found, title)
        return found[0].display if len({p.display for p in found}) == 1 else None

    def by_initials(self, letters: str) -> str | None:
        """Telegraphese initials ("KCP" for Kim Chong-pil), if exactly one person fits."""
        if not (2 <= len(letters) <= 4 and letters.isupper() and letters.isalpha()):
            return None
        found = {p.display for p in self.people.values()
                 if "".join(w[0].upper() for w in re.split(r"[\s-]+", p.display) if w) == letters}
        return found.pop() if len(found) == 1 else None

    def by_title(self, title: str, text: str = "") -> str | None:
        """The one person who held `title` (e.g. "Prime Minister") at the document's date.

        Namesake offices abroad ("Japanese Prime Minister") give way to the one whose
        country the document `text` names most.
        """
        title = re.sub(r"^(?:the|The)\s+", "", title.strip(" ,."))
        if len(title.split()) < 2:
            return None  # "the Ambassador", "the President": too many holders
        key = title.lower()
        found: dict[str, str] = {}  # display → nationality written before the title
        for person in self.people.values():
            for segment in _segments(person.role):
                nationality = _NATIONALITY.match(segment)
                rest = segment[nationality.end():] if nationality else segment
                if rest.lower().startswith(key) and _held_in(rest, self.when):
                    found[person.display] = nationality.group().lower() if nationality else ""
        if len(found) > 1 and text:
            lowered = text.lower()
            counts = {d: lowered.count(n.strip(" ,").split()[-1][:5]) if n.strip(" ,") else 0
                      for d, n in found.items()}
            top = max(counts.values())
            found = {d: n for d, n in found.items() if counts[d] == top}
        return next(iter(found)) if len(found) == 1 else None


class Names:
    """How one document names people: its own links, its persons list, the gazetteer."""

    def __init__(self, gazetteer: Gazetteer, people: PersonsList | None = None,
                 linked: dict[str, str] | None = None, date: str | None = None,
                 offices: OfficeHolders | None = None, home: str | None = None,
                 post: str | None = None) -> None:
        self.gazetteer = gazetteer
        self.people = people or PersonsList(None)
        self.linked = linked or {}
        self.date = date
        self.offices = offices or load_office_holders()
        self.home = home  # whose offices a bare title names ("the President"), when known
        self.post = post  # an American document written at a U.S. embassy: "Korea"

    def our_ambassador(self) -> Entity | None:
        """ "the Ambassador" in a U.S. telegram from Seoul: the U.S. Ambassador to Korea."""
        if self.post is None:
            return None
        return self.office_titled(f"Ambassador to {self.post}", "United States")

    def office_titled(self, title: str, country: str | None = None) -> Entity | None:
        """The person holding the office a bare title names at the document's date."""
        holder = self.offices.by_title(title, self.date, country)
        return self.person(self._holder_name(holder)) if holder else None

    def _holder_name(self, holder: Holder) -> str:
        """The name the gazetteer knows ("Dean Rusk"), else the persons lists' form."""
        usual = self.offices.usual_names(holder)
        known = next((k for n in usual if (k := self.gazetteer.canonical_person(n))), None)
        return known or self.offices.display_name(holder)

    def office_holder(self, written: str, title: str | None = None
                      ) -> tuple[str, list[str]] | None:
        """Full name and other names of the office holder a surname (maybe with initials,
        "A.M. Puzanov") stands for at the document's date.

        POCOM gives every forename ("William Putnam Bundy"); the name is the one the
        gazetteer knows ("Dean Rusk"), else the FRUS persons lists' form ("William P. Bundy")."""
        words = written.replace(".", ". ").split()
        initials = "".join(w[0] for w in words[:-1] if len(w.rstrip(".")) == 1)
        if not words or len(words) - len(initials) != 1:
            return None
        holder = self.offices.by_surname(words[-1], self.date, initials, _own_title(title))
        if holder is None:
            return None
        return self._holder_name(holder), [holder.name, *self.offices.usual_names(holder)]

    def listed_surname(self, surname: str, title: str | None) -> str | None:
        """The listed person a lone surname stands for; among namesakes, the one the
        gazetteer knows (a major actor: "Pak" is Park Chung-hee); else the holder of the
        office written with it at the document's date."""
        found = self.people.by_surname(surname, _own_title(title))
        if found is None and title is None:
            found = _gazetteer_prior(self, surname) or self.home_leader(surname)
        own = _own_title(title) or ""
        if found is None and title and (held := self.offices.by_titled_surname(
                surname, self.date, own) or self.offices.by_surname(surname, self.date,
                                                                    title=own)):
            found = self._holder_name(held)  # no list, or not in it: "President Pak" in 1964
        return found

    def home_leader(self, surname: str) -> str | None:
        """The leader of the country the document is written in, at its date, when the
        lone surname is his: "Pak" in a telegram from Seoul in 1964 is Park Chung-hee."""
        return self._home_leaders.get(surname)

    @cached_property
    def _home_leaders(self) -> dict[str, str]:
        """Surname → name of each leader of the document's country at its date (read once
        per document; a surname first or last in one of his names, never a given name)."""
        leaders: dict[str, str] = {}
        for country in dict.fromkeys(c for c in (self.home, self.post) if c):
            for office in lexicon()["leader_offices"]:
                if (leader := self.office_titled(office, country)) is not None:
                    for words in (n.split() for n in (leader.name, *leader.aliases)):
                        for surname in (words[0], words[-1]):
                            leaders.setdefault(surname, leader.name)
        return leaders

    def person(self, name: str, title: str | None = None) -> Entity:
        """The entity for a person's name as written, resolved as far as the sources allow.

        `title` ("President") is kept as a role and picks between namesakes.
        """
        full = (self.linked.get(name) or self.people.by_name(name)
                or (self.listed_surname(name, title) if len(name.split()) == 1 else None))
        other_names: list[str] = []
        if full is None and not self.gazetteer.canonical_person(name) \
                and (held := self.office_holder(name, title)):
            full, other_names = held
        if (holder := self.offices.by_name(full or name)) is not None:
            # "Yi Tong-won" is Foreign Minister Lee Tong-won; without a persons list to say
            # so, the table's other spellings of his name are his aliases
            full = full or self._holder_name(holder)
            other_names += [] if self.people else [holder.name, *holder.aliases]
        full = full or name
        entity = self.gazetteer.entity("Person", self.gazetteer.canonical_person(full) or full)
        for alias in (full, name, *self.people.aliases_of(full), *other_names):
            if alias != entity.name and alias not in entity.aliases and len(alias.split()) > 1:
                entity.aliases.append(alias)
        if title and title not in entity.roles:
            entity.roles.append(title)
        return entity


def _own_title(title: str | None) -> str | None:
    """The title next to the name in coordinated titles: "Secretary and Ambassador Thompson"
    is Ambassador Thompson (and the Secretary)."""
    return title.rsplit(" and ", 1)[-1] if title else title


def _gazetteer_prior(names: Names, surname: str) -> str | None:
    """Among namesakes in the list, the one the gazetteer knows (a major actor)."""
    known = [p.display for p in names.people.people.values()
             if surname in p.display.replace("-", " ").split()
             and names.gazetteer.canonical_person(p.display)]
    return known[0] if len(set(known)) == 1 else None


def linked_names(document: Document, people: PersonsList) -> dict[str, str]:
    """Names as written → full names, from FRUS markup linked to the persons list."""
    names: dict[str, str] = {}
    for mark in document.markup:
        if mark.tag in {"from", "to", "persName"} and mark.value:
            before = document.text[max(0, mark.start - 20):mark.start].split()
            display = people.linked_name(mark.value, before[-1] if before else None)
            if display:
                names[" ".join(document.text[mark.start:mark.end].split())] = display
    return names


_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
_OPENING = 3000  # characters: where an undated document says when it is


def _reference_date(document: Document) -> str | None:
    """When the document is about: its date, else (an editorial note, an undated page) the
    first date its text writes ("visited Seoul October 1–3, 1964" → 1964), so that "Minister
    of Foreign Affairs Yi" is the minister of that time."""
    if document.date:
        return document.date
    opening = document.text[:_OPENING]
    written, year = dates_with_year(opening), _YEAR.search(opening)
    return written[0] if written else year.group() if year else None


def names_for(document: Document, gazetteer: Gazetteer) -> Names:
    """The `Names` of one document: its persons list (if any) and its linked names."""
    date = _reference_date(document) or ""
    when = (int(date[:4]), int(date[5:7]) if len(date) >= 7 else 0) if date[:4].isdigit() else None
    people = PersonsList(document.metadata.get("persons"), when)
    return Names(gazetteer, people, linked_names(document, people), date or None,
                 home=_home_country(document, gazetteer), post=_us_post(document))


def _us_post(document: Document) -> str | None:
    """The country a U.S. document's dateline puts its writer in, as POCOM names the post
    ("Seoul, June 3, 1964" → "Korea"); None at home or for other archives."""
    if document.format != "frus" and not any(
            words in (document.title or "") for words in lexicon()["us_heading_words"]):
        return None  # FRUS, or a page copied from it: its heading names a U.S. office
    post = _dateline_capital(document)
    return None if post in {None, "the United States"} else post


def _home_country(document: Document, gazetteer: Gazetteer) -> str | None:
    """Whose offices a bare title ("the President") names: the country of the document's
    dateline ("Seoul, June 3, 1964" → South Korea); a FRUS document without one, the U.S."""
    if country := _dateline_capital(document):
        return gazetteer.country(country.removeprefix("the "))
    return "United States" if document.format == "frus" else None


def _dateline_capital(document: Document) -> str | None:
    """The country whose capital the dateline names ("Seoul, June 3, 1964" → "Korea")."""
    capitals = lexicon()["capitals"]
    cities = (document.text[m.start:m.end].split(",")[0].strip() for m in document.markup
              if m.tag == "dateline")
    return next((capitals[city] for city in cities if city in capitals), None)
