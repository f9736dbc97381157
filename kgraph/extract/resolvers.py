"""Named argument resolvers for the frame rules: thin wrappers over `kgraph.extract.arguments`.

A frame rule names a chain of them for its subject and for its object, each applied to one
node of the matched frame (``subject: [doers: trigger]``); the first that finds actors wins.
Keep them few and general: a resolver says where an argument sits in English, not which
words trigger a relation (those are the rules' and the lexicon's).
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from kgraph.extract.arguments import (
    actors_of,
    addressed_by,
    child_of,
    doers_of,
    parties_between,
    prep_objects,
    recipients_of,
)
from kgraph.extract.entities import Actors
from kgraph.types import Entity

Resolver = Callable[[Token, Actors], list[Entity]]
RESOLVERS: dict[str, Resolver] = {}


def resolver(name: str) -> Callable[[Resolver], Resolver]:
    """Register a resolver under `name`, the word rules use for it."""
    def register(function: Resolver) -> Resolver:
        RESOLVERS[name] = function
        return function
    return register


def _prep(token: Token, actors: Actors, *words: str) -> list[Entity]:
    return [e for obj in prep_objects(token, *words) for e in actors_of(obj, actors)]


@resolver("doers")
def doers(token: Token, actors: Actors) -> list[Entity]:
    """Who does the verb: its subject, a passive's agent, a controller."""
    return doers_of(token, actors)


@resolver("recipients")
def recipients(token: Token, actors: Actors) -> list[Entity]:
    """Addressees: "to Y", a dative, "from X to Y"."""
    return recipients_of(token, actors)


@resolver("itself")
def itself(token: Token, actors: Actors) -> list[Entity]:
    """The actors the node itself names (with its appositives and conjuncts)."""
    return actors_of(token, actors)


@resolver("object")
def direct_object(token: Token, actors: Actors) -> list[Entity]:
    """A direct object that is an actor ("answered Kim")."""
    return addressed_by(token, actors)


@resolver("possessor")
def possessor(token: Token, actors: Actors) -> list[Entity]:
    """ "Kim's letter": the possessor."""
    return actors_of(child_of(token, "poss"), actors)


@resolver("with")
def with_(token: Token, actors: Actors) -> list[Entity]:
    """ "… with Y"."""
    return _prep(token, actors, "with")


@resolver("from")
def from_(token: Token, actors: Actors) -> list[Entity]:
    """ "… from Y"."""
    return _prep(token, actors, "from")


@resolver("of")
def of(token: Token, actors: Actors) -> list[Entity]:
    """ "the defection of X", "a visit by X"."""
    return _prep(token, actors, "of", "by")


@resolver("between")
def between(token: Token, actors: Actors) -> list[Entity]:
    """Every party "between X and Y" names."""
    return parties_between(token, actors)
