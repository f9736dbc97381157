"""Actors and meetings of the Office of the Historian's trip and visit records, from their
fields (read by `kgraph.readers.historian`), not from the language model.

A record's remark says whom the traveller or visitor met: "Met with Prime Minister Nehru."
Each person met is a name and the title written before it. What follows the names says
where or when ("… at Kennebunkport, Maine", "… September 28"), a country after "of" says
whose leader ("President Xi Jinping of China"), a list of countries after a plural title
names offices, not people ("the Foreign Ministers of France, Italy and Japan"), and a
portfolio joined by "and" belongs to the title ("Minister of Foreign Affairs and Energy
Steen Lynge"). A meeting's date is the record's day when the trip lasted one day, else its
month (or year), so that a document dating the meeting to the day tells the same event.

>>> met_names("Met with President Bush at Kennebunkport, Maine, and Secretary Baker.")
['President Bush', 'Secretary Baker']
>>> met_names("Met with Prime Minister Planinc and Foreign Affairs Secretary Dizdarevic.")
['Prime Minister Planinc', 'Foreign Affairs Secretary Dizdarevic']
"""

from __future__ import annotations

import re
from functools import lru_cache

from kgraph.extract.gazetteer import load_gazetteer
from kgraph.extract.lexicon import lexicon
from kgraph.extract.nonactors import thing_named
from kgraph.normalize.names import TITLES, slug, strip_title
from kgraph.normalize.quality import ORGANISATION_HEAD as _ORGANISATION_HEAD
from kgraph.readers.historian import FORMAT
from kgraph.types import Document, Entity, Evidence, Extraction, Relation

# "Met with …", "Met also with …", "held talks with …", "summit (meeting) with …",
# "conferred with …": what follows names whom the traveller or visitor met.
_MET = re.compile(r"\b(?:met(?: also)?|talks|conferred|summit(?: meeting)?(?: \([^)]*\))?|"
                  r"meeting)\s+with\s+(?P<names>[^.;]+)", re.I)
# A name: capitalised words (initials, hyphens, apostrophes) and the particles inside
# names ("Jenis av Rana", "Charles de Gaulle"), the last run in a phrase.
_PARTICLES = "av|af|al|bin|ibn|da|das|de|del|der|di|dos|du|la|le|van|von|y"
_NAME = re.compile(rf"[A-Z][\w.'’-]*(?:\s+(?:(?:{_PARTICLES})\s+)*[A-Z][\w.'’-]*)*")
_MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|"
           "December")
# Where or when after the names, not more names.
_QUALIFIER = re.compile(r"\s+(?:at|in|during|on|while|aboard|near|after|before|following|"
                        r"prior|who|whom)\b.*$|\s+(?:to|for)\s+(?!the\b)[a-z].*$"
                        rf"|[\s,]+(?:{_MONTHS})\s+\d.*$")
_REGNAL = re.compile(r"^[IVX]+$")
_OF_PLACE = re.compile(r"\s+of\s+(?:the\s+)?(?P<place>[A-Z][\w'’ -]*)$")


@lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    words = {w for title in TITLES for w in title.rstrip(".").split()}
    return frozenset(words | set(lexicon()["title_words"]) | set(lexicon()["ruler_titles"]))


def _is_title(word: str) -> bool:
    """A title word, in the plural ("Ministers") or elect ("Minister-elect") too."""
    titles = _title_words()
    return word in titles or word.endswith("s") and word[:-1] in titles \
        or word.split("-")[0] in titles


def _is_country(text: str) -> bool:
    """A country's name, the gazetteer's or any in ISO 3166 ("Italy", "the Netherlands")."""
    return bool(load_gazetteer().country(re.sub(r"^the\s+", "", text.strip())))


def _split_title(run: str) -> tuple[str, str]:
    """(title, name) of a written run: the name is what follows the last title word
    ("Foreign Affairs Secretary Dizdarevic"), less a portfolio that opens it ("Energy
    Steen Lynge", after "Minister of Foreign Affairs and"); a ruler goes by title and
    given name ("Queen Juliana"). A run ending in a title names no one ("Vice President",
    "the Foreign Ministers")."""
    words = run.split()
    if _is_title(words[-1]):
        return run, ""
    titled = [i for i, w in enumerate(words) if _is_title(w)]
    cut = titled[-1] + 1 if titled else 0
    portfolio = lexicon()["portfolio_words"]
    while cut < len(words) - 1 and words[cut] in portfolio:
        cut += 1
    rulers = lexicon()["ruler_titles"]
    start = cut
    given = len(words) - 1 - bool(_REGNAL.match(words[-1]))  # "Elizabeth II"
    while cut == given and start > 0 and words[start - 1] in rulers:
        start -= 1  # "Queen Juliana", "Grand Duke Jean": a ruler's usual name
    while start == cut < len(words) - 1 and (_is_country(words[cut]) or words[cut].isupper()):
        start = cut = cut + 1  # "Envoy for [Yemen] Ismail Ould", "Ambassador to the [UN] …"
    return " ".join(words[:cut]), " ".join(words[start:])


def _met_person(part: str) -> tuple[str, str] | None:
    """(title, name) of one person a remark's list names, or None."""
    part = _QUALIFIER.sub("", part.strip())
    part = re.sub(r"^(?:and\s+)?(?:also\s+)?(?:with\s+)?", "", part)  # "… and with President Xi"
    if not part or not part[0].isupper() or _is_country(part):
        return None
    if (of := _OF_PLACE.search(part)) and _is_country(of.group("place")):
        part = part[:of.start()]  # "President Xi Jinping of China"
    runs = _NAME.findall(part)
    if not runs or len(runs[-1]) <= 2 or " " not in runs[-1] and runs[-1] != part:
        return None  # not "U" of "U.S. officials"
    title, name = _split_title(runs[-1])
    last = name.split()[-1] if name else ""
    if not name or _ORGANISATION_HEAD.search(last) or thing_named(name) \
            or last.removesuffix("s") in lexicon()["session_heads"]:
        return None  # "the Commission", "the Ministerial Meetings"
    before = part[:part.rindex(runs[-1])].strip()
    if not before and all(w in lexicon()["portfolio_words"] for w in title.split()):
        title = ""  # "Energy" of "… Affairs and Energy Steen Lynge": the title went before
    return " ".join(w for w in (before, title) if w), name


def met_people(remarks: str) -> list[tuple[str, str]]:
    """(title, name) of each person a record says was met (see the module's docstring)."""
    found = []
    for match in _MET.finditer(remarks):
        in_place = False  # "at Kennebunkport, Maine": the place runs on past its comma
        for part in re.split(r",\s*|\s+and\s+", match.group("names")):
            if _MET.search(part):  # "… and held talks with Soviet Premier Khrushchev"
                found += met_people(part)
            elif (person := _met_person(part)) and not (in_place and not person[0]):
                found.append(person)
            in_place = bool(_QUALIFIER.search(part)) or in_place and not person
    return found


def met_names(remarks: str) -> list[str]:
    """Who a record says was met, title and all: ``"Met with President Park and senior
    Korean officials."`` → ``["President Park"]``.

    >>> met_names("Attended Summit Meeting (November 19-21) with Soviet General "
    ...           "Secretary Gorbachev. Met also with Swiss President Furgler.")
    ['Soviet General Secretary Gorbachev', 'Swiss President Furgler']
    """
    return [f"{title} {name}".strip() for title, name in met_people(remarks)]


def _meeting_date(start: str, end: str) -> str:
    """The day of a one-day record; else the month, or the year, the record spans."""
    if start == end or not end:
        return start
    if start[:7] == end[:7]:
        return start[:7]
    return start[:4]


def _person(name: str, title: str, scope: str) -> Entity:
    """A person as the record names them; a single word (a bare surname: "President
    Park") is scoped to the record, as the extraction does, so two records' "Bush"
    stay apart until resolved."""
    key = slug(name) if " " in name.strip() else f"{scope}/{slug(name)}"
    return Entity(f"Person/{key}", name, "Person", roles=[title] if title else [])


def _visitor(written: str) -> tuple[str, str]:
    """(name, title) of the record's traveller or first visitor ("Chief of State Cheng
    Heng", "President Kwasniewski and Prime Minister Buzek")."""
    for part in re.split(r",\s*|\s+and\s+|\s+&\s+", written):
        if person := _met_person(part):
            return person[1], person[0]
    name, title = strip_title(written)
    return name or written, title or ""


def record_extraction(document: Document) -> Extraction:
    """The actors and meetings a trip or visit record states, from its fields."""
    record = document.metadata["record"]
    who = _person(*_visitor(record["who"]), document.id)
    if record["title"]:
        who.roles.append(record["title"])
    entities, relations = [who], []
    remarks_at = document.text.rfind(record["remarks"]) if record["remarks"] else -1
    evidence = Evidence.from_span(document.text, max(remarks_at, 0), len(document.text))
    for title, name in met_people(record["remarks"]):
        other = _person(name, title, document.id)
        if other.id == who.id or any(e.id == other.id for e in entities):
            continue
        entities.append(other)
        relations.append(Relation("metWith", who.id, other.id, evidence,
                                  date=_meeting_date(record["start"], record["end"]),
                                  confidence=0.95, extractor=f"{FORMAT}-record"))
    return Extraction(document, entities, relations)
