"""The analyses the CLI offers (``kg analyze NAME``), each one call on the meeting network."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import networkx as nx

from kg.analysis.centrality import brokers, central_actors
from kg.analysis.communities import communities
from kg.analysis.network import edge_rows, find_actor, meeting_network
from kg.analysis.paths import ego_network, meeting_chain
from kg.errors import Errors, QueryNotFound
from kg.store import Store

__all__ = ["ANALYSES", "Analysis", "run_analysis"]


@dataclass(frozen=True)
class Analysis:
    """A named analysis: the actor arguments it takes and the function that answers it."""

    name: str
    title: str
    actors: tuple[str, ...]
    function: Callable[..., list[dict]]


def _central(network: nx.Graph, *, top: int = 10, measure: str = "degree") -> list[dict]:
    return central_actors(network, measure=measure, top=top)


def _brokers(network: nx.Graph, *, top: int = 10) -> list[dict]:
    return brokers(network, top=top)


def _communities(network: nx.Graph, *, method: str = "louvain", seed: int = 0) -> list[dict]:
    return communities(network, method=method, seed=seed)


def _chain(network: nx.Graph, source: str, target: str) -> list[dict]:
    return meeting_chain(network, find_actor(network, source), find_actor(network, target))


def _ego(network: nx.Graph, actor: str, *, radius: int = 1) -> list[dict]:
    return edge_rows(ego_network(network, find_actor(network, actor), radius=radius))


ANALYSES = {a.name: a for a in (
    Analysis("central", "Most central actors (degree or eigenvector)", (), _central),
    Analysis("brokers", "Brokers: actors on the most chains between others", (), _brokers),
    Analysis("communities", "Communities of actors who meet among themselves", (),
             _communities),
    Analysis("chain", "Shortest chain of meetings between two actors",
             ("source", "target"), _chain),
    Analysis("ego", "An actor's circle: who it met, and the meetings among them",
             ("actor",), _ego),
)}


def run_analysis(store: Store, name: str, *actors: str, **options: object) -> list[dict]:
    """Run the analysis ``name`` on the meeting network of ``store``; rows for printing.

    Parameters
    ----------
    store
        Any store.
    name
        One of :data:`ANALYSES`: ``central``, ``brokers``, ``communities``, ``chain``, ``ego``.
    actors
        The actor names or IRIs the analysis takes (``chain``: two, ``ego``: one).
    options
        ``central``: ``top``, ``measure``; ``brokers``: ``top``; ``communities``:
        ``method``, ``seed``; ``ego``: ``radius``.

    Examples
    --------
    >>> run_analysis(Store(), "central")
    []
    """
    from kg.graph import to_networkx

    analysis = ANALYSES.get(name)
    if analysis is None:
        raise QueryNotFound(Errors.E507.format(name=name, choices=", ".join(ANALYSES)))
    return analysis.function(meeting_network(to_networkx(store)), *actors, **options)
