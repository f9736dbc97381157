"""Editorial brackets in translations, resolved for the NLP with offsets kept.

Translators insert words in square brackets: ``[North] Korea``,
``Ambassador Hao [Deqing]``, ``[We] received``. The model reads better
without the brackets, while evidence must point into the original text.
`resolve_brackets` returns the text the NLP sees and a map from each of its
characters back to the original.

>>> clean = resolve_brackets("[To the] Embassy in [North] Korea")
>>> clean.text
'To the Embassy in North Korea'
>>> clean.original_span(18, 29)
(20, 33)

An alternative romanisation right after a name, ``Pak Seong-cheol [Pak Song
Chol]``, becomes a parenthesised alias, ``Pak Seong-cheol (Pak Song Chol)``,
so that it reads as an appositive instead of a longer name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# "Name Given-name [Name Other Romanisation]": same first word inside the bracket.
_ALT_ROMANISATION = re.compile(
    r"\b(?P<first>[A-Z][a-z]+)(?: [A-Z][\w'-]*){1,2} \[(?P=first)(?: [A-Z][\w'-]*){1,3}\]"
)


@dataclass(frozen=True)
class CleanText:
    """Text with brackets resolved, and where each character came from."""

    text: str
    origin: tuple[int, ...]  # origin[i] = offset in the original of text[i]
    original_length: int

    def original_offset(self, i: int) -> int:
        """Original offset of clean offset `i` (`i` may be the end, len(text))."""
        if i >= len(self.origin):
            return self.original_length if not self.origin else self.origin[-1] + 1
        return self.origin[i]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Original (start, end) of the clean span [start, end)."""
        if end <= start:
            o = self.original_offset(start)
            return o, o
        return self.origin[start], self.origin[end - 1] + 1


def _alternative_bracket_positions(text: str) -> set[int]:
    """Offsets of '[' and ']' that enclose an alternative romanisation."""
    positions: set[int] = set()
    for m in _ALT_ROMANISATION.finditer(text):
        open_at = text.index("[", m.start())
        positions.update((open_at, m.end() - 1))
    return positions


def resolve_brackets(text: str) -> CleanText:
    """Drop editorial square brackets; turn alternative names into ``( … )``."""
    if "[" not in text and "]" not in text:
        return CleanText(text, tuple(range(len(text))), len(text))
    alternatives = _alternative_bracket_positions(text)
    chars: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        if ch in "[]":
            if i not in alternatives:
                continue
            ch = "(" if ch == "[" else ")"
        chars.append(ch)
        origin.append(i)
    return CleanText("".join(chars), tuple(origin), len(text))
