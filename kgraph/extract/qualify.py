"""Modality, date and the defector's origin for a relation found in a sentence.

>>> # "Please have Ambassador Hao meet with …"  → planned
>>> # "Kim did not meet Moon"                    → negated
>>> # "… on March 19, 1997"                      → 1997-03-19
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Span, Token

from kgraph.extract.entities import Actors
from kgraph.extract.gazetteer import Gazetteer
from kgraph.extract.lexicon import lexicon
from kgraph.normalize.dates import normalize_date
from kgraph.types import Entity


def _governors(token: Token, limit: int = 4) -> list[Token]:
    """The token and the heads above it, up to `limit` steps."""
    chain = [token]
    while chain[-1].head.i != chain[-1].i and len(chain) <= limit:  # the root heads itself
        chain.append(chain[-1].head)
    return chain


def _lemma(token: Token) -> set[str]:
    """The lemma, and the word's own stem where the lemmatizer slips ("hopes" → "hop")."""
    word = token.lower_
    return {token.lemma_.lower(), word, re.sub(r"(?:e?s|e?d|ing)$", "", word),
            re.sub(r"(?:s|d|ing)$", "", word)}


def modality(trigger: Token, sentence: Span) -> str:
    """``negated``, ``planned`` or ``asserted`` for a trigger in its sentence."""
    lex = lexicon()
    chain = _governors(trigger)
    # A relative clause is its own statement: in "preparing to release letters they sent",
    # the sending is not what is being prepared.
    boundary = next((i for i, t in enumerate(chain) if t.dep_ in {"relcl", "acl"}
                     and t.pos_ in {"VERB", "AUX"}), None)
    if boundary is not None:
        chain = chain[:boundary + 1]
    first_verb = next((i for i, t in enumerate(chain) if t.pos_ in {"VERB", "AUX"}), len(chain) - 1)
    for token in chain[: first_verb + 1]:
        for child in token.children:
            if child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ == "no"):
                return "negated"
    for token in chain[: first_verb + 1]:
        for child in token.children:
            if child.dep_ == "aux" and child.lower_ in lex["future_auxiliaries"]:
                return "planned"
            if child.dep_ == "amod" and child.lower_ in lex["planning_adjectives"]:
                return "planned"
    for below, token in zip(chain, chain[1:], strict=False):
        if token.pos_ == "VERB" and _lemma(token) & lex["negating_verbs"] \
                and below.dep_ in {"xcomp", "ccomp", "dobj", "pcomp"}:
            return "negated"  # "refused to meet", "denied writing" (not "in talks, he rejected")
        if token.pos_ == "VERB" and _lemma(token) & lex["planning_verbs"] and not (
                below.dep_ == "prep" and below.lower_ in lex["setting_prepositions"]):
            return "planned"  # not "In a conversation with X, Y asked for aid": its setting
    for token in chain[: first_verb + 1]:
        # A purpose clause states an intention: "sending Vance to Seoul to discuss …";
        # after a verb in the past it says what was done: "walked across the border to meet".
        clause = token  # "… to meet with Trump and to hand him a letter": both purposes
        while clause.dep_ == "conj" and clause.head.pos_ in {"VERB", "AUX"}:
            clause = clause.head
        if clause.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to"
                                          for c in clause.children) \
                and not past_tense(clause.head):
            return "planned"
    first_word = next((t for t in sentence if not t.is_punct), None)
    if first_word is not None and first_word.lower_ in lex["polite_openers"] \
            and trigger.pos_ in {"VERB", "AUX"}:  # "Please have X meet Y", not "your message"
        return "planned"
    return "asserted"


def past_tense(verb: Token) -> bool:
    """A verb in the past: "walked", "has walked" (not "is sending", "will send")."""
    if verb.tag_ == "VBD":
        return True
    if verb.tag_ == "VBG" and any(c.dep_ == "aux" and c.lower_ in lexicon()["past_going"]
                                  for c in verb.children):
        return True  # "went fishing"
    return verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_ == "have"
                                      for c in verb.children)


def relation_date(trigger: Token, sentence: Span, reference: str | None,
                  strict: bool = False, entities: Sequence[Span] | None = None,
                  forward: bool = False) -> str | None:
    """The date the sentence gives the event: the nearest DATE entity that resolves.

    `reference` (an ISO date) completes partial dates such as "September 19"; `forward`
    (a planned event) reads a weekday as the next one, not the last.
    `entities` are the sentence's entity spans when the caller has them already
    (``sentence.ents`` walks every entity of the Doc: quadratic over a long piece).
    """
    # The model files "New Year's Day 2019" under EVENT.
    spans = sentence.ents if entities is None else entities
    dates = [e for e in spans if (e.label_ == "DATE" or e.label_ == "EVENT" and any(
        ch.isdigit() for ch in e.text)) and not _in_range(e)]
    if not dates:
        return None
    subtree = {t.i for t in trigger.subtree} | {t.i for t in trigger.head.subtree}
    in_subtree = [d for d in dates if d.start in subtree]
    # Outside the trigger's phrase, only a date in its own clause: in "On the 25th he
    # released a journal with letters exchanged in 2018", the 25th is not the letters'.
    clause = next((t for t in _governors(trigger, 8) if t.pos_ in {"VERB", "AUX"}), trigger)
    while clause.dep_ in {"advcl", "xcomp", "conj"} and clause.head.pos_ in {"VERB", "AUX"}:
        clause = clause.head  # "… visited our embassy to request asylum"
    if clause.dep_ == "relcl":  # "the incident on February 12, when X requested asylum"
        clause = clause.head
    in_clause = {t.i for t in clause.subtree}
    explicit = [d for d in dates if any(ch.isdigit() for ch in d.text) and d.start in in_clause]
    # "… the collapse of the summit in Hanoi the following year.": a lone relative date.
    relative = [d for d in dates if len(dates) == 1 and d[-1].lower_ in {"year", "month", "day"}]
    # Telegraphese puts the date straight after the phrase: "meeting with Howze afternoon June 3".
    right_edge = trigger.right_edge.i
    adjacent = [d for d in dates if 0 < d.start - right_edge <= 2]
    candidates = (in_subtree or adjacent) if strict else (in_subtree or adjacent or explicit
                                                          or relative)
    candidates = [d for d in candidates if not _dates_the_report(d, trigger)]
    for candidate in sorted(candidates, key=lambda d: abs(d.start - trigger.i)):
        iso = normalize_date(candidate.text, reference, forward)
        if iso:
            return iso
    return None


def _dates_the_report(date: Span, trigger: Token) -> bool:
    """ "… meeting with Xi, state media reported on Wednesday": the day of the report, not
    of the meeting (the date hangs on a verb of saying below the trigger)."""
    reporting = lexicon()["reporting_verbs"]
    token = date.root
    for _ in range(6):
        if token.i == trigger.i or token.head.i == token.i:
            return False
        token = token.head
        if token.i != trigger.i and token.pos_ == "VERB" and token.lemma_.lower() in reporting:
            return any(a.i == trigger.i for a in token.ancestors)
    return False


def _in_range(date: Span) -> bool:
    """`between April 2018 and August 2019`: a span of time, not the event's date."""
    before = date.doc[date.start - 1].lower_ if date.start > 0 else ""
    after = date.doc[date.end].lower_ if date.end < len(date.doc) else ""
    first = date[0].lower_
    return first in {"between", "from"} or before in {"between", "from", "and", "until"} or (
        after in {"and", "to", "until", "-", "–"} and before in {"between", "from"})


def defection_origin(person: Entity, actors: Actors, gazetteer: Gazetteer) -> Entity | None:
    """What a defector left when the sentence does not say: the country, else the party.

    Leaving the country is what makes a defection; the party a defector served is
    left with it, but is not what the sentence says he left.
    """
    if person.country:
        return gazetteer.entity("Country", person.country)
    for role in person.roles:
        if role.endswith(")"):
            country = gazetteer.country(role.rsplit("(", 1)[1].rstrip(")"))
            if country:
                return gazetteer.entity("Country", country)
        if country := gazetteer.country_in_text(role):  # "captain in the North Korean air force"
            return gazetteer.entity("Country", country)
    for entity in actors.entities.values():
        if entity.type == "Party" and any(entity.name in role for role in person.roles):
            return entity
    # The one national party the document is about ("… fled the plenum and crossed the
    # border", in a report on the Workers' Party of Korea): its country.
    national = {e.country for e in actors.entities.values() if e.type == "Party" and e.country}
    if len(national) == 1:
        return gazetteer.entity("Country", national.pop())
    return None
