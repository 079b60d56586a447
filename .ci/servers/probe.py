"""One readiness probe of a geokg test server; exit status 0 when it really answers.

Usage::

    probe.py neo4j bolt://127.0.0.1:7687 neo4j      (password in env NEO4J_PASSWORD)
    probe.py fuseki http://127.0.0.1:3030/kg

Neo4j: with the ``neo4j`` driver importable, ``verify_connectivity()`` with the credentials
and ``RETURN 1``; without it, only a TCP connect (and a note on stderr). Fuseki:
``GET /$/ping`` and a SPARQL ``ASK {}`` on ``/kg/sparql``. Standard library otherwise.
"""

from __future__ import annotations

import json
import os
import socket
import sys
import urllib.parse
import urllib.request

TIMEOUT_SECONDS = 5.0


def probe_neo4j(uri: str, user: str, password: str) -> None:
    """Raise unless a Bolt session with these credentials can run ``RETURN 1``."""
    try:
        import neo4j
    except ImportError:
        parsed = urllib.parse.urlsplit(uri)
        with socket.create_connection((parsed.hostname, parsed.port or 7687), TIMEOUT_SECONDS):
            pass
        print("probe: neo4j driver not importable, checked the TCP port only", file=sys.stderr)
        return
    with neo4j.GraphDatabase.driver(
        uri, auth=(user, password), connection_timeout=TIMEOUT_SECONDS
    ) as driver:
        driver.verify_connectivity()
        records, _, _ = driver.execute_query("RETURN 1 AS one")
        if records[0]["one"] != 1:
            raise RuntimeError(f"RETURN 1 gave {records!r}")


def probe_fuseki(dataset_url: str) -> None:
    """Raise unless the server answers ``/$/ping`` and the dataset answers an ASK query."""
    parsed = urllib.parse.urlsplit(dataset_url)
    ping_url = f"{parsed.scheme}://{parsed.netloc}/$/ping"
    with urllib.request.urlopen(ping_url, timeout=TIMEOUT_SECONDS) as response:
        response.read()
    query = urllib.parse.urlencode({"query": "ASK {}"})
    request = urllib.request.Request(
        f"{dataset_url}/sparql?{query}", headers={"Accept": "application/sparql-results+json"}
    )
    with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
        answer = json.load(response)
    if answer.get("boolean") is not True:
        raise RuntimeError(f"ASK {{}} gave {answer!r}")


def main(argv: list[str]) -> int:
    """Run one probe; print the reason on failure."""
    try:
        if argv[:1] == ["neo4j"] and len(argv) == 3:
            probe_neo4j(argv[1], argv[2], os.environ.get("NEO4J_PASSWORD", ""))
        elif argv[:1] == ["fuseki"] and len(argv) == 2:
            probe_fuseki(argv[1])
        else:
            print(__doc__, file=sys.stderr)
            return 2
    except Exception as error:  # any failure means "not ready yet"
        print(f"probe: {type(error).__name__}: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
