"""Plain text and Markdown, with optional YAML front matter.

```
---
title: Letter from the Premier to the Ambassador
date: 1962-03-24
archive: Example Archive
---
# Optional heading
Body text…
```

Front matter keys other than ``id``, ``title`` and ``date`` become metadata.
Without front matter, a first short line followed by a blank line is the title.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import yaml

from kgraph.normalize.dates import normalize_date
from kgraph.readers.base import ReaderError, checked_metadata, persons_beside, plain_data, region
from kgraph.readers.footnotes import Footnotes, trailing_footnotes, without_call
from kgraph.readers.structure import PAGE_LINE, dateline_date, detect
from kgraph.types import Document, Markup

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*\r?\n", re.S)
_HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*#*\s*$")
_NUMBER = re.compile(r"^\d+\.\s+(?=\S)")  # "28. Memorandum of Conversation": FRUS's number


# libyaml's safe loader where PyYAML has it: the pure-Python one took half of an
# unchanged rebuild (0.5 s for 1,000 front matters). Both build plain data only.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _TextDatesLoader(_SAFE_LOADER):  # type: ignore[misc,valid-type]
    """The safe loader, leaving dates as text: kgraph reads dates itself
    (`normalize_date`), and PyYAML's timestamps fail on ``1997-02-30``."""


_TextDatesLoader.yaml_implicit_resolvers = {
    first: [r for r in resolvers if r[0] != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _SAFE_LOADER.yaml_implicit_resolvers.items()}


def _safe_yaml(text: str) -> object:
    loader = _TextDatesLoader(text)
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


def parse_front_matter(text: str, path: Path, problems: list[str] | None = None
                       ) -> tuple[dict, int]:
    """YAML front matter as a dict, and where the body starts."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, 0
    try:
        data = _safe_yaml(match.group(1)) or {}
    except yaml.YAMLError as err:
        problem = str(err).splitlines()[0]
        raise ReaderError(path, f"invalid YAML front matter: {problem}") from None
    except (ValueError, TypeError, OverflowError, RecursionError) as err:  # e.g. !!timestamp
        raise ReaderError(path, f"invalid value in the front matter ({err})") from None
    if not isinstance(data, dict):
        raise ReaderError(path, "front matter is not a mapping of keys to values")
    found: list[str] = []
    data = plain_data(data, path, found)
    data = checked_metadata(data, path, found)
    if problems is not None:
        problems.extend(f"{path}: {problem}" for problem in found)
    return data, match.end()


def iso_date(value: object, reference: str | None = None) -> str | None:
    """ISO date from a YAML or JSON value (a date object or a string)."""
    if isinstance(value, dt.datetime | dt.date):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, int) and 1000 <= value <= 2999:
        return str(value)
    if isinstance(value, str):
        iso = normalize_date(value, reference)
        return iso if iso and iso[:4] != "0000" else None  # no year 0 in ISO 8601's calendar
    return None


def _first_line_title(text: str, body_start: int) -> tuple[str | None, int, int]:
    """(title, start, end) of a leading title line: a Markdown heading or a short line."""
    lines = text[body_start:].split("\n")
    offset = body_start
    for i, line in enumerate(lines):
        if not line.strip() or PAGE_LINE.match(line):  # a copied page opens "[Page 21]"
            offset += len(line) + 1
            continue
        heading = _HEADING.match(line)
        if heading:
            return heading.group(1), offset, offset + len(line)
        followed_by_blank = i + 1 < len(lines) and not lines[i + 1].strip()
        if followed_by_blank and len(line) < 200 and not line.rstrip().endswith("."):
            return line.strip(), offset, offset + len(line)
        return None, offset, offset
    return None, offset, offset


def _body_start(text: str, after_title: int, structure: list[Markup]) -> int:
    """Where the body starts: after the dateline right under the heading, else after the
    heading, its line break included, as the FRUS reader's body starts (the model then
    reads a copied page as it reads the TEI)."""
    dateline = next((m for m in structure if m.tag == "dateline"), None)
    if dateline is not None and not text[after_title:dateline.start].strip():
        return dateline.end
    return after_title


def _metadata(meta: dict, path: Path, notes: Footnotes | None) -> dict:
    metadata = {k: v if isinstance(v, str | int | float | list) else str(v)
                for k, v in meta.items()}
    if notes:  # kept apart from the text, as the FRUS reader keeps its <note>s
        metadata["footnotes"] = [{"n": n, "text": note} for n, note in notes.notes]
    if persons := persons_beside(path):  # copied FRUS pages with their volume's persons list
        metadata["persons"] = persons
    return metadata


def read(path: Path, text: str, warnings: list[str] | None = None) -> list[Document]:
    meta, body_start = parse_front_matter(text, path, warnings)
    notes = trailing_footnotes(text[body_start:])  # a copied web page's editors' notes
    end = body_start + notes.start if notes else len(text)
    title, title_start, title_end = _first_line_title(text[:end], body_start)
    heading_end = title_start + len(without_call(text[title_start:title_end], notes))
    if title:  # the heading without its footnote number, the document's without FRUS's
        title = _NUMBER.sub("", without_call(title, notes))
    doc_title = meta.pop("title", None) or title
    date = iso_date(meta.pop("date", None))
    doc_id = meta.pop("id", None)
    if not isinstance(doc_id, str | int) or isinstance(doc_id, bool) or not str(doc_id).strip():
        doc_id = path.stem  # no usable id in the front matter: the file name
    doc_id = str(doc_id)
    markup = []
    if title:
        markup.append(region(text, title_start, heading_end, "title"))
    body = title_end if title else body_start
    # Datelines, participants, TO lists, speakers, page markers, signature: as FRUS marks them.
    structure = detect(text[body:end], body)
    markup.append(Markup(_body_start(text, body, structure), end, "body"))
    markup += structure
    date = date or dateline_date(text, structure)
    fmt = "markdown" if path.suffix.lower() in {".md", ".markdown"} else "text"
    return [
        Document(
            id=doc_id,
            text=text,
            title=str(doc_title) if doc_title else None,
            date=date,
            source=str(path),
            format=fmt,
            metadata=_metadata(meta, path, notes),
            markup=markup,
        )
    ]
