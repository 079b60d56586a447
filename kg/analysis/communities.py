"""Groups of actors who meet among themselves more than with others."""

from __future__ import annotations

import networkx as nx

from kg.analysis.network import require_choice

__all__ = ["COMMUNITY_METHODS", "communities"]

COMMUNITY_METHODS = ("louvain", "greedy")


def communities(network: nx.Graph, *, method: str = "louvain", seed: int = 0) -> list[dict]:
    """Communities of the meeting network (modularity, edges weighted by meetings).

    Parameters
    ----------
    network
        A meeting network (:func:`kg.analysis.meeting_network`).
    method
        ``"louvain"`` (with a fixed ``seed``, so runs agree) or ``"greedy"`` modularity.

    Returns
    -------
    list of dict
        ``community`` (1 for the largest), ``size``, ``members`` (labels) and ``actors``
        (IRIs), largest first.

    Examples
    --------
    >>> net = nx.Graph([("a", "b"), ("b", "c"), ("a", "c"), ("x", "y"), ("y", "z"),
    ...                 ("x", "z"), ("c", "x")])
    >>> [r["actors"] for r in communities(net)]
    [['a', 'b', 'c'], ['x', 'y', 'z']]
    """
    require_choice("method", method, COMMUNITY_METHODS)
    if network.number_of_nodes() == 0:
        return []
    if method == "louvain":
        groups = nx.community.louvain_communities(network, weight="weight", seed=seed)
    else:
        groups = nx.community.greedy_modularity_communities(network, weight="weight")
    ordered = sorted((sorted(g) for g in groups), key=lambda g: (-len(g), g))
    return [{"community": i, "size": len(group),
             "members": [network.nodes[n].get("label", n) for n in group], "actors": group}
            for i, group in enumerate(ordered, start=1)]
