"""Sentence-level relation rules over the dependency parse.

Each rule starts from a trigger token (lemmas in ``data/lexicon.yaml``) and
walks to its arguments: ``nsubj`` and ``agent`` for the doer, ``to`` for the
addressee, ``with`` and ``between … and …`` for meeting partners, ``of`` for
the one who defected. Arguments are mapped to actors through the entity
mentions (`Actors.at`), following appositives (``the President …, Donald Trump``)
and conjunctions (``the Ministry of X and the Ministry of Y``).

Every `Found` carries the trigger so that modality, date and medium can be
decided in one place (`kgraph.extract.qualify`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Span, Token

from kgraph.extract.entities import Actors
from kgraph.extract.lexicon import lexicon
from kgraph.types import Entity


@dataclass
class Found:
    type: str
    subject: Entity
    object: Entity
    trigger: Token
    medium: str | None
    extractor: str
    confidence: float


def _actors_of(token: Token | None, actors: Actors, depth: int = 0) -> list[Entity]:
    """Actors a noun phrase stands for: itself, its appositives, its conjuncts."""
    if token is None or depth > 8:
        return []
    found: list[Entity] = []
    entity = actors.at(token.i)
    if entity is not None:
        found.append(entity)
    else:
        # "the President of the United States, Donald Trump": the appositive names the actor;
        # a person wins over the organisation in "Party Secretary Hwang".
        nested = [e for child in token.children if child.dep_ in {"appos", "compound"}
                  for e in _actors_of(child, actors, depth + 1)]
        people = [e for e in nested if e.type == "Person"]
        appositive = next((c for c in token.children if c.dep_ == "appos"), None)
        if len(people) > 1 and appositive is not None:
            found.extend(people)  # "the two leaders, Kim Jong-un and Donald Trump,"
        else:
            found.extend(people[:1] or nested[:1] or _titled_name(token, actors))
    for child in token.children:
        if child.dep_ == "conj":
            found.extend(_actors_of(child, actors, depth + 1))
    unique: dict[str, Entity] = {}
    for e in found:
        unique.setdefault(e.id, e)
    return list(unique.values())


def _titled_name(title: Token, actors: Actors) -> list[Entity]:
    """`Minister of Foreign Affairs Yi`: the parser hangs the name under "of"."""
    for prep in (c for c in title.children if c.dep_ == "prep" and c.lower_ == "of"):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            entity = actors.at(obj.i)
            if entity is not None and entity.type == "Person":
                return [entity]
            if deeper := _titled_name(obj, actors):
                return deeper
    return []


def _child(token: Token, *deps: str) -> Token | None:
    return next((c for c in token.children if c.dep_ in deps), None)


def _prep_objects(token: Token, *words: str) -> list[Token]:
    """Objects of the prepositions `words` under `token` ("to Y", "with Y")."""
    objects = []
    for child in token.children:
        if child.dep_ in {"prep", "dative", "agent"} and child.lower_ in words:
            objects.extend(c for c in child.children if c.dep_ == "pobj")
    return objects


def _doers(verb: Token, actors: Actors) -> list[Entity]:
    """Who does `verb`: its subject, the `by` agent of a passive, or a controller.

    "Howze and I called on …" (several subjects); "a letter sent by X" (agent);
    "X plans to write" (subject control); "the ministry instructed Y to call on Z"
    (object control: Y calls); "after meeting Z, X cabled …" (the main clause's subject).
    """
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if subjects and subjects[0].lower_ not in {"who", "which", "that"}:
        return [e for s in subjects for e in _actors_of(s, actors)]
    for agent in _prep_objects(verb, "by"):
        return _actors_of(agent, actors)
    head = verb.head
    if head is verb:
        return []
    if verb.dep_ == "relcl" or verb.dep_ == "acl" and actors.at(head.i) is not None:
        return _actors_of(head, actors)  # "Hwang Jang-yop, a party secretary, defected …"
    if verb.dep_ == "xcomp":
        controller = _child(head, "dobj") or _child(head, "nsubjpass")
        if controller is not None and (found := _actors_of(controller, actors)):
            return found
    marker = _child(verb, "aux")
    if verb.dep_ == "advcl" and marker is not None and marker.lower_ == "to":
        # "I am sending Vance to Seoul to discuss …": the one sent does it.
        obj = _child(head, "dobj")
        sent = [e for e in _actors_of(obj, actors) if e.type == "Person"] if obj else []
        if sent:
            return sent
    if verb.dep_ in {"xcomp", "advcl", "conj", "acl"}:
        return _doers(head, actors)
    if verb.dep_ == "pcomp" and head.head is not head:
        return _doers(head.head, actors)
    return []


def _recipients(token: Token, actors: Actors) -> list[Entity]:
    """Addressees: "to Y", a dative ("sent Y a letter"), or "from X to Y" on a noun."""
    found: list[Entity] = []
    for obj in _prep_objects(token, "to"):
        found.extend(_actors_of(obj, actors))
    if not found and (dative := _child(token, "dative")) is not None and dative.pos_ != "ADP":
        found.extend(_actors_of(dative, actors))
    if not found:  # "a letter from X to Y": the parser often hangs "to Y" under "from"
        for source in _prep_objects(token, "from"):
            for prep in (c for c in source.head.children if c.dep_ == "prep" and c.lower_ == "to"):
                found.extend(e for o in prep.children if o.dep_ == "pobj"
                             for e in _actors_of(o, actors))
    return found


def _addressed(verb: Token, actors: Actors) -> list[Entity]:
    """A direct object that is an actor: "cabled the Department", "answered Kim"."""
    obj = _child(verb, "dobj")
    if obj is None or obj.lemma_.lower() in lexicon()["correspondence_nouns"]:
        return []
    return _actors_of(obj, actors)


def _between(token: Token, actors: Actors) -> list[Entity]:
    found: list[Entity] = []
    for obj in _prep_objects(token, "between", "among"):
        found.extend(_actors_of(obj, actors))
    return found


def _correspondence_noun(token: Token) -> Token | None:
    """The letter-like noun a verb is about (object, passive subject or the noun it modifies)."""
    nouns = lexicon()["correspondence_nouns"]
    if token.dep_ in {"acl", "relcl"} and token.head.lemma_.lower() in nouns:
        return token.head
    for child in token.children:
        if child.dep_ not in {"dobj", "nsubjpass", "nsubj", "attr"}:
            continue
        if child.lemma_.lower() in nouns:
            return child
        inner = _child(child, "prep")  # "one of these letters was sent"
        obj = _child(inner, "pobj") if inner is not None else None
        if obj is not None and obj.lemma_.lower() in nouns:
            return obj
    return None


def _pairs(senders: list[Entity], recipients: list[Entity]) -> Iterator[tuple]:
    for s in senders:
        for r in recipients:
            if s.id != r.id:
                yield s, r


def _letters_from_verb(verb: Token, actors: Actors) -> Iterator[Found]:
    lemma = verb.lemma_.lower()
    lex = lexicon()
    noun = _correspondence_noun(verb)
    if lemma in lex["exchange_words"] and noun is not None:
        # "X and Y exchanged letters": both directions.
        parties = _doers(verb, actors) + _between(verb, actors)
        for s, r in _pairs(parties, parties):
            yield Found("sentLetterTo", s, r, verb, noun.lemma_.lower(), "dep:exchange", 0.8)
        return
    if lemma in lex["sending_verbs"] and noun is None:
        return
    if lemma not in lex["sending_verbs"] and lemma not in lex["writing_verbs"]:
        return
    medium = noun.lemma_.lower() if noun is not None else "letter"
    # "A letter from X was delivered to Y by Z": X wrote it, Z only carried it.
    senders = (_noun_senders(noun, actors) if noun is not None else []) or _doers(verb, actors)
    recipients = _recipients(verb, actors) or (_recipients(noun, actors) if noun else [])
    if not recipients and lemma in lex["writing_verbs"]:
        recipients = _addressed(verb, actors)
    for s, r in _pairs(senders, recipients):
        yield Found("sentLetterTo", s, r, verb, medium, f"dep:{lemma}-verb", 0.85)


def _noun_senders(noun: Token, actors: Actors) -> list[Entity]:
    possessor = _child(noun, "poss")
    if possessor is not None:
        return _actors_of(possessor, actors)
    found: list[Entity] = []
    for obj in _prep_objects(noun, "from"):
        found.extend(_actors_of(obj, actors))
    return found


_INSTITUTIONS = {"Ministry", "Embassy", "Government", "Institution"}


def _letters_received(verb: Token, actors: Actors) -> Iterator[Found]:
    """`[We] received your telegram`, `he had received letters from Ohno`: sender → receiver."""
    if verb.lemma_.lower() not in lexicon()["receiving_verbs"]:
        return
    noun = _child(verb, "dobj")
    passive = noun is None
    noun = noun or _child(verb, "nsubjpass")  # "Your telegram of 6 March has been received."
    if noun is None or noun.lemma_.lower() not in lexicon()["correspondence_nouns"]:
        return
    senders = _noun_senders(noun, actors)
    if passive and not _prep_objects(verb, "by"):
        # Received by whoever writes this document: `kgraph.extract` fills it in.
        for s in senders:
            yield Found("sentLetterTo", s, s, noun, noun.lemma_.lower(),
                        "dep:receive-verb+speaker", 0.7)
        return
    for s, r in _pairs(senders, _doers(verb, actors)):
        yield Found("sentLetterTo", s, r, noun, noun.lemma_.lower(), "dep:receive-verb", 0.8)


def _notices(verb: Token, actors: Actors) -> Iterator[Found]:
    """`The Department of State informed the Embassy in Seoul`: a telegram between offices."""
    if verb.lemma_.lower() not in lexicon()["notifying_verbs"]:
        return
    obj = _child(verb, "dobj")
    recipients = _actors_of(obj, actors) if obj is not None else _recipients(verb, actors)
    senders = _doers(verb, actors)
    for s, r in _pairs(senders, recipients):
        if s.type in _INSTITUTIONS and r.type in _INSTITUTIONS:
            yield Found("sentLetterTo", s, r, verb, "telegram", f"dep:{verb.lemma_.lower()}-office",
                        0.6)


def _letters_from_noun(noun: Token, actors: Actors) -> Iterator[Found]:
    if noun.dep_ in {"nsubjpass", "dobj"} and noun.head.lemma_.lower() in (
        lexicon()["sending_verbs"] | lexicon()["writing_verbs"]
    ):
        return  # the verb rule covers it, with better arguments
    senders = _noun_senders(noun, actors)
    recipients = _recipients(noun, actors)
    medium = noun.lemma_.lower()
    if not senders and noun.dep_ == "pobj" and noun.head.lower_ == "in" \
            and noun.head.head.pos_ == "VERB":
        senders = _doers(noun.head.head, actors)  # "In a letter to Y, X wrote …"
        # "In a telegram, X asked Y …": the one addressed is the addressee.
        recipients = recipients or [e for e in _addressed(noun.head.head, actors)
                                    if e.type == "Person"]
    for s, r in _pairs(senders, recipients):
        yield Found("sentLetterTo", s, r, noun, medium, f"dep:{medium}-noun", 0.75)
    if senders and not recipients and noun.dep_ == "pobj" and noun.head.lower_ == "in" \
            and _child(noun, "poss") is None:
        # "In a personal letter on September 6, Kim said …": the addressee is whoever
        # this sender writes to elsewhere in the document (see `kgraph.extract.context`).
        for s in senders:
            yield Found("sentLetterTo", s, s, noun, medium, f"dep:{medium}-noun+context", 0.6)
    exchanged = _exchange_between(noun, actors)
    for s, r in _pairs(exchanged, exchanged):
        yield Found("sentLetterTo", s, r, noun, medium, "dep:exchange", 0.75)


def _exchange_between(noun: Token, actors: Actors) -> list[Entity]:
    """Letters exchanged between X and Y: both directions."""
    verb = next((c for c in noun.children if c.lemma_.lower() in lexicon()["exchange_words"]),
                None)
    if verb is None and noun.head.lemma_.lower() in lexicon()["exchange_words"]:
        verb = noun.head
    if verb is None:
        return []
    return _between(verb, actors) or _between(noun, actors)


def _nested_with(verb: Token) -> list[Token]:
    """A `with` one step below the verb: under its object ("discuss details with the
    Minister") or under a place it names ("spent July 2-3 in Chinhae with Pak")."""
    holders = [c for c in verb.children if c.dep_ == "dobj"]
    holders += [o for c in verb.children if c.dep_ == "prep" for o in c.children
                if o.dep_ == "pobj"]
    return [obj for holder in holders for obj in _prep_objects(holder, "with")]


def _meetings_from_verb(verb: Token, actors: Actors) -> Iterator[Found]:
    lemma = verb.lemma_.lower()
    lex = lexicon()
    partners: list[Entity] = []
    extractor = f"dep:{lemma}-verb"
    if lemma in lex["meeting_verbs"]:
        obj = _child(verb, "dobj") or _child(verb, "nsubjpass")  # "Y was visited by X"
        partners = _actors_of(obj, actors) if obj is not None else []
        for p in _prep_objects(verb, "with"):
            partners.extend(_actors_of(p, actors))
        if lemma == "visit":  # visiting a place or an embassy is not meeting someone
            partners = [p for p in partners if p.type == "Person"]
    elif lemma in lex["receiving_verbs"]:
        obj = _child(verb, "dobj") or _child(verb, "nsubjpass")  # "Y was received by X"
        if obj is not None and obj.lemma_.lower() not in lex["correspondence_nouns"]:
            partners = [e for e in _actors_of(obj, actors) if e.type == "Person"]
    elif lemma in lex["talking_verbs"]:
        objects = _prep_objects(verb, "with", "to") or _nested_with(verb)
        if lemma == "see" and (obj := _child(verb, "dobj")) is not None:
            objects.append(obj)
        partners = [e for o in objects for e in _actors_of(o, actors) if e.type == "Person"]
    elif lemma == "call":
        for p in _prep_objects(verb, "on", "upon"):
            partners.extend(_actors_of(p, actors))
    elif lemma in lex["holding_verbs"]:
        obj = _child(verb, "dobj")
        if obj is None or obj.lemma_.lower() not in lex["meeting_nouns"]:
            return
        for p in _prep_objects(verb, "with") + _prep_objects(obj, "with"):
            partners.extend(_actors_of(p, actors))
        partners.extend(_between(obj, actors))
        extractor = f"dep:{lemma}-{obj.lemma_.lower()}"
    else:
        return
    doers = _doers(verb, actors)
    if not partners and len(doers) > 1 and lemma in {"meet", "confer"} | lex["holding_verbs"]:
        partners = doers[1:]  # "X and Y met"
        doers = doers[:1]
    for s, r in _pairs(doers, partners):
        yield Found("metWith", s, r, verb, None, extractor, 0.8)


def _meetings_from_noun(noun: Token, actors: Actors) -> Iterator[Found]:
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in lexicon()["holding_verbs"]:
        return
    participants = _between(noun, actors)
    possessor = _child(noun, "poss")
    partners: list[Entity] = []
    for p in _prep_objects(noun, "with"):
        partners.extend(_actors_of(p, actors))
    hosts = _actors_of(possessor, actors) if possessor is not None else []
    if partners and not hosts:  # "I gathered from a conversation with PriMin …"
        verb = next((t for t in noun.ancestors if t.pos_ == "VERB"), None)
        hosts = _doers(verb, actors) if verb is not None else []
    pairs = list(_pairs(hosts, partners))
    if len(participants) > 1:
        pairs += [(participants[0], p) for p in participants[1:]]
    if not pairs and not partners and noun.lower_.rstrip("-") == "summit":
        pairs = _clause_pair(noun, actors)
    for s, r in pairs:
        yield Found("metWith", s, r, noun, None, f"dep:{noun.lower_.rstrip('-')}-noun", 0.7)


def _clause_pair(noun: Token, actors: Actors) -> list[tuple[Entity, Entity]]:
    """A summit named without its parties, in a clause where one leader acts on another
    ("Trump reassured Kim … after the collapse of the summit"): those two met."""
    root = noun.sent.root
    subject, obj = _child(root, "nsubj"), _child(root, "dobj")
    people = [[e for e in _actors_of(t, actors) if e.type == "Person"] for t in (subject, obj)]
    if people[0] and people[1] and people[0][0].id != people[1][0].id:
        return [(people[0][0], people[1][0])]
    return []


def _left_from(trigger: Token, actors: Actors) -> list[Entity]:
    """Where a defector left, when the sentence says it: `defected from X`."""
    for obj in _prep_objects(trigger, "from"):
        if found := _actors_of(obj, actors):
            return found
    if trigger.lemma_.lower() in {"flee", "escape", "leave"} and (obj := _child(trigger, "dobj")):
        return _actors_of(obj, actors)  # "fled North Korea"
    return []


def _defections(trigger: Token, actors: Actors) -> Iterator[Found]:
    lemma = trigger.lemma_.lower()
    lex = lexicon()
    defectors: list[Entity] = []
    if lemma in lex["defection_verbs"] and trigger.pos_ == "VERB":
        defectors = _doers(trigger, actors)
    elif lemma == "asylum":
        verb = trigger.head
        if verb.lemma_.lower() in lex["asylum_verbs"]:
            defectors = _doers(verb, actors)
            trigger = verb
    elif lemma in lex["defection_nouns"]:
        for obj in _prep_objects(trigger, "of", "by"):
            defectors.extend(_actors_of(obj, actors))
        possessor = _child(trigger, "poss")
        if possessor is not None:
            defectors.extend(_actors_of(possessor, actors))
    places = [p for p in _left_from(trigger, actors) if p.type != "Person"]
    for person in (d for d in defectors if d.type == "Person"):
        for place in places or [person]:
            confidence = 0.8 if places else 0.7
            yield Found("defectedFrom", person, place, trigger, None, f"dep:{lemma}", confidence)


def find_relations(sentence: Span, actors: Actors) -> Iterator[Found]:
    """Every relation the rules find in one parsed sentence (see `_find_relations`).

    Countries do not meet: "discussions between the United States and Korea" name
    the governments' talks, not a meeting of two actors kgraph can place.
    """
    for found in _find_relations(sentence, actors):
        if found.type == "metWith" and found.subject.type == found.object.type == "Country":
            continue
        yield found


def _find_relations(sentence: Span, actors: Actors) -> Iterator[Found]:
    """Every relation the rules find in one parsed sentence.

    A defection whose object is the person itself marks "left from unknown";
    `kgraph.extract.qualify` fills it from the person's party or country.
    """
    lex = lexicon()
    for token in sentence:
        lemma = token.lemma_.lower()
        if token.pos_ in {"VERB", "AUX"}:
            yield from _letters_from_verb(token, actors)
            yield from _meetings_from_verb(token, actors)
            yield from _notices(token, actors)
            yield from _letters_received(token, actors)
        if token.pos_ in {"NOUN", "PROPN"} or token.text.endswith("-"):  # "summit- USA"
            if lemma in lex["correspondence_nouns"]:
                yield from _letters_from_noun(token, actors)
            if lemma in lex["meeting_nouns"] or token.lower_.rstrip("-") in lex["meeting_nouns"]:
                yield from _meetings_from_noun(token, actors)
        if lemma in lex["defection_verbs"] | lex["defection_nouns"]:
            yield from _defections(token, actors)
