"""Network analytics over the meeting network of the invented articles."""

from __future__ import annotations

import networkx as nx
import pytest

from kg.analysis import (
    ANALYSES,
    brokers,
    central_actors,
    communities,
    edge_rows,
    ego_network,
    find_actor,
    meeting_chain,
    meeting_network,
    meeting_network_from_rows,
    run_analysis,
)
from kg.errors import QueryError, QueryNotFound
from kg.graph import to_networkx
from kg.query import run_query
from kg.store import Store
from tests.graph_fixtures import XSS_LABEL, fill

ACTOR = "https://w3id.org/geokg/id/actor/"
OSLO_MEETING = "https://w3id.org/geokg/id/event/meeting-6e63d23402c979a0"
GENEVA_MEETING = "https://w3id.org/geokg/id/event/meeting-eade4d8c912a6ebf"
CALL = "https://w3id.org/geokg/id/event/phonecall-ebec46b8feacd6ba"


@pytest.fixture(scope="module")
def store() -> Store:
    return fill(Store())


@pytest.fixture(scope="module")
def network(store: Store) -> nx.Graph:
    return meeting_network(to_networkx(store))


def test_meeting_network_links_contact_roles_of_meetings_and_calls(network: nx.Graph) -> None:
    assert sorted(n.rsplit("/", 1)[1] for n in network) == [
        "african-union", "amani-kibet", "coastal-forum", "ingrid-haldorsen", "ngozi-okafor",
        "norway", "tomas-reyes"]  # Chile and Kenya only visit, sign, threaten, are mediated
    assert network.number_of_edges() == 10
    assert network.edges[ACTOR + "amani-kibet", ACTOR + "tomas-reyes"] == {
        "weight": 1, "events": [CALL]}
    assert network.nodes[ACTOR + "coastal-forum"]["label"] == XSS_LABEL


def test_network_from_query_rows_equals_network_from_graph(store: Store,
                                                           network: nx.Graph) -> None:
    rows = run_query(store, "who_met_whom").rows
    from_rows = meeting_network_from_rows(rows)
    def edges(graph: nx.Graph) -> list[tuple]:
        return sorted((*sorted((a, b)), events) for a, b, events in graph.edges(data="events"))

    assert edges(from_rows) == edges(network)


def test_central_actors(network: nx.Graph) -> None:
    rows = central_actors(network, top=3)
    assert [(r["actor"].rsplit("/", 1)[1], r["score"], r["contacts"], r["meetings"])
            for r in rows] == [("ingrid-haldorsen", 0.833333, 5, 2),
                               ("amani-kibet", 0.666667, 4, 2),
                               ("african-union", 0.5, 3, 1)]
    eigen = central_actors(network, measure="eigenvector", top=2)
    assert [r["label"] for r in eigen] == ["Ingrid Haldorsen", "Amani Kibet"]
    with pytest.raises(QueryError, match="E502.*degree, eigenvector"):
        central_actors(network, measure="pagerank")


def test_brokers(network: nx.Graph) -> None:
    rows = brokers(network, top=None)
    scores = {r["actor"].rsplit("/", 1)[1]: r["score"] for r in rows}
    assert scores["ingrid-haldorsen"] == 0.533333  # joins the Oslo and Geneva circles
    assert scores["amani-kibet"] == 0.333333  # the only link to Tomás Reyes
    assert {k for k, v in scores.items() if v == 0} == {
        "african-union", "coastal-forum", "ngozi-okafor", "norway", "tomas-reyes"}


def test_communities(network: nx.Graph) -> None:
    for method in ("louvain", "greedy"):
        rows = communities(network, method=method)
        groups = [{a.rsplit("/", 1)[1] for a in r["actors"]} for r in rows]
        assert {"coastal-forum", "ngozi-okafor"} <= groups[-1], method
        assert sum(r["size"] for r in rows) == network.number_of_nodes()
    assert communities(network) == communities(network)  # seeded: runs agree


def test_shortest_chain_of_meetings(network: nx.Graph) -> None:
    chain = meeting_chain(network, find_actor(network, "Reyes"),
                          find_actor(network, "ngozi okafor"))
    assert [(r["step"], r["fromLabel"], r["toLabel"], r["events"]) for r in chain] == [
        (1, "Tomás Reyes", "Amani Kibet", [CALL]),
        (2, "Amani Kibet", "Ingrid Haldorsen", [OSLO_MEETING]),
        (3, "Ingrid Haldorsen", "Ngozi Okafor", [GENEVA_MEETING])]


def test_ego_network(network: nx.Graph) -> None:
    ego = ego_network(network, ACTOR + "tomas-reyes", radius=2)
    assert sorted(n.rsplit("/", 1)[1] for n in ego) == [
        "african-union", "amani-kibet", "ingrid-haldorsen", "norway", "tomas-reyes"]
    assert edge_rows(ego_network(network, ACTOR + "tomas-reyes")) == [{
        "a": ACTOR + "amani-kibet", "aLabel": "Amani Kibet", "b": ACTOR + "tomas-reyes",
        "bLabel": "Tomás Reyes", "meetings": 1, "events": [CALL]}]


def test_find_actor_by_alias_iri_and_word(network: nx.Graph) -> None:
    assert find_actor(network, "Kingdom of Norway") == ACTOR + "norway"
    assert find_actor(network, "a. kibet") == ACTOR + "amani-kibet"
    assert find_actor(network, ACTOR + "ngozi-okafor") == ACTOR + "ngozi-okafor"
    with pytest.raises(QueryError, match=r"\[E508\] No actor 'Kenya'"):
        find_actor(network, "Kenya")


def test_run_analysis_is_the_cli_entry(store: Store) -> None:
    assert set(ANALYSES) == {"central", "brokers", "communities", "chain", "ego"}
    assert run_analysis(store, "central", top=1)[0]["label"] == "Ingrid Haldorsen"
    assert len(run_analysis(store, "chain", "Reyes", "Okafor")) == 3
    assert run_analysis(store, "ego", "Reyes")[0]["bLabel"] == "Tomás Reyes"
    with pytest.raises(QueryNotFound, match=r"\[E507\].*central, brokers"):
        run_analysis(store, "pagerank")


def test_no_chain_is_an_empty_answer() -> None:
    network = nx.Graph([("a", "b")])
    network.add_node("c")
    assert meeting_chain(network, "a", "c") == []
