"""Office holders by date: who "Shtykov", "Ambassador Ivanov" or "the Secretary" was.

Two tables in ``data/``: ``offices_us.tsv`` (U.S. Presidents, Secretaries of State and
ambassadors to Korea, the Soviet Union, China and Japan since 1945, built from the Office
of the Historian's POCOM by ``scripts/build_offices.py``) and ``offices.tsv`` (heads of
state and government, foreign ministers and chiefs of mission of the two Koreas, China,
the Soviet Union/Russia and Japan, from public knowledge). A bare surname resolves to the
one holder with that surname in office within a year of the document's date; East Asian
surnames (Kim, Pak, Li …) are too common to resolve this way.

>>> holders = load_office_holders()
>>> holders.by_surname("Shtykov", "1950-10-14").name
'Terentii Shtykov'
>>> holders.by_surname("Rusk", "1964-05").name  # POCOM's full name; "Dean Rusk" an alias
'David Dean Rusk'
>>> holders.by_surname("Ivanov", "1980") is None  # two Ivanovs, neither in office then
True
>>> holders.by_surname("Brezhnev", "2005").name  # the only Brezhnev, whenever the text
'Leonid Brezhnev'
>>> holders.by_title("The Secretary of Defense", "1964-05-05").name
'Robert S. McNamara'
>>> holders.by_title("President", "1961-04-18", "United States").name
'John F. Kennedy'
>>> holders.by_title("President", "1961-01-21", "United States").name  # the day after
'John F. Kennedy'

"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from kgraph.extract.lexicon import east_asian_surnames
from kgraph.normalize.names import name_key

_DATE = re.compile(r"\d{4}(?:-\d{2}){0,2}")
_SLACK_MONTHS = 12  # a holder is still named by the title a year after leaving office


@dataclass(frozen=True)
class Holder:
    name: str
    office: str
    country: str
    start: str  # YYYY[-MM[-DD]]
    end: str  # "" while in office
    aliases: tuple[str, ...] = field(default_factory=tuple)

    def near(self, date: str | None) -> bool:
        """Whether the term covers `date`, give or take _SLACK_MONTHS."""
        if not date:
            return True
        month = _months(date)
        return _months(self.start) - _SLACK_MONTHS <= month <= (
            _months(self.end) + _SLACK_MONTHS if self.end else 10**6)


_FILLER = frozenset({"the", "of", "for", "to", "and", "s", "elect", "former", "acting"})


_SUFFIXES = {"Jr", "Sr", "II", "III", "IV"}


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z]+", text.lower())) - _FILLER


# A title with one of these names another office than the table's ("Deputy Prime Minister").
_LESSER = frozenset({"deputy", "vice", "assistant", "under", "associate", "first"})
# "Minister of Foreign Affairs" is the table's "Foreign Minister".
_SAME_OFFICE = frozenset({"affairs"})


def _surname_keys(holder: Holder) -> set[str]:
    """The surname in each of the holder's names: East Asian names put it first ("Chen Yi"
    is a Chen)."""
    east_asian = east_asian_surnames()
    keys = set()
    for name in (holder.name, *holder.aliases):
        words = name.split(", ")[0].split()
        if words:
            keys.add(surname_key(words[0] if words[0] in east_asian else words[-1]))
    return keys


def _best_for_title(found: list[Holder], title: str) -> list[Holder]:
    """The holders whose office shares most words with the title written with the name."""
    wanted = _words(title)
    scores = {id(h): len(wanted & _words(h.office)) for h in found}
    best = max(scores.values(), default=0)
    return [h for h in found if scores[id(h)] == best] if best else found


def _months(date: str) -> int:
    parts = date.split("-")
    return int(parts[0]) * 12 + (int(parts[1]) - 1 if len(parts) > 1 else 6)


def surname_key(word: str) -> str:
    """A surname folded across transliterations: "Vyshinskyy", "Vyshinskii" → one key."""
    key = re.sub(r"(.)\1+", r"\1", name_key(word))
    return re.sub(r"ki$", "ky", key)


def _usual_names(name: str) -> list[str]:
    """ "David Dean Rusk" → "Dean Rusk", "David Rusk", "David D. Rusk" (POCOM: all forenames)."""
    words = name.split(", ")[0].split()
    suffix = ""
    if len(words) > 3 and words[-1].rstrip(".") in _SUFFIXES:  # "… Bonesteel III"
        suffix, words = " " + words[-1], words[:-1]
    if len(words) < 3:
        return []
    first, middle, last = words[0], words[1:-1], words[-1]
    return [f"{middle[-1]} {last}", f"{first} {last}",
            f"{first} {' '.join(m[0] + '.' for m in middle)} {last}{suffix}"]


class OfficeHolders:
    """Lookups over the dated office-holder tables."""

    def __init__(self, holders: list[Holder]) -> None:
        self.holders = holders
        self._by_surname: dict[str, list[Holder]] = {}
        self._by_name: dict[str, list[Holder]] = {}
        self._by_any_surname: dict[str, list[Holder]] = {}  # East Asian surnames too
        east_asian = east_asian_surnames()
        for holder in holders:
            for key in _surname_keys(holder):
                self._by_any_surname.setdefault(key, []).append(holder)
            for name in (holder.name, *holder.aliases):
                self._by_name.setdefault(name_key(name), []).append(holder)
            for name in (holder.name, *holder.aliases):
                words = name.split(", ")[0].replace("-", " ").split()
                while len(words) > 1 and words[-1].rstrip(".") in _SUFFIXES:
                    words = words[:-1]  # "Charles H. Bonesteel III": Bonesteel
                if not words or words[0] in east_asian or words[-1] in east_asian:
                    continue
                self._by_surname.setdefault(surname_key(words[-1]), []).append(holder)

    def by_surname(self, surname: str, date: str | None, initials: str = "",
                   title: str | None = None) -> Holder | None:
        """The one holder with this surname in office near `date` (initials must fit; a
        title written with the name, "President Kennedy", breaks a tie)."""
        candidates = self._by_surname.get(surname_key(surname), [])
        found = [h for h in candidates if h.near(date)]
        if not found and len({h.name for h in candidates}) == 1:
            found = candidates  # a retrospective ("In 1981 Reagan wrote to Brezhnev"): the only one
        if initials:
            found = [h for h in found if h.name[0].upper() == initials[0].upper()]
        if title and found and not any(_words(title) & _words(h.office) for h in found):
            # "President Kennedy" in 1992 is no Under Secretary Kennedy in office then.
            found = [h for h in candidates if _words(title) & _words(h.office)] or found
        if len({h.name for h in found}) > 1 and title:
            found = _best_for_title(found, title)
        names = {h.name for h in found}
        return found[0] if len(names) == 1 else None

    def by_name(self, name: str) -> Holder | None:
        """The holder whose name or other spelling `name` is ("Yi Tong-won", "Chung Il Kwon"),
        when it names only one person."""
        found = {h.name: h for h in self._by_name.get(name_key(name), [])}
        return next(iter(found.values())) if len(found) == 1 else None

    def by_titled_surname(self, surname: str, date: str | None, title: str) -> Holder | None:
        """The one holder near `date` of the office `title` names ("President Pak", "Prime
        Minister Chong") whose surname is `surname`: with the office written, East Asian
        surnames resolve too, put first or last ("Pak Chong-hui", "Chung Il-kwon")."""
        wanted = _words(title)
        if not date or not wanted or wanted & _LESSER:
            return None
        found = {h.name: h for h in self._by_any_surname.get(surname_key(surname), [])
                 if (office := _words(h.office)) and office <= wanted | _SAME_OFFICE
                 and h.near(date)}
        return next(iter(found.values())) if len(found) == 1 else None

    def by_title(self, title: str, date: str | None, country: str | None = None
                 ) -> Holder | None:
        """The one holder of the office named exactly ("The Secretary of Defense") at `date`,
        in `country` when given ("the President" of a U.S. document)."""
        if not date:
            return None
        office = re.sub(r"^(?:the|The)\s+", "", title.strip(" ,.")).lower()
        n = len(date)  # compared at the date's precision: the day a term ends, the next begins
        found = {h.name: h for h in self.holders if h.office.lower() == office
                 and (country is None or h.country == country)
                 and h.start[:n] <= date <= (h.end[:n] if h.end else "9999")}
        return next(iter(found.values())) if len(found) == 1 else None

    def display_name(self, holder: Holder) -> str:
        """ "William Putnam Bundy" → "William P. Bundy" (as FRUS persons lists write it)."""
        usual = _usual_names(holder.name)
        return usual[2] if usual else holder.name

    def usual_names(self, holder: Holder) -> list[str]:
        return [*holder.aliases, *_usual_names(holder.name)]


def _rows(filename: str) -> list[Holder]:
    text = resources.files("kgraph").joinpath(f"extract/data/{filename}").read_text("utf-8")
    holders = []
    for line in text.splitlines():
        if not line.strip() or line.startswith(("#", "name\t")):
            continue
        cells = line.split("\t") + [""] * 6
        if not _DATE.fullmatch(cells[3]) or cells[4] and not _DATE.fullmatch(cells[4]):
            continue  # a row without a usable term
        aliases = tuple(a.strip() for a in cells[5].split(";") if a.strip())
        holders.append(Holder(cells[0], cells[1], cells[2], cells[3], cells[4], aliases))
    return holders


@lru_cache(maxsize=1)
def load_office_holders() -> OfficeHolders:
    return OfficeHolders(_rows("offices_us.tsv") + _rows("offices.tsv"))
