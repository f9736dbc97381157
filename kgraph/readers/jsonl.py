"""JSON Lines: one document per line.

``{"id": "letter-1", "text": "…", "title": "…", "date": "1997-03-19", "archive": "…"}``

``id`` and ``text`` are required; every other key except ``title`` and
``date`` is kept as metadata, with the document's ``line`` number. A broken
line is skipped and reported with its number; the other lines are still read.
"""

from __future__ import annotations

import json
from pathlib import Path

from kgraph.readers.base import ReaderError, region
from kgraph.readers.text import iso_date
from kgraph.types import Document


def _document(path: Path, number: int, record: object) -> Document:
    if not isinstance(record, dict):
        raise ReaderError(path, f"line {number}: not a JSON object")
    if not isinstance(record.get("text"), str) or not record["text"].strip():
        raise ReaderError(path, f"line {number}: missing or empty \"text\"")
    if "id" not in record:
        raise ReaderError(path, f"line {number}: missing \"id\"")
    text = record["text"]
    reserved = {"id", "text", "title", "date"}
    metadata = {k: v for k, v in record.items() if k not in reserved}
    metadata["line"] = number
    return Document(
        id=str(record["id"]),
        text=text,
        title=record.get("title"),
        date=iso_date(record.get("date")),
        source=str(path),
        format="jsonl",
        metadata=metadata,
        markup=[region(text, 0, len(text), "body")],
    )


def read(path: Path, text: str, warnings: list[str] | None = None) -> list[Document]:
    """Every readable line of the file; problems appended to `warnings`."""
    documents = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            documents.append(_document(path, number, json.loads(line)))
        except json.JSONDecodeError as err:
            problem = f"{path}: line {number}: invalid JSON ({err.msg}); line skipped"
            if warnings is None:
                raise ReaderError(path, f"line {number}: invalid JSON ({err.msg})") from None
            warnings.append(problem)
        except ReaderError as err:
            if warnings is None:
                raise
            warnings.append(f"{err}; line skipped")
    return documents
