"""A FRUS document gives the same header relations read as TEI or as the plain text a user
copies from its web page (heading, dateline, TO and participants blocks as lines, a page
marker, a footnote number glued to the heading), scored by ANNOTATION.md's name rules."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kgraph.evaluation.names import NameForms, names_match
from kgraph.extract.gazetteer import load_gazetteer
from kgraph.extract.headers import heading_relations
from kgraph.extract.persons import names_for
from kgraph.readers import read_paths
from kgraph.types import Document

from .conftest import SHARED

CORPORA = [SHARED / "corpora" / name for name in ("frus-dev", "frus1961-63v06")]


def render_as_web_text(document: Document) -> str:
    """The page as copied: one paragraph a line, blank lines between, a page marker after
    the dateline, the heading's footnote number glued to its last word."""
    lines = document.text.split("\n")
    return "\n\n".join([lines[0] + "1", *lines[1:2], "[Page 12]", *lines[2:]])


def header_relations(document: Document) -> list[tuple[str, NameForms, NameForms]]:
    entities, relations = heading_relations(document, names_for(document, load_gazetteer()))
    forms = {e.id: NameForms.of([e.name, *e.aliases]) for e in entities}
    return [(r.type, forms[r.subject], forms[r.object]) for r in relations]


def _covered(these, those) -> bool:
    return all(any(a[0] == b[0] and names_match(b[1], a[1]) and names_match(b[2], a[2])
                   for b in those) for a in these)


def _differing(corpus: Path, folder: Path, with_persons: bool) -> list[str]:
    if with_persons:
        shutil.copy(corpus / "persons.json", folder / "persons.json")
    differing = []
    for tei in read_paths([corpus / "tei"]):
        page = folder / f"{tei.id}.txt"
        page.write_text(render_as_web_text(tei), "utf-8")
        text = next(read_paths([page]))
        a, b = header_relations(tei), header_relations(text)
        if not (_covered(a, b) and _covered(b, a)):
            differing.append(tei.id)
    return differing


@pytest.mark.parametrize("corpus", CORPORA, ids=[c.name for c in CORPORA])
def test_tei_and_plain_text_give_the_same_header_relations(corpus, tmp_path):
    if not corpus.is_dir():
        pytest.skip(f"{corpus} not present: the shared documents are not beside this clone")
    assert _differing(corpus, tmp_path, with_persons=True) == []


@pytest.mark.parametrize("corpus", CORPORA, ids=[c.name for c in CORPORA])
def test_plain_text_without_a_persons_list_still_names_office_holders(corpus, tmp_path):
    """Without the volume's persons list, titles and surnames resolve through the
    office-holder tables; only persons no table holds stay bare (one memorandum's author)."""
    if not corpus.is_dir():
        pytest.skip(f"{corpus} not present: the shared documents are not beside this clone")
    assert len(_differing(corpus, tmp_path, with_persons=False)) <= 1
