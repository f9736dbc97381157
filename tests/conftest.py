"""Shared fixtures: the real spaCy pipeline, ../shared when present, one corpus build."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
FRUS_DEV = SHARED / "corpora" / "frus-dev"


def need(path: Path) -> Path:
    """Skip the test with a clear reason when a ../shared folder is absent."""
    if not path.exists():
        pytest.skip(f"{path} not present: the shared documents are not beside this clone")
    return path


@pytest.fixture(scope="session")
def nlp():
    from kgraph.extract import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def corpus_build(tmp_path_factory):
    """The sample corpus built once for the whole session."""
    from kgraph.pipeline import build_graph

    out = tmp_path_factory.mktemp("corpus-build")
    summary = build_graph([CORPUS], out, turtle=True)
    return summary


@pytest.fixture(scope="session")
def seed_extractions(nlp):
    from kgraph.extract import extract_documents
    from kgraph.readers import read_paths

    return {e.document.id[:3]: e for e in extract_documents(read_paths([need(SEEDS)]), nlp)}


@pytest.fixture(scope="session")
def frus_dev_build(tmp_path_factory):
    """The FRUS dev volume's TEI documents (../shared) built once for the session."""
    from kgraph.pipeline import build_graph

    return build_graph([need(FRUS_DEV / "tei")], tmp_path_factory.mktemp("frus-dev"))
