"""The property-graph projection and embedded Cypher (LadybugDB), on invented articles."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import networkx as nx
import pytest

from kg.cypher import cypher_parameters, prepare_bindings, run_cypher, shape_rows
from kg.errors import QueryError
from kg.graph import SCHEMA, Node, fingerprint, project, to_networkx, write_graphml
from kg.query import run_query
from kg.store import Store
from kg.types import Article, Event, Extraction, Place, Provenance, Role
from queries import HERE as QUERIES
from queries import catalogue, parse_header
from tests.graph_fixtures import (
    HALDORSEN,
    KENYA,
    KIBET,
    NORWAY,
    OSLO,
    XSS_LABEL,
    extractions,
    fill,
)

# Parameters each catalogue query is run with, on every engine.
PARAMETERS: dict[str, list[dict[str, str]]] = {
    "events": [{}, {"actor": "Kenya"}, {"actor": "kingdom of norway"}, {"actor": "Kibet"},
               {"type": "Visit Threat"}, {"since": "2024-03"}, {"until": "2024-01-31"},
               {"since": "2024-03-04", "until": "2024-03-04"},
               {"event": "https://w3id.org/geokg/id/event/phonecall-ebec46b8feacd6ba"},
               {"actor": '" } } ; DROP ALL ; SELECT * { ?s ?p "'},
               {"actor": "') RETURN 1 //"}],
    "meetings": [{}, {"actor": "Okafor"}, {"since": "2024"}],
    "who_met_whom": [{}, {"actor": "norway"}, {"actor": "https://w3id.org/geokg/id/actor/amani-kibet"},
                     {"since": "2024-03", "until": "2024-03"}],
    "actors": [{}, {"type": "Person"}, {"type": "Organization"}],
    "articles": [{}],
    "_actor_index": [{}],
}
GROUP_CONCAT_COLUMNS = {"topics": "; "}


def normalise(rows: list[dict]) -> list[tuple]:
    """Rows as a sorted list, GROUP_CONCAT text split and sorted (its order is free)."""
    out = []
    for row in rows:
        row = dict(row)
        for column, separator in GROUP_CONCAT_COLUMNS.items():
            if isinstance(row.get(column), str):
                row[column] = tuple(sorted(row[column].split(separator)))
        out.append(tuple(sorted((k, repr(v)) for k, v in row.items())))
    return sorted(out)


def twin_cases() -> list[tuple[str, dict[str, str]]]:
    return [(name, params) for name, plist in PARAMETERS.items() for params in plist]


@pytest.fixture(scope="module")
def store() -> Store:
    return fill(Store())


def test_every_sparql_query_has_a_cypher_twin() -> None:
    queries = catalogue()
    assert set(PARAMETERS) == set(queries)
    for query in queries.values():
        assert query.sparql and query.cypher, query.name


def test_twin_headers_agree() -> None:
    for cypher_file in sorted(QUERIES.glob("*.cypher")):
        sparql = parse_header((QUERIES / f"{cypher_file.stem}.rq").read_text("utf-8"), "#+")
        cypher = parse_header(cypher_file.read_text("utf-8"), "//+")
        cypher.pop("join", None)
        assert cypher == sparql, cypher_file.name


@pytest.mark.parametrize(("name", "params"), twin_cases())
def test_cypher_answers_the_same_rows_as_sparql(store: Store, name: str,
                                                params: dict[str, str]) -> None:
    sparql = run_query(store, name, params).rows
    cypher = run_query(store, name, params, lang="cypher").rows
    assert normalise(cypher) == normalise(sparql)


def test_the_twins_are_not_trivially_empty(store: Store) -> None:
    assert len(run_query(store, "events", lang="cypher").records()) == 7
    kenya = run_query(store, "events", {"actor": "Kenya"}, lang="cypher").records()
    assert {e["type"] for e in kenya} == {"Meeting", "PhoneCall", "Mediation"}
    assert run_query(store, "events", {"actor": "') RETURN 1 //"}, lang="cypher").rows == []


def test_events_come_in_the_same_order(store: Store) -> None:
    sparql = [e["id"] for e in run_query(store, "events").records()]
    cypher = [e["id"] for e in run_query(store, "events", lang="cypher").records()]
    assert cypher == sparql


def test_mediators_and_hosts_stay_on_the_event(store: Store) -> None:
    [oslo] = run_query(store, "events", {"type": "Meeting", "since": "2024-03-04",
                                         "until": "2024-03-04"},
                       lang="cypher").records()
    assert [a["label"] for a in oslo["mediators"]] == ["African Union"]
    assert [a["label"] for a in oslo["hosts"]] == ["Norway"]
    assert {a["label"] for a in oslo["participants"]} == {"Ingrid Haldorsen", "Amani Kibet"}
    assert {s["article"] for s in oslo["sources"]} == {"oslo-talks", "nairobi-brief"}
    assert oslo["topics"] == ["Maritime Security", "maritime security", "trade"]


def test_who_met_whom_joins_topics(store: Store) -> None:
    rows = run_query(store, "who_met_whom", {"actor": "Reyes"}, lang="cypher").rows
    assert [(r["aLabel"], r["bLabel"], r["topics"], r["date"]) for r in rows] == [
        ("Amani Kibet", "Tomás Reyes", "climate finance", "2024-03")]
    geneva = run_query(store, "who_met_whom", {"actor": "Okafor"}, lang="cypher").rows
    assert {r["topics"] for r in geneva} == {None}


def test_parameters_are_found_outside_strings_and_comments() -> None:
    text = "// $a\nMATCH (n) /* $b */ WHERE n.x = '$c' AND n.y = \"$d\" AND n.z = $e RETURN `$f`"
    assert cypher_parameters(text) == ["e"]
    assert prepare_bindings(text, {"e": 1, "g": 2}) == {"e": 1}


def test_join_header_shapes_lists() -> None:
    cypher = '//+ join: {topics: " | "}\nRETURN 1'
    assert shape_rows(cypher, [{"topics": ["b", "a"], "other": ["x"]}]) == [
        {"topics": "a | b", "other": ["x"]}]


def test_a_bad_query_is_a_query_error(store: Store) -> None:
    with pytest.raises(QueryError, match=r"\[E503\].*LadybugDB"):
        run_cypher(store, "MATCH (n:NoSuchLabel) RETURN n")


def test_the_projection_is_refreshed_when_the_store_changes(tmp_path: Path) -> None:
    store = Store(tmp_path / "store")
    first, *rest = extractions()
    store.add(first)
    count = "MATCH (a:Article) RETURN count(a) AS n"
    assert run_cypher(store, count) == [{"n": 1}]
    recorded = tmp_path / "store" / "cypher" / "fingerprint"
    assert recorded.read_text().strip() == fingerprint(store)
    for extraction in rest:
        store.add(extraction)
    assert run_cypher(store, count) == [{"n": 4}]
    assert recorded.read_text().strip() == fingerprint(store)
    store.close()
    reader = Store.read_only(tmp_path / "store")
    assert run_cypher(reader, count) == [{"n": 4}]
    with pytest.raises(QueryError, match="read-only"):
        run_cypher(reader, "CREATE (:Topic {iri: 'x'})")
    reader.close()


def test_fingerprint_follows_content_hashes() -> None:
    one, two = fill(Store()), fill(Store())
    assert fingerprint(one) == fingerprint(two)
    two.add(extractions()[0].__class__(Article(text="other", id="oslo-talks")))
    assert fingerprint(one) != fingerprint(two)


# ---------------------------------------------------------------------------- projection


def test_projection_of_one_article_is_exact() -> None:
    store = Store()
    store.add(extractions()[2])  # the Santiago article: a visit and an undated agreement
    graph = project(store)
    labels = sorted(node.labels for node in graph.nodes)
    assert labels == [("Actor", "Person"), ("Actor", "State"), ("Actor", "State"),
                      ("Article",), ("Event", "Agreement"), ("Event", "Visit"),
                      ("Mention",), ("Mention",), ("Place",), ("Topic",)]
    chile = next(n for n in graph.nodes if n.id.endswith("/actor/chile"))
    assert chile == Node("https://w3id.org/geokg/id/actor/chile", ("Actor", "State"), {
        "type": "State", "label": "Chile", "names": ["Chile"], "aliases": [],
        "wikidata": None, "iso3166": "CL", "acronym": None, "matchKey": None})
    kinds = sorted((r.type, r.start.rsplit("/", 1)[1], r.end.rsplit("/", 2)[1])
                   for r in graph.relationships)
    assert kinds == [
        ("ABOUT", "visit-9096674a8ddb3b03", "topic"),
        ("AFFILIATED_WITH", "ingrid-haldorsen", "actor"),
        ("FROM", "0d54b7a73cb7a846c36b", "article"),
        ("FROM", "bf318d1722651a42301c", "article"),
        ("IN_COUNTRY", "santiago", "actor"),
        ("LOCATED_IN", "visit-9096674a8ddb3b03", "place"),
        ("MENTIONED_IN", "agreement-8ae1c9f7722ffecf", "mention"),
        ("MENTIONED_IN", "visit-9096674a8ddb3b03", "mention"),
        ("PARTICIPANT", "chile", "event"),
        ("PARTICIPANT", "chile", "event"),
        ("PARTICIPANT", "ingrid-haldorsen", "event"),
        ("PARTICIPANT", "norway", "event"),
    ]
    visitor = next(r for r in graph.relationships if r.properties.get("role") == "visitor")
    assert visitor.properties["title"] == "Foreign Minister"
    assert visitor.properties["affiliation"] == "https://w3id.org/geokg/id/actor/norway"


def test_a_re_reported_title_gives_one_relationship_per_title(store: Store) -> None:
    kibet = [r for r in project(store).relationships if r.type == "PARTICIPANT"
             and r.start.endswith("amani-kibet") and r.end.endswith("meeting-6e63d23402c979a0")]
    assert sorted(r.properties["title"] for r in kibet) == ["Cabinet Secretary",
                                                           "Foreign Secretary"]
    assert len({r.id for r in kibet}) == 2


def test_every_stored_predicate_is_projected(store: Store) -> None:
    mapped = {p.predicate for n in SCHEMA.nodes for p in n.properties if p.predicate}
    mapped |= {r.predicate for r in SCHEMA.relationships}
    mapped |= {p.predicate for r in SCHEMA.relationships for p in r.properties if p.predicate}
    structural = {"http://www.w3.org/1999/02/22-rdf-syntax-ns#type",
                  "https://w3id.org/geokg/ontology#agent"}
    stored = {q.predicate.value for q in store.quads()}
    assert stored - structural <= mapped


def test_schema_terms_are_ontology_terms() -> None:
    import rdflib

    ontology = rdflib.Graph().parse(QUERIES.parent / "ontology" / "kg.ttl")
    defined = {str(s) for s in ontology.subjects()}
    namespace = "https://w3id.org/geokg/ontology#"
    used = {p.predicate for n in SCHEMA.nodes for p in n.properties if p.predicate}
    used |= {r.predicate for r in SCHEMA.relationships}
    used |= {c for n in SCHEMA.nodes for c in n.classes}
    assert {t for t in used if t.startswith(namespace)} <= defined


def test_ladybug_holds_exactly_the_projection(store: Store) -> None:
    graph = project(store)
    nodes = run_cypher(store, "MATCH (n) RETURN n.iri AS iri ORDER BY iri")
    assert [r["iri"] for r in nodes] == sorted(n.id for n in graph.nodes)
    rels = run_cypher(store, "MATCH (s)-[r]->(t) RETURN label(r) AS type, s.iri AS s, "
                             "t.iri AS t")
    assert sorted((r["type"], r["s"], r["t"]) for r in rels) == sorted(
        (r.type, r.start, r.end) for r in graph.relationships)


# ---------------------------------------------------------------------------- NetworkX


def test_to_networkx_keeps_ids_labels_and_properties(store: Store) -> None:
    graph = to_networkx(store)
    projection = project(store)
    assert graph.number_of_nodes() == len(projection.nodes)
    assert graph.number_of_edges() == len(projection.relationships)
    forum = graph.nodes["https://w3id.org/geokg/id/actor/coastal-forum"]
    assert forum["labels"] == ("Actor", "Organization") and forum["label"] == XSS_LABEL


def test_graphml_round_trip(store: Store, tmp_path: Path) -> None:
    target = tmp_path / "kg.graphml"
    write_graphml(store, target)
    back = nx.read_graphml(target)
    assert back.number_of_nodes() == len(project(store).nodes)
    assert back.nodes["https://w3id.org/geokg/id/actor/coastal-forum"]["label"] == XSS_LABEL
    assert back.nodes["https://w3id.org/geokg/id/actor/norway"]["labels"] == "Actor; State"
    assert "<script>" not in target.read_text("utf-8")  # escaped as XML text


def _placed(article_id: str, place: Place) -> Extraction:
    article = Article(text="(text)", id=article_id, published=date(2024, 3, 5))
    sentence = f"Ingrid Haldorsen met Amani Kibet in {place.label}."
    meeting = Event("Meeting", (Role(HALDORSEN, "participant"), Role(KIBET, "participant")),
                    Provenance(article.source_id, sentence, 0, len(sentence), "met", 17, 20,
                               "kg.events.v1:meet", 0.9),
                    date="2024-03-04", location=place)
    return Extraction(article, (meeting,), actors=(NORWAY, KENYA))


@pytest.mark.parametrize("lang", ["sparql", "cypher"])
def test_an_event_placed_differently_is_where_most_reports_place_it(lang: str) -> None:
    bergen = Place("bergen", "Bergen", country="norway")
    country = Place("norway", "Norway")

    def location(*placed: tuple[str, Place]) -> str:
        store = Store()
        for article_id, place in placed:
            store.add(_placed(article_id, place))
        [event] = run_query(store, "events", lang=lang).records()
        return event["location"]["label"]

    assert location(("a", OSLO), ("b", bergen), ("c", bergen)) == "Bergen"
    assert location(("a", bergen), ("b", OSLO), ("c", OSLO)) == "Oslo"
    # On a tie, a place inside a country, whichever article came first.
    assert location(("a", country), ("b", OSLO)) == "Oslo"
    assert location(("a", OSLO), ("b", country)) == "Oslo"
