"""The model's attribute rules (tag → POS, morphology, lemma exceptions), applied fast.

spaCy's ``attribute_ruler`` runs its ~180 rules through a token Matcher: 13 % of
the whole pipeline's time here. Every rule of the English models tests a token's
TAG, LOWER, DEP or IS_SPACE, so `FastAttributes` looks candidate rules up by
those values in dictionaries, checks them, and applies them exactly as the ruler
does (in rule order, later rules winning, with spaCy's own ``set_token_attrs``).
A rule it cannot index is checked at every token. tests/test_attributes.py
compares every token's POS, morphology and lemma with the original ruler.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc, Token
from spacy.tokens._retokenize import set_token_attrs

_READ: dict[str, Callable[[Token], Any]] = {
    "TAG": lambda t: t.tag_, "LOWER": lambda t: t.lower_, "DEP": lambda t: t.dep_,
    "IS_SPACE": lambda t: t.is_space,
}
_INDEXED = ("TAG", "LOWER", "DEP")  # attributes a rule can be looked up by


def _test(key: str, condition: Any) -> Callable[[Token], bool]:
    """One token condition of a Matcher pattern as a predicate."""
    read = _READ[key]
    if not isinstance(condition, dict):
        return lambda t: read(t) == condition
    ((operator, value),) = condition.items()
    if operator == "IN":
        allowed = set(value)
        return lambda t: read(t) in allowed
    if operator == "NOT_IN":
        refused = set(value)
        return lambda t: read(t) not in refused
    if operator == "REGEX":
        pattern = re.compile(value)
        return lambda t: pattern.search(read(t)) is not None
    raise ValueError(f"attribute rule operator {operator} is not supported")


Rule = tuple[int, dict]  # (rule number, attributes to set)


class FastAttributes:
    """A drop-in for a loaded `AttributeRuler`, its rules looked up by token values.

    Rules on one token depend only on that token's TAG, LOWER, DEP and IS_SPACE, so
    their merged effect is worked out once per combination and remembered; the few
    rules spanning two tokens are matched at the tokens their first part indexes.
    """

    def __init__(self, ruler: AttributeRuler) -> None:
        self.single: dict[tuple[str, Any], list[tuple[int, list]]] = {}
        self.multi: dict[tuple[str, Any], list[tuple[int, list, int, int]]] = {}
        self.single_everywhere: list[tuple[int, list]] = []
        self.multi_everywhere: list[tuple[int, list, int, int]] = []
        self.attrs = list(ruler.attrs)
        self.lowers: set[str] = set()  # the only LOWER values single rules look at
        self._memo: dict[tuple, tuple[list[Rule], dict]] = {}
        for number, rule in enumerate(ruler.patterns):
            for pattern in rule["patterns"]:
                tests = [[_test(k, v) for k, v in token.items()] for token in pattern]
                one = len(pattern) == 1 and ruler.indices[number] in (0, -1)
                if one:
                    self._note_lowers(pattern[0])
                    keys, entry = _index_keys(pattern[0], _INDEXED), (number, tests)
                else:  # by its rarest-looking condition, on whichever token it is
                    position, keys = _multi_keys(pattern)
                    entry = (number, tests, ruler.indices[number], position)
                for key in keys or [None]:
                    table = (self.single if one else self.multi) if key else None
                    if table is None:
                        (self.single_everywhere if one else self.multi_everywhere).append(entry)
                    else:
                        table.setdefault(key, []).append(entry)

    def _note_lowers(self, first: dict) -> None:
        condition = first.get("LOWER")
        if isinstance(condition, str):
            self.lowers.add(condition)
        elif isinstance(condition, dict) and set(condition) == {"IN"}:
            self.lowers.update(condition["IN"])
        elif condition is not None:  # a REGEX or NOT_IN on LOWER: every word matters
            self.lowers = _EVERY_WORD

    def _single_rules(self, token: Token) -> tuple[list[Rule], dict]:
        lower = token.lower_
        key = (token.tag_, lower if lower in self.lowers else None, token.dep_, token.is_space)
        known = self._memo.get(key)
        if known is None:
            candidates = list(self.single_everywhere)
            for attribute in _INDEXED:
                candidates += self.single.get((attribute, _READ[attribute](token)), ())
            # Each rule is filed under one attribute, so a token finds it at most once.
            matched = [(n, self.attrs[n]) for n, tests in sorted(candidates, key=lambda r: r[0])
                       if all(t(token) for t in tests[0])]
            merged: dict = {}
            for _, attrs in matched:
                merged.update(attrs)
            known = self._memo[key] = (matched, merged)
        return known

    def _multi_matches(self, doc: Doc) -> dict[int, list[Rule]]:
        """Token index → rules spanning several tokens that set something on it."""
        targeted: dict[int, list[Rule]] = {}
        multi, everywhere = self.multi, self.multi_everywhere
        for token in doc:
            candidates = [*everywhere, *multi.get(("LOWER", token.lower_), ()),
                          *multi.get(("DEP", token.dep_), ()),
                          *multi.get(("TAG", token.tag_), ())]
            for number, tests, index, position in candidates:
                start = token.i - position
                end = start + len(tests)
                if start >= 0 and end <= len(doc) and all(
                        all(t(doc[start + k]) for t in part) for k, part in enumerate(tests)):
                    target = doc[start:end][index].i
                    targeted.setdefault(target, []).append((number, self.attrs[number]))
        return targeted

    def __call__(self, doc: Doc) -> Doc:
        targeted = self._multi_matches(doc) if self.multi or self.multi_everywhere else {}
        for token in doc:
            rules, merged = self._single_rules(token)
            extra = targeted.get(token.i)
            if extra:  # rare: merge in rule order, later rules winning
                merged = {}
                for _, attrs in sorted(rules + extra, key=lambda r: r[0]):
                    merged.update(attrs)
            if merged:
                set_token_attrs(token, merged)
        return doc


class _EveryWord(set):
    def __contains__(self, item: object) -> bool:
        return True


_EVERY_WORD = _EveryWord()


def _index_keys(conditions: dict, order: tuple[str, ...]) -> list[tuple[str, Any]]:
    """Lookup keys for one pattern token: its first exact or IN condition in `order`."""
    for key in order:
        condition = conditions.get(key)
        if isinstance(condition, str):
            return [(key, condition)]
        if isinstance(condition, dict) and set(condition) == {"IN"}:
            return [(key, value) for value in condition["IN"]]
    return []


def _multi_keys(pattern: list[dict]) -> tuple[int, list[tuple[str, Any]]]:
    """(token position, keys) for a several-token pattern: a LOWER condition if any
    token has one (words are rare), else DEP, else TAG."""
    for order in (("LOWER",), ("DEP",), ("TAG",)):
        for position, conditions in enumerate(pattern):
            if keys := _index_keys(conditions, order):
                return position, keys
    return 0, []


def speed_up_attribute_ruler(nlp: Language) -> None:
    """Replace the pipeline's ``attribute_ruler`` by `FastAttributes` in the same place."""
    if "attribute_ruler" in nlp.pipe_names and "kgraph_attributes" not in nlp.pipe_names:
        nlp.add_pipe("kgraph_attributes", before="attribute_ruler")
        nlp.remove_pipe("attribute_ruler")


@Language.factory("kgraph_attributes")
def _make_attributes(nlp: Language, name: str) -> FastAttributes:
    return FastAttributes(nlp.get_pipe("attribute_ruler"))
