"""Every catalogue query answers the same rows on every backend, and the servers behave.

Engines: SPARQL on embedded Oxigraph (the reference), Cypher on embedded LadybugDB, Cypher
on Neo4j after :func:`kg.backends.neo4j.push`, SPARQL on Fuseki after storing the same
articles through ``Store("sparql+http://…")``. The Neo4j and Fuseki tests need the servers
of ``.ci/servers/servers.sh start`` (and its ``env``): skipped without them, failed in CI.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from dataclasses import replace

import pytest

from kg.backends.neo4j import (
    Neo4jSettings,
    clear,
    connect,
    graph_counts,
    push,
    resolve_settings,
    run_catalogue_query,
    run_cypher_neo4j,
)
from kg.backends.sparql import SparqlBackend, bind_values
from kg.errors import BackendUnavailable, QueryError
from kg.graph import project
from kg.query import find_query, run_query
from kg.store import AddResult, Store
from tests.conftest import require
from tests.graph_fixtures import XSS_LABEL, extractions, fill
from tests.test_cypher import normalise, twin_cases

NEO4J_VARIABLES = ("KG_TEST_NEO4J_URI", "KG_TEST_NEO4J_USER", "NEO4J_PASSWORD")


def closed_port() -> int:
    """A port on 127.0.0.1 that nothing listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def oxigraph() -> Store:
    return fill(Store())


# ---------------------------------------------------------------------------- Fuseki


@pytest.fixture(scope="module")
def fuseki_url() -> str:
    url = os.environ.get("KG_TEST_FUSEKI_URL")
    require(bool(url), "KG_TEST_FUSEKI_URL not set: run `.ci/servers/servers.sh start` and "
                       'eval "$(.ci/servers/servers.sh env)"')
    return str(url)


@pytest.fixture(scope="module")
def fuseki(fuseki_url: str) -> Iterator[Store]:
    store = Store(f"sparql+{fuseki_url}")
    store.backend.drop_all()
    fill(store)
    yield store
    store.backend.drop_all()


@pytest.mark.fuseki
@pytest.mark.parametrize(("name", "params"), twin_cases())
def test_sparql_on_fuseki_answers_as_oxigraph(oxigraph: Store, fuseki: Store, name: str,
                                              params: dict[str, str]) -> None:
    assert normalise(run_query(fuseki, name, params).rows) == normalise(
        run_query(oxigraph, name, params).rows)


@pytest.mark.fuseki
def test_fuseki_holds_the_same_quads(oxigraph: Store, fuseki: Store) -> None:
    assert sorted(map(str, fuseki.quads())) == sorted(map(str, oxigraph.quads()))
    assert project(fuseki) == project(oxigraph)


@pytest.mark.fuseki
def test_cypher_on_a_fuseki_store(oxigraph: Store, fuseki: Store) -> None:
    for name in ("events", "who_met_whom"):
        assert normalise(run_query(fuseki, name, lang="cypher").rows) == normalise(
            run_query(oxigraph, name).rows)


@pytest.mark.fuseki
def test_fuseki_replaces_an_article_graph_whole(fuseki: Store) -> None:
    fuseki.backend.drop_all()
    try:
        first = extractions()[0]
        assert fuseki.add(first) is AddResult.ADDED
        assert fuseki.add(first) is AddResult.UNCHANGED
        changed = replace(first, article=replace(first.article, text="a corrected text"),
                          events=first.events[1:])
        assert fuseki.add(changed) is AddResult.REPLACED
        expected = Store()
        expected.add(changed)
        assert sorted(map(str, fuseki.quads())) == sorted(map(str, expected.quads()))
    finally:  # the other tests of this module share the dataset
        fuseki.backend.drop_all()
        fill(fuseki)


@pytest.mark.fuseki
def test_fuseki_parameters_are_terms_not_text(fuseki: Store) -> None:
    hostile = '" } } ; DROP ALL ; SELECT * { ?s ?p "'
    assert run_query(fuseki, "events", {"actor": hostile}).rows == []
    assert len(run_query(fuseki, "events").records()) == 7
    labels = {r["label"] for r in run_query(fuseki, "actors").rows}
    assert XSS_LABEL in labels


@pytest.mark.fuseki
def test_fuseki_syntax_error_is_a_query_error(fuseki: Store) -> None:
    with pytest.raises(QueryError, match=r"\[E503\]"):
        fuseki.select("SELECT ?x WHERE { ?x ?y }")


def test_bind_values_opens_the_where_group() -> None:
    query = 'PREFIX a: <http://x/a#> SELECT ?x ("{" AS ?b) # {\nWHERE { ?x ?p ?o }'
    bound = bind_values(query, {"o": 'a"b', "x": None})
    assert bound.endswith('WHERE { VALUES (?o) { ("a\\"b") } ?x ?p ?o }')
    with pytest.raises(QueryError, match="E502"):
        bind_values(query, {"o) } ; DROP ALL ; #": "x"})


def test_sparql_server_down_is_a_clear_error() -> None:
    port = closed_port()
    with pytest.raises(BackendUnavailable, match=rf"\[E411\].*127\.0\.0\.1:{port}"):
        Store(f"sparql+http://127.0.0.1:{port}/kg")


@pytest.mark.fuseki
def test_sparql_unknown_dataset_is_a_clear_error(fuseki_url: str) -> None:
    with pytest.raises(BackendUnavailable, match=r"\[E412\].*404"):
        SparqlBackend(fuseki_url.rsplit("/", 1)[0] + "/no-such-dataset")


# ---------------------------------------------------------------------------- Neo4j


@pytest.fixture(scope="module")
def neo4j_settings() -> Neo4jSettings:
    missing = [name for name in NEO4J_VARIABLES if not os.environ.get(name)]
    require(not missing, f"{', '.join(missing)} not set: run `.ci/servers/servers.sh start` "
                         'and eval "$(.ci/servers/servers.sh env)"')
    return Neo4jSettings(os.environ["KG_TEST_NEO4J_URI"], os.environ["KG_TEST_NEO4J_USER"],
                         os.environ["NEO4J_PASSWORD"])


def _push(store: Store, settings: Neo4jSettings, **options: object):
    return push(store, settings.uri, settings.user, settings.password, progress=False,
                **options)


def _empty(settings: Neo4jSettings) -> None:
    driver = connect(settings)
    try:
        clear(driver)
    finally:
        driver.close()


def _dump(settings: Neo4jSettings) -> tuple[list, list]:
    """Every geokg node and relationship on the server, comparable with a projection."""
    driver = connect(settings)
    try:
        nodes, _, _ = driver.execute_query(
            "MATCH (n) WHERE n.iri IS NOT NULL RETURN n.iri AS id, labels(n) AS labels, "
            "properties(n) AS props")
        rels, _, _ = driver.execute_query(
            "MATCH (s)-[r]->(t) RETURN type(r) AS type, s.iri AS s, t.iri AS t, "
            "properties(r) AS props")
    finally:
        driver.close()
    node_rows = sorted((r["id"], tuple(sorted(r["labels"])),
                        sorted((k, repr(v)) for k, v in r["props"].items() if k != "iri"))
                       for r in nodes)
    rel_rows = sorted((r["type"], r["s"], r["t"], sorted((k, repr(v)) for k, v in
                                                          r["props"].items()))
                      for r in rels)
    return node_rows, rel_rows


def _expected(store: Store) -> tuple[list, list]:
    graph = project(store)
    nodes = sorted((n.id, tuple(sorted(n.labels)),
                    sorted((k, repr(v)) for k, v in n.properties.items() if v is not None))
                   for n in graph.nodes)
    rels = sorted((r.type, r.start, r.end,
                   sorted((k, repr(v)) for k, v in r.properties.items() if v is not None))
                  for r in graph.relationships)
    return nodes, rels


@pytest.fixture(scope="module")
def neo4j_loaded(neo4j_settings: Neo4jSettings, oxigraph: Store) -> Neo4jSettings:
    _empty(neo4j_settings)
    _push(oxigraph, neo4j_settings)
    return neo4j_settings


@pytest.mark.neo4j
@pytest.mark.parametrize(("name", "params"), twin_cases())
def test_cypher_on_neo4j_answers_as_sparql(oxigraph: Store, neo4j_loaded: Neo4jSettings,
                                           name: str, params: dict[str, str]) -> None:
    settings = neo4j_loaded
    rows = run_catalogue_query(find_query(name), params, uri=settings.uri,
                               user=settings.user, password=settings.password).rows
    assert normalise(rows) == normalise(run_query(oxigraph, name, params).rows)


@pytest.mark.neo4j
def test_neo4j_holds_exactly_the_projection(oxigraph: Store,
                                            neo4j_loaded: Neo4jSettings) -> None:
    assert _dump(neo4j_loaded) == _expected(oxigraph)


@pytest.mark.neo4j
def test_run_cypher_neo4j_binds_parameters(neo4j_loaded: Neo4jSettings) -> None:
    s = neo4j_loaded
    hostile = "'}) DETACH DELETE n //"
    rows = run_cypher_neo4j(s.uri, s.user, s.password,
                            "MATCH (a:Actor) WHERE a.label = $name RETURN a.iri AS iri",
                            {"name": hostile})
    assert rows == []
    rows = run_cypher_neo4j(s.uri, s.user, s.password,
                            "MATCH (a:Actor) WHERE a.label = $name RETURN a.iri AS iri",
                            {"name": XSS_LABEL})
    assert rows == [{"iri": "https://w3id.org/geokg/id/actor/coastal-forum"}]
    with pytest.raises(QueryError, match=r"\[E503\].*Neo4j"):
        run_cypher_neo4j(s.uri, s.user, s.password, "MATCH (n RETURN n")


@pytest.mark.neo4j
def test_push_is_idempotent(oxigraph: Store, neo4j_settings: Neo4jSettings) -> None:
    _empty(neo4j_settings)
    first = _push(oxigraph, neo4j_settings)
    assert (first.mode, first.articles_pushed) == ("incremental", 4)
    counts = (first.nodes_total, first.relationships_total)
    graph = project(oxigraph)
    assert counts == (len(graph.nodes), len(graph.relationships))
    again = _push(oxigraph, neo4j_settings)
    assert (again.mode, again.articles_pushed, again.articles_skipped) == ("unchanged", 0, 4)
    forced = _push(oxigraph, neo4j_settings, full=True)
    assert forced.mode == "full" and forced.nodes_written == len(graph.nodes)
    driver = connect(neo4j_settings)
    try:
        assert graph_counts(driver) == counts
    finally:
        driver.close()
    assert _dump(neo4j_settings) == _expected(oxigraph)


@pytest.mark.neo4j
def test_push_sends_only_new_articles(neo4j_settings: Neo4jSettings) -> None:
    _empty(neo4j_settings)
    oslo, nairobi, santiago, geneva = extractions()
    store = Store()
    for extraction in (oslo, santiago, geneva):
        store.add(extraction)
    assert _push(store, neo4j_settings, batch_size=7).articles_pushed == 3
    store.add(nairobi)  # re-reports the Oslo meeting with another title for Kibet
    report = _push(store, neo4j_settings, batch_size=7)
    assert (report.mode, report.articles_pushed, report.articles_skipped) == (
        "incremental", 1, 3)
    assert report.nodes_written < len(project(store).nodes)
    assert _dump(neo4j_settings) == _expected(store)


@pytest.mark.neo4j
def test_push_rebuilds_when_an_article_changed(neo4j_settings: Neo4jSettings) -> None:
    _empty(neo4j_settings)
    store = fill(Store())
    _push(store, neo4j_settings)
    first = extractions()[0]
    store.add(replace(first, article=replace(first.article, text="a corrected text"),
                      events=first.events[:1]))
    report = _push(store, neo4j_settings)
    assert report.mode == "full"
    assert _dump(neo4j_settings) == _expected(store)


@pytest.mark.neo4j
def test_wrong_password_is_a_clear_error(oxigraph: Store,
                                         neo4j_settings: Neo4jSettings) -> None:
    wrong = neo4j_settings.password + "-not-it"
    with pytest.raises(BackendUnavailable, match=r"\[E408\].*refused user 'neo4j'") as info:
        push(oxigraph, neo4j_settings.uri, neo4j_settings.user, wrong, progress=False)
    assert wrong not in str(info.value) and neo4j_settings.password not in str(info.value)


def test_neo4j_down_is_a_clear_error(oxigraph: Store) -> None:
    uri = f"bolt://127.0.0.1:{closed_port()}"
    with pytest.raises(BackendUnavailable, match=rf"\[E407\] Cannot reach Neo4j at {uri}"):
        push(oxigraph, uri, "neo4j", "some-password", progress=False)
    with pytest.raises(BackendUnavailable, match=r"\[E407\]"):
        run_cypher_neo4j(uri, "neo4j", "some-password", "RETURN 1")


def test_password_comes_from_env_then_config(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.delenv("NEO4J_PASSWORD", raising=False)
    monkeypatch.delenv("NEO4J_URI", raising=False)
    monkeypatch.delenv("NEO4J_USER", raising=False)
    with pytest.raises(BackendUnavailable, match=r"\[E409\].*neo4j\.toml"):
        resolve_settings("bolt://127.0.0.1:1")
    config = tmp_path / "config" / "geokg" / "neo4j.toml"
    config.parent.mkdir(parents=True)
    config.write_text('uri = "bolt://10.0.0.9:7687"\npassword = "from-the-file"\n')
    settings = resolve_settings()
    assert (settings.uri, settings.user, settings.password) == (
        "bolt://10.0.0.9:7687", "neo4j", "from-the-file")
    assert "from-the-file" not in repr(settings)
    monkeypatch.setenv("NEO4J_PASSWORD", "from-the-env")
    assert resolve_settings().password == "from-the-env"
    store_dir = tmp_path / "store"
    store_dir.mkdir()
    (store_dir / "neo4j.toml").write_text('[neo4j]\nuser = "analyst"\n')
    assert resolve_settings(store_dir=store_dir).user == "analyst"
