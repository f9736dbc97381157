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
from bisect import bisect_right
from dataclasses import dataclass

# "Name Given-name [Name Other Romanisation]": same first word inside the bracket.
_ALT_ROMANISATION = re.compile(
    r"\b(?P<first>[A-Z][a-z]+)(?: [A-Z][\w'-]*){1,2} \[(?P=first)(?: [A-Z][\w'-]*){1,3}\]"
)


@dataclass(frozen=True)
class CleanText:
    """Text with brackets resolved, and where each character came from.

    Only the places where characters were dropped are kept (not one offset per
    character), so a 20 MB volume costs a few bytes per bracket, not 28 per character.
    """

    text: str
    original_length: int
    jumps: tuple[int, ...] = ()  # clean offsets where dropped characters were skipped
    shifts: tuple[int, ...] = ()  # characters dropped before each jump, in total

    def original_offset(self, i: int) -> int:
        """Original offset of clean offset `i` (`i` may be the end, len(text))."""
        if not self.text:
            return self.original_length
        if i >= len(self.text):
            return self.original_offset(len(self.text) - 1) + 1
        at = bisect_right(self.jumps, i)
        return i + (self.shifts[at - 1] if at else 0)

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Original (start, end) of the clean span [start, end)."""
        if end <= start:
            o = self.original_offset(start)
            return o, o
        return self._opening(start), self.original_offset(end - 1) + 1

    def _opening(self, start: int) -> int:
        """Where a span starting at clean `start` starts, a dropped "[" before it included."""
        at = bisect_right(self.jumps, start)
        if not at or self.jumps[at - 1] != start:
            return self.original_offset(start)
        return self.original_offset(start - 1) + 1 if start else 0


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
        return CleanText(text, len(text))
    alternatives = _alternative_bracket_positions(text)
    pieces: list[str] = []
    jumps: list[int] = []
    shifts: list[int] = []
    dropped, kept, last = 0, 0, 0
    for match in re.finditer(r"[\[\]]", text):
        i = match.start()
        pieces.append(text[last:i])
        kept += i - last
        last = i + 1
        if i in alternatives:
            pieces.append("(" if text[i] == "[" else ")")
            kept += 1
            continue
        dropped += 1
        if jumps and jumps[-1] == kept:
            shifts[-1] = dropped
        else:
            jumps.append(kept)
            shifts.append(dropped)
    pieces.append(text[last:])
    return CleanText("".join(pieces), len(text), tuple(jumps), tuple(shifts))
