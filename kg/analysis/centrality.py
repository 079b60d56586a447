"""Who matters in the meeting network: central actors and brokers."""

from __future__ import annotations

import networkx as nx

from kg.analysis.network import require_choice

__all__ = ["CENTRALITY_MEASURES", "brokers", "central_actors"]

CENTRALITY_MEASURES = ("degree", "eigenvector")


def _rows(network: nx.Graph, scores: dict[str, float], top: int | None) -> list[dict]:
    rows = [{"actor": node, "label": network.nodes[node].get("label"),
             "type": network.nodes[node].get("type"), "score": round(score, 6),
             "contacts": network.degree(node),
             "meetings": len({e for _, _, events in network.edges(node, data="events")
                              for e in events or ()})}
            for node, score in scores.items()]
    rows.sort(key=lambda r: (-r["score"], str(r["label"]), r["actor"]))
    return rows[:top] if top else rows


def central_actors(network: nx.Graph, *, measure: str = "degree",
                   top: int | None = 10) -> list[dict]:
    """The most central actors of a meeting network.

    Parameters
    ----------
    network
        A meeting network (:func:`kg.analysis.meeting_network`).
    measure
        ``"degree"``: the share of other actors met; ``"eigenvector"``: met often, and with
        actors who are themselves central (edges weighted by how many meetings).
    top
        How many rows; ``None`` for all.

    Returns
    -------
    list of dict
        ``actor``, ``label``, ``type``, ``score``, ``contacts`` (actors met) and
        ``meetings`` (events), most central first.

    Examples
    --------
    >>> net = nx.Graph([("hub", "a"), ("hub", "b"), ("hub", "c"), ("a", "b")])
    >>> [(r["actor"], r["score"]) for r in central_actors(net, top=2)]
    [('hub', 1.0), ('a', 0.666667)]
    """
    require_choice("measure", measure, CENTRALITY_MEASURES)
    if network.number_of_nodes() == 0:
        return []
    if measure == "degree":
        scores = nx.degree_centrality(network)
    else:
        scores = nx.eigenvector_centrality(network, max_iter=1000, weight="weight")
    return _rows(network, scores, top)


def brokers(network: nx.Graph, *, top: int | None = 10) -> list[dict]:
    """The actors through whom others are connected: betweenness centrality.

    An actor scores high when many shortest chains of meetings between two others pass
    through it (hops are counted, not meetings).

    Examples
    --------
    >>> net = nx.Graph([("a", "broker"), ("broker", "b"), ("a", "c"), ("broker", "d")])
    >>> brokers(net, top=1)[0]["actor"]
    'broker'
    """
    if network.number_of_nodes() == 0:
        return []
    return _rows(network, nx.betweenness_centrality(network, normalized=True), top)
