"""Names that are names: tidy what a mention drags along, refuse what is not an actor.

Archive text hands the recognizer honorifics ("His Excellency …"), footnote digits glued
to words in copied web pages ("Brezhnev1"), distribution-list tails ("Gromyko 2 - Cde"),
list markers ("B. Development"), cut-off organisation names ("Government of the"),
telegraphese ("FYI", "REF"), filing codes ("KOR N"), two names joined ("Rusk and JP") and
coordinated organisations ("the Ministry of Foreign
Affairs and the Foreign Economic Liaison Committee"). `tidy_name` repairs what can be
repaired; `name_problem` says why a name is still not an actor's name.

>>> tidy_name("His Excellency Mr. Kim Il Sung"), tidy_name("Brezhnev1")
('Kim Il Sung', 'Brezhnev')
>>> tidy_name("Council of Ministers of the"), tidy_name("Gromyko 2 - Cde")
('Council of Ministers', 'Gromyko')
>>> name_problem("B. Development"), name_problem("I. Vinogradov", "Person")
('a list marker', None)
>>> name_problem("the Ministry of Foreign Affairs and the Foreign Economic Liaison Committee")
'two coordinated organisations'
>>> name_problem("Department of Political and Security Council Affairs") is None
True
>>> name_problem("Rusk and JP"), name_problem("KOR N")
('two names joined', 'a filing code')
"""

from __future__ import annotations

import re

_HONORIFICS = re.compile(
    r"^(?:(?:His|Her|Their)\s+(?:Excellency|Excellencies|Majesty|Highness)|"
    r"(?:The\s+)?(?:Right\s+)?Hono(?:u)?rable|Hon\.|Mr\.?|Mrs\.?|Ms\.?|Messrs\.?|Dr\.?|"
    r"Cdes?\.|Comrades?|Monsieur|Madame|Sir)\s+")
_GLUED_DIGITS = re.compile(r"(?<=[a-z])\d{1,3}\b")  # "Brezhnev1", "Department of State1"
_LIST_TAIL = re.compile(r"\s+\d+\s*[-–—]\s*\w*\.?\s*$|\s+[-–—]\s*\d+\s*$")  # "Gromyko 2 - Cde"
_TRAILING_FUNCTION_WORDS = re.compile(r"(?:\s+(?:of|the|and|for|in|on|to|at|de|del|du))+\s*$",
                                      re.I)
_LIST_MARKER = re.compile(r"^(?:[A-J]|\d{1,2}|[ivx]{1,4})[.)]\s")
# Quotation marks around words (an apostrophe inside a name, "Workers' Party", is not one).
_QUOTES = re.compile(r"[\"“”«»]|(?:^|\s)['‘][^'’]+['’](?:\s|$)")
_DOCUMENT_FURNITURE = re.compile(
    r"\b(?:SUBJECT|PARTICIPANTS|Nº|No\.|Copy|Incoming|Outgoing|CIPHER|Ref|REF|FYI|DEF|"
    r"Circular|Telegram|Memorandum|Journal of|Report on|"
    # security classifications and distribution captions ("Top Secret; Flash.")
    r"Top Secret|Eyes Only|Limited Official Use|NODIS|EXDIS|LIMDIS)\b")
_COORDINATED = re.compile(
    r"\b(?:Ministry|Department|Committee|Embassy|Council|Government|Party|Office|Commission"
    r"|Agency|Bureau)\b.*\s(?:and|&)\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+){0,5}"
    r"(?:Ministry|Department|Committee|Embassy|Council|Government|Party|Office|Commission"
    r"|Agency|Bureau)\b(?:\s+of\b.*|\s*\(.*\))?$")


# Two short names joined ("Rusk and JP"): two actors, not one; an organisation named
# with "and" has its head word, which `_COORDINATED` and the checks above look at.
_JOINED_NAMES = re.compile(
    r"^[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*)?\s(?:and|&)\s[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*)?$")
ORGANISATION_HEAD = re.compile(
    r"\b(?:Ministry|Department|Committee|Embassy|Council|Government|Party|Office|Commission"
    r"|Agency|Bureau|Company|Corporation|Bank|Institute|University|Association|Union"
    r"|Administration|Archives|Service|Authority|Organi[sz]ation|Forces?|Command|Center|Centre"
    r"|Foundation|Assembly|Congress|Society|Fund|Group)\b")
# Two signatures read as one name: "N. Khrushchev L. Brezhnev".
_INITIALLED = r"(?:[A-Z]\.\s?){1,3}[A-Z][\w'’-]+"
_TWO_INITIALLED = re.compile(rf"^{_INITIALLED}\s+{_INITIALLED}$")
# The State Department's central-file codes in citations ("POL 27 VIET S"): a country's
# file code ("KOR N", "VIET S-CAMB"), not an actor.
_FILE_CODE = re.compile(r"^[A-Z]{2,6} [NS](?:-[A-Z]{2,6}(?: [NS])?)*$")


_BARE_OFFICES = frozenset({
    "government", "governments", "ministry", "ministries", "department", "embassy",
    "committee", "council", "party", "office", "cabinet", "administration", "consulate"})


def tidy_name(name: str) -> str:
    """The name without honorifics, glued footnote digits, list tails or a cut-off end."""
    name = " ".join(name.split())
    while (stripped := _HONORIFICS.sub("", name)) != name:
        name = stripped
    name = _LIST_TAIL.sub("", name)
    name = _GLUED_DIGITS.sub("", name)
    return _TRAILING_FUNCTION_WORDS.sub("", name).strip(" ,;:-")


def name_problem(name: str, kind: str = "Organization") -> str | None:
    """Why `name` is not an actor's name (None: it may well be one).

    A person's name may open with an initial ("I. Vinogradov"); an organisation's may not.
    """
    if not name or not any(ch.isalpha() for ch in name):
        return "no letters"
    if kind != "Person" and _LIST_MARKER.match(name):
        return "a list marker"
    if _QUOTES.search(name):
        return "a quoted title"
    if re.search(r"\d", name) and not re.search(r"\bNo\.?\s*\d|^\d+(?:st|nd|rd|th)\b", name):
        return "a digit"
    if _DOCUMENT_FURNITURE.search(name):
        return "document furniture"
    if _HONORIFICS.match(name + " "):
        return "an honorific"
    if _COORDINATED.search(name):
        return "two coordinated organisations"
    if kind not in {"Person", "Country"} and _JOINED_NAMES.match(name) \
            and not ORGANISATION_HEAD.search(name):
        return "two names joined"
    if _TWO_INITIALLED.match(name):
        return "two names joined"
    if _FILE_CODE.match(name):
        return "a filing code"
    if _TRAILING_FUNCTION_WORDS.search(name):
        return "a cut-off name"
    if name.lower() in _BARE_OFFICES:
        return "an office word without its country"
    return None
