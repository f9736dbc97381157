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


def _prep(*words: str) -> Resolver:
    """The actors under the prepositions `words` ("… with Y", "the defection of X")."""
    return lambda token, actors: [e for obj in prep_objects(token, *words)
                                  for e in actors_of(obj, actors)]


# Where an argument sits, by the name rules use for it (the functions of
# `kgraph.extract.arguments`, registered as they are).
RESOLVERS: dict[str, Resolver] = {
    "doers": doers_of,  # its subject, a passive's agent, a controller
    "recipients": recipients_of,  # "to Y", a dative, "from X to Y"
    "itself": actors_of,  # the node itself, its appositives and conjuncts
    "object": addressed_by,  # a direct object that is an actor ("answered Kim")
    "possessor": lambda token, actors: actors_of(child_of(token, "poss"), actors),  # "Kim's"
    "with": _prep("with"),
    "from": _prep("from"),
    "of": _prep("of", "by"),  # "the defection of X", "a visit by X"
    "between": parties_between,  # every party "between X and Y" names
}
