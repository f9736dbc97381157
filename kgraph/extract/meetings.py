"""Meeting rules: met, met with, held talks, received, called on, a summit between X and Y."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from kgraph.extract.arguments import (
    Found,
    actors_of,
    child_of,
    distinct_pairs,
    doers_of,
    nested_with,
    parties_between,
    prep_objects,
)
from kgraph.extract.entities import Actors
from kgraph.extract.lexicon import lexicon
from kgraph.types import Entity


def meetings_from_verb(verb: Token, actors: Actors) -> Iterator[Found]:
    lemma = verb.lemma_.lower()
    lex = lexicon()
    partners: list[Entity] = []
    extractor = f"dep:{lemma}-verb"
    if lemma in lex["meeting_verbs"]:
        obj = child_of(verb, "dobj") or child_of(verb, "nsubjpass")  # "Y was visited by X"
        partners = actors_of(obj, actors) if obj is not None else []
        for p in prep_objects(verb, "with"):
            partners.extend(actors_of(p, actors))
        if lemma in lex["person_only_meeting_verbs"]:  # visiting a place is not meeting
            partners = [p for p in partners if p.type == "Person"]
    elif lemma in lex["receiving_verbs"]:
        extractor = f"dep:{lemma}-guest"  # not "dep:receive-verb", the letter received
        obj = child_of(verb, "dobj") or child_of(verb, "nsubjpass")  # "Y was received by X"
        if obj is not None and obj.lemma_.lower() not in lex["correspondence_nouns"]:
            partners = [e for e in actors_of(obj, actors) if e.type == "Person"]
    elif lemma in lex["talking_verbs"]:
        if any(t.lemma_.lower() in lex["correspondence_nouns"] for o in prep_objects(verb, "in")
               for t in [o]):
            return  # "He tells Kim in the letter that …": written, not said face to face
        objects = prep_objects(verb, "with", "to") or nested_with(verb)
        if lemma in lex["seeing_verbs"] and (obj := child_of(verb, "dobj")) is not None:
            objects.append(obj)
        partners = [e for o in objects for e in actors_of(o, actors) if e.type == "Person"]
    elif lemma in lex["aside_verbs"] and any(c.lower_ in lex["aside_particles"]
                                             for c in verb.children):
        obj = child_of(verb, "dobj")  # "I took President Pak aside"
        partners = [e for e in actors_of(obj, actors) if e.type == "Person"] if obj else []
    elif lemma in lex["calling_verbs"]:
        for p in prep_objects(verb, *lex["calling_particles"]):
            partners.extend(actors_of(p, actors))
    elif lemma in lex["holding_verbs"]:
        obj = child_of(verb, "dobj")
        if obj is None or obj.lemma_.lower() not in lex["meeting_nouns"]:
            return
        for p in prep_objects(verb, "with") + prep_objects(obj, "with"):
            partners.extend(actors_of(p, actors))
        partners.extend(parties_between(obj, actors))
        extractor = f"dep:{lemma}-{obj.lemma_.lower()}"
    elif lemma in lex["awaiting_verbs"]:  # "Kim Il Sung will expect my arrival"
        obj = child_of(verb, "dobj")
        if obj is None or obj.lemma_.lower() not in lex["awaited_nouns"]:
            return
        partners = [e for o in [child_of(obj, "poss")] + prep_objects(obj, "of")
                    for e in actors_of(o, actors) if e.type == "Person"]
        extractor = f"dep:{lemma}-arrival"
    elif lemma in lex["shared_activity_verbs"]:  # "I went fishing with Ambassador Qiao"
        partners = [e for p in prep_objects(verb, "with") for e in actors_of(p, actors)
                    if e.type == "Person"]
        extractor = f"dep:{lemma}-with"
    else:
        return
    doers = doers_of(verb, actors)
    if lemma in lex["shared_activity_verbs"]:  # persons go fishing; "I went fishing": the
        doers = [d for d in doers if d.type == "Person"] or [  # subject hangs on "went"
            e for aux in verb.children if aux.dep_ == "aux"
            for c in aux.children if c.dep_ == "nsubj" for e in actors_of(c, actors)]
    subject = child_of(verb, "nsubj", "nsubjpass")
    if not partners and _we(subject) and (lemma in lex["mutual_meeting_verbs"] or (
            lemma in lex["talking_verbs"] and _somewhere(verb))):
        # "for us to meet personally", "which we discussed in Vienna" (correspondents
        # "discuss" issues by letter: only a place makes it a talk)
        yield from _we_met(verb, actors, f"dep:{lemma}-verb+us")
        return
    if not partners and lemma in lex["talking_verbs"] and _sent_by_writer(verb):
        # "I have asked Ambassador Thompson to discuss the question": with the addressee
        for envoy in (d for d in doers if d.type == "Person"):
            yield Found("metWith", envoy, envoy, verb, None, f"dep:{lemma}-verb+addressee",
                        0.6, "planned")
        return
    if not partners and len(doers) > 1 and lemma in lex["mutual_meeting_verbs"] | lex[
            "holding_verbs"]:
        partners = doers[1:]  # "X and Y met"
        doers = doers[:1]
    # One awaits an arrival still to come: planned, whatever the verb's tense.
    mode = "planned" if lemma in lex["awaiting_verbs"] else None
    for s, r in distinct_pairs(doers, partners):
        yield Found("metWith", s, r, verb, None, extractor, 0.8, mode)


def present_at(word: Token, actors: Actors) -> Iterator[Found]:
    """ "Pak was present at the meeting": Pak met its participants (filled in by
    `kgraph.extract` from the document's author and meetings)."""
    # "X was present at the meeting"; "X and Y were also at the meeting".
    lex = lexicon()
    attending = word.lower_ in lex["attendance_words"] and word.pos_ in {"ADJ", "VERB"} or (
        word.lemma_ == "be" and word.dep_ == "ROOT" and child_of(word, "acomp") is None)
    if not attending:
        return
    meeting_nouns = lex["meeting_nouns"]
    verb = word.head if word.dep_ == "acomp" else word  # "was present at": "at" hangs on "was"
    if not any(o.lemma_.lower() in meeting_nouns for t in (word, verb)
               for o in prep_objects(t, "at", "during", "in", "for")):
        return
    for person in (e for e in doers_of(verb, actors) if e.type == "Person"):
        yield Found("metWith", person, person, word, None, "dep:present-at+meeting", 0.7)


def meetings_from_noun(noun: Token, actors: Actors) -> Iterator[Found]:
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in lexicon()["holding_verbs"]:
        return
    if noun.dep_ == "compound" and noun.head.lemma_.lower() in lexicon()["meeting_nouns"]:
        return  # "a summit meeting with X": the head noun carries the parties
    participants = parties_between(noun, actors)
    possessor = child_of(noun, "poss")
    partners: list[Entity] = []
    # "a summit with X", "a summit planned with X" (the parser hangs "with" on "planned")
    for holder in [noun, *(c for c in noun.children if c.dep_ == "acl")]:
        for p in prep_objects(holder, "with"):
            partners.extend(actors_of(p, actors))
    if noun.lemma_.lower() in lexicon()["travel_nouns"]:  # "my trip to you": to a person
        heads = [noun, noun.head] if noun.dep_ == "dobj" else [noun]  # "postpone my trip to you"
        partners.extend(e for h in heads for p in prep_objects(h, "to")
                        for e in actors_of(p, actors) if e.type == "Person")
        if not partners:
            return
    hosts = actors_of(possessor, actors) if possessor is not None else []
    if partners and not hosts:  # "I gathered from a conversation with PriMin …"
        # the nearest clause with a subject ("he was open to dialogue, including a summit
        # meeting with Trump": not "including")
        verbs = [t for t in noun.ancestors if t.pos_ in {"VERB", "AUX"}][:4]
        hosts = next((found for v in verbs if (found := doers_of(v, actors))), [])
    pairs = list(distinct_pairs(hosts, partners))
    if not partners and possessor is not None and possessor.lower_ == "their":
        pairs += _their_meeting(noun, actors)  # "Reagan and Gorbachev began their talks"
    if len(participants) > 1:
        pairs += [(participants[0], p) for p in participants[1:]]
    if not pairs and not partners and noun.lower_.rstrip("-") in lexicon()["summit_nouns"]:
        pairs = _clause_pair(noun, actors)
    for s, r in pairs:
        yield Found("metWith", s, r, noun, None, f"dep:{_noun_word(noun)}-noun", 0.7)
    if not pairs and not partners and _we(possessor):
        yield from _we_met(noun, actors, f"dep:{_noun_word(noun)}-noun+us")
    elif not pairs and not partners and _proposed_by_us(noun):  # a proposal: not yet held
        yield from _we_met(noun, actors, f"dep:{_noun_word(noun)}-noun+us", "planned")


def _their_meeting(noun: Token, actors: Actors) -> list[tuple[Entity, Entity]]:
    """ "X and Y began their talks": the persons who are the verb's subjects met (not "X
    and Y visited Pyongyang for their summits": each had his own)."""
    if noun.dep_ != "dobj":
        return []
    verb = noun.head
    people = [e for e in doers_of(verb, actors) if e.type == "Person"] if verb else []
    return [(a, b) for i, a in enumerate(people) for b in people[i + 1:] if a.id != b.id]


def _sent_by_writer(verb: Token) -> bool:
    """ "I have asked X to discuss …": the writer sends an envoy to talk."""
    head = verb.head
    return verb.dep_ == "xcomp" and head.lemma_.lower() in lexicon()["sending_envoy_verbs"] \
        and (subject := child_of(head, "nsubj")) is not None \
        and subject.text in lexicon()["first_person"]


def _somewhere(verb: Token) -> bool:
    """ "… discussed in Vienna": a place the verb happened at."""
    return any(o.ent_type_ in {"GPE", "LOC", "FAC"} for o in prep_objects(verb, "in", "at"))


def _we(token: Token | None) -> bool:
    return token is not None and token.text in lexicon()["first_person_plural"]


def _proposed_by_us(noun: Token) -> bool:
    """ "the meeting which you have proposed", "your proposal for a meeting": in a letter,
    a meeting of its writer and addressee."""
    lex = lexicon()
    persons = lex["first_person"] | lex["second_person"] | lex["first_person_plural"]
    for clause in (c for c in noun.children if c.dep_ in {"relcl", "acl"}):
        subject = child_of(clause, "nsubj")
        if clause.lemma_.lower() in lex["proposing_verbs"] and subject is not None \
                and subject.text in persons:
            return True
    proposal = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ in {"for", "of"} \
        else None
    return proposal is not None and proposal.lemma_.lower() in lex["proposal_nouns"] and (
        (owner := child_of(proposal, "poss")) is not None and owner.text in persons)


def _we_met(trigger: Token, actors: Actors, extractor: str, modality: str | None = None
            ) -> Iterator[Found]:
    """ "our meeting in Vienna", "for us to meet": in a letter between two persons, the
    writer and the addressee met (filled in by `kgraph.extract`)."""
    placeholder = next(iter(actors.entities.values()), None)
    if placeholder is not None:
        yield Found("metWith", placeholder, placeholder, trigger, None, extractor, 0.6, modality)


def _noun_word(noun: Token) -> str:
    """The meeting noun as the lexicon lists it ("discussions" → "discussion")."""
    nouns = lexicon()["meeting_nouns"]
    lemma = noun.lemma_.lower().rstrip("-")
    return lemma if lemma in nouns else noun.lower_.rstrip("-")


def _clause_pair(noun: Token, actors: Actors) -> list[tuple[Entity, Entity]]:
    """A summit named without its parties, in a clause where one leader acts on another
    ("Trump reassured Kim … after the collapse of the summit"): those two met."""
    root = noun.sent.root
    subject, obj = child_of(root, "nsubj"), child_of(root, "dobj")
    people = [[e for e in actors_of(t, actors) if e.type == "Person"] for t in (subject, obj)]
    if people[0] and people[1] and people[0][0].id != people[1][0].id:
        return [(people[0][0], people[1][0])]
    return []
