"""News articles: an optional dateline, a headline, the story, a byline.

Recognised: a first line that is a date (``Tuesday, January 27, 2026``),
``Input``/``Updated`` timestamps, a ``[Publisher]`` line, and a byline
(``By Jane Doe``, ``Reporter Jane Doe``, ``jane@example.com Jane Doe Reporter``)
at the start or the end.
"""

from __future__ import annotations

import re
from pathlib import Path

from kgraph.normalize.dates import normalize_date
from kgraph.readers.base import region
from kgraph.types import Document, Markup

_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_DATE_LINE = re.compile(
    rf"^\s*(?:{_WEEKDAY},?\s+)?(?:[A-Z][a-z]+\.? \d{{1,2}}, \d{{4}}|\d{{1,2}} [A-Z][a-z]+ \d{{4}}"
    r"|\d{4}-\d{2}-\d{2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?\s*$"
)
_BYLINE = re.compile(
    r"^\s*(?:By\s+(?P<by>[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3})"
    r"|(?:\S+@\S+\s+)?(?P<pre>[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){0,3})\s+Reporter"
    r"|Reporter\s+(?P<post>[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){0,3}))\s*$"
)
# A web page's masthead line: "Orlando Sentinel | January 3, 1992",
# "By Glenn Kessler | Washington Post Staff Writer | Wednesday, August 5, 2009".
_US_NUMERIC = re.compile(r"\b(?P<month>\d{1,2})/(?P<day>\d{1,2})/(?P<year>(?:19|20)\d\d)\b"
                         r"|\b(?P<y>(?:19|20)\d\d)/(?P<m>\d{1,2})/(?P<d>\d{1,2})\b")
_WIRE_DATELINE = re.compile(r"\s*[A-Z][A-Z .'/-]{2,40},?(?:\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*,?)?"
                            r"(?:\s+[A-Z][a-z]+\.?\s+\d{1,2})?\s*"
                            r"(?:[({][^)}]{1,20}[)}]\s*(?:—|–|--|-)?|—|–|--|-)\s*")
_PUBLISHER = re.compile(r"^\s*\[(?P<name>[^\]]{2,60})\]\s*$")
_TIMESTAMP_LABEL = re.compile(r"^\s*(Input|Updated|Published|Posted)\s*:?\s*$", re.I)


def _lines(text: str) -> list[tuple[int, str]]:
    return [(m.start(), m.group()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()]


def masthead_date(line: str) -> str | None:
    """The date of a masthead line ("Publisher | Month D, YYYY"), if it is one."""
    if len(line) > 160 or ("|" not in line and not line.lstrip().startswith("By ")):
        return None
    for field in line.split("|"):
        if m := _US_NUMERIC.search(field):
            year, month, day = (m.group("year"), m.group("month"), m.group("day")) \
                if m.group("year") else (m.group("y"), m.group("m"), m.group("d"))
            return normalize_date(f"{year}-{int(month):02d}-{int(day):02d}")
        if (date := normalize_date(field)) and len(date) >= 4:
            return date
    return None


def looks_like(text: str) -> bool:
    lines = _lines(text[:5000]) + _lines(text[-500:])
    first = lines[0][1] if lines else ""
    has_byline = any(_BYLINE.match(line) for _, line in lines[:6] + lines[-3:])
    has_masthead = any(masthead_date(line) for _, line in lines[:3])
    return bool(_DATE_LINE.match(first)) or has_byline or has_masthead


def _is_story_paragraph(line: str) -> bool:
    """A long line, or a full sentence of some length: the story has begun."""
    words = len(line.split())
    return len(line) > 200 or (words > 12 and line.rstrip().endswith((".", '"', "”")))


def _byline(line: str) -> str | None:
    match = _BYLINE.match(line)
    if not match:
        return None
    return match.group("by") or match.group("pre") or match.group("post")


def read(path: Path, text: str) -> list[Document]:
    lines = _lines(text)
    metadata: dict[str, object] = {}
    date = None
    title: tuple[int, str] | None = None
    header_end = 0
    previous: tuple[int, str] | None = None
    for start, line in lines[:12]:
        if date is None and _DATE_LINE.match(line):
            date = normalize_date(line)
        elif date is None and (masthead := masthead_date(line)):
            # A masthead follows the headline and ends the page's header.
            date, title = masthead, title or previous
            header_end = start + len(line)
            break
        elif _TIMESTAMP_LABEL.match(line) or _DATE_LINE.match(line):
            pass
        elif m := _PUBLISHER.match(line):
            metadata["publisher"] = m.group("name")
        elif author := _byline(line):
            metadata["author"] = author
        elif title is None and len(line.split()) >= 3:
            title = (start, line)
        elif title is not None and _is_story_paragraph(line):
            break
        header_end = start + len(line)
        previous = (start, line)
    body_end = len(text)
    for start, line in reversed(lines[-3:]):
        if author := _byline(line):
            metadata.setdefault("author", author)
            body_end = min(body_end, start)
    markup: list[Markup] = []
    if title:
        markup.append(region(text, title[0], title[0] + len(title[1]), "title"))
    # A wire dateline opens the story: "GOYANG, South Korea, April 27 (UPI) —".
    if dateline := _WIRE_DATELINE.match(text, header_end):
        header_end = dateline.end()
    markup.append(region(text, header_end, body_end, "body"))
    return [
        Document(
            id=path.stem,
            text=text,
            title=title[1].strip() if title else None,
            date=date,
            source=str(path),
            format="news",
            metadata=metadata,
            markup=markup,
        )
    ]
