"""Readers: files in, `Document`s out, the format chosen by content.

>>> docs = list(read_paths(["corpus/"]))            # doctest: +SKIP
>>> docs[0].id, docs[0].format                      # doctest: +SKIP
('hwang-asylum', 'news')

Formats: ``text``, ``markdown``, ``jsonl``, ``wilson``, ``news``, ``frus``, ``historian``
(the Office of the Historian's travels and visits, also as their ``.tar.gz`` archives).
A file that cannot be read raises `ReaderError` (one line naming the file);
`read_paths` reports it through `on_error` and goes on with the rest.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from xml.etree import ElementTree

from kgraph.readers import frus, historian, jsonl, news, text, wilson
from kgraph.readers.base import BOMS, ReaderError, decode
from kgraph.types import Document

FORMATS = ("text", "markdown", "jsonl", "wilson", "news", "frus", "historian")
SUFFIXES = {".txt", ".md", ".markdown", ".jsonl", ".ndjson", ".xml", ".tei"}

__all__ = ["FORMATS", "ReaderError", "detect_format", "iter_files", "read_file", "read_paths"]


# Formats kgraph does not read, known by their first bytes.
_BINARY_FORMATS = ((b"%PDF", "PDF"), (b"PK\x03\x04", "ZIP/Office"), (b"\x89PNG", "PNG"),
                   (b"\xff\xd8\xff", "JPEG"), (b"GIF8", "GIF"), (b"{\\rtf", "RTF"),
                   (b"\xd0\xcf\x11\xe0", "MS Office 97"))


def detect_format(path: Path, head: str) -> str:
    """The reader for a file, from its content first and its suffix second."""
    suffix = path.suffix.lower()
    stripped = head.lstrip("\ufeff \t\r\n")
    if stripped.startswith("<") and historian.looks_like(head):
        return "historian"
    if stripped.startswith("<") and frus.looks_like(head):
        return "frus"
    if suffix in {".jsonl", ".ndjson"} or (stripped.startswith("{") and suffix != ".md"):
        return "jsonl"
    if stripped.startswith("---"):
        return "markdown" if suffix in {".md", ".markdown"} else "text"
    if wilson.looks_like(head):
        return "wilson"
    if news.looks_like(head):
        return "news"
    if suffix in {".md", ".markdown"}:
        return "markdown"
    if stripped.startswith("<"):
        return "frus"
    return "text"


MAX_FILE_BYTES = 1 << 30  # a bigger file is refused before it is read (FRUS volumes: ~20 MB)


def _checked_bytes(path: Path) -> bytes:
    """The file's bytes, once its size and first bytes show it is worth reading:
    a huge file or a binary one is refused without being read whole."""
    try:
        with path.open("rb") as file:
            size = os.fstat(file.fileno()).st_size
            if size > MAX_FILE_BYTES:
                raise ReaderError(path, f"too large ({size / (1 << 30):.1f} GB; kgraph reads "
                                        f"files up to {MAX_FILE_BYTES >> 30} GB): split it")
            head = file.read(4096)
            for signature, kind in _BINARY_FORMATS:
                if head.startswith(signature):
                    raise ReaderError(path, f"unsupported format ({kind}); "
                                            "convert it to text first")
            if b"\x00" in head and not head.startswith(BOMS):
                raise ReaderError(path, "binary file (contains NUL bytes), "
                                        "not a text document")
            return head + file.read()
    except OSError as err:
        raise ReaderError(path, f"cannot read ({err.strerror})") from None


def read_file(path: Path, fmt: str | None = None, warnings: list[str] | None = None
              ) -> list[Document]:
    """All documents in one file. Raises ReaderError with a one-line reason."""
    if path.name.lower().endswith((".tar.gz", ".tgz")):
        return _read_archive(path)
    if fmt is None and path.suffix and path.suffix.lower() not in SUFFIXES:
        raise ReaderError(path, f"unknown format ({path.suffix}); kgraph reads "
                                f"{' '.join(sorted(SUFFIXES))}")
    data = _checked_bytes(path)
    if fmt is None or fmt in {"frus", "historian"}:
        sniff = data[:4096].decode("utf-8", errors="replace")
        fmt = fmt or detect_format(path, sniff)
    if fmt == "historian":
        return _read_records(path, data)
    if fmt == "frus":
        if not data.strip():
            raise ReaderError(path, "empty file")
        return frus.read(path, data)
    decoded = decode(data, path)
    if warnings is not None:
        warnings.extend(decoded.warnings)
    if fmt is None:
        fmt = detect_format(path, decoded.text[:20000])
    if fmt == "jsonl":
        return jsonl.read(path, decoded.text, warnings)
    if fmt == "wilson":
        return wilson.read(path, decoded.text)
    if fmt == "news":
        return news.read(path, decoded.text)
    if fmt in {"text", "markdown"}:
        return text.read(path, decoded.text, warnings)
    raise ReaderError(path, f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")


def _read_archive(path: Path) -> list[Document]:
    import tarfile

    try:
        documents = historian.read_archive(path)
    except (OSError, tarfile.TarError, EOFError) as err:
        raise ReaderError(path, f"not a readable .tar.gz archive ({err})") from None
    except ElementTree.ParseError as err:
        raise ReaderError(path, f"an XML file in the archive is broken ({err})") from None
    if not documents:
        raise ReaderError(path, "no travels or visits records in this archive; kgraph reads "
                                "the Office of the Historian's travels.tar.gz and visits.tar.gz")
    return documents


def _read_records(path: Path, data: bytes) -> list[Document]:
    try:
        return historian.parse_records(data, str(path))
    except ElementTree.ParseError as err:
        raise ReaderError(path, f"broken XML ({err})") from None


def iter_files(paths: Iterable[str | Path], on_error: Callable[[str], None] | None = None,
               follow_links: bool = False) -> Iterator[Path]:
    """Files under `paths` in a stable order; hidden files and folders skipped, and
    kgraph's own build folders. A folder that cannot be read, and a link that leads
    outside the given folders (unless `follow_links`), go to `on_error` (raise without it).
    """
    def report(error: ReaderError) -> None:
        if on_error is None:
            raise error
        on_error(str(error))

    for given in paths:
        path = Path(given)
        if path.is_dir():
            yield from sorted(_walk(path, report, follow_links))
        elif path.exists():
            yield path
        else:
            raise ReaderError(path, "no such file or folder")


def _is_build_folder(folder: Path) -> bool:
    """A kgraph build folder (store/, snapshots/) or an Oxigraph (RocksDB) store."""
    try:
        return ((folder / "snapshots").is_dir() and (folder / "store").is_dir()) or (
            (folder / "CURRENT").is_file() and any(folder.glob("OPTIONS-*")))
    except OSError:  # unreadable: reported when the walk tries to list it
        return False


def _walk(root: Path, report: Callable[[ReaderError], None], follow_links: bool
          ) -> Iterator[Path]:
    inside = root.resolve()
    seen: set[Path] = set()
    pending = [root]
    while pending:
        folder = pending.pop()
        if _is_build_folder(folder) or folder.resolve() in seen:
            continue
        seen.add(folder.resolve())
        try:
            entries = list(os.scandir(folder))
        except OSError as error:
            report(ReaderError(folder, f"cannot read this folder ({error.strerror}); skipped"))
            continue
        for entry in entries:
            child = Path(entry.path)
            if entry.name.startswith("."):
                continue
            if entry.is_symlink() and not follow_links and not child.resolve().is_relative_to(
                    inside):
                report(ReaderError(child, "a link to outside the given folders; skipped "
                                          "(kgraph build --follow-links reads it)"))
            elif entry.is_dir():
                pending.append(child)
            elif entry.is_file() and not _skipped_name(child):
                yield child


def _skipped_name(path: Path) -> bool:
    # the volume's persons list; the historian's corrections (kgraph.curation)
    return path.stem.upper().startswith("README") or path.name in {"persons.json",
                                                                    "curation.yaml"}


def _source(path: Path, folders: dict[Path, Path]) -> str:
    """The absolute, resolved path of a file: its folder resolved once (`resolve` per
    file was a fifth of an unchanged rebuild), the file itself when it is a link."""
    if path.is_symlink():
        return str(path.resolve())
    folder = folders.get(path.parent)
    if folder is None:
        folder = folders[path.parent] = path.parent.resolve()
    return str(folder / path.name)


def read_paths(
    paths: Iterable[str | Path],
    fmt: str | None = None,
    on_error: Callable[[str], None] | None = None,
    follow_links: bool = False,
) -> Iterator[Document]:
    """Every document under `paths`. Problems go to `on_error`, or raise without it."""
    folders: dict[Path, Path] = {}  # folder → resolved, for `_source`
    for path in iter_files(paths, on_error, follow_links):
        warnings: list[str] = []
        try:
            documents = read_file(path, fmt, warnings if on_error else None)
        except ReaderError as err:
            if on_error is None:
                raise
            on_error(str(err))
            continue
        for warning in warnings:
            on_error(warning)  # type: ignore[misc]
        source = _source(path, folders)  # the same file is the same source from any directory
        for document in documents:
            document.source = source
        yield from documents
