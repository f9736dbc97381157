"""The structure of a plain-text document, as the FRUS and Wilson readers mark it up.

A memorandum or telegram copied from a web page keeps its layout as lines: a heading,
a dateline ("Seoul, December 19, 1964, 11 a.m."), a participants block (with or
without a "PARTICIPANTS" label: lines "Name, Title"), a TO list, speaker turns
("Dr. Kissinger: …"), page markers ("[Page 79]") and a signature at the end. These
detectors emit the same `Markup` tags (``dateline``, ``participant``, ``addressee``,
``signature``, ``page``, ``speaker``) so that the extraction reads every format alike.

>>> text = ("Seoul, May 2, 1964\\n\\nPARTICIPANTS\\n\\nPresident Pak\\n\\n"
...         "Ambassador Berger\\n\\nSUBJECT")
>>> [(m.tag, text[m.start:m.end]) for m in detect(text)][:2]
[('dateline', 'Seoul, May 2, 1964'), ('participant', 'President Pak')]
"""

from __future__ import annotations

import re

from kgraph.normalize.dates import normalize_date
from kgraph.readers.base import region
from kgraph.types import Markup

_LINE = re.compile(r"[^\n]+")
# "Seoul, December 19, 1964, 11 a.m.", "November 10, 1960.", "Washington, undated."
_DATELINE = re.compile(r"^(?:[A-Z][\w .'-]{1,40},\s+)?(?:[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4}"
                       r"|\d{1,2}\s+[A-Z][a-z]+\s+\d{4}|undated)\b.{0,40}$")
_PARTICIPANTS_LABEL = re.compile(r"^\s*(?:PARTICIPANTS|Participants|PRESENT|Present)\s*:?\s*$")
_PARTICIPANTS_END = re.compile(r"^\s*(?:SUBJECT|Subject|SUBJECTS|TOPICS?)\s*:?|^\s*\d+\.\s")
_TO_LABEL = re.compile(r"^\s*(?:TO|To)\s*(?::\s*(?P<rest>.*)|\s*$)")
_SPEAKER = re.compile(r"^(?P<who>(?:(?:Dr|Mr|Mrs|Ms|Gen|Amb|Secretary|President|Chairman|"
                      r"Premier|Minister)\.?\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}):\s+\S")
_PAGE = re.compile(r"\[Page \d+\]")
PAGE_LINE = re.compile(r"^\s*\[Page \d+\]\s*$")
_PERSON_LINE = re.compile(r"^(?:(?:[A-Z][\w.'’-]*\s+){1,5}[A-Z][\w'’-]+)(?:,\s+.{2,120})?$")
_HEAD_LINES = 12


def _lines(text: str, start: int) -> list[tuple[int, int, str]]:
    return [(m.start() + start, m.end() + start, m.group()) for m in _LINE.finditer(text)
            if m.group().strip()]


def _participants(lines: list[tuple[int, int, str]], text: str, offset: int) -> list[Markup]:
    """A labelled block, or short "Name, Title" lines straight after the dateline."""
    marks: list[Markup] = []
    labelled = next((i for i, (_, _, line) in enumerate(lines[:_HEAD_LINES])
                     if _PARTICIPANTS_LABEL.match(line)), None)
    start = labelled + 1 if labelled is not None else None
    if start is None:
        dateline = next((i for i, (_, _, line) in enumerate(lines[:4])
                         if _DATELINE.match(line.strip())), None)
        start = dateline + 1 if dateline is not None else None
        if start is None or not all(_PERSON_LINE.match(line.strip())
                                    for _, _, line in lines[start:start + 2]):
            return []
    for line_start, line_end, line in lines[start:start + 40]:
        if _PARTICIPANTS_END.match(line) or len(line) > 160 or not _PERSON_LINE.match(
                line.strip()):
            break
        marks.append(region(text, line_start - offset, line_end - offset, "participant"))
    return marks if len(marks) >= 2 else []


def _to_list(lines: list[tuple[int, int, str]], text: str) -> list[Markup]:
    """ "TO: X" on one line, or a "TO" line and the addressees below it up to "SUBJECT"."""
    for i, (start, end, line) in enumerate(lines[:_HEAD_LINES]):
        m = _TO_LABEL.match(line)
        if m is None:
            continue
        if (m.group("rest") or "").strip():
            return [region(text, start + m.start("rest"), end, "addressee")]
        block = []
        for line_start, line_end, item in lines[i + 1:i + 12]:
            if _PARTICIPANTS_END.match(item) or len(item) > 120 or item.rstrip().endswith("."):
                break
            block.append(region(text, line_start, line_end, "addressee"))
        return block
    return []


# What may follow a signature: its date ("“15” October 1956"), a file number ("No. 25-C-2236"),
# a typist's initials ("Zab").
_AFTER_SIGNATURE = re.compile(
    r"^(?:(?:No|N[º°o])\.?\s*[\w/.-]+(?:\s+[-–]\s+.*)?|[A-Za-z]{1,4}\.?|\w{1,4}/\w{1,4}|[\d\W]*"
    r"|(?:\w+\s+)?copies\s+printed\b.*|Distributed\b.*|Copy\s+N.*"
    r"|\d{1,2}\s*[-–]\s+.*)$", re.I)  # "3 - Cde. Kurdyukov": a distribution list
# A name set off in a signature line: "AMBASSADOR [signature] /A. PUZANOV/", "(I. Vinogradov)".
_SET_OFF_NAME = re.compile(r"[/(](?:[A-Z][\w.'’ -]+)[/)]\s*$")


def _signature_line(lines: list[tuple[int, int, str]]) -> tuple[int, int] | None:
    """The last line that can be a signature, above a date, file number or initials."""
    for start, end, line in reversed(lines[-10:]):
        stripped = line.strip()
        if _AFTER_SIGNATURE.match(stripped) or normalize_date(stripped.strip("“”\"'")) and (
                len(stripped.split()) <= 4):
            continue
        if len(stripped.split()) <= 5 and not stripped.endswith((".", ":", "?")) \
                or _SET_OFF_NAME.search(stripped):
            return start, end
        return None
    return None


def signature(text: str, offset: int = 0) -> list[Markup]:
    """Only the signature of `text` (archives whose exports mark nothing else)."""
    lines = _lines(text, 0)
    if len(lines) <= 3 or (signed := _signature_line(lines)) is None:
        return []
    mark = region(text, signed[0], signed[1], "signature")
    return [Markup(mark.start + offset, mark.end + offset, mark.tag, mark.value)]


def detect(text: str, offset: int = 0) -> list[Markup]:
    """Markup for the structure of `text` (offsets are relative to `text` plus `offset`)."""
    lines = _lines(text, 0)
    marks: list[Markup] = []
    for start, end, line in lines[:4]:
        if _DATELINE.match(line.strip()):
            marks.append(region(text, start, end, "dateline"))
            break
    marks += _participants(lines, text, 0)
    marks += _to_list(lines, text)
    for start, _end, line in lines:
        if m := _SPEAKER.match(line):
            marks.append(region(text, start, start + m.end("who"), "speaker"))
        for page in _PAGE.finditer(line):
            marks.append(Markup(start + page.start(), start + page.end(), "page"))
    if len(lines) > 3 and (signed := _signature_line(lines)) is not None:
        marks.append(region(text, signed[0], signed[1], "signature"))
    return [Markup(m.start + offset, m.end + offset, m.tag, m.value) for m in marks]


def dateline_date(text: str, marks: list[Markup]) -> str | None:
    """The date a detected dateline gives."""
    for mark in marks:
        if mark.tag == "dateline":
            return normalize_date(text[mark.start:mark.end])
    return None
