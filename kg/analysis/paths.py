"""Chains of meetings between actors, and an actor's circle."""

from __future__ import annotations

import networkx as nx

__all__ = ["ego_network", "meeting_chain"]


def meeting_chain(network: nx.Graph, source: str, target: str) -> list[dict]:
    """The shortest chain of meetings from ``source`` to ``target`` (actor IRIs).

    Returns
    -------
    list of dict
        One row per hop: ``step``, ``from``/``fromLabel``, ``to``/``toLabel`` and the
        ``events`` in which they met. Empty when no chain links them.

    Examples
    --------
    >>> net = nx.Graph()
    >>> net.add_edge("a", "b", events=["e1"]); net.add_edge("b", "c", events=["e2", "e3"])
    >>> [(r["from"], r["to"], r["events"]) for r in meeting_chain(net, "a", "c")]
    [('a', 'b', ['e1']), ('b', 'c', ['e2', 'e3'])]
    >>> net.add_node("z"); meeting_chain(net, "a", "z")
    []
    """
    try:
        path = nx.shortest_path(network, source, target)
    except (nx.NetworkXNoPath, nx.NodeNotFound):
        return []
    rows = []
    for step, (a, b) in enumerate(zip(path, path[1:], strict=False), start=1):
        rows.append({"step": step, "from": a, "fromLabel": network.nodes[a].get("label", a),
                     "to": b, "toLabel": network.nodes[b].get("label", b),
                     "events": list(network.edges[a, b].get("events", []))})
    return rows


def ego_network(network: nx.Graph, actor: str, *, radius: int = 1) -> nx.Graph:
    """The actors within ``radius`` meetings of ``actor``, and the meetings among them.

    Examples
    --------
    >>> net = nx.Graph([("me", "a"), ("a", "b"), ("b", "c")])
    >>> sorted(ego_network(net, "me", radius=2).nodes)
    ['a', 'b', 'me']
    """
    return nx.ego_graph(network, actor, radius=radius)
