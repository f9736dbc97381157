"""Annotated corpora on disk (ANNOTATION.md's layout) and scoring them.

A corpus is a folder with ``documents.jsonl`` (the gold) and the documents kgraph
reads: ``tei/`` (FRUS, with ``persons.json`` beside it), else ``docs/``, else the
``text`` of each gold line. A folder of such folders is scored corpus by corpus.

>>> [c.name for c in find_corpora("../shared/corpora")]      # doctest: +SKIP
['frus-dev', 'frus1961-63v06', 'news-dev', 'wilson-dev']
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language

from kgraph.evaluation.gold import load_gold
from kgraph.evaluation.score import Report, score
from kgraph.readers.base import ReaderError

GOLD_FILE = "documents.jsonl"


@dataclass(frozen=True)
class Corpus:
    name: str
    gold: Path
    documents: Path  # a folder of documents, or the gold file itself
    fmt: str | None  # None: chosen from each file's content


def _corpus(folder: Path) -> Corpus:
    gold = folder / GOLD_FILE
    for sub in ("tei", "docs"):
        if (folder / sub).is_dir():
            return Corpus(folder.name, gold, folder / sub, None)
    return Corpus(folder.name, gold, gold, "jsonl")


def find_corpora(path: str | Path) -> list[Corpus]:
    """The corpus at `path`, or the corpora in its sub-folders, by name."""
    path = Path(path)
    if (path / GOLD_FILE).is_file():
        return [_corpus(path)]
    found = [_corpus(sub) for sub in sorted(path.iterdir())
             if sub.is_dir() and (sub / GOLD_FILE).is_file()] if path.is_dir() else []
    if not found:
        raise ReaderError(path, f"no annotated corpus here (a folder with {GOLD_FILE}, "
                                "or folders of them)")
    return found


def score_corpus(corpus: Corpus, nlp: Language,
                 on_error: Callable[[str], None] | None = None) -> Report:
    """Read, extract and score one corpus."""
    from kgraph.extract import extract_documents
    from kgraph.readers import read_paths

    documents = read_paths([corpus.documents], corpus.fmt, on_error=on_error)
    return score(load_gold(corpus.gold), extract_documents(documents, nlp))
