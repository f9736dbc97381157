"""The engine for frame rules: rules that are data, compiled into one DependencyMatcher.

A frame names the trigger and the dependents that must be there (``data/rules.yaml`` and
extension rules); DependencyMatcher cannot express optional nodes or walk ``conj`` and
``appos``, so the named resolvers (`kgraph.extract.resolvers`) find the arguments from the
matched nodes. Each find is a `Found` stamped ``rule:<id>``: it goes through the same
checks (schema ends), modality, date and document policies as every other rule's.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from spacy.matcher import DependencyMatcher
from spacy.tokens import Span, Token
from spacy.vocab import Vocab

from kgraph.errors import SchemaError
from kgraph.extract.arguments import Found, distinct_pairs
from kgraph.extract.entities import Actors
from kgraph.extract.resolvers import RESOLVERS
from kgraph.extract.rules import Rule, rules
from kgraph.schema import extension_setting, relation_schema
from kgraph.types import Entity


def pattern(rule: Rule) -> list[dict]:
    """A rule's frame as a DependencyMatcher pattern (its nodes in frame order)."""
    steps: list[dict] = []
    for node in rule.frame:
        step = {"RIGHT_ID": node.name, "RIGHT_ATTRS": node.attrs}
        if node.under is not None:
            step |= {"LEFT_ID": node.under, "REL_OP": node.rel}
        steps.append(step)
    return steps


@lru_cache(maxsize=4)
def _matcher(vocab: Vocab, setting: str) -> tuple[DependencyMatcher, dict[int, Rule]] | None:
    """Every frame rule in one matcher for this vocabulary, or None when there are none."""
    framed = [r for r in rules() if r.frame]
    if not framed:
        return None
    matcher = DependencyMatcher(vocab, validate=True)
    by_key: dict[int, Rule] = {}
    for rule in framed:
        try:
            matcher.add(rule.id, [pattern(rule)])
        except (ValueError, KeyError) as error:
            first = str(error).strip().splitlines()[0]
            raise SchemaError(f"{rule.source}: rule {rule.id}: its frame is not a "
                              f"DependencyMatcher pattern ({first})") from None
        by_key[vocab.strings[rule.id]] = rule
    return matcher, by_key


def check_frames() -> None:
    """Compile the frame rules once, so that a bad frame fails now (`SchemaError`)."""
    _matcher(Vocab(), extension_setting())


def _resolve(chain: tuple[tuple[str, str], ...], nodes: dict[str, Token],
             actors: Actors) -> list[Entity]:
    """The actors the first resolver of the chain that finds any finds."""
    for name, node in chain:
        if found := RESOLVERS[name](nodes[node], actors):
            return found
    return []


def _pairs(rule: Rule, nodes: dict[str, Token], actors: Actors) -> list[tuple[Entity, Entity]]:
    subjects = _resolve(rule.subject, nodes, actors)
    objects = _resolve(rule.object, nodes, actors)
    if not objects and len(subjects) > 1 and relation_schema()[rule.relation].symmetric:
        subjects, objects = subjects[:1], subjects[1:]  # "X and Y signed an agreement"
    return list(distinct_pairs(subjects, objects))


def frame_relations(sentence: Span, actors: Actors) -> Iterator[Found]:
    """What the frame rules find in one parsed sentence, each pair once per rule and trigger."""
    compiled = _matcher(sentence.doc.vocab, extension_setting())
    if compiled is None:
        return
    matcher, by_key = compiled
    seen: set[tuple[str, str, str, int]] = set()
    for key, positions in matcher(sentence):
        rule = by_key[key]
        nodes = {n.name: sentence[i] for n, i in zip(rule.frame, positions, strict=True)}
        trigger = nodes["trigger"]
        for subject, obj in _pairs(rule, nodes, actors):
            if (mark := (rule.id, subject.id, obj.id, trigger.i)) not in seen:
                seen.add(mark)
                yield Found(rule.relation, subject, obj, trigger, rule.medium,
                            f"rule:{rule.id}", rule.confidence)
