"""Smoke tests of the real Neo4j and Fuseki servers that ``.ci/servers/servers.sh start`` runs.

They need the variables printed by ``.ci/servers/servers.sh env``. Without them the tests are
skipped, except under ``CI=true``, where a missing server is a failure.
"""

from __future__ import annotations

import json
import os
import urllib.parse
import urllib.request
import uuid

import neo4j
import pytest

NEO4J_VARIABLES = ("KG_TEST_NEO4J_URI", "KG_TEST_NEO4J_USER", "NEO4J_PASSWORD")
FUSEKI_VARIABLES = ("KG_TEST_FUSEKI_URL",)
HTTP_TIMEOUT_SECONDS = 30


def _server_settings(names: tuple[str, ...]) -> dict[str, str]:
    """Return the named environment variables; skip (or fail under CI=true) when one is unset."""
    missing = [name for name in names if not os.environ.get(name)]
    if missing:
        reason = (
            f"{', '.join(missing)} not set: run `.ci/servers/servers.sh start` and "
            '`eval "$(.ci/servers/servers.sh env)"` first'
        )
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    return {name: os.environ[name] for name in names}


@pytest.fixture(scope="module")
def neo4j_settings() -> dict[str, str]:
    return _server_settings(NEO4J_VARIABLES)


@pytest.fixture(scope="module")
def fuseki_url() -> str:
    return _server_settings(FUSEKI_VARIABLES)["KG_TEST_FUSEKI_URL"]


def _post_form(url: str, fields: dict[str, str], accept: str | None = None) -> bytes:
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    if accept:
        headers["Accept"] = accept
    data = urllib.parse.urlencode(fields).encode("utf-8")
    request = urllib.request.Request(url, data=data, headers=headers, method="POST")
    with urllib.request.urlopen(request, timeout=HTTP_TIMEOUT_SECONDS) as response:
        return response.read()


def _get(url: str, accept: str) -> bytes:
    request = urllib.request.Request(url, headers={"Accept": accept})
    with urllib.request.urlopen(request, timeout=HTTP_TIMEOUT_SECONDS) as response:
        return response.read()


@pytest.mark.neo4j
def test_neo4j_writes_and_reads_back_a_node(neo4j_settings: dict[str, str]) -> None:
    auth = (neo4j_settings["KG_TEST_NEO4J_USER"], neo4j_settings["NEO4J_PASSWORD"])
    marker = f"smoke-{uuid.uuid4()}"
    with neo4j.GraphDatabase.driver(neo4j_settings["KG_TEST_NEO4J_URI"], auth=auth) as driver:
        driver.verify_connectivity()
        driver.execute_query("CREATE (:SmokeTest {marker: $marker, count: 2})", marker=marker)
        try:
            records, _, _ = driver.execute_query(
                "MATCH (n:SmokeTest {marker: $marker}) RETURN n.count + 1 AS total",
                marker=marker,
            )
        finally:
            driver.execute_query(
                "MATCH (n:SmokeTest {marker: $marker}) DETACH DELETE n", marker=marker
            )
    assert [record.data() for record in records] == [{"total": 3}]


@pytest.mark.neo4j
def test_neo4j_rejects_a_wrong_password(neo4j_settings: dict[str, str]) -> None:
    auth = (neo4j_settings["KG_TEST_NEO4J_USER"], neo4j_settings["NEO4J_PASSWORD"] + "-wrong")
    with neo4j.GraphDatabase.driver(neo4j_settings["KG_TEST_NEO4J_URI"], auth=auth) as driver:
        with pytest.raises(neo4j.exceptions.AuthError):
            driver.verify_connectivity()


@pytest.mark.fuseki
def test_fuseki_stores_a_triple_in_a_named_graph(fuseki_url: str) -> None:
    graph = f"urn:geokg:smoke:{uuid.uuid4()}"
    subject = "https://w3id.org/geokg/id/smoke-subject"
    predicate = "http://www.w3.org/2000/01/rdf-schema#label"
    _post_form(
        f"{fuseki_url}/update",
        {"update": f'INSERT DATA {{ GRAPH <{graph}> {{ <{subject}> <{predicate}> "smoke" }} }}'},
    )
    try:
        answer = json.loads(
            _post_form(
                f"{fuseki_url}/sparql",
                {"query": f"SELECT ?g ?s ?o WHERE {{ GRAPH ?g {{ ?s <{predicate}> ?o }} }}"},
                accept="application/sparql-results+json",
            )
        )
        graph_store_copy = _get(
            f"{fuseki_url}/data?{urllib.parse.urlencode({'graph': graph})}",
            accept="application/n-triples",
        ).decode("utf-8")
    finally:
        _post_form(f"{fuseki_url}/update", {"update": f"DROP SILENT GRAPH <{graph}>"})

    rows = [
        {name: binding["value"] for name, binding in row.items()}
        for row in answer["results"]["bindings"]
        if row["g"]["value"] == graph
    ]
    assert rows == [{"g": graph, "s": subject, "o": "smoke"}]
    assert graph_store_copy.split("\n") == [f'<{subject}> <{predicate}> "smoke" .', ""]
