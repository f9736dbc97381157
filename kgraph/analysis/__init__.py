"""Network analysis of the knowledge graph with NetworkX."""

from kgraph.analysis.project import to_networkx

__all__ = ["to_networkx"]
