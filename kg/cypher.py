"""Cypher without a server: the store's property graph in an embedded LadybugDB.

:func:`run_cypher` projects the store (:func:`kg.graph.project`) into LadybugDB, the
maintained fork of Kùzu, and runs the query there with its parameters passed as ``$param``.
An on-disk store keeps the Cypher database in ``<store>/cypher/``, together with the
fingerprint of the article graphs it was built from, and rebuilds it when the store has
changed since; other stores (in memory, SPARQL servers) get an in-memory one per process.

Catalogue queries are written in the Cypher that LadybugDB and Neo4j both understand. Two
conventions make that possible:

* parameters are read once, at the top, as ``WITH coalesce($p, NULL) AS p``: an absent
  parameter is null on both engines (LadybugDB cannot type a bare null parameter);
* a ``//+ join: {column: "; "}`` header line asks for a list column to be returned as
  sorted, joined text (null when empty), as SPARQL's ``GROUP_CONCAT`` does: neither
  engine can join in a query (LadybugDB has no ``reduce``, Neo4j no ``join`` without APOC).
"""

from __future__ import annotations

import re
import shutil
import threading
import weakref
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from kg.errors import BackendUnavailable, Errors, QueryError
from kg.graph import SCHEMA, PropertyGraph, fingerprint, project
from kg.store import Store

__all__ = ["CypherDatabase", "cypher_parameters", "load_graph", "open_database",
           "prepare_bindings", "run_cypher", "shape_rows"]

BATCH_ROWS = 50_000
FOLDER = "cypher"
DATABASE_FILE = "graph.lbug"
FINGERPRINT_FILE = "fingerprint"

_TOKENS = re.compile(r"""
      (?P<string>'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")
    | (?P<comment>//[^\n]*|/\*.*?\*/)
    | (?P<quoted>`[^`]*`)
    | \$(?P<param>[A-Za-z_][A-Za-z0-9_]*)
""", re.VERBOSE | re.DOTALL)


def cypher_parameters(cypher: str) -> list[str]:
    """The names of the ``$parameters`` of a Cypher query, in order, once each.

    Names inside strings and comments do not count.

    Examples
    --------
    >>> cypher_parameters("// $not\\nMATCH (n) WHERE n.a = $a AND n.b = '$no' RETURN $a, $b")
    ['a', 'b']
    """
    names: dict[str, None] = {}
    for match in _TOKENS.finditer(cypher):
        if match.group("param"):
            names.setdefault(match.group("param"))
    return list(names)


def prepare_bindings(cypher: str, bindings: Mapping[str, object] | None) -> dict[str, object]:
    """Bindings for every parameter the query names: absent ones are null.

    Examples
    --------
    >>> prepare_bindings("RETURN $since, $until", {"since": "2024"})
    {'since': '2024', 'until': None}
    """
    given = dict(bindings or {})
    return {name: given.get(name) for name in cypher_parameters(cypher)}


def _header(cypher: str) -> dict:
    from queries import parse_header  # the catalogue's own header reader

    return parse_header(cypher, "//+")


def shape_rows(cypher: str, rows: Iterable[Mapping[str, Any]]) -> list[dict]:
    """Apply the query's ``//+ join`` header: list columns become sorted, joined text.

    An empty list becomes null, as ``GROUP_CONCAT`` over an unbound variable does.

    Examples
    --------
    >>> rows = [{"topics": ["b", "a", None]}, {"topics": []}]
    >>> shape_rows('//+ join: {topics: "; "}\\nRETURN 1', rows)
    [{'topics': 'a; b'}, {'topics': None}]
    """
    joins = _header(cypher).get("join") or {}
    shaped = []
    for row in rows:
        row = dict(row)
        for column, separator in joins.items():
            values = row.get(column)
            if isinstance(values, list):
                texts = sorted(str(v) for v in values if v is not None)
                row[column] = str(separator).join(texts) if texts else None
        shaped.append(row)
    return shaped


# ---------------------------------------------------------------------------- LadybugDB


def _ddl() -> list[str]:
    statements = []
    for node in SCHEMA.nodes:
        columns = ", ".join(["iri STRING PRIMARY KEY"]
                            + [f"{p.name} {p.type}" for p in node.properties])
        statements.append(f"CREATE NODE TABLE {node.label}({columns})")
    for rel in SCHEMA.relationships:
        columns = "".join(f", {p.name} {p.type}" for p in rel.properties)
        statements.append(f"CREATE REL TABLE {rel.type}(FROM {rel.start} TO {rel.end}{columns})")
    return statements


def _batches(rows: list[dict], size: int = BATCH_ROWS) -> Iterable[list[dict]]:
    for start in range(0, len(rows), size):
        yield rows[start:start + size]


def load_graph(connection: Any, graph: PropertyGraph) -> None:
    """Create the schema's tables on a LadybugDB connection and load ``graph`` into them.

    Rows go in with ``COPY … FROM (UNWIND $rows …)``, LadybugDB's bulk path: far faster
    than one ``MATCH … CREATE`` per relationship.
    """
    for statement in _ddl():
        connection.execute(statement)
    for node_type in SCHEMA.nodes:
        names = ["iri", *(p.name for p in node_type.properties)]
        rows = [{"iri": n.id, **{k: n.properties.get(k) for k in names[1:]}}
                for n in graph.nodes if n.labels[0] == node_type.label]
        _copy(connection, node_type.label, names, rows)
    for rel_type in SCHEMA.relationships:
        names = ["source", "target", *(p.name for p in rel_type.properties)]
        rows = [{"source": r.start, "target": r.end,
                 **{k: r.properties.get(k) for k in names[2:]}}
                for r in graph.relationships if r.type == rel_type.type]
        _copy(connection, rel_type.type, names, rows)


def _copy(connection: Any, table: str, columns: list[str], rows: list[dict]) -> None:
    returned = ", ".join(f"row.{c}" for c in columns)
    for batch in _batches(rows):
        connection.execute(f"COPY {table} FROM (UNWIND $rows AS row RETURN {returned})",
                           {"rows": batch})


class CypherDatabase:
    """A LadybugDB database holding one projection of a store, and its fingerprint."""

    def __init__(self, database: Any, fingerprint: str, path: Path | None = None) -> None:
        import ladybug

        self.database = database
        self.connection = ladybug.Connection(database)
        self.fingerprint = fingerprint
        self.path = path

    def query(self, cypher: str, bindings: Mapping[str, object] | None = None) -> list[dict]:
        """Rows of ``cypher`` as dicts, parameters bound by the engine."""
        params = prepare_bindings(cypher, bindings)
        try:
            result = self.connection.execute(cypher, params)
            result.rows_as_dict()
            rows = [dict(row) for row in result]
        except RuntimeError as exc:
            raise QueryError(Errors.E503.format(reason=f"LadybugDB: {exc}")) from None
        return shape_rows(cypher, rows)

    def close(self) -> None:
        """Release the database (and its file)."""
        self.connection.close()
        self.database.close()


def _ladybug() -> Any:
    try:
        import ladybug
    except ImportError as exc:
        raise BackendUnavailable(Errors.E403.format(
            name="ladybug", reason=f"{exc}; install it with pip install ladybug")) from None
    return ladybug


def _build_in_memory(graph: PropertyGraph, digest: str) -> CypherDatabase:
    ladybug = _ladybug()
    database = CypherDatabase(ladybug.Database(), digest)
    load_graph(database.connection, graph)
    return database


def _build_on_disk(folder: Path, graph: PropertyGraph, digest: str) -> CypherDatabase:
    ladybug = _ladybug()
    (folder / FINGERPRINT_FILE).unlink(missing_ok=True)  # invalid until fully rebuilt
    for stale in folder.glob(DATABASE_FILE + "*"):
        shutil.rmtree(stale) if stale.is_dir() else stale.unlink()
    writer = ladybug.Database(str(folder / DATABASE_FILE))
    connection = ladybug.Connection(writer)
    try:
        load_graph(connection, graph)
    finally:
        connection.close()
        writer.close()
    (folder / FINGERPRINT_FILE).write_text(digest + "\n", encoding="utf-8")
    return _open_on_disk(folder, digest)


def _open_on_disk(folder: Path, digest: str) -> CypherDatabase:
    database = _ladybug().Database(str(folder / DATABASE_FILE), read_only=True)
    return CypherDatabase(database, digest, folder)


def _store_folder(store: Store) -> Path | None:
    path = getattr(store.backend, "path", None)
    return Path(path) if path is not None else None


_LOCK = threading.Lock()
_BY_FOLDER: dict[Path, CypherDatabase] = {}
_BY_STORE: weakref.WeakKeyDictionary[Store, CypherDatabase] = weakref.WeakKeyDictionary()


def open_database(store: Store) -> CypherDatabase:
    """The Cypher database of ``store``, built or refreshed when the store has changed.

    An on-disk store keeps it in ``<store>/cypher/`` (reused across processes while the
    fingerprint matches); when that folder cannot be written, or another process holds
    the database, an in-memory one is built instead.
    """
    digest = fingerprint(store)
    folder = _store_folder(store)
    with _LOCK:
        if folder is not None:
            key = folder.resolve()
            cached = _BY_FOLDER.get(key)
            if cached is not None and cached.fingerprint == digest:
                return cached
            if cached is not None:
                cached.close()
                del _BY_FOLDER[key]
            try:
                database = _disk_database(key / FOLDER, store, digest)
            except (OSError, RuntimeError):
                pass  # read-only folder, or the database is open elsewhere
            else:
                _BY_FOLDER[key] = database
                return database
        cached = _BY_STORE.get(store)
        if cached is not None and cached.fingerprint == digest:
            return cached
        if cached is not None:
            cached.close()
        database = _build_in_memory(project(store), digest)
        _BY_STORE[store] = database
        return database


def _disk_database(folder: Path, store: Store, digest: str) -> CypherDatabase:
    folder.mkdir(parents=True, exist_ok=True)
    recorded = folder / FINGERPRINT_FILE
    if recorded.exists() and recorded.read_text(encoding="utf-8").strip() == digest:
        try:
            return _open_on_disk(folder, digest)
        except RuntimeError:
            pass  # a damaged or incompatible file: rebuild it
    return _build_on_disk(folder, project(store), digest)


def run_cypher(store: Store, cypher: str,
               bindings: Mapping[str, object] | None = None) -> list[dict]:
    """Rows of a Cypher query on the property graph of ``store``.

    Parameters
    ----------
    store
        Any store: the projection is read with SPARQL and cached while the store's
        articles are unchanged.
    cypher
        The query; ``$name`` parameters are bound by the engine, never pasted.
    bindings
        Parameter values; parameters the query names but ``bindings`` lacks are null.

    Raises
    ------
    QueryError
        The query is not valid Cypher for LadybugDB, or failed.

    Examples
    --------
    >>> run_cypher(Store(), "MATCH (a:Actor) RETURN count(a) AS actors")
    [{'actors': 0}]
    """
    return open_database(store).query(cypher, bindings)
