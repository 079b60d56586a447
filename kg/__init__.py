"""geokg: a geopolitical knowledge graph from news articles.

>>> import kg
>>> store = kg.Store()          # in memory; kg.Store("kg-store") on disk
>>> len(store)
0
"""

from __future__ import annotations

from kg.errors import KGError
from kg.store import Store
from kg.types import Actor, Article, Event, Extraction, Place, Provenance, Role

__version__ = "0.1.0"

__all__ = [
    "Actor", "Article", "Event", "Extraction", "KGError", "Place", "Provenance", "Role",
    "Store", "ingest", "run_query",
]


def __getattr__(name: str) -> object:
    # Heavy stages (spaCy, the query engine) load on first use.
    if name == "ingest":
        from kg.ingest import ingest

        return ingest
    if name == "run_query":
        from kg.query import run_query

        return run_query
    raise AttributeError(name)
