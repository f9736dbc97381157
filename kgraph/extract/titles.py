"""The grammar of document titles: who wrote to whom, who talked with whom.

Archives title their documents in a few shapes, whatever the collection:

* ``[N.] [qualifiers] MEDIUM [No. X][,| from] SENDER to RECIPIENT[, for Z][ (via Y)]``:
  "Telegram From the Embassy in Korea to the Department of State", "Ciphered Telegram
  No. 709, Filippov [Stalin] to Krasovsky, for Mao Zedong", "Report, Embassy of Poland
  in China to the Polish Foreign Ministry", "Cable, X to Y [via Z]";
* ``Memorandum|Record|Report … Conversation between A and B`` (or ``with B``): a meeting;
* ``Journal|Diary of … NAME [for DATE]``: NAME is the author ("I" in the text).

A quoted subject ("…, 'On the Repatriation of …'") and "(Excerpt)" are not parties.

>>> title_parts("Cable, Stalin [Kuznetsov] to Mao Zedong [via Terebin]").via
['Terebin']
>>> title_parts("Record of a Conversation between B.N. Vereshchagin and Kim Hyung-mo").met
['B.N. Vereshchagin', 'Kim Hyung-mo']
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

MEDIA = ("Letter", "Telegram", "Cable", "Memorandum", "Airgram", "Message", "Note",
         "Despatch", "Dispatch", "Aide-Mémoire", "Aide-Memoire", "Telex", "Report",
         "Instruction", "Instructions", "Directive", "Circular", "Reply")
_MEDIUM = re.compile(r"\b(?P<medium>" + "|".join(MEDIA) + r")s?\b", re.I)
_NUMBER = re.compile(r"^\s*(?:No\.?|Nº|#)\s*[\w/–-]+|^\s*[A-Z]{1,3}[–-]\d+\b")
_CONVERSATION = re.compile(
    r"\b(?:Conversations?|Talks?|Meetings?|Discussions?|Interviews?)\b"
    r"(?P<between>.*?\s+(?:between|among)\s+(?P<parties>.+)|\s+with\s+(?P<partner>.+))$")
_CONVERSATION_HEADS = re.compile(
    r"^(?:\S+\s+){0,12}?(?:Memorandum|Record|Report|Minutes|Notes?|Transcript|Summary)\b")
_JOURNAL = re.compile(r"^(?:Journal|Diary|Notes?)\s+of\s+(?P<who>.+?)(?:\s+for\s+.+)?$")
_QUOTED_SUBJECT = re.compile(r"(?:[,:]\s*|\s)['\"“‘«](?=[A-Z]).*$")  # not "President's"
_TRAILING_NOTE = re.compile(r"\s*[(\[](?:Excerpts?|Extracts?|Summary|Draft)[)\]]\s*$", re.I)
_VIA = re.compile(r"\s*[(\[]\s*via\s+(?P<via>[^)\]]+)[)\]]")
_FOR = re.compile(r",\s*for\s+(?P<final>[^,]+)$", re.I)
# A trailing name after a title: "Soviet Ambassador to the DPRK A.M. Puzanov".
_TRAILING_NAME = re.compile(
    r"(?P<name>(?:[A-Z]\.\s?){1,3}[A-Z][\w'’-]+|(?:[A-Z][a-z][\w'’-]*\s+){0,2}[A-Z][\w'’-]+)$")


@dataclass
class TitleParts:
    """What a title says: a letter's parties, a conversation's, a journal's author."""

    medium: str | None = None
    planned: bool = False  # "Draft Memorandum", "Proposed Letter"
    senders: list[str] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    via: list[str] = field(default_factory=list)  # "[via Terebin]": the literal addressee
    met: list[str] = field(default_factory=list)
    partner: str | None = None  # "Conversation with X": the author met X
    author: str | None = None


def _clean(title: str) -> str:
    title = re.sub(r"^\s*\d+[a-z]?\.\s*", "", " ".join(title.split()))
    title = _QUOTED_SUBJECT.sub("", title)
    return _TRAILING_NOTE.sub("", title).strip(" ,.;")


def split_parties(phrase: str) -> list[str]:
    """ "Chairmen Khrushchev and Brezhnev" → both (a comma belongs to an office's name)."""
    parts = re.split(r"\s+and\s+(?=the\s|[A-Z])", phrase.strip(" ,."))
    return [p.strip(" ,.") for p in parts if p.strip(" ,.")]


def _letter(title: str, medium: re.Match[str]) -> TitleParts | None:
    rest = title[medium.end():]
    if number := _NUMBER.match(rest):
        rest = rest[number.end():]
    opener = re.match(r"^\s*(?:,\s*)?(?:[Ff]rom\s+|(?:[Hh]anded|[Dd]elivered|[Gg]iven|[Ss]ent|"
                      r"[Tt]ransmitted)\s+by\s+)|^\s*,\s*", rest)
    if opener is None:
        return None
    rest = rest[opener.end():]
    via = [v for m in _VIA.finditer(rest) for v in split_parties(m.group("via"))]
    rest = _VIA.sub("", rest)
    final: list[str] = []
    if m := _FOR.search(rest):
        final, rest = split_parties(m.group("final")), rest[:m.start()]
    # "… on January 30", "… on the Issue of Ethnic Koreans …": the date or subject, not a party.
    rest = re.sub(r"\s+(?:on|about|regarding|concerning)\s+(?:the\s+)?[A-Za-z\d].*$", "", rest)
    sender, recipient = _split_at_to(rest)
    planned = bool(re.search(r"\b(?:Draft|Proposed|Suggested)\b", title[:medium.start()], re.I))
    parts = TitleParts(medium.group("medium").lower(), planned, split_parties(sender))
    # "… to Krasovsky, for Mao Zedong": the message is Mao's; Krasovsky passes it on.
    parts.recipients = final or split_parties(recipient)
    parts.via = via + (split_parties(recipient) if final else [])
    return parts


def _split_at_to(rest: str) -> tuple[str, str]:
    """Sender and recipient: at the " to " after a bracketed name, else the last " to "
    that is not part of an office ("the Ambassador to Korea")."""
    if m := re.match(r"^(?P<sender>[^()]+\([^()]+\))\s+to\s+(?P<recipient>.+)$", rest):
        return m.group("sender"), m.group("recipient")
    cuts = [m for m in re.finditer(r"\s+to\s+", rest)]
    for cut in cuts:
        left = rest[:cut.start()]
        if not re.search(r"\b(?:Ambassador|Envoy|Representative|Minister|Delegation|Mission"
                         r"|Adviser|Advisor|Consul)$", left):
            return left, rest[cut.end():]
    return rest, ""


def title_parts(title: str) -> TitleParts:
    """The parties a document title names (empty when it names none)."""
    title = _clean(title)
    if m := _JOURNAL.match(title):
        name = _TRAILING_NAME.search(m.group("who"))
        return TitleParts(author=name.group("name") if name else m.group("who"))
    conversation = _CONVERSATION.search(title)
    if conversation and _CONVERSATION_HEADS.match(title):
        if conversation.group("parties"):
            return TitleParts(met=split_parties(conversation.group("parties")))
        return TitleParts(partner=conversation.group("partner").strip(" ,."))
    medium = _MEDIUM.search(title)
    if medium is None:
        return TitleParts()
    return _letter(title, medium) or TitleParts(medium.group("medium").lower())
