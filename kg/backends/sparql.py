"""A SPARQL 1.1 server as the store: ``Store("sparql+http://127.0.0.1:3030/kg")``.

The dataset URL answers queries at ``<url>/query`` and updates at ``<url>/update`` (Apache
Jena Fuseki's layout; others can be given). Each article graph is replaced by one update
request (``DROP SILENT GRAPH … ; INSERT DATA …``), which the server applies atomically.
The catalogue queries expect the union of the named graphs as the default graph: configure
the server that way (Fuseki: ``tdb2:unionDefaultGraph true``, see
``.ci/servers/fuseki/config.ttl``).

Parameters are bound, not pasted: each value becomes an RDF term serialised by pyoxigraph
(escaped N-Triples syntax) in a ``VALUES`` block placed first in the query's ``WHERE``
group, so filters see the bound value as they do with Oxigraph's ``substitutions``.
"""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator, Mapping

import pyoxigraph as ox

from kg.backends.oxigraph import to_python, to_term
from kg.errors import BackendUnavailable, Errors, QueryError
from kg.vocab import KG

__all__ = ["SparqlBackend", "bind_values"]

TIMEOUT_SECONDS = 60.0
RESULTS_JSON = "application/sparql-results+json"


_VARIABLE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
# What may precede the WHERE group and contain a "{" that is not one: comments,
# strings, IRIs. Anything else up to the first "{" is the query's prologue and head.
_SKIP = re.compile(r"""
      \#[^\n]*
    | '''(?:[^'\\]|\\.|'(?!''))*'''
    | \"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
    | '(?:[^'\\\n]|\\.)*'
    | "(?:[^"\\\n]|\\.)*"
    | <[^<>"{}|^`\\\x00-\x20]*>
    | \{
""", re.VERBOSE)


_SELECT = re.compile(r"\bSELECT\b(?P<projection>[^{}]*?)(?:\bWHERE\s*)?\{", re.IGNORECASE)


def bind_values(sparql: str, bindings: Mapping[str, object]) -> str:
    """``sparql`` with ``bindings`` as ``VALUES`` blocks opening its ``WHERE`` groups.

    Every SELECT (the query and its subqueries) that projects a bound variable gets the
    block, so a subquery sees its parameters as the embedded engine's substitutions do.
    Values are RDF terms serialised by pyoxigraph, so no value can end the string it is in.
    ``None`` values stay unbound.

    Examples
    --------
    >>> print(bind_values('SELECT ?x ?p { ?x ?y ?p }', {"p": 'say "hi" }'}))
    SELECT ?x ?p { VALUES (?p) { ("say \\"hi\\" }") } ?x ?y ?p }
    """
    terms = {name: to_term(value) for name, value in bindings.items() if value is not None}
    if not terms:
        return sparql
    for name in terms:
        if not _VARIABLE.fullmatch(name):
            raise QueryError(Errors.E502.format(param=name, reason="not a SPARQL variable name"))
    inserts = []
    for match in _SELECT.finditer(sparql):
        projected = set(re.findall(r"\?([A-Za-z_][A-Za-z0-9_]*)", match.group("projection")))
        star = "*" in match.group("projection")
        names = [n for n in terms if n in projected or star]
        if names:
            block = " VALUES ({}) {{ ({}) }}".format(" ".join(f"?{n}" for n in names),
                                                    " ".join(str(terms[n]) for n in names))
            inserts.append((match.end(), block))
    if inserts:
        for position, block in reversed(inserts):
            sparql = sparql[:position] + block + sparql[position:]
        return sparql
    for match in _SKIP.finditer(sparql):
        if match.group() == "{":
            names = " ".join(f"?{n}" for n in terms)
            row = " ".join(str(t) for t in terms.values())
            block = f" VALUES ({names}) {{ ({row}) }}"
            return sparql[:match.end()] + block + sparql[match.end():]
    raise QueryError(Errors.E503.format(reason="no WHERE group to bind the parameters in"))


def _term(binding: Mapping[str, str]) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    kind = binding["type"]
    if kind == "uri":
        return ox.NamedNode(binding["value"])
    if kind == "bnode":
        return ox.BlankNode(binding["value"])
    if "xml:lang" in binding:
        return ox.Literal(binding["value"], language=binding["xml:lang"])
    if "datatype" in binding:
        return ox.Literal(binding["value"], datatype=ox.NamedNode(binding["datatype"]))
    return ox.Literal(binding["value"])


class SparqlBackend:
    """A SPARQL 1.1 server (query, update) holding one named graph per article.

    Parameters
    ----------
    url
        The dataset URL, e.g. ``http://127.0.0.1:3030/kg``.
    query_url, update_url
        The endpoints, by default ``<url>/query`` and ``<url>/update``.
    timeout
        Seconds to wait for an answer.
    """

    name = "sparql"
    supports_sparql = True
    supports_cypher = False
    transactional = True  # one update request per article, applied atomically

    def __init__(self, url: str, *, query_url: str | None = None,
                 update_url: str | None = None, timeout: float = TIMEOUT_SECONDS) -> None:
        self.url = url.rstrip("/")
        self.query_url = query_url or f"{self.url}/query"
        self.update_url = update_url or f"{self.url}/update"
        self.timeout = timeout
        self._post(self.query_url, {"query": "ASK {}"}, RESULTS_JSON, "ASK {}")

    def _post(self, endpoint: str, form: Mapping[str, str], accept: str | None,
              operation: str) -> bytes:
        headers = {"Content-Type": "application/x-www-form-urlencoded; charset=utf-8"}
        if accept:
            headers["Accept"] = accept
        data = urllib.parse.urlencode(form).encode("utf-8")
        request = urllib.request.Request(endpoint, data=data, headers=headers, method="POST")
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return response.read()
        except urllib.error.HTTPError as exc:
            detail = exc.read().decode("utf-8", "replace").strip().splitlines()
            reason = detail[0] if detail else exc.reason
            if exc.code == 400:
                raise QueryError(Errors.E503.format(reason=reason)) from None
            raise BackendUnavailable(Errors.E412.format(url=endpoint, status=exc.code,
                                                 operation=operation, reason=reason)) from None
        except (urllib.error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise BackendUnavailable(Errors.E411.format(url=self.url, reason=reason)) from None

    def _solutions(self, sparql: str) -> tuple[list[str], list[dict]]:
        answer = json.loads(self._post(self.query_url, {"query": sparql}, RESULTS_JSON,
                                       "a query"))
        if "results" not in answer:
            raise QueryError(Errors.E503.format(reason="not a SELECT query"))
        return answer["head"].get("vars", []), answer["results"]["bindings"]

    def select(self, sparql: str, bindings: Mapping[str, object]) -> Iterator[dict]:
        names, rows = self._solutions(bind_values(sparql, bindings))
        for row in rows:
            yield {n: to_python(_term(row[n])) if n in row else None for n in names}

    def replace_graph(self, graph: str, quads: list[ox.Quad]) -> None:
        name = ox.NamedNode(graph)
        if any(q.graph_name != name for q in quads):
            raise ValueError(f"every quad must be in {graph}")
        triples = [ox.Triple(q.subject, q.predicate, q.object) for q in quads]
        data = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode("utf-8")
        update = f"DROP SILENT GRAPH {name} ;\nINSERT DATA {{ GRAPH {name} {{\n{data}}} }}"
        self._post(self.update_url, {"update": update}, None, f"replacing {graph}")

    def graph_hash(self, graph: str) -> str | None:
        query = (f"SELECT ?hash ?g WHERE {{ GRAPH ?g {{ ?g <{KG.contentHash}> ?hash }} }} "
                 "ORDER BY ?hash LIMIT 1")
        for row in self.select(query, {"g": ox.NamedNode(graph)}):
            return str(row["hash"])
        return None

    def quads(self) -> list[ox.Quad]:
        _, rows = self._solutions("SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        return [ox.Quad(_term(r["s"]), _term(r["p"]), _term(r["o"]), _term(r["g"]))
                for r in rows]

    def drop_all(self) -> None:
        """Remove every graph of the dataset."""
        self._post(self.update_url, {"update": "DROP SILENT ALL"}, None, "DROP ALL")

    def close(self) -> None:
        """Nothing to release: every request has its own connection."""
