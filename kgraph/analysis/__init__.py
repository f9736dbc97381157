"""Network analysis of the knowledge graph with NetworkX."""

from kgraph.analysis.export import NETWORK_FORMATS, write_network
from kgraph.analysis.project import to_networkx

__all__ = ["NETWORK_FORMATS", "to_networkx", "write_network"]
