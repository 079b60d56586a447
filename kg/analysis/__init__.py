"""Network analytics over the property graph: pure functions of NetworkX graphs or rows.

Build the meeting network once, then ask it questions::

    from kg.graph import to_networkx
    from kg.analysis import meeting_network, central_actors, brokers

    network = meeting_network(to_networkx(store))
    central_actors(network, top=5)

:func:`run_analysis` does both for the CLI (``kg analyze central|brokers|communities|
chain A B|ego A``).
"""

from __future__ import annotations

from kg.analysis.catalogue import ANALYSES, Analysis, run_analysis
from kg.analysis.centrality import CENTRALITY_MEASURES, brokers, central_actors
from kg.analysis.communities import COMMUNITY_METHODS, communities
from kg.analysis.network import (
    CONTACT_ROLES,
    CONTACT_TYPES,
    edge_rows,
    find_actor,
    meeting_network,
    meeting_network_from_rows,
)
from kg.analysis.paths import ego_network, meeting_chain

__all__ = [
    "ANALYSES", "CENTRALITY_MEASURES", "COMMUNITY_METHODS", "CONTACT_ROLES", "CONTACT_TYPES",
    "Analysis", "brokers", "central_actors", "communities", "edge_rows", "ego_network",
    "find_actor", "meeting_chain", "meeting_network", "meeting_network_from_rows",
    "run_analysis",
]
