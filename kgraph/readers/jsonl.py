"""JSON Lines: one document per line.

``{"id": "letter-1", "text": "…", "title": "…", "date": "1997-03-19", "archive": "…"}``

``id`` and ``text`` are required; every other key except ``title`` and
``date`` is kept as metadata, with the document's ``line`` number. A broken
line is skipped and reported with its number; the other lines are still read.
"""

from __future__ import annotations

import json
from pathlib import Path

from kgraph.readers.base import ReaderError, checked_metadata, plain_data, region
from kgraph.readers.text import iso_date
from kgraph.types import Document


def _scalar_text(record: dict, key: str, path: Path, number: int) -> str | None:
    value = record.get(key)
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    raise ReaderError(path, f"line {number}: \"{key}\" must be text")


def _document(path: Path, number: int, record: object, problems: list[str]) -> Document:
    if not isinstance(record, dict):
        raise ReaderError(path, f"line {number}: not a JSON object")
    record = plain_data(record, f"{path}: line {number}", problems)
    if not isinstance(record.get("text"), str) or not record["text"].strip():
        raise ReaderError(path, f"line {number}: missing or empty \"text\"")
    if record.get("id") is None:
        raise ReaderError(path, f"line {number}: missing \"id\"")
    text = record["text"]
    reserved = {"id", "text", "title", "date"}
    metadata = checked_metadata({k: v for k, v in record.items() if k not in reserved},
                                f"{path}: line {number}", problems)
    metadata["line"] = number
    return Document(
        id=_scalar_text(record, "id", path, number) or "",
        text=text,
        title=_scalar_text(record, "title", path, number),
        date=iso_date(record.get("date")),
        source=str(path),
        format="jsonl",
        metadata=metadata,
        markup=[region(text, 0, len(text), "body")],
    )


def json_lines(text: str) -> list[str]:
    """Lines split at \\n only (\\r\\n too): JSON text may hold U+2028, U+2029 or U+0085
    unescaped, which `str.splitlines` would take for line breaks."""
    return [line.removesuffix("\r") for line in text.split("\n")]


def read(path: Path, text: str, warnings: list[str] | None = None) -> list[Document]:
    """Every readable line of the file; problems appended to `warnings`."""
    documents = []
    for number, line in enumerate(json_lines(text), start=1):
        if not line.strip():
            continue
        problems: list[str] = []
        try:
            documents.append(_document(path, number, _parsed(path, number, line), problems))
        except ReaderError as err:
            if warnings is None:
                raise
            warnings.append(f"{err}; line skipped")
        if warnings is not None:
            warnings.extend(f"{path}: line {number}: {problem}" for problem in problems)
    return documents


def _parsed(path: Path, number: int, line: str) -> object:
    try:
        return json.loads(line)
    except json.JSONDecodeError as err:
        raise ReaderError(path, f"line {number}: invalid JSON ({err.msg})") from None
    except RecursionError:
        raise ReaderError(path, f"line {number}: JSON nested too deeply") from None
