"""Spans the model labels as actors that name a thing, a place, a title or a topic.

The statistical model reads most capitalised phrases as an organisation or a person. In
diplomatic text many are neither: agreements and programmes ("Havana Treaty", "Military
Assistance Program"), lines on a map ("Peace Line"), the topics of an enumeration
("Normalization of Diplomatic Relations"), an office holder's title ("Assembly Speaker"),
the place a meeting is held ("talks at Fleur d'Eau"), a common noun after an article ("a
Leader Grant"). Each function says why; the words come from the lexicon
(extract/data/lexicon.yaml: thing_heads, thing_abbreviations, title_words, …).

>>> head_word("Level of Military Forces"), head_word("Administrator, Agency for Aid")
('Level', 'Administrator')
>>> thing_named("Havana Treaty"), thing_named("Assembly Speaker"), thing_named("NATO")
('a thing, not an actor', "an office holder's title", None)
>>> title_only("Deputy Assistant Under-Secretary"), title_only("Deputy Kim")
(True, False)
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from kgraph.extract.lexicon import lexicon

# The head of a name is the last word before its first "of", "with", "in", … or comma.
_HEAD_BREAK = re.compile(r",|\s(?:of|with|in|at|for|on|to|from)\s")
_ORDINAL = re.compile(
    r"^(?:the\s+)?(?:\d+(?:st|nd|rd|th)|[IVXL]+|(?:\w+-)?(?:First|Second|Third|Fourth|Fifth|"
    r"Sixth|Seventh|Eighth|Ninth|Tenth|Eleventh|Twelfth|\w+teenth|\w+tieth))\s", re.I)
_ARTICLES = {"a", "an"}
_CONNECTIVES = {"of", "the", "and", "for"}
_FUNCTION_WORDS = {"of", "the", "and", "for", "in", "on", "to", "at", "de", "du", "del"}
# Between a place's name and the "at" that makes it one: "at the Peace House conference room".
_MODIFIER_DEPS = {"compound", "nmod", "amod"}


def head_word(name: str) -> str:
    """ "Level of Military Forces" → "Level"; "Administrator, Agency for …" → "Administrator"."""
    words = _HEAD_BREAK.split(name, maxsplit=1)[0].split()
    return words[-1] if words else ""


def thing_named(name: str) -> str | None:
    """Why an organisation-labelled name is a thing or a title (None: it may be an actor)."""
    words = lexicon()
    head = head_word(name)
    if head.lower() in words["thing_heads"] or head in words["thing_abbreviations"]:
        return "a thing, not an actor"
    if head in words["title_words"] or head.endswith("s") and head[:-1] in words["title_words"]:
        return "an office holder's title"
    if _ORDINAL.match(name) and head in words["session_heads"]:
        return "a session, not an actor"  # "Twentieth Party Congress", "the 3rd Plenum"
    return None


def title_only(name: str) -> bool:
    """The name is made of title words alone ("Deputy Assistant Under-Secretary")."""
    words = re.split(r"[\s-]+", name.strip())
    titles = lexicon()["title_words"]
    return bool(words) and all(w in titles for w in words)


def newspaper(name: str) -> bool:
    """A newspaper's name ("Donga Ilbo", "Rodong Sinmun"), whatever the model says."""
    words = name.split()
    return len(words) > 1 and words[-1] in lexicon()["newspaper_heads"]


def shouted_surname(name: str) -> bool:
    """A telegram's shouted Russian surname ("ARKHIPOV"), not an acronym."""
    return (name.isupper() and name.isalpha() and len(name) >= 6
            and name.endswith(tuple(lexicon()["slavic_surname_ends"])))


def after_article(span: Span) -> bool:
    """ "a Department of State Leader Grant": a proper name takes no indefinite article; a
    capitalised common noun does ("an interpreter Mun Il" is a name after a common noun)."""
    doc = span.doc
    return any(child.dep_ == "det" and child.lower_ in _ARTICLES and child.i < span.start
               and not any(t.is_lower and t.lower_ not in _CONNECTIVES
                           for t in doc[child.i + 1:span.start])
               for child in span.root.children)


def without_cable_instruction(span: Span) -> Span:
    """ "Pass White House" → "White House": the cable's instruction is not the name."""
    if len(span) > 1 and span[0].text in lexicon()["cable_instructions"]:
        return span[1:]
    return span


def ends_with_adjective(span: Span) -> bool:
    """ "the other Far Eastern delegation": an adjective ends no actor's name; nor does a
    common noun in lower case ("Far Eastern area reserve"), but for an office's head noun
    a translation leaves in lower case ("the Shanghai Foreign Affairs office")."""
    end = span.end
    while end > span.start + 1 and span.doc[end - 1].lower_ in _FUNCTION_WORDS:
        end -= 1  # "the Consular Department of": the name ends before "of"
    last = span.doc[end - 1]
    return last.tag_ in {"JJ", "JJR", "JJS"} or last.is_lower and last.is_alpha \
        and last.lower_ not in lexicon()["office_heads"]


def _at_place(doc: Doc, start: int, end: int) -> bool:
    """The mention is the place of "at" ("at Sunnylands", "at the Peace House room")."""
    token: Token = doc[start:end].root
    while token.dep_ in _MODIFIER_DEPS and token.head is not token:
        token = token.head
    return token.dep_ == "pobj" and token.head.lower_ == "at"


def only_places(doc: Doc, spans: list[tuple[int, int]]) -> bool:
    """Every mention of a name is the place of "at": a venue in this document, not an actor
    ("talks at Fleur d'Eau"; "the White House said" keeps the White House an actor)."""
    return bool(spans) and all(_at_place(doc, start, end) for start, end in spans)
