"""kgraph: diplomatic documents in, a knowledge graph of actors and their letters,
meetings and defections out.

    from kgraph import KnowledgeGraph
    kg = KnowledgeGraph.build(["corpus/"], out="build/")
    kg.query("SELECT ?a ?b WHERE { ?a kg:sentLetterTo ?b }")
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"

__all__ = ["KnowledgeGraph", "__version__"]

if TYPE_CHECKING:
    from kgraph.api import KnowledgeGraph


def __getattr__(name: str):
    # Imported on first use: an extraction worker imports kgraph's modules but needs
    # neither the API nor NetworkX (0.2 s of each worker's start).
    if name == "KnowledgeGraph":
        from kgraph.api import KnowledgeGraph

        return KnowledgeGraph
    raise AttributeError(f"module 'kgraph' has no attribute {name!r}")
