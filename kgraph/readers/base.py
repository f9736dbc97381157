"""What every reader shares: decoding bytes, errors that name the file, regions."""

from __future__ import annotations

import codecs
import json
from dataclasses import dataclass, field
from pathlib import Path

from kgraph.normalize.spans import trim_span
from kgraph.types import Markup


class ReaderError(ValueError):
    """A file kgraph cannot read; ``str(err)`` is one line naming the file."""

    def __init__(self, path: Path | str, problem: str):
        super().__init__(f"{path}: {problem}")
        self.path = str(path)
        self.problem = problem


@dataclass
class Decoded:
    text: str
    warnings: list[str] = field(default_factory=list)


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode(data: bytes, path: Path | str) -> Decoded:
    """Decode file bytes: BOMs honoured, invalid UTF-8 replaced with a warning.

    Raises ReaderError for empty and binary files.
    """
    if not data.strip():
        raise ReaderError(path, "empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return Decoded(data.decode(encoding, errors="replace"))
    if b"\x00" in data[:4096]:
        raise ReaderError(path, "binary file (contains NUL bytes), not a text document")
    try:
        return Decoded(data.decode("utf-8"))
    except UnicodeDecodeError as err:
        text = data.decode("utf-8", errors="replace")
        return Decoded(text, [f"{path}: invalid UTF-8 at byte {err.start}; bad bytes replaced"])


def read_text(path: Path) -> Decoded:
    return decode(path.read_bytes(), path)


def region(text: str, start: int, end: int, tag: str, value: str = "") -> Markup:
    """Markup for text[start:end] with surrounding white space trimmed."""
    return Markup(*trim_span(text, start, end), tag, value)


def persons_beside(path: Path) -> dict[str, dict[str, str]]:
    """A persons list (``persons.json``: ``[{"id", "name", "display_name", "role"}]``) beside
    the file or one folder up: the editors' identification of who is who."""
    for candidate in (path.parent / "persons.json", path.parent.parent / "persons.json"):
        if candidate.is_file():
            try:
                return {p["id"]: p for p in json.loads(candidate.read_text("utf-8"))}
            except (ValueError, KeyError, TypeError):
                return {}
    return {}
