"""Roles written next to a person's name.

Before the name: ``former President Kim Young-sam`` → ``former President``;
``Chinese President Jiang Zemin`` → ``President (China)``; ``the Minister of
Foreign Affairs Pak Seong-cheol`` → ``Minister of Foreign Affairs``.
After it, as an appositive: ``Cho Sang-min, Acting Director of the
Presidential Archives,`` → ``Acting Director of the Presidential Archives``.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from kgraph.extract.gazetteer import Gazetteer
from kgraph.extract.lexicon import lexicon

_JOINERS = {"of", "for", "and", "the", "'", "’", "-", "on", "to"}
_STOP_AFTER = {",", ".", ";", ")", "(", ":", "—", "–", '"', "“", "”"}
_DROPPED_QUALIFIERS = {"the", "The", "then", "then-", "-"}


def _is_role_head(token: Token) -> bool:
    return token.text in lexicon()["role_heads"]


def _is_qualifier(token: Token) -> bool:
    return token.text in lexicon()["role_qualifiers"]


def _acceptable_left(token: Token) -> bool:
    if token.ent_type_ == "PERSON":
        return False
    if token.ent_type_ in {"ORG", "GPE", "NORP"}:
        return True
    return (_is_role_head(token) or _is_qualifier(token) or token.text in _JOINERS
            or (token.is_title and token.pos_ in {"PROPN", "NOUN", "ADJ"}))


def _country_of(token: Token, gazetteer: Gazetteer) -> str | None:
    if token.ent_type_ == "NORP":
        span_text = _entity_text(token)
        return gazetteer.country_of_demonym(span_text) or gazetteer.country_of_demonym(token.text)
    if token.ent_type_ == "GPE":
        return gazetteer.country(_entity_text(token))
    return None


def _entity_text(token: Token) -> str:
    doc = token.doc
    for ent in doc.ents:
        if ent.start <= token.i < ent.end:
            return ent.text
    return token.text


def _compose(tokens: list[Token], gazetteer: Gazetteer) -> str | None:
    while tokens and not (_is_role_head(tokens[0]) or _is_qualifier(tokens[0])
                          or tokens[0].ent_type_ in {"ORG", "GPE", "NORP"}):
        tokens = tokens[1:]
    while tokens and (tokens[-1].text in _JOINERS or tokens[-1].text in _DROPPED_QUALIFIERS):
        tokens = tokens[:-1]
    if not any(_is_role_head(t) and not t.ent_type_ for t in tokens):
        return None
    country = None
    words: list[str] = []
    leading = True
    for token in tokens:
        if leading and token.text in _DROPPED_QUALIFIERS:
            continue
        leading = False
        if token.ent_type_ in {"NORP", "GPE"} and not words:
            country = country or _country_of(token, gazetteer)
            continue
        words.append(token.text_with_ws)
    role = "".join(words).strip().replace(" '", "'").replace(" ’", "’")
    role = role[:1].lower() + role[1:] if role.startswith("Former ") else role
    if not role:
        return None
    # "President of the United States" → "President (United States)"
    m = None if country else re.match(r"^(.+?) of (?:the )?(.+)$", role)
    if m and (found := gazetteer.country(m.group(2))):
        role, country = m.group(1), found
    return f"{role} ({country})" if country else role


def _left_role(doc: Doc, span: Span, gazetteer: Gazetteer) -> str | None:
    sentence_start = span.sent.start
    i = span.start - 1
    if i > sentence_start and doc[i].text == "," and _acceptable_left(doc[i - 1]) \
            and doc[i - 1].ent_type_ in {"GPE", "ORG"}:
        i -= 1  # "the then President of the United States, Donald Trump"
    tokens: list[Token] = []
    while i >= sentence_start and len(tokens) < 12 and _acceptable_left(doc[i]):
        tokens.insert(0, doc[i])
        i -= 1
    return _compose(tokens, gazetteer) if tokens else None


def _appositive_role(doc: Doc, span: Span, gazetteer: Gazetteer) -> str | None:
    if span.end >= len(doc) or doc[span.end].text != ",":
        return None
    tokens: list[Token] = []
    i = span.end + 1
    while i < len(doc) and len(tokens) < 12 and doc[i].text not in _STOP_AFTER:
        if doc[i].pos_ == "VERB" or doc[i].ent_type_ == "PERSON":
            return None
        tokens.append(doc[i])
        i += 1
    if tokens and tokens[0].lower_ in {"a", "an"}:
        tokens = tokens[1:]  # "Thae Yong-ho, a North Korean diplomat in London,"
    if not tokens or not (_is_role_head(tokens[0]) or _is_qualifier(tokens[0])
                          or tokens[0].ent_type_ in {"NORP", "GPE"}):
        return None
    return _compose(tokens, gazetteer)


def find_role(doc: Doc, span: Span, gazetteer: Gazetteer) -> str | None:
    """The role stated beside one person mention, or None."""
    return _left_role(doc, span, gazetteer) or _appositive_role(doc, span, gazetteer)
