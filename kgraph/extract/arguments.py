"""Building blocks of the relation rules: who a phrase names, who does a verb, to whom.

Arguments are mapped to actors through the entity mentions (`Actors.at`),
following appositives (``the President …, Donald Trump``), conjunctions
(``the Ministry of X and the Ministry of Y``) and the parser's habit of hanging a
name under its title (``Minister of Foreign Affairs Yi``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Token

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
    modality: str | None = None  # set by the rule itself ("Telegraph the fulfillment": planned)
    sent_now: bool = False  # the document itself carries it: dated by the document


def actors_of(token: Token | None, actors: Actors, depth: int = 0) -> list[Entity]:
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
                  for e in actors_of(child, actors, depth + 1)]
        people = [e for e in nested if e.type == "Person"]
        appositive = next((c for c in token.children if c.dep_ == "appos"), None)
        if len(people) > 1 and appositive is not None:
            found.extend(people)  # "the two leaders, Kim Jong-un and Donald Trump,"
        else:
            found.extend(people[:1] or nested[:1] or titled_name(token, actors))
    lex = lexicon()
    for child in token.children:
        if child.dep_ == "conj":
            found.extend(actors_of(child, actors, depth + 1))
        elif child.dep_ == "appos" and entity is not None and child.lemma_.lower() in lex[
                "companion_nouns"] and child_of(child, "poss") is not None:
            # "Kim, his wife Ri Sol Ju and officials": a list, not another name for Kim
            found.extend(actors_of(child, actors, depth + 1))
        elif child.dep_ == "appos" and entity is not None and entity.type == "Person" and (
                other := actors.at(child.i)) is not None and other.type == "Person" \
                and not _bracketed(child):
            # "Seo Hwi, Li Pil-gyu and …": a named person is no other name for another
            # (but "Pak Heon-yeong [Pak Hon Yong]" is)
            found.extend(actors_of(child, actors, depth + 1))
        elif child.dep_ == "prep" and child.lower_ == "including":
            found.extend(e for o in child.children if o.dep_ == "pobj"  # "…, including X"
                         for e in actors_of(o, actors, depth + 1))
    unique: dict[str, Entity] = {}
    for e in found:
        unique.setdefault(e.id, e)
    return list(unique.values())


def _bracketed(token: Token) -> bool:
    """Whether the phrase `token` heads is set off in brackets or parentheses."""
    start = token.left_edge.i
    return start > 0 and token.doc[start - 1].text in {"[", "("}


def titled_name(title: Token, actors: Actors) -> list[Entity]:
    """`Minister of Foreign Affairs Yi`: the parser hangs the name under "of"."""
    for prep in (c for c in title.children if c.dep_ == "prep" and c.lower_ == "of"):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            entity = actors.at(obj.i)
            if entity is not None and entity.type == "Person":
                return [entity]
            if deeper := titled_name(obj, actors):
                return deeper
    return []


def child_of(token: Token, *deps: str) -> Token | None:
    return next((c for c in token.children if c.dep_ in deps), None)


def prep_objects(token: Token, *words: str) -> list[Token]:
    """Objects of the prepositions `words` under `token` ("to Y", "with Y")."""
    objects = []
    for child in token.children:
        if child.dep_ in {"prep", "dative", "agent"} and child.lower_ in words:
            objects.extend(c for c in child.children if c.dep_ == "pobj")
    return objects


def doers_of(verb: Token, actors: Actors) -> list[Entity]:
    """Who does `verb`: its subject, the `by` agent of a passive, or a controller.

    "Howze and I called on …" (several subjects); "a letter sent by X" (agent);
    "X plans to write" (subject control); "the ministry instructed Y to call on Z"
    (object control: Y calls); "after meeting Z, X cabled …" (the main clause's subject).
    """
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if subjects and subjects[0].lower_ in {"they", "both"} and actors.at(subjects[0].i) is None:
        return previous_plural_subject(subjects[0], actors)
    if subjects and subjects[0].lower_ not in {"who", "which", "that"}:
        return [e for s in subjects for e in actors_of(s, actors)]
    for agent in prep_objects(verb, "by"):
        return actors_of(agent, actors)
    head = verb.head
    if head.i == verb.i:  # spaCy makes a new Token object each time: compare positions
        return []
    if verb.dep_ == "relcl" or verb.dep_ == "acl" and actors.at(head.i) is not None:
        if head.dep_ == "attr" and actors.at(head.i) is None:
            # "X was the first diplomat to have defected": the copula's subject.
            return actors_of(child_of(head.head, "nsubj"), actors)
        return actors_of(head, actors)  # "Hwang Jang-yop, a party secretary, defected …"
    if verb.dep_ == "xcomp":
        controller = child_of(head, "dobj") or child_of(head, "nsubjpass")
        if controller is not None and (found := actors_of(controller, actors)):
            return found
    marker = child_of(verb, "aux")
    if verb.dep_ == "advcl" and marker is not None and marker.lower_ == "to":
        # "I am sending Vance to Seoul to discuss …": the one sent does it.
        obj = child_of(head, "dobj")
        sent = [e for e in actors_of(obj, actors) if e.type == "Person"] if obj else []
        if sent:
            return sent
    if verb.dep_ in {"xcomp", "advcl", "conj", "acl"}:
        return doers_of(head, actors)
    if verb.dep_ == "pcomp" and head.head.i != head.i:
        return doers_of(head.head, actors)
    return []


def previous_plural_subject(pronoun: Token, actors: Actors) -> list[Entity]:
    """ "Rusk and McNamara plan … They met yesterday": the persons of the last plural subject."""
    sentence = pronoun.sent
    if sentence.start == 0:
        return []
    previous = pronoun.doc[sentence.start - 1].sent
    for token in previous:
        if token.dep_ == "nsubj" and any(c.dep_ == "conj" for c in token.children):
            people = [e for e in actors_of(token, actors) if e.type == "Person"]
            if len(people) > 1:
                return people
    return []


def recipients_of(token: Token, actors: Actors) -> list[Entity]:
    """Addressees: "to Y", a dative ("sent Y a letter"), or "from X to Y" on a noun."""
    found: list[Entity] = []
    for obj in prep_objects(token, "to"):
        found.extend(actors_of(obj, actors))
    if not found and (dative := child_of(token, "dative")) is not None and dative.pos_ != "ADP":
        found.extend(actors_of(dative, actors))
    if not found:  # "a letter from X to Y": the parser often hangs "to Y" under "from"
        for source in prep_objects(token, "from"):
            for prep in (c for c in source.head.children if c.dep_ == "prep" and c.lower_ == "to"):
                found.extend(e for o in prep.children if o.dep_ == "pobj"
                             for e in actors_of(o, actors))
    return found


def addressed_by(verb: Token, actors: Actors) -> list[Entity]:
    """A direct object that is an actor: "cabled the Department", "answered Kim"."""
    # "the letter which Menshikov handed President Kennedy": the relative pronoun is a
    # direct object too, so the one addressed is the other.
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.tag_ not in {"WDT", "WP"}),
               None)
    if obj is None or obj.lemma_.lower() in lexicon()["correspondence_nouns"]:
        return []
    return actors_of(obj, actors)


def parties_between(token: Token, actors: Actors) -> list[Entity]:
    """The parties "between X and Y" names: every actor mentioned in the phrase (the parser
    often hangs one side under the other: "between Kim and US President Donald Trump")."""
    found: dict[str, Entity] = {}
    for obj in prep_objects(token, "between", "among"):
        if obj.lower_ == "them":
            return _last_two_persons(obj, actors)  # "a meeting between them"
        if any(t.lemma_.lower() in lexicon()["counterpart_words"] for t in obj.subtree):
            return []  # "between Kerry, Hagel and their Russian counterparts": one side named
        for entity in actors_of(obj, actors):
            found.setdefault(entity.id, entity)
        for t in obj.subtree:
            if (entity := actors.at(t.i)) is not None and entity.type != "Country":
                found.setdefault(entity.id, entity)
    return list(found.values())


def _last_two_persons(pronoun: Token, actors: Actors) -> list[Entity]:
    """ "… wrote a letter to Brezhnev. In the letter Reagan recalled a meeting between
    them": the last two persons named before, within two sentences."""
    start = pronoun.doc[pronoun.sent.start - 1].sent.start if pronoun.sent.start > 0 \
        else pronoun.sent.start
    persons: list[Entity] = []
    for i in range(pronoun.i - 1, start - 1, -1):
        entity = actors.at(i)
        if entity is not None and entity.type == "Person" and entity not in persons:
            persons.append(entity)
            if len(persons) == 2:
                return persons
    return []


def distinct_pairs(senders: list[Entity], recipients: list[Entity]) -> Iterator[tuple]:
    for s in senders:
        for r in recipients:
            if s.id != r.id:
                yield s, r


def nested_with(verb: Token) -> list[Token]:
    """A `with` one step below the verb: under its object ("discuss details with the
    Minister") or under a place it names ("spent July 2-3 in Chinhae with Pak")."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    places = [o for c in verb.children if c.dep_ == "prep" and c.lower_ not in {
        "about", "on", "regarding", "concerning"} for o in c.children if o.dep_ == "pobj"]
    # Anywhere in the object ("discuss those points and other aspects of the conference
    # with the Foreign Minister"); only right under a place; never a meeting's own "with"
    # ("brief officials about Xi's meeting with Kim").
    meetings = lexicon()["meeting_nouns"]
    holders = [t for o in objects for t in o.subtree] + places
    return [obj for holder in holders if holder.lemma_.lower() not in meetings
            for obj in prep_objects(holder, "with")]
