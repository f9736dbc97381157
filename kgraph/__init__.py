"""kgraph: diplomatic documents in, a knowledge graph of actors and their letters,
meetings and defections out.

    from kgraph import KnowledgeGraph
    kg = KnowledgeGraph.build(["corpus/"], out="build/")
    kg.query("SELECT ?a ?b WHERE { ?a kg:sentLetterTo ?b }")
"""

__version__ = "0.1.0"

from kgraph.api import KnowledgeGraph  # noqa: E402

__all__ = ["KnowledgeGraph", "__version__"]
