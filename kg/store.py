"""The knowledge-graph store: one API over the embedded store and SPARQL servers.

``Store()`` is in memory, ``Store(path)`` is on disk (Oxigraph), ``Store.read_only(path)``
opens a store another process may be writing, and ``Store("sparql+http://host/ds")``
talks to a SPARQL 1.1 server. Each article is one named graph, written in one
transaction: all or nothing, and writing the same article again changes nothing.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from enum import Enum
from pathlib import Path
from typing import IO

import pyoxigraph as ox

from kg.backends import Backend, load_backend
from kg.errors import Errors, StoreError
from kg.triples import article_iri, extraction_quads
from kg.types import Extraction

DEFAULT_STORE = Path("kg-store")


class AddResult(str, Enum):
    """What storing an article did."""

    ADDED = "added"
    UNCHANGED = "unchanged"
    REPLACED = "replaced"


class ExportFormat(str, Enum):
    """Serialisations of the whole store."""

    TURTLE = "turtle"
    TRIG = "trig"
    NQUADS = "nquads"
    JSONLD = "jsonld"


class Store:
    """A knowledge-graph store.

    Examples
    --------
    >>> store = Store()
    >>> len(store)
    0
    """

    def __init__(self, location: str | Path | None = None, *, read_only: bool = False,
                 backend: Backend | None = None) -> None:
        self.location = str(location) if location is not None else None
        if backend is not None:
            self.backend = backend
        elif self.location and self.location.startswith(("sparql+http://", "sparql+https://")):
            self.backend = load_backend("sparql")(self.location.removeprefix("sparql+"))
        else:
            self.backend = load_backend("oxigraph")(location, read_only=read_only)
        self.read_only_mode = read_only

    @classmethod
    def read_only(cls, path: str | Path) -> Store:
        """Open an on-disk store for reading only."""
        return cls(path, read_only=True)

    def add(self, extraction: Extraction) -> AddResult:
        """Store one article's triples in its named graph, in one transaction."""
        if self.read_only_mode:
            raise StoreError(Errors.E406.format(path=self.location))
        graph = article_iri(extraction.article).value
        previous = self.backend.graph_hash(graph)
        if previous == extraction.article.content_hash:
            return AddResult.UNCHANGED
        try:
            self.backend.replace_graph(graph, extraction_quads(extraction))
        except (OSError, ValueError, RuntimeError) as exc:
            raise StoreError(Errors.E404.format(article=extraction.article.source_id,
                                                reason=exc)) from None
        return AddResult.ADDED if previous is None else AddResult.REPLACED

    def contains(self, article_source_id: str, content_hash: str) -> bool:
        """Whether this exact article is stored already."""
        from kg.types import Article

        graph = article_iri(Article(text="", id=article_source_id)).value
        return self.backend.graph_hash(graph) == content_hash

    def select(self, sparql: str, bindings: Mapping[str, object] | None = None) -> list[dict]:
        """Rows of a SELECT query; ``bindings`` are bound by the engine, never pasted."""
        return list(self.backend.select(sparql, bindings or {}))

    def quads(self) -> Iterator[ox.Quad]:
        """Every quad of the store."""
        yield from self.backend.quads()

    def export(self, fmt: ExportFormat | str, output: IO[bytes]) -> None:
        """Write the whole store to ``output`` in ``fmt``."""
        try:
            fmt = ExportFormat(fmt)
        except ValueError:
            choices = ", ".join(f.value for f in ExportFormat)
            raise StoreError(Errors.E405.format(value=fmt, choices=choices)) from None
        if fmt is ExportFormat.JSONLD:
            from rdflib import Dataset

            dataset = Dataset()
            data = ox.serialize(self.quads(), format=ox.RdfFormat.N_QUADS)
            dataset.parse(data=data.decode("utf-8"), format="nquads")
            output.write(dataset.serialize(format="json-ld", indent=2).encode("utf-8"))
            return
        rdf_format = {
            ExportFormat.TURTLE: ox.RdfFormat.TURTLE,
            ExportFormat.TRIG: ox.RdfFormat.TRIG,
            ExportFormat.NQUADS: ox.RdfFormat.N_QUADS,
        }[fmt]
        quads = self.quads()
        if fmt is ExportFormat.TURTLE:  # Turtle has no graphs: the union of all of them
            seen = {ox.Triple(q.subject, q.predicate, q.object) for q in quads}
            ox.serialize(sorted(seen, key=str), output, rdf_format, prefixes=PREFIXES)
            return
        ox.serialize(quads, output, rdf_format,
                     **({"prefixes": PREFIXES} if fmt is ExportFormat.TRIG else {}))

    def __len__(self) -> int:
        return sum(1 for _ in self.backend.quads())

    def close(self) -> None:
        """Flush and release the store."""
        self.backend.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


PREFIXES = {
    "kg": "https://w3id.org/geokg/ontology#",
    "id": "https://w3id.org/geokg/id/",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
