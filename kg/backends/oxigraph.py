"""The default backend: Oxigraph, embedded, persistent on disk (or in memory)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox

from kg.errors import Errors, QueryError, StoreError
from kg.vocab import KG

XSD = "http://www.w3.org/2001/XMLSchema#"
_NUMERIC = {XSD + "integer": int, XSD + "decimal": Decimal, XSD + "double": float,
            XSD + "boolean": lambda v: v == "true"}


def to_python(term: object) -> object:
    """A query result term as a plain value: IRIs and strings as str, numbers as numbers."""
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        convert = _NUMERIC.get(term.datatype.value)
        if convert is Decimal:
            return float(term.value)
        return convert(term.value) if convert else term.value
    if isinstance(term, ox.NamedNode):
        return term.value
    return str(term)


def to_term(value: object) -> ox.NamedNode | ox.Literal:
    """A Python parameter value as an RDF term (IRIs stay IRIs)."""
    if isinstance(value, ox.NamedNode | ox.Literal):
        return value
    if isinstance(value, bool):
        return ox.Literal("true" if value else "false", datatype=ox.NamedNode(XSD + "boolean"))
    if isinstance(value, int):
        return ox.Literal(str(value), datatype=ox.NamedNode(XSD + "integer"))
    if isinstance(value, float):
        return ox.Literal(repr(value), datatype=ox.NamedNode(XSD + "double"))
    return ox.Literal(str(value))


_DEFAULT = ox.DefaultGraph()
_MERGE = ("DROP SILENT DEFAULT ; "
          "INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")


class OxigraphBackend:
    """Oxigraph store: ``OxigraphBackend()`` in memory, ``OxigraphBackend(path)`` on disk.

    Each article is a named graph; the default graph holds their merge (each triple once),
    kept in step in the same transaction, and queries read it. Oxigraph's own union of the
    named graphs would repeat a triple once per article stating it, and joins over facts
    that many articles report would multiply those copies.
    """

    name = "oxigraph"
    supports_sparql = True
    supports_cypher = False
    transactional = True

    def __init__(self, path: str | Path | None = None, *, read_only: bool = False) -> None:
        self.path = Path(path) if path is not None else None
        self.read_only = read_only
        try:
            if self.path is None:
                self._store = ox.Store()
            elif read_only:
                self._store = ox.Store.read_only(str(self.path))
            else:
                self.path.mkdir(parents=True, exist_ok=True)
                self._store = ox.Store(str(self.path))
        except OSError as exc:
            raise StoreError(Errors.E401.format(path=self.path, reason=exc)) from None
        self._merged = self._has_merge()
        if not self._merged and not read_only:
            self._store.update(_MERGE)  # a store written before the merge was kept
            self._merged = True

    def _has_merge(self) -> bool:
        has_default = next(iter(self._store.quads_for_pattern(None, None, None, _DEFAULT)),
                           None) is not None
        return has_default or next(iter(self._store.named_graphs()), None) is None

    def replace_graph(self, graph: str, quads: list[ox.Quad]) -> None:
        name = ox.NamedNode(graph)
        if not self._store.contains_named_graph(name):
            merged = [ox.Quad(q.subject, q.predicate, q.object, _DEFAULT) for q in quads]
            self._store.extend(quads + merged)  # one transaction: all or nothing
            return
        # Drop and insert in a single update, which Oxigraph applies atomically. The data
        # is serialised by Oxigraph itself (escaped N-Triples), never pasted from strings.
        triples = [ox.Triple(q.subject, q.predicate, q.object) for q in quads]
        data = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode("utf-8")
        self._store.update(
            f"DROP SILENT GRAPH {name} ; INSERT DATA {{ GRAPH {name} {{ {data} }} }} ; "
            + _MERGE)

    def graph_hash(self, graph: str) -> str | None:
        name = ox.NamedNode(graph)
        for quad in self._store.quads_for_pattern(name, ox.NamedNode(str(KG.contentHash)),
                                                  None, name):
            return quad.object.value
        return None

    def select(self, sparql: str, bindings: Mapping[str, object]) -> Iterator[dict]:
        substitutions = {ox.Variable(k): to_term(v) for k, v in bindings.items()
                         if v is not None}
        try:
            solutions = self._store.query(sparql, use_default_graph_as_union=not self._merged,
                                          substitutions=substitutions)
        except SyntaxError as exc:
            raise QueryError(Errors.E503.format(reason=exc)) from None
        if not isinstance(solutions, ox.QuerySolutions):
            raise QueryError(Errors.E503.format(reason="not a SELECT query"))
        names = [v.value for v in solutions.variables]
        for solution in solutions:
            yield {n: to_python(solution[n]) for n in names}

    def raw_query(self, sparql: str) -> object:
        """Any SPARQL query (SELECT, ASK, CONSTRUCT, DESCRIBE) on the union of all graphs."""
        try:
            return self._store.query(sparql, use_default_graph_as_union=not self._merged)
        except SyntaxError as exc:
            raise QueryError(Errors.E503.format(reason=exc)) from None

    def quads(self) -> Iterable[ox.Quad]:
        """The quads of the article graphs (the merged default graph is derived)."""
        return (q for q in self._store.quads_for_pattern(None, None, None, None)
                if isinstance(q.graph_name, ox.NamedNode))

    def __len__(self) -> int:
        return sum(1 for _ in self.quads())

    def close(self) -> None:
        if self.path is not None and not self.read_only:
            try:
                self._store.flush()
            except OSError:
                pass
        del self._store
