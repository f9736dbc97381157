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
>>> resolve_brackets("a letter to Brezhnev1 [Page 4] said").text
'a letter to Brezhnev said'

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

    def clean_offset(self, original: int) -> int:
        """Clean offset of original offset `original` (a dropped character: the next kept)."""
        at = bisect_right([j + s for j, s in zip(self.jumps, self.shifts, strict=True)],
                          original)
        shift = self.shifts[at - 1] if at else 0
        return max(0, min(original - shift, len(self.text)))

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
        run = self.shifts[at - 1] - (self.shifts[at - 2] if at > 1 else 0)
        if run != 1:  # a page marker or footnote number dropped before: not part of the span
            return self.original_offset(start)
        return self.original_offset(start - 1) + 1 if start else 0


def _alternative_bracket_positions(text: str) -> set[int]:
    """Offsets of '[' and ']' that enclose an alternative romanisation."""
    positions: set[int] = set()
    for m in _ALT_ROMANISATION.finditer(text):
        open_at = text.index("[", m.start())
        positions.update((open_at, m.end() - 1))
    return positions


# Dropped for the NLP: page markers copied from web pages ("[Page 79]") and footnote
# numbers glued to a word ("Brezhnev1", "Department of State2.") or to the stop after it
# ("President Pak,3 I offer", "Viet Nam.”2", "on March 9.1 I"), but not to an abbreviation
# ("No.2") or a date in Roman numerals ("24.III.50").
_ABBREVIATIONS = ("No", "no", "Nos", "nos", "Vol", "vol", "Art", "art", "Sec", "sec", "Para",
                  "para", "p", "pp", "Fig", "fig", "Ch", "ch")
_PAGE_MARKER = re.compile(r"\[Page \d+\]\s?")
_GLUED_FOOTNOTE = re.compile(
    r"(?:(?<=[a-z])|(?<=[a-z][.,;:!?)”\"’])|(?<=[a-z][.,;:!?][)”\"’]))"
    + "".join(rf"(?<!\b{a}\.)" for a in _ABBREVIATIONS)
    + r"\d{1,2}(?=[\s.,;:)”\"]|$)"
    # "on March 9.1 I would", "Ref: Embtel 1470.2": a decimal ends neither sentence nor line
    r"|(?<=\d\.)\d{1,2}(?=\s+[A-Z“\"]|[ \t]*(?:\n|$))")


def _edits(text: str, alternatives: set[int]) -> list[tuple[int, int, str]]:
    """(start, end, replacement) of every piece the NLP should not see as written, in order:
    dropped (replacement ""), or an alternative name's bracket turned into a parenthesis."""
    edits = [(m.start(), m.end(), "") for m in _PAGE_MARKER.finditer(text)]
    edits += [(m.start(), m.end(), "") for m in _GLUED_FOOTNOTE.finditer(text)]
    covered = {i for start, end, _ in edits for i in range(start, end)}
    for m in re.finditer(r"[\[\]]", text):
        if m.start() in covered:
            continue
        paren = "(" if m.group() == "[" else ")"
        edits.append((m.start(), m.end(), paren if m.start() in alternatives else ""))
    return sorted(edits)


def resolve_brackets(text: str) -> CleanText:
    """Drop editorial square brackets, page markers and glued footnote numbers; turn
    alternative names into ``( … )``."""
    if "[" not in text and "]" not in text and not _GLUED_FOOTNOTE.search(text):
        return CleanText(text, len(text))
    alternatives = _alternative_bracket_positions(text)
    pieces: list[str] = []
    jumps: list[int] = []
    shifts: list[int] = []
    dropped, kept, last = 0, 0, 0
    for start, end, replacement in _edits(text, alternatives):
        if start < last:
            continue
        pieces.append(text[last:start])
        kept += start - last
        last = end
        if replacement:
            pieces.append(replacement)
            kept += len(replacement)
            continue
        dropped += end - start
        if jumps and jumps[-1] == kept:
            shifts[-1] = dropped
        else:
            jumps.append(kept)
            shifts.append(dropped)
    pieces.append(text[last:])
    return CleanText("".join(pieces), len(text), tuple(jumps), tuple(shifts))
