"""Name normalisation: the keys that decide when two mentions are one actor.

>>> name_key("KIM Jong Un") == name_key("Kim Jong-un")
True
>>> slug("Ministry of Foreign Affairs (China)")
'ministry-of-foreign-affairs-china'
>>> strip_title("former President Kim Young-sam")
('Kim Young-sam', 'former President')
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Titles that may stand before a name; longest first so that
# "Secretary of State" wins over "Secretary".
TITLES: tuple[str, ...] = tuple(
    sorted(
        {
            "President", "Vice President", "President-elect", "Vice President-elect",
            "Chairmen", "Presidents", "Ministers", "Ambassadors", "Secretaries", "Cde.",
            "Prime Minister", "Premier", "Chairman",
            "General Secretary", "Secretary General", "Secretary", "Secretary of State",
            "Secretary of Defense", "Foreign Minister", "Minister", "Vice Minister",
            "Deputy Minister", "Minister of Foreign Affairs", "Ambassador", "Chargé",
            "Chargé d'Affaires", "Director", "Acting Director", "Deputy Director",
            "Counselor", "Consul", "Consul General", "Senator", "Governor", "General",
            "Admiral", "Colonel", "Marshal", "Comrade", "Leader", "King",
            "Emperor", "Chancellor", "Mr.", "Mr", "Mrs.", "Ms.", "Dr.", "Professor",
            "Gen", "Gen.", "Amb", "Amb.", "Adm", "Adm.", "Sen", "Sen.", "Col", "Col.",
            "Lt", "Lt.", "Maj", "Maj.", "Capt", "Capt.",
            "Reporter", "Envoy", "Special Envoy", "Assistant Secretary", "Under Secretary",
            "Deputy Secretary", "Speaker", "Vice Speaker", "Chief", "Commander",
        },
        key=len,
        reverse=True,
    )
)
_TITLE_WORDS = "|".join(re.escape(t) for t in TITLES)
_TITLE_RE = re.compile(
    r"^(?P<title>(?:(?:former|then|then-|acting|the|late)\s*)*"
    r"(?:(?:[A-Z][a-z]+ )?(?:" + _TITLE_WORDS + r")\b\.?\s+)+)",
)


# "Ivanov V.I.": a surname, then the initials (Russian order).
_SURNAME_INITIALS = re.compile(
    r"^(?P<surname>[A-Z][a-z][\w'-]+)\s+(?P<initials>(?:[A-Z]\.\s?)*[A-Z]\.?)$")


def initials_first(name: str) -> str:
    """ "Ivanov V.I." → "V.I. Ivanov": a Russian-order name in the English order."""
    if order := _SURNAME_INITIALS.match(name):
        return f"{order.group('initials').rstrip('.')}. {order.group('surname')}"
    return name


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower case without accents, apostrophes or typographic quotes."""
    if text.isascii():  # the common case: nothing to decompose or replace
        return text.lower()
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return text.replace("’", "'").replace("‘", "'").lower()


# Korean given names romanised by McCune–Reischauer write 시 "shi" where other systems
# write "si" ("Ki-shik", "Ki-sik"): one name. Only a hyphenated syllable closed by a Korean
# final consonant: Wade–Giles "-shih" and pinyin's "Shi" (a surname apart from "Si") keep
# their spelling.
_KOREAN_SHI = re.compile(r"(?<=-)([Ss])hi(?=[klmnp]\b)")


def _one_romanisation(name: str) -> str:
    return _KOREAN_SHI.sub(r"\1i", name) if "hi" in name else name


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """Spelling-insensitive key: case, hyphens, spaces, apostrophes and the Korean
    "shi"/"si" of romanisations folded.

    >>> name_key("Min Ki-shik") == name_key("MIN Ki-sik")
    True
    """
    return re.sub(r"[^a-z0-9]", "", fold(_one_romanisation(name)))


def slug(name: str) -> str:
    """URL-safe lower-case slug of a name (romanisations of one name give one slug)."""
    return re.sub(r"[^a-z0-9]+", "-", fold(_one_romanisation(name))).strip("-") or "unnamed"


def strip_title(name: str) -> tuple[str, str | None]:
    """Split a leading title off a person's name: ``("Kim Young-sam", "former President")``."""
    match = _TITLE_RE.match(name)
    if not match:
        return name, None
    rest = name[match.end():].strip()
    if not rest or not rest[0].isupper():
        return name, None
    return rest, match.group("title").strip()


def clean_name(name: str) -> str:
    """Trim articles, possessives, brackets and stray punctuation from a mention."""
    name = " ".join(name.replace("\n", " ").split())
    name = re.sub(r"^(?:the|The)\s+", "", name)
    name = re.sub(r"(?:'s|’s|'|’)$", "", name)
    if name.count("(") > name.count(")"):  # "Ministry of the Interior and Safety (MOIS"
        name = name[:name.rindex("(")]
    return name.strip(" ,.;:()[]\"“”-")


# A title, then the name: "DPRK Consul General to the USSR Kim Hyung-mo", "DVO Attaché I. V.
# Andreyev".
_NAME_AFTER_TITLE = re.compile(
    r"\b(?:" + "|".join(re.escape(t) for t in TITLES if t[0].isupper()) + r"|Attaché|Counsellor)"
    r"\b.*?\s(?P<name>(?:[A-Z]\.\s?){0,3}[A-Z][a-z][\w'’]*(?:[\s-]+[A-Za-z][a-z][\w'’]*){0,2})$")


def name_after_title(text: str) -> str | None:
    """The person a title phrase ends with, if it ends with a name."""
    match = _NAME_AFTER_TITLE.search(text)
    return match.group("name") if match else None
