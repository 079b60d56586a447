"""The meeting network: who met or spoke with whom, as a weighted NetworkX graph."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from itertools import combinations
from typing import Any

import networkx as nx

from kg.errors import Errors, QueryError

__all__ = ["CONTACT_ROLES", "CONTACT_TYPES", "edge_rows", "find_actor", "meeting_network",
           "meeting_network_from_rows", "require_choice"]

CONTACT_TYPES = ("Meeting", "PhoneCall")
CONTACT_ROLES = ("participant", "mediator", "host")


def require_choice(param: str, value: str, choices: Iterable[str]) -> None:
    """Raise E502 unless ``value`` is one of ``choices`` (an analysis's option)."""
    choices = tuple(choices)
    if value not in choices:
        raise QueryError(Errors.E502.format(
            param=param, reason=f"expected one of {', '.join(choices)}, got {value!r}"))


def _add_meeting(network: nx.Graph, a: str, b: str, event: str) -> None:
    if network.has_edge(a, b):
        data = network.edges[a, b]
        if event not in data["events"]:
            data["events"].append(event)
            data["weight"] = len(data["events"])
    else:
        network.add_edge(a, b, weight=1, events=[event])


def meeting_network(graph: nx.MultiDiGraph, *, event_types: Iterable[str] = CONTACT_TYPES,
                    roles: Iterable[str] = CONTACT_ROLES) -> nx.Graph:
    """Actors linked when they took part in the same meeting or call.

    Parameters
    ----------
    graph
        The property graph, as :func:`kg.graph.to_networkx` gives it.
    event_types, roles
        Which events count as contact, and which roles in them.

    Returns
    -------
    networkx.Graph
        Nodes are actor IRIs with ``label``, ``type`` and ``names``; each edge has
        ``weight`` (how many events) and ``events`` (their IRIs, sorted).

    Examples
    --------
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("e1", labels=("Event", "Meeting"), type="Meeting")
    >>> for actor in ("a", "b", "c"):
    ...     g.add_node(actor, labels=("Actor", "State"), type="State", label=actor.upper())
    >>> g.add_edge("a", "e1", type="PARTICIPANT", role="participant")
    0
    >>> g.add_edge("b", "e1", type="PARTICIPANT", role="mediator")
    0
    >>> g.add_edge("c", "e1", type="PARTICIPANT", role="witness")
    0
    >>> net = meeting_network(g)
    >>> sorted(net.edges(data="weight"))
    [('a', 'b', 1)]
    """
    types, wanted = set(event_types), set(roles)
    network = nx.Graph()
    for event, data in sorted(graph.nodes(data=True), key=lambda item: item[0]):
        labels = data.get("labels") or ()
        if not labels or labels[0] != "Event" or data.get("type") not in types:
            continue
        actors = sorted({source for source, _, edge in graph.in_edges(event, data=True)
                         if edge.get("type") == "PARTICIPANT" and edge.get("role") in wanted})
        for actor in actors:
            if actor not in network:
                attrs = graph.nodes[actor]
                network.add_node(actor, label=attrs.get("label") or actor,
                                 type=attrs.get("type"),
                                 names=list(attrs.get("names") or [])
                                 + list(attrs.get("aliases") or []))
        for a, b in combinations(actors, 2):
            _add_meeting(network, a, b, event)
    for _, _, data in network.edges(data=True):
        data["events"].sort()
    return network


def meeting_network_from_rows(rows: Iterable[Mapping[str, Any]]) -> nx.Graph:
    """The meeting network from the rows of the ``who-met-whom`` query.

    Examples
    --------
    >>> rows = [{"a": "x", "aLabel": "X", "b": "y", "bLabel": "Y", "event": "e1"},
    ...         {"a": "x", "aLabel": "X", "b": "y", "bLabel": "Y", "event": "e2"}]
    >>> meeting_network_from_rows(rows).edges["x", "y"]["weight"]
    2
    """
    network = nx.Graph()
    for row in rows:
        for side in ("a", "b"):
            if row[side] not in network:
                label = row.get(f"{side}Label") or row[side]
                network.add_node(row[side], label=label, type=None, names=[label])
        _add_meeting(network, row["a"], row["b"], row["event"])
    return network


def find_actor(network: nx.Graph, name: str) -> str:
    """The IRI of the actor ``name`` designates: an IRI, a label, an alias, or a word of one.

    Exact matches (ignoring case) win over word matches; among several, the actor with
    the most meetings, then the smallest IRI.

    Examples
    --------
    >>> net = nx.Graph()
    >>> net.add_node("id/akar", label="Hulusi Akar", names=["Hulusi Akar"])
    >>> net.add_node("id/tr", label="Turkiye", names=["Turkiye", "Turkey"])
    >>> find_actor(net, "turkey"), find_actor(net, "Akar"), find_actor(net, "id/akar")
    ('id/tr', 'id/akar', 'id/akar')
    """
    if name in network:
        return name
    wanted = name.strip().lower()
    exact, partial = [], []
    for node, data in network.nodes(data=True):
        names = [str(n).lower() for n in [data.get("label"), *(data.get("names") or [])] if n]
        if wanted in names:
            exact.append(node)
        elif any(f" {wanted} " in f" {n} " for n in names):
            partial.append(node)
    found = exact or partial
    if not found:
        labels = sorted(str(d.get("label")) for _, d in network.nodes(data=True))
        hint = f" (for example {', '.join(labels[:5])})" if labels else " (the network is empty)"
        raise QueryError(Errors.E508.format(name=name, hint=hint))
    return min(found, key=lambda node: (-network.degree(node, weight="weight"), node))


def edge_rows(network: nx.Graph) -> list[dict]:
    """The edges of a meeting network as rows: both actors, how many events, which.

    Examples
    --------
    >>> net = nx.Graph()
    >>> net.add_node("a", label="A"); net.add_node("b", label="B")
    >>> net.add_edge("a", "b", weight=2, events=["e1", "e2"])
    >>> edge_rows(net)
    [{'a': 'a', 'aLabel': 'A', 'b': 'b', 'bLabel': 'B', 'meetings': 2, 'events': ['e1', 'e2']}]
    """
    rows = []
    for a, b, data in network.edges(data=True):
        a, b = sorted((a, b))
        rows.append({"a": a, "aLabel": network.nodes[a].get("label"), "b": b,
                     "bLabel": network.nodes[b].get("label"),
                     "meetings": data.get("weight", 1), "events": list(data.get("events", []))})
    return sorted(rows, key=lambda r: (-r["meetings"], str(r["aLabel"]), str(r["bLabel"])))
