"""Defection rules: defected, fled, the defection of X, sought or requested asylum.

A defection whose object is the person itself marks "left from unknown";
`kgraph.extract.qualify` fills it from the person's party or country.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from kgraph.extract.arguments import (
    Found,
    actors_of,
    child_of,
    doers_of,
    prep_objects,
)
from kgraph.extract.entities import Actors
from kgraph.extract.gazetteer import load_gazetteer
from kgraph.extract.lexicon import lexicon
from kgraph.types import Entity


def _left_from(trigger: Token, actors: Actors) -> list[Entity]:
    """Where a defector left, when the sentence says it: `defected from X`."""
    for obj in prep_objects(trigger, "from"):
        if found := actors_of(obj, actors):
            return found
    if trigger.lemma_.lower() in lexicon()["leaving_verbs"] and (obj := child_of(trigger, "dobj")):
        return actors_of(obj, actors)  # "fled North Korea"
    return []


def _opposite_of_destination(trigger: Token, actors: Actors) -> list[Entity]:
    """ "defected to South Korea": from North Korea (states divided in two, see lexicon)."""
    divided = lexicon()["divided_states"]
    for obj in prep_objects(trigger, "to"):
        for place in actors_of(obj, actors):
            if place.type == "Country" and place.name in divided:
                other = load_gazetteer().entity("Country", divided[place.name])
                return [actors.entities.setdefault(other.id, other)]
    return []


def defections(trigger: Token, actors: Actors) -> Iterator[Found]:
    lemma = trigger.lemma_.lower()
    lex = lexicon()
    defectors: list[Entity] = []
    if lemma in lex["defection_verbs"] and trigger.pos_ == "VERB":
        defectors = doers_of(trigger, actors)
    elif lemma in lex["asylum_nouns"]:
        verb = trigger.head
        if verb.dep_ == "prep" and verb.lower_ == "for":  # "asked for political asylum"
            verb = verb.head
        if verb.lemma_.lower() in lex["asylum_verbs"]:
            defectors = doers_of(verb, actors)
            trigger = verb
    elif lemma in lex["defection_nouns"]:
        for obj in prep_objects(trigger, "of", "by"):
            defectors.extend(actors_of(obj, actors))
        possessor = child_of(trigger, "poss")
        if possessor is not None:
            defectors.extend(actors_of(possessor, actors))
    places = [p for p in _left_from(trigger, actors) if p.type != "Person"] or \
        _opposite_of_destination(trigger, actors)
    for person in (d for d in defectors if d.type == "Person"):
        for place in places or [person]:
            confidence = 0.8 if places else 0.7
            yield Found("defectedFrom", person, place, trigger, None, f"dep:{lemma}", confidence)
