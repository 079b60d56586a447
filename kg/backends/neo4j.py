"""Neo4j over Bolt: push the store's property graph, run Cypher on it.

:func:`push` writes the projection of :func:`kg.graph.project` with the official driver:
uniqueness constraints first, then batched ``UNWIND $rows AS row MERGE …`` transactions.
It is idempotent (pushing twice changes nothing) and incremental: ``Article`` nodes carry
their content hash, and only articles the server lacks are sent. When the server holds an
article the store no longer has, or another version of it, the graph is rebuilt (``full``).

Credentials: the password comes from the argument, else ``NEO4J_PASSWORD``, else a TOML
file (``<store>/neo4j.toml``, then ``$XDG_CONFIG_HOME/geokg/neo4j.toml``, by default
``~/.config/geokg/neo4j.toml``) with ``uri``, ``user`` and ``password`` keys. It is never
printed, logged or put in an error message.
"""

from __future__ import annotations

import os
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.errors import BackendUnavailable, Errors, QueryError
from kg.graph import (
    SCHEMA,
    Node,
    PropertyGraph,
    Relationship,
    article_hashes,
    graph_subjects,
    project,
)

if TYPE_CHECKING:
    import neo4j

    from kg.query import QueryResult
    from kg.store import Store
    from queries import CatalogueQuery

__all__ = ["DEFAULT_URI", "Neo4jSettings", "PushReport", "clear", "config_paths", "connect",
           "graph_counts", "push", "push_graph", "resolve_settings", "run_catalogue_query",
           "run_cypher_neo4j"]

DEFAULT_URI = "bolt://localhost:7687"
DEFAULT_USER = "neo4j"
DEFAULT_BATCH = 5_000
CONNECT_TIMEOUT_SECONDS = 10.0
CONFIG_NAME = "neo4j.toml"

NODE_LABELS = tuple(n.label for n in SCHEMA.nodes)


# ---------------------------------------------------------------------------- settings


@dataclass(frozen=True)
class Neo4jSettings:
    """Where and as whom to connect; the password is left out of ``repr``."""

    uri: str
    user: str
    password: str = field(repr=False)


def config_paths(store_dir: str | Path | None = None) -> list[Path]:
    """The TOML files that may hold Neo4j settings, most specific first."""
    paths = []
    if store_dir is not None:
        paths.append(Path(store_dir) / CONFIG_NAME)
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    paths.append(Path(base) / "geokg" / CONFIG_NAME)
    return paths


def _read_config(path: Path) -> dict[str, str]:
    try:
        import tomllib
    except ImportError:  # Python 3.10: the three keys are plain strings
        return _read_simple_toml(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise BackendUnavailable(Errors.E410.format(path=path, reason=exc)) from None
    section = data.get("neo4j", data)
    return {k: str(v) for k, v in section.items() if k in ("uri", "user", "password")}


def _read_simple_toml(path: Path) -> dict[str, str]:
    found = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        key, sep, value = line.partition("=")
        if sep and key.strip() in ("uri", "user", "password"):
            found[key.strip()] = value.strip().strip('"').strip("'")
    return found


def resolve_settings(uri: str | None = None, user: str | None = None,
                     password: str | None = None, *,
                     store_dir: str | Path | None = None) -> Neo4jSettings:
    """Neo4j settings from the arguments, the environment, then the config files.

    Raises
    ------
    BackendUnavailable
        No password anywhere, or an unreadable config file.

    Examples
    --------
    >>> resolve_settings("bolt://127.0.0.1:7687", "neo4j", "secret-pw")
    Neo4jSettings(uri='bolt://127.0.0.1:7687', user='neo4j')
    """
    config: dict[str, str] = {}
    for path in reversed(config_paths(store_dir)):
        if path.is_file():
            config.update(_read_config(path))
    uri = uri or os.environ.get("NEO4J_URI") or config.get("uri") or DEFAULT_URI
    user = user or os.environ.get("NEO4J_USER") or config.get("user") or DEFAULT_USER
    password = password or os.environ.get("NEO4J_PASSWORD") or config.get("password")
    if not password:
        raise BackendUnavailable(Errors.E409.format(uri=uri, config=config_paths(store_dir)[-1]))
    return Neo4jSettings(uri, user, password)


def connect(settings: Neo4jSettings) -> neo4j.Driver:
    """An open, verified driver; a clear :class:`BackendUnavailable` when it cannot be."""
    try:
        import neo4j
    except ImportError as exc:
        raise BackendUnavailable(Errors.E403.format(
            name="neo4j", reason=f"{exc}; install it with pip install neo4j")) from None
    from neo4j.exceptions import AuthError, DriverError, Neo4jError

    config = config_paths()[-1]
    try:
        driver = neo4j.GraphDatabase.driver(
            settings.uri, auth=(settings.user, settings.password),
            connection_timeout=CONNECT_TIMEOUT_SECONDS, notifications_min_severity="OFF")
    except (ValueError, DriverError) as exc:
        raise BackendUnavailable(Errors.E407.format(uri=settings.uri, reason=exc)) from None
    try:
        driver.verify_connectivity()
    except AuthError:
        driver.close()
        raise BackendUnavailable(Errors.E408.format(uri=settings.uri, user=settings.user,
                                                    config=config)) from None
    except (DriverError, Neo4jError, OSError) as exc:
        driver.close()
        reason = _reason(exc)
        raise BackendUnavailable(Errors.E407.format(uri=settings.uri, reason=reason)) from None
    return driver


def _reason(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0].rstrip(" :.")


# ---------------------------------------------------------------------------- writing

CONSTRAINTS = [
    f"CREATE CONSTRAINT geokg_{label.lower()}_iri IF NOT EXISTS "
    f"FOR (n:{label}) REQUIRE n.iri IS UNIQUE" for label in NODE_LABELS
]


def ensure_schema(driver: neo4j.Driver) -> None:
    """Create the uniqueness constraints on ``iri`` if missing (they also index it)."""
    for statement in CONSTRAINTS:
        driver.execute_query(statement)


def _node_statement(label: str, sublabel: str | None) -> str:
    others = [s for s in SCHEMA.node_type(label).sublabels if s != sublabel]
    text = f"UNWIND $rows AS row MERGE (n:{label} {{iri: row.iri}}) SET n += row.props"
    if sublabel:
        text += f", n:{sublabel}"
    if others:
        text += " REMOVE " + ", ".join(f"n:{s}" for s in others)
    return text


def _relationship_statement(rel_type: str) -> str:
    spec = SCHEMA.relationship_type(rel_type)
    match = (f"UNWIND $rows AS row MATCH (s:{spec.start} {{iri: row.source}}) "
             f"MATCH (t:{spec.end} {{iri: row.target}}) ")
    if any(p.name == "id" for p in spec.properties):  # several between one pair of nodes
        return match + f"MERGE (s)-[r:{rel_type} {{id: row.id}}]->(t) SET r += row.props"
    if spec.properties:  # one per pair, its properties kept up to date ("support")
        return match + f"MERGE (s)-[r:{rel_type}]->(t) SET r += row.props"
    return match + f"MERGE (s)-[:{rel_type}]->(t)"


# Participations whose titles or affiliations changed lose the relationships they no longer
# have. Anchored on the event (a unique-index seek), so it costs one expansion per row.
PRUNE_PARTICIPANTS = (
    "UNWIND $rows AS row MATCH (:Event {iri: row.event})<-[r:PARTICIPANT]-() "
    "WHERE r.participation = row.participation AND NOT r.id IN row.ids DELETE r")


def _props(properties: Mapping[str, object]) -> dict[str, object]:
    return {k: v for k, v in properties.items() if v is not None}


def _batches(rows: list[dict], size: int) -> Iterable[list[dict]]:
    for start in range(0, len(rows), size):
        yield rows[start:start + size]


def _statements(graph: PropertyGraph) -> list[tuple[str, list[dict]]]:
    """Every write of ``graph``: nodes first, grouped by labels, then relationships."""
    writes: list[tuple[str, list[dict]]] = []
    by_labels: dict[tuple[str, ...], list[Node]] = defaultdict(list)
    for node in graph.nodes:
        by_labels[node.labels].append(node)
    for labels, nodes in sorted(by_labels.items()):
        rows = [{"iri": n.id, "props": _props(n.properties)} for n in nodes]
        writes.append((_node_statement(labels[0], labels[1] if len(labels) > 1 else None),
                       rows))
    by_type: dict[str, list[Relationship]] = defaultdict(list)
    for rel in graph.relationships:
        by_type[rel.type].append(rel)
    for rel_type, rels in sorted(by_type.items()):
        rows = [{"id": r.id, "source": r.start, "target": r.end, "props": _props(r.properties)}
                for r in rels]
        writes.append((_relationship_statement(rel_type), rows))
    ids: dict[tuple[str, str], list[str]] = defaultdict(list)
    for rel in by_type.get("PARTICIPANT", []):
        ids[(rel.end, str(rel.properties["participation"]))].append(rel.id)
    if ids:
        writes.append((PRUNE_PARTICIPANTS, [{"event": e, "participation": p, "ids": i}
                                            for (e, p), i in sorted(ids.items())]))
    return writes


def _progress_bar(total: int, progress: bool | None) -> Any:
    show = sys.stderr.isatty() if progress is None else progress
    if not show:
        return None
    from tqdm import tqdm

    return tqdm(total=total, unit="row", desc="neo4j push", file=sys.stderr)


def push_graph(driver: neo4j.Driver, graph: PropertyGraph, *, batch_size: int = DEFAULT_BATCH,
               progress: bool | None = None,
               on_batch: Callable[[int], None] | None = None) -> int:
    """MERGE ``graph`` into Neo4j in batches of ``batch_size`` rows, one transaction each.

    Returns the number of rows written (nodes, relationships and prunes).
    """
    writes = _statements(graph)
    bar = _progress_bar(sum(len(rows) for _, rows in writes), progress)
    written = 0
    try:
        with driver.session() as session:
            for statement, rows in writes:
                for batch in _batches(rows, batch_size):
                    session.execute_write(_run_batch, statement, batch)
                    written += len(batch)
                    if bar is not None:
                        bar.update(len(batch))
                    if on_batch is not None:
                        on_batch(len(batch))
    finally:
        if bar is not None:
            bar.close()
    return written


def _run_batch(tx: Any, statement: str, rows: list[dict]) -> None:
    tx.run(statement, rows=rows).consume()


def clear(driver: neo4j.Driver, *, batch_size: int = 10_000) -> None:
    """Delete every geokg node and relationship, in batches of ``batch_size``.

    Relationships go first, by type: a hub actor may have many thousands, more than one
    transaction should hold.
    """
    statements = [f"MATCH ()-[r:{rel.type}]->() WITH r LIMIT $limit DELETE r "
                  "RETURN count(*) AS deleted" for rel in SCHEMA.relationships]
    statements += [f"MATCH (n:{label}) WITH n LIMIT $limit DETACH DELETE n "
                   "RETURN count(*) AS deleted" for label in NODE_LABELS]
    for statement in statements:
        while True:
            records, _, _ = driver.execute_query(statement, {"limit": batch_size})
            if records[0]["deleted"] == 0:
                break


def graph_counts(driver: neo4j.Driver) -> tuple[int, int]:
    """How many nodes and relationships the database holds."""
    nodes, _, _ = driver.execute_query("MATCH (n) RETURN count(n) AS n")
    rels, _, _ = driver.execute_query("MATCH ()-[r]->() RETURN count(r) AS n")
    return nodes[0]["n"], rels[0]["n"]


def server_articles(driver: neo4j.Driver) -> dict[str, str]:
    """The articles the server holds: IRI and content hash."""
    records, _, _ = driver.execute_query(
        "MATCH (a:Article) RETURN a.iri AS iri, a.contentHash AS hash")
    return {r["iri"]: r["hash"] for r in records}


@dataclass(frozen=True)
class PushReport:
    """What a push did."""

    uri: str
    mode: str  # "unchanged", "incremental" or "full"
    articles_pushed: int
    articles_skipped: int
    nodes_written: int
    relationships_written: int
    nodes_total: int
    relationships_total: int
    seconds: float

    def summary(self) -> str:
        """One line for the CLI."""
        return (f"{self.mode}: {self.articles_pushed} articles pushed, "
                f"{self.articles_skipped} already there; wrote {self.nodes_written} nodes and "
                f"{self.relationships_written} relationships in {self.seconds:.1f} s; "
                f"{self.uri} now holds {self.nodes_total} nodes and "
                f"{self.relationships_total} relationships")


def push(store: Store, uri: str | None = None, user: str | None = None,
         password: str | None = None, *, batch_size: int = DEFAULT_BATCH,
         progress: bool | None = None, full: bool = False) -> PushReport:
    """Push the property graph of ``store`` to Neo4j.

    Parameters
    ----------
    store
        Any store; its projection is read with SPARQL.
    uri, user, password
        The server and credentials; missing ones come from :func:`resolve_settings`.
    batch_size
        Rows per transaction.
    progress
        Show a progress bar; by default only when stderr is a terminal.
    full
        Send every article, not only those the server lacks.

    Raises
    ------
    BackendUnavailable
        The server cannot be reached, or refuses the credentials.
    """
    started = time.perf_counter()
    settings = resolve_settings(uri, user, password, store_dir=getattr(
        store.backend, "path", None))
    local = article_hashes(store)
    driver = connect(settings)
    try:
        ensure_schema(driver)
        remote = server_articles(driver)
        stale = {iri for iri, digest in remote.items() if local.get(iri) != digest}
        missing = {iri for iri, digest in local.items() if remote.get(iri) != digest}
        if stale:  # the server holds articles the store has replaced or lost: rebuild
            clear(driver)
            mode, send = "full", set(local)
        elif full:
            mode, send = "full", set(local)
        elif missing:
            mode, send = "incremental", missing
        else:
            mode, send = "unchanged", set()
        graph = PropertyGraph()
        if send:
            graph = project(store)
            if send != set(local):
                graph = graph.restricted_to(graph_subjects(store, send))
            push_graph(driver, graph, batch_size=batch_size, progress=progress)
        nodes_total, relationships_total = graph_counts(driver)
    finally:
        driver.close()
    return PushReport(settings.uri, mode, len(send), len(local) - len(send), len(graph.nodes),
                      len(graph.relationships), nodes_total, relationships_total,
                      time.perf_counter() - started)


# ---------------------------------------------------------------------------- querying


def run_cypher_neo4j(uri: str | None, user: str | None, password: str | None, cypher: str,
                     bindings: Mapping[str, object] | None = None) -> list[dict]:
    """Rows of a Cypher query on a Neo4j server, parameters bound by the server.

    Rows are shaped as :func:`kg.cypher.run_cypher` shapes them (``//+ join`` headers),
    so catalogue queries answer the same rows on both engines.
    """
    from neo4j.exceptions import Neo4jError

    from kg.cypher import prepare_bindings, shape_rows

    settings = resolve_settings(uri, user, password)
    driver = connect(settings)
    try:
        records, _, _ = driver.execute_query(cypher, prepare_bindings(cypher, bindings),
                                             routing_="r")
    except Neo4jError as exc:
        raise QueryError(Errors.E503.format(reason=f"Neo4j: {_reason(exc)}")) from None
    finally:
        driver.close()
    return shape_rows(cypher, [record.data() for record in records])


def run_catalogue_query(query: CatalogueQuery, params: Mapping[str, str] | None = None, *,
                        uri: str | None = None, user: str | None = None,
                        password: str | None = None) -> QueryResult:
    """Run the Cypher form of a catalogue query on Neo4j, shaped as :func:`kg.run_query` does."""
    from kg.query import QueryResult, bind_params

    if query.cypher is None:
        raise QueryError(Errors.E503.format(reason=f"{query.cli_name} has no Cypher form"))
    bindings = bind_params(query, {**dict(query.defaults), **(params or {})})
    rows = run_cypher_neo4j(uri, user, password, query.cypher, bindings)
    hidden = {p.var for p in query.params}
    rows = [{k: v for k, v in row.items() if k not in hidden} for row in rows]
    return QueryResult(query=query, rows=rows)
