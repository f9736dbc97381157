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


def _fled_a_room(verb: Token, actors: Actors) -> bool:
    """ "fled the plenum": left a place that is no state or party, and crossed no border."""
    obj = child_of(verb, "dobj")
    if obj is None or actors_of(obj, actors) or prep_objects(verb, "to", "into", "across"):
        return False
    crossings = lexicon()["border_words"]
    return not any(c.dep_ == "conj" and any(o.lemma_.lower() in crossings for o in c.subtree)
                   for c in verb.children)


def _granted_to(verb: Token, actors: Actors) -> list[Entity]:
    """Who was granted asylum: the dative of the active ("Russia gave Snowden asylum"), else
    the passive's subject, itself or the clause's it hangs on ("after being granted …")."""
    if (dative := child_of(verb, "dative")) is not None and dative.pos_ != "ADP":
        return actors_of(dative, actors)
    if granted := [e for o in prep_objects(verb, "to") for e in actors_of(o, actors)]:
        return granted  # "granted asylum to Edward Snowden"
    if (subject := child_of(verb, "nsubjpass")) is not None:
        return actors_of(subject, actors)
    if not any(c.dep_ == "auxpass" for c in verb.children):
        return []
    clause = verb
    for _ in range(4):  # up the clauses to the nearest person ("X claimed … after being …")
        if clause.head.i == clause.i:
            break
        clause = clause.head
        if people := [e for e in doers_of(clause, actors) if e.type == "Person"]:
            return people
    return []


def _described_by(person: Entity, trigger: Token, actors: Actors) -> Iterator[Token]:
    """The words that describe a defector in the sentence: the modifiers before his name
    ("US intelligence leaker Edward Snowden"), his appositive ("Shevchenko, a Soviet
    diplomat"), the noun a copula gives him ("was the most important Soviet diplomat")."""
    for token in trigger.sent:
        if actors.at(token.i) is not person:
            continue
        for child in token.children:
            if child.i < token.i or child.dep_ == "appos":
                yield from child.subtree
        if token.dep_ == "nsubj" and (attr := child_of(token.head, "attr")) is not None:
            yield from attr.subtree


def _nationality(person: Entity, trigger: Token, actors: Actors) -> list[Entity]:
    """The country a defector's own description names ("a Soviet diplomat defected")."""
    gazetteer = load_gazetteer()
    for token in _described_by(person, trigger, actors):
        if token.i == trigger.i or token.ent_type_ not in {"NORP", "GPE"}:
            continue
        # The whole name first: "North Korean" is not "Korean".
        words = next((e.text for e in token.doc.ents if e.start <= token.i < e.end), token.text)
        country = gazetteer.country_of_demonym(words) or gazetteer.country(words)
        if country:
            place = gazetteer.entity("Country", country)
            return [actors.entities.setdefault(place.id, place)]
    return []


def defections(trigger: Token, actors: Actors) -> Iterator[Found]:
    lemma = trigger.lemma_.lower()
    lex = lexicon()
    defectors: list[Entity] = []
    if lemma in lex["leaving_verbs"] and _fled_a_room(trigger, actors):
        return  # "fled the plenum" is no defection, unless "… and crossed the border"
    if lemma in lex["defection_verbs"] and trigger.pos_ == "VERB":
        defectors = doers_of(trigger, actors)
    elif lemma in lex["asylum_nouns"]:
        verb = trigger.head
        if verb.dep_ == "prep" and verb.lower_ == "for":  # "asked for political asylum"
            verb = verb.head
        if verb.lemma_.lower() in lex["granting_verbs"]:
            defectors = _granted_to(verb, actors)  # "was granted asylum by Russia"
            trigger = verb
        elif verb.lemma_.lower() in lex["asylum_verbs"]:
            defectors = doers_of(verb, actors)
            trigger = verb
    elif lemma in lex["defection_nouns"]:
        for obj in prep_objects(trigger, "of", "by"):
            defectors.extend(actors_of(obj, actors))
        possessor = child_of(trigger, "poss")
        # "her flight from Moscow" may be any journey: a flight is a defection only of
        # someone named ("Kim's flight to the South"), not of a pronoun's guess.
        if possessor is not None and not (lemma in lex["ambiguous_defection_nouns"]
                                          and possessor.pos_ == "PRON"):
            defectors.extend(actors_of(possessor, actors))
    places = [p for p in _left_from(trigger, actors) if p.type != "Person"] or \
        _opposite_of_destination(trigger, actors)
    for person in (d for d in defectors if d.type == "Person"):
        for place in places or _nationality(person, trigger, actors) or [person]:
            confidence = 0.8 if places else 0.7
            yield Found("defectedFrom", person, place, trigger, None, f"dep:{lemma}", confidence)
