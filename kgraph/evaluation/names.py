"""When a predicted actor names the same actor as a gold name (ANNOTATION.md, "Scoring").

Names are compared as word tuples with case, accents and punctuation folded, leading
titles and middle initials left out. A fuller predicted name that ends with the gold
name matches ("Joseph Stalin" for "Stalin"), and so does a predicted full name that ends
a longer gold description ("Boris Yeltsin" for "Russian President Boris Yeltsin"). A
bare surname never matches a fuller gold name: the graph must name the person.

>>> name_words("President-elect John F. Kennedy")
('john', 'kennedy')
>>> names_match(NameForms.of(["Joseph Stalin"]), NameForms.of(["Stalin"]))
True
>>> names_match(NameForms.of(["Kennedy"], bare=True), NameForms.of(["John F. Kennedy"]))
False
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kgraph.normalize.names import fold

# Words a name may open with that are not part of it (titles, honorifics).
_LEADING = frozenset({
    "president", "elect", "vice", "prime", "minister", "premier", "chairman", "secretary",
    "general", "ambassador", "charge", "chargé", "d", "affaires", "mr", "mrs", "ms", "miss",
    "dr", "comrade", "cde", "marshal", "foreign", "deputy", "acting", "former", "then", "the",
    "his", "her", "excellency", "honorable", "honourable", "leader", "king", "queen", "emperor",
    "chancellor", "senator", "sen", "governor", "gen", "adm", "admiral", "colonel", "col", "lt",
    "maj", "capt", "captain", "commander", "chief", "director", "counselor", "consul", "envoy",
    "special", "speaker", "professor", "prof", "sir", "lord", "madame", "mme", "monsieur",
})
_TRAILING = frozenset({"jr", "sr", "ii", "iii", "iv"})


@lru_cache(maxsize=65536)
def name_words(name: str) -> tuple[str, ...]:
    """The words that identify a name, titles and middle initials left out."""
    words = re.sub(r"[^a-z0-9]+", " ", fold(name).replace("'", "")).split()
    while len(words) > 1 and words[0] in _LEADING:
        words.pop(0)
    while len(words) > 1 and words[-1] in _TRAILING:
        words.pop()
    if len(words) > 2:  # "Richard M. Nixon": the middle initial goes
        words = [words[0], *(w for w in words[1:-1] if len(w) > 1), words[-1]]
    return tuple(words)


@dataclass(frozen=True)
class NameForms:
    """The names one side may go by: word tuples, plus ids (a persons-list id)."""

    forms: frozenset[tuple[str, ...]]
    ids: frozenset[str] = frozenset()
    bare: bool = False  # a predicted person known only by one word

    @classmethod
    def of(cls, names: list[str], ids: list[str] | None = None, bare: bool = False
           ) -> NameForms:
        forms = frozenset(w for w in map(name_words, names) if w)
        return cls(forms, frozenset(i for i in ids or [] if i), bare)

    @property
    def longest(self) -> int:
        return max((len(f) for f in self.forms), default=0)


def _forms_match(predicted: tuple[str, ...], gold: tuple[str, ...]) -> bool:
    if predicted == gold:
        return True
    if len(predicted) > len(gold):
        return predicted[-len(gold):] == gold
    return len(predicted) >= 2 and gold[-len(predicted):] == predicted


def names_match(predicted: NameForms, gold: NameForms) -> bool:
    """Whether a predicted actor's names name the gold actor."""
    if predicted.ids & gold.ids:
        return True
    if predicted.bare and gold.longest > 1:
        return False
    return any(_forms_match(p, g) for p in predicted.forms for g in gold.forms)
