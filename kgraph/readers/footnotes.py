"""Footnotes of a page copied from the web: the numbered notes after the body.

A FRUS document copied from history.state.gov ends with its footnotes, one a line
("1. Source: National Archives …", "2. Transmitted in telegram 531 …"), and shows their
call numbers in the text, glued to the word or stop before them ("Viet Nam.2"). The notes
are the editors', not the document's (ANNOTATION.md excludes them): the reader keeps them
out of the body, as the TEI reader keeps ``<note>`` out of the text.

>>> text = "Telegram From the Embassy1\\n\\nWe met.2\\n\\n1. Source: Files.\\n2. Not found."
>>> block = trailing_footnotes(text)
>>> text[:block.start].rstrip(), [n for n, _ in block.notes]
('Telegram From the Embassy1\\n\\nWe met.2', ['1', '2'])
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# "1. Source: …", "2 Transmitted …", "3Printed from …" (a copied superscript keeps no space).
_NOTE = re.compile(r"^[ \t]*(?P<n>\d{1,3})(?:\.[ \t]*|[ \t]+|(?=[A-Z“\"(]))(?P<text>\S.*)$")
_LABEL = re.compile(r"^[ \t]*(?:Footnotes|FOOTNOTES|Notes|NOTES)[ \t]*:?[ \t]*$")
_LINE = re.compile(r"[^\n]*\n?")


@dataclass(frozen=True)
class Footnotes:
    start: int  # where the block (its label, if any) starts in the text
    notes: list[tuple[str, str]]  # (number, text), in order


def _lines(text: str) -> list[tuple[int, str]]:
    return [(m.start(), m.group().rstrip("\n")) for m in _LINE.finditer(text) if m.group()]


def _numbered_run(lines: list[tuple[int, str]], first: int) -> list[tuple[str, str]] | None:
    """The notes from line `first` to the end, numbered one up from the first (lines between
    numbered ones continue the note above), or None when the numbering breaks."""
    notes: list[tuple[str, str]] = []
    for _, line in lines[first:]:
        if not line.strip():
            continue
        note = _NOTE.match(line)
        if note and (not notes or int(note.group("n")) == int(notes[-1][0]) + 1):
            notes.append((note.group("n"), note.group("text").strip()))
        elif notes and not note:
            notes[-1] = (notes[-1][0], f"{notes[-1][1]} {line.strip()}")
        else:
            return None
    return notes


def _called(number: str, text: str) -> bool:
    """Whether `text` calls note `number`: the digits glued to a word or stop before them."""
    return re.search(rf"(?<=[^\s\d]){number}(?!\d)", text) is not None


def _editors_notes(notes: list[tuple[str, str]], above: str) -> bool:
    """Footnotes, not the document's own numbered paragraphs: the first is the source note
    (FRUS numbers it first), or the text above calls most of them."""
    if notes[0][1].startswith("Source:"):
        return True
    return sum(_called(n, above) for n, _ in notes) * 2 > len(notes)


def trailing_footnotes(text: str) -> Footnotes | None:
    """The footnotes block that ends `text`: lines numbered from 0 or 1 up, one a note."""
    lines = _lines(text)
    for i, (start, line) in enumerate(lines):
        note = _NOTE.match(line)
        if note is None or note.group("n") not in {"0", "1"} or i == 0:
            continue
        notes = _numbered_run(lines, i)
        if notes and _editors_notes(notes, text[:start]):
            label = next((s for s, above in reversed(lines[:i]) if above.strip()), None)
            if label is not None and _LABEL.match(text[label:start].strip()):
                start = label
            return Footnotes(start, notes)
    return None


_GLUED_CALL = re.compile(r"(?<=[a-z])\d{1,2}$")


def without_call(heading: str, notes: Footnotes | None) -> str:
    """A heading line without the footnote number after its last word: the first note's
    number ("… Memorandum No. 2981" → "… No. 298"), else digits glued to a word."""
    heading = heading.rstrip()
    if notes and heading.endswith(notes.notes[0][0]):
        return heading[:-len(notes.notes[0][0])].rstrip()
    return _GLUED_CALL.sub("", heading)
