"""Errors of the toolkit: one hierarchy, and numbered messages coded by stage.

Stages: E1xx load, E2xx extract, E3xx resolve, E4xx store and backends,
E5xx query, E6xx present (viz, brief), E9xx configuration.
The library raises; only ``kg.cli`` turns a :class:`KGError` into a one-line
``Error: [E…] …`` message and exit code 1.
"""

from __future__ import annotations


class KGError(Exception):
    """Base of every error this toolkit raises on purpose."""


class LoadError(KGError):
    """An input could not be read as an article."""


class ExtractionError(KGError):
    """The extraction pipeline could not be built or run."""


class StoreError(KGError):
    """The store could not be opened, read or written."""


class BackendUnavailable(StoreError):
    """A backend (a server, an optional engine) cannot be reached or is not installed."""


class QueryNotFound(KGError):
    """No query of that name in the catalogue."""


class QueryError(KGError):
    """A query is malformed, or its parameters are."""


class PresentError(KGError):
    """A visualisation or a briefing could not be produced."""


class _Messages(type):
    def __getattribute__(cls, code: str) -> str:
        msg = super().__getattribute__(code)
        if code.startswith("E") and code[1:].isdigit():
            return f"[{code}] {msg}"
        return msg


class Errors(metaclass=_Messages):
    """Every message, numbered. Use ``Errors.E101.format(...)``."""

    E101 = "Cannot read {path}: {reason}"
    E102 = "Unsupported input {path}: expected .txt, .html, .htm, .jsonl or a folder of them"
    E103 = "{path} line {line}: {reason}"
    E104 = "{path}: the article has no text"
    E105 = "Invalid publication date {value!r} for {path}: expected YYYY-MM-DD"
    E106 = "{path}: record {record}: {reason}"
    E201 = "Cannot load the spaCy pipeline {name!r}: {reason}. Set KG_SPACY_MODEL or pass --model"
    E202 = "Extraction failed on {article}: {reason}"
    E203 = ("Cannot load the pair model {path!r}: {reason}. Set pair_model in "
            "loaders/pipeline.cfg to \"bundled\", \"none\" or a model file")
    E301 = "Invalid actor entry in {path}: {reason}"
    E302 = "Unknown actor type {value!r}: expected one of {choices}"
    E401 = "Cannot open the store at {path}: {reason}"
    E402 = "Unknown backend {name!r}: expected one of {choices}"
    E403 = "Backend {name!r} is unavailable: {reason}"
    E404 = "Storing {article} failed, nothing of it was kept: {reason}"
    E405 = "Unknown export format {value!r}: expected one of {choices}"
    E406 = "The store at {path} is read-only"
    E407 = ("Cannot reach Neo4j at {uri}: {reason}. Start the server (for tests: "
            ".ci/servers/servers.sh start) or pass another URI")
    E408 = ("Neo4j at {uri} refused user {user!r}: wrong user or password. Set "
            "NEO4J_PASSWORD, or password in {config}")
    E409 = ("No Neo4j password for {uri}: set NEO4J_PASSWORD, or write "
            "password = \"...\" in {config}")
    E410 = "Bad Neo4j settings in {path}: {reason}"
    E411 = ("Cannot reach the SPARQL server at {url}: {reason}. Start it (for tests: "
            ".ci/servers/servers.sh start) or check the URL")
    E412 = "The SPARQL server at {url} answered {status} to {operation}: {reason}"
    E501 = "No query named {name!r}: expected one of {choices}"
    E502 = "Bad parameter {param!r}: {reason}"
    E503 = "Query failed: {reason}"
    E504 = "Unknown output format {value!r}: expected one of {choices}"
    E505 = "No event {event!r} in the store"
    E507 = "No analysis named {name!r}: expected one of {choices}"
    E508 = "No actor {name!r} in the meeting network: give a name, an alias or an IRI{hint}"
    E601 = "Cannot write {path}: {reason}"
    E602 = "Nothing to show: {reason}"
    E603 = "Invalid briefing scope: {reason}"
    E604 = "Unknown briefing format {value!r}: expected one of {choices}"
    E605 = "Invalid date {value!r} for {param}: expected YYYY-MM-DD, YYYY-MM or YYYY"
    E606 = "No actor {actor!r} in the events: give its id or its label, e.g. {examples}"
    E607 = "Unknown event type {value!r}: expected one of {choices}"
    E608 = "Unknown view {value!r}: expected one of {choices}"
    E609 = "Invalid hops {value!r}: expected an integer >= 0"
    E901 = "Ontology problem: {reason}"
