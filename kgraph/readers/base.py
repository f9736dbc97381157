"""What every reader shares: decoding bytes, errors that name the file, regions."""

from __future__ import annotations

import codecs
import json
from dataclasses import dataclass, field
from pathlib import Path

from kgraph.normalize.spans import trim_span
from kgraph.types import Markup


def shown(path: Path | str) -> str:
    """A path for a one-line message: line breaks and other control characters in a
    file name written as escapes (``a\\nb.txt``), so the message stays one line."""
    text = str(path)
    return text if text.isprintable() else "".join(
        c if c.isprintable() else repr(c)[1:-1] for c in text)


class ReaderError(ValueError):
    """A file kgraph cannot read; ``str(err)`` is one line naming the file."""

    def __init__(self, path: Path | str, problem: str):
        super().__init__(f"{shown(path)}: {problem}")
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

BOMS = tuple(bom for bom, _ in _BOMS)


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
            return _persons_file(candidate, path)
    return {}


def _persons_file(candidate: Path, path: Path) -> dict[str, dict[str, str]]:
    """A ``persons.json`` list as a persons list; a broken one is named, not guessed at."""
    try:
        entries = plain_data(json.loads(candidate.read_text("utf-8")), candidate, [])
        persons = persons_list({p["id"]: p for p in entries})
    except (ValueError, KeyError, TypeError, RecursionError, OSError):
        persons = None
    if persons is None:
        raise ReaderError(path, f"{candidate} is not a list of persons with text \"id\" and "
                                "\"name\"; fix or remove it")
    return persons


MAX_DEPTH = 64  # nesting levels a metadata value may have (JSON or YAML)


def _no_surrogates(text: str, problems: list[str]) -> str:
    """`text` with lone surrogates (``"\\ud800"`` in JSON or YAML escapes), which no
    UTF-8 writer accepts, replaced by U+FFFD."""
    if text.isascii():
        return text
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        if "lone surrogate characters replaced by U+FFFD" not in problems:
            problems.append("lone surrogate characters replaced by U+FFFD")
        return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return text


def plain_data(value: object, path: Path | str, problems: list[str], depth: int = 0) -> object:
    """Parsed JSON or YAML made safe to use: strings without lone surrogates, nesting
    at most MAX_DEPTH deep, and no container reached twice (a YAML alias: the
    "billion laughs" bomb repeats one node until any walk over it runs out of memory).
    Raises ReaderError for the last two."""
    seen: set[int] = set()

    def walk(item: object, level: int) -> object:
        if isinstance(item, str):
            return _no_surrogates(item, problems)
        if not isinstance(item, list | dict):
            return item
        if level > MAX_DEPTH:
            raise ReaderError(path, f"a value nested more than {MAX_DEPTH} levels deep")
        if id(item) in seen:
            raise ReaderError(path, "a value repeated by a YAML alias (*name); "
                                    "write the value out instead")
        seen.add(id(item))
        if isinstance(item, list):
            return [walk(x, level + 1) for x in item]
        return {walk(k, level + 1): walk(v, level + 1) for k, v in item.items()}

    return walk(value, depth)


def text_list(value: object) -> list[str] | None:
    """A list of names from metadata (``translators``): one name for a string, each
    scalar of a list; None when it is neither."""
    if isinstance(value, str):
        return [value] if value.strip() else []
    if isinstance(value, list) and all(isinstance(x, str | int | float) for x in value):
        return [str(x) for x in value]
    return None


def persons_list(value: object) -> dict[str, dict[str, str]] | None:
    """A persons list (id → {"name": …, "role": …, "display_name": …}) with text
    values only, or None when it has another shape."""
    if not isinstance(value, dict):
        return None
    for pid, entry in value.items():
        if not (isinstance(pid, str) and isinstance(entry, dict)
                and isinstance(entry.get("name", ""), str)
                and all(isinstance(v, str) for k, v in entry.items()
                        if k in {"name", "role", "display_name"} and v is not None)):
            return None
    return value


def checked_metadata(metadata: dict, path: Path | str, problems: list[str]) -> dict:
    """Metadata with fields kgraph uses in a shape it can use; others dropped with a
    problem line naming the field."""
    checks = {"translators": text_list, "persons": persons_list}
    for key, check in checks.items():
        if key in metadata and metadata[key] is not None:
            value = check(metadata[key])
            if value is None:
                problems.append(f"\"{key}\" has an unexpected shape; ignored")
                del metadata[key]
            else:
                metadata[key] = value
    return metadata
