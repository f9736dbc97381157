"""Network analysis of the knowledge graph with NetworkX.

Plain data in and out, one family per module: `project` (RDF → MultiDiGraph),
`filters`, `counts` (letters, meetings, mutual pairs, years), `centrality`
(brokers, PageRank), `community` (Louvain), `structure` (ego and country
networks), `export` (GraphML, GEXF, CSV).
"""

from kgraph.analysis.centrality import betweenness, brokers, most_central, pagerank
from kgraph.analysis.community import communities, community_of
from kgraph.analysis.counts import correspondence_counts, mutual_pairs, per_year
from kgraph.analysis.export import NETWORK_FORMATS, write_network
from kgraph.analysis.filters import filter_graph
from kgraph.analysis.project import to_networkx
from kgraph.analysis.structure import country_flows, country_network, ego_network, find_actor

__all__ = [
    "NETWORK_FORMATS", "betweenness", "brokers", "communities", "community_of",
    "correspondence_counts", "country_flows", "country_network", "ego_network", "filter_graph",
    "find_actor", "most_central", "mutual_pairs", "pagerank", "per_year", "to_networkx",
    "write_network",
]
