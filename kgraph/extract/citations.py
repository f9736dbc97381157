"""FRUS editorial notes cite the telegram a sentence tells of, right after it:
"The Embassy in Seoul also reported that … (Telegram 1748 from Seoul, June 30; ibid.)".

The citation says which way the telegram went (from or to the post it names) and its day.

>>> c = parse_citation("(Telegram 1748 from Seoul, June 30; ibid.)")
>>> c.direction, c.place, c.day
('from', 'Seoul', 'June 30')
>>> parse_citation("(Telegrams 410 to Tokyo and 77 to Manila, March 3, and telegram 9)").place
'Tokyo'
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span

from kgraph.extract.doctext import doc_text
from kgraph.normalize.dates import MONTHS

_MONTH_NAMES = "|".join(sorted((m.capitalize() for m in MONTHS), key=len, reverse=True))
_CITATION = re.compile(
    r"\(\s*(?:[Cc]ircular\s+)?(?:[Tt]elegrams?|[Aa]irgrams?|[Cc]ables?)\s+[\w–-]+"
    r"(?:\s+(?P<direction>from|to)\s+(?P<place>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?))?[^()]*\)")
_DAY = re.compile(r"\b(?:" + _MONTH_NAMES + r")\.?\s+\d{1,2}\b(?:,\s*\d{4})?")
# How far after a sentence's last word its citation may open (a closing quote, a space).
_REACH = 4


@dataclass(frozen=True)
class Citation:
    direction: str | None  # "from" or "to" the post it names
    place: str | None  # "Seoul": the post, by its city
    day: str | None  # "June 30", to be read against the document's year


def parse_citation(text: str) -> Citation | None:
    """The citation opening `text`, if `text` opens with one."""
    match = _CITATION.match(text)
    if match is None:
        return None
    day = _DAY.search(match.group().split(";")[0])  # "…, June 30; ibid.": before the file
    return Citation(match.group("direction"), match.group("place"), day.group() if day else None)


def citation_after(sentence: Span) -> Citation | None:
    """The telegram cited right after `sentence` (or closing it: the parser may keep the
    parenthesis inside the sentence)."""
    text = doc_text(sentence.doc)
    inside = sentence.text.rfind("(")
    if inside > 0 and (found := parse_citation(sentence.text[inside:])) is not None:
        return found
    start = sentence.end_char
    gap = text[start:start + _REACH + 1]
    opening = gap.find("(")
    if opening < 0 or gap[:opening].strip(" \n”\"'’"):
        return None
    return parse_citation(text[start + opening:start + opening + 400])
