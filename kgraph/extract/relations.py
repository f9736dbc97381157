"""Sentence-level relation rules over the dependency parse.

Each rule starts from a trigger token (lemmas in ``data/lexicon.yaml``) and walks
to its arguments (`kgraph.extract.arguments`): letters in `letters`, meetings in
`meetings`, defections in `defections`. Every `Found` carries the trigger so that
modality, date and medium are decided in one place (`kgraph.extract.qualify`).
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import chain

from spacy.tokens import Span

from kgraph.extract.arguments import Found
from kgraph.extract.defections import defections
from kgraph.extract.engine import frame_relations
from kgraph.extract.entities import Actors
from kgraph.extract.letters import (
    letters_from_noun,
    letters_from_verb,
    letters_received,
    notices,
    report_back,
    your_instruction,
)
from kgraph.extract.lexicon import lexicon
from kgraph.extract.meetings import meetings_from_noun, meetings_from_verb, present_at
from kgraph.schema import relation_schema

__all__ = ["Found", "find_relations"]


def find_relations(sentence: Span, actors: Actors) -> Iterator[Found]:
    """Every relation the rules find in one parsed sentence (see `_find_relations`), then
    the data-driven frame rules (`kgraph.extract.engine`).

    Only the entity types the schema allows stand at a relation's ends (``ends`` in
    ``kgraph/data/relations.yaml``): countries do not meet ("discussions between the United
    States and Korea" name the governments' talks, not a meeting of two actors kgraph can
    place). A find whose object is its subject has its object still to be resolved: only
    its subject is checked.
    """
    schema = relation_schema()
    for found in chain(_find_relations(sentence, actors), frame_relations(sentence, actors)):
        kind, pending = schema[found.type], found.subject.id == found.object.id
        if found.subject.type not in kind.subject_types or not pending and \
                found.object.type not in kind.object_types:
            continue
        if found.type == "metWith" and _remote(found.trigger):
            continue
        yield found


def _remote(trigger) -> bool:
    """A telephone or video call is not a meeting: "spoke by phone", "phone call",
    "Call with President Moon" (a readout's call)."""
    words = lexicon()["remote_words"]
    objects = [o for c in trigger.children if c.dep_ == "prep" for o in c.children]
    near = [*trigger.children, *objects, *(m for o in objects for m in o.children)]
    if any(t.lemma_.lower() in words for t in near):
        return True
    lex = lexicon()
    return trigger.lemma_.lower() in lex["calling_verbs"] and not any(
        t.lower_ in lex["calling_particles"] | lex["in_person_calls"] for t in trigger.children)


def _find_relations(sentence: Span, actors: Actors) -> Iterator[Found]:
    """Every relation the rules find in one parsed sentence.

    A defection whose object is the person itself marks "left from unknown";
    `kgraph.extract.qualify` fills it from the person's party or country.
    """
    lex = lexicon()
    for token in sentence:
        lemma = token.lemma_.lower()
        if token.pos_ in {"VERB", "AUX"}:
            yield from letters_from_verb(token, actors)
            yield from meetings_from_verb(token, actors)
            yield from notices(token, actors)
            yield from letters_received(token, actors)
        if token.i == sentence.start:
            yield from report_back(token, actors)
        if token.lower_ in lex["attendance_words"] or token.lemma_ == "be":
            yield from present_at(token, actors)
        if token.pos_ in {"NOUN", "PROPN"} or token.text.endswith("-"):  # "summit- USA"
            if lemma in lex["correspondence_nouns"]:
                yield from letters_from_noun(token, actors)
            elif lemma in lex["instruction_nouns"]:
                yield from your_instruction(token, actors)
            if lemma in lex["meeting_nouns"] or token.lower_.rstrip("-") in lex["meeting_nouns"] \
                    or lemma in lex["travel_nouns"]:
                yield from meetings_from_noun(token, actors)
        if lemma in lex["defection_verbs"] | lex["defection_nouns"]:
            yield from defections(token, actors)
