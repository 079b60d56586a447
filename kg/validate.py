"""SHACL validation of article graphs against ``ontology/shapes.ttl`` (pyshacl)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cache

import pyoxigraph as ox
from rdflib import Graph

from kg.store import Store
from ontology import ONTOLOGY_PATH, SHAPES_PATH


@dataclass(frozen=True)
class Validation:
    """The SHACL verdict on one article graph."""

    article: str
    conforms: bool
    report: str


@cache
def _shapes() -> Graph:
    return Graph().parse(SHAPES_PATH)


@cache
def _ontology() -> Graph:
    return Graph().parse(ONTOLOGY_PATH)


def validate_quads(quads: list[ox.Quad], name: str = "") -> Validation:
    """Validate the triples of one graph."""
    from pyshacl import validate

    data = Graph()
    triples = [ox.Triple(q.subject, q.predicate, q.object) for q in quads]
    data.parse(data=ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode("utf-8"),
               format="nt")
    conforms, _, text = validate(data, shacl_graph=_shapes(), ont_graph=_ontology(),
                                 inference="none", allow_warnings=True)
    return Validation(article=name, conforms=bool(conforms), report=str(text))


def validate_store(store: Store) -> list[Validation]:
    """Validate every article graph of a store, each on its own."""
    graphs: dict[str, list[ox.Quad]] = defaultdict(list)
    for quad in store.quads():
        if isinstance(quad.graph_name, ox.NamedNode):
            graphs[quad.graph_name.value].append(quad)
    return [validate_quads(quads, name) for name, quads in sorted(graphs.items())]
