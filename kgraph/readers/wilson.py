"""Wilson Center Digital Archive text exports.

The layout: a date line, a title line, then sections each opened by a line
``Citation:``, ``Summary:``, ``Credits:``, ``Original Language:`` and
``Contents:``. The document proper (the translation) follows ``Contents:``.
The citation names the archive identifier and the translators.
"""

from __future__ import annotations

import re
from pathlib import Path

from kgraph.normalize.dates import normalize_date
from kgraph.readers.base import region
from kgraph.readers.structure import signature
from kgraph.types import Document, Markup

SECTIONS = ("Citation", "Summary", "Credits", "Original Language", "Contents")
_SECTION_LINE = re.compile(r"^(" + "|".join(SECTIONS) + r"):[ \t]*$", re.M)
_URL = re.compile(r"https?://\S+")
_TRANSLATED_BY = re.compile(r"translated by ([^.]+)", re.I)
_OBTAINED_BY = re.compile(r"obtained by ([^.]+?)(?: and translated|\.|$)", re.I)
_CONTENTS_LABEL = re.compile(r"^\s*(?:Translation|Transcript|Original|Summary)\s*-\s*\w+\s*$", re.M)


def looks_like(text: str) -> bool:
    found = set(_SECTION_LINE.findall(text[:20000]))
    return "Contents" in found and len(found) >= 2


def _names(value: str) -> list[str]:
    return [n.strip() for n in re.split(r",\s*|\s+and\s+", value) if n.strip()]


def _citation_metadata(citation: str, date_text: str | None) -> dict[str, object]:
    meta: dict[str, object] = {"archive": "Wilson Center Digital Archive", "citation": citation}
    # "Title", Date, Wilson Center Digital Archive, IDENTIFIER, PAGES. Obtained by …
    after = citation.split("Wilson Center Digital Archive,", 1)
    if len(after) == 2:
        first_sentence = re.split(r"\.\s", after[1].strip(), maxsplit=1)[0]
        parts = [p.strip() for p in first_sentence.split(",")]
        if parts and parts[0]:
            meta["identifier"] = parts[0]
        if len(parts) > 1 and re.fullmatch(r"[\d\-–, ]+", parts[1]):
            meta["pages"] = parts[1]
    if m := _TRANSLATED_BY.search(citation):
        meta["translators"] = _names(m.group(1))
    if m := _OBTAINED_BY.search(citation):
        meta["obtained_by"] = _names(m.group(1))
    return meta


def read(path: Path, text: str) -> list[Document]:
    heads = list(_SECTION_LINE.finditer(text))
    preamble = text[: heads[0].start()] if heads else text
    lines = [(m.start(), m.group()) for m in re.finditer(r"[^\n]+", preamble) if m.group().strip()]
    date = normalize_date(lines[0][1]) if lines else None
    title_line = lines[1] if date and len(lines) > 1 else (lines[0] if lines else None)
    sections: dict[str, tuple[int, int]] = {}
    for i, head in enumerate(heads):
        end = heads[i + 1].start() if i + 1 < len(heads) else len(text)
        sections[head.group(1)] = (head.end(), end)

    def section(name: str) -> str:
        start, end = sections.get(name, (0, 0))
        return " ".join(text[start:end].split())

    citation = section("Citation")
    metadata = _citation_metadata(_URL.sub("", citation).strip(), date) if citation else {}
    if url := _URL.search(citation):
        metadata["url"] = url.group().rstrip(".,")
    for key, name in (("summary", "Summary"), ("credits", "Credits"),
                      ("original_language", "Original Language")):
        if value := section(name):
            metadata[key] = value

    markup: list[Markup] = []
    if title_line:
        markup.append(region(text, title_line[0], title_line[0] + len(title_line[1]), "title"))
    body_start, body_end = sections.get("Contents", (len(preamble), len(text)))
    label = _CONTENTS_LABEL.match(text, body_start)
    if label is None:
        label = _CONTENTS_LABEL.search(text, body_start, min(body_end, body_start + 200))
    body = label.end() if label else body_start
    markup.append(region(text, body, body_end, "body"))
    markup += signature(text[body:body_end], body)
    return [
        Document(
            id=path.stem,
            text=text,
            title=title_line[1].strip() if title_line else None,
            date=date,
            source=str(path),
            format="wilson",
            metadata=metadata,
            markup=markup,
        )
    ]
