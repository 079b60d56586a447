"""Storage backends, registered by name and loaded lazily.

Built-in backends and third-party ones alike are found through the ``kg.backends``
entry-point group, so ``import kg`` never imports a driver it does not need.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from importlib import import_module
from importlib.metadata import entry_points
from typing import Protocol, runtime_checkable

from pyoxigraph import Quad

from kg.errors import Errors, StoreError

BUILTIN = {
    "oxigraph": "kg.backends.oxigraph:OxigraphBackend",
    "sparql": "kg.backends.sparql:SparqlBackend",
}


@runtime_checkable
class Backend(Protocol):
    """What a store backend offers. Capabilities are flags, as in rdflib's ``Store``."""

    name: str
    supports_sparql: bool
    supports_cypher: bool
    transactional: bool

    def replace_graph(self, graph: str, quads: list[Quad]) -> None:
        """Make ``graph`` hold exactly ``quads``, all or nothing."""

    def graph_hash(self, graph: str) -> str | None:
        """The content hash recorded in ``graph``, or None when there is no such graph."""

    def select(self, sparql: str, bindings: Mapping[str, object]) -> Iterator[dict]:
        """Rows of a SELECT query as dicts of Python values, parameters bound by the engine."""

    def quads(self) -> Iterable[Quad]:
        """Every quad of the store."""

    def close(self) -> None:
        """Release files and connections."""


def backend_names() -> list[str]:
    """Names of every registered backend."""
    names = set(BUILTIN)
    names.update(ep.name for ep in entry_points(group="kg.backends"))
    return sorted(names)


def load_backend(name: str) -> type:
    """The backend class registered under ``name``, imported on first use."""
    target = BUILTIN.get(name)
    if target is None:
        found = [ep for ep in entry_points(group="kg.backends") if ep.name == name]
        if not found:
            raise StoreError(Errors.E402.format(name=name, choices=", ".join(backend_names())))
        return found[0].load()
    module, _, attr = target.partition(":")
    return getattr(import_module(module), attr)
