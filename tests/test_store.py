"""The store: one named graph per article, all or nothing, idempotent, one node per actor."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from kg import Store
from kg.errors import StoreError
from kg.store import AddResult
from kg.triples import extraction_quads
from kg.types import Actor, Article, Event, Extraction, Place, Provenance, Role


def _extraction(article_id: str, text: str = "Akar met Abbas.", date_: str = "2022-12-29",
                abbas_label: str = "Ali Mahmoud Abbas") -> Extraction:
    article = Article(text=text, id=article_id, published=date(2022, 12, 29))
    turkiye = Actor("turkiye", "Türkiye", "State", aliases=("Turkey",))
    akar = Actor("hulusi-akar", "Hulusi Akar", "Person", affiliation="turkiye")
    abbas = Actor("ali-mahmoud-abbas", abbas_label, "Person")
    prov = Provenance(article_id, text, 0, len(text), "met", 5, 8, "kg.events.v1:meet", 0.9)
    event = Event("Meeting", (Role(akar, "participant", "Defence Minister", turkiye),
                              Role(abbas, "participant")), prov, date_,
                  Place("moscow", "Moscow", "russia"), ("Syrian crisis",))
    russia = Actor("russia", "Russia", "State")
    return Extraction(article, (event,), (turkiye, russia))


def test_adding_the_same_article_twice_changes_nothing():
    store = Store()
    assert store.add(_extraction("a1")) is AddResult.ADDED
    size = len(store)
    assert store.add(_extraction("a1")) is AddResult.UNCHANGED
    assert len(store) == size


def test_a_changed_article_replaces_its_graph_only():
    store = Store()
    store.add(_extraction("a1"))
    store.add(_extraction("a2", text="Akar and Abbas met again."))
    before = len(store)
    assert store.add(_extraction("a1", text="Akar met Abbas in Moscow.")) is AddResult.REPLACED
    assert len(store) == before  # same shape of graph, new text
    sentences = {r["s"] for r in store.select(
        "SELECT ?s WHERE { ?m <https://w3id.org/geokg/ontology#sentence> ?s }")}
    assert sentences == {"Akar met Abbas in Moscow.", "Akar and Abbas met again."}


def test_a_failing_article_leaves_the_store_as_it_was():
    store = Store()
    store.add(_extraction("a1"))
    before = sorted(str(q) for q in store.quads())
    broken = _extraction("a2", date_="29/12/2022")  # not an ISO date: fails mid-way
    with pytest.raises(StoreError, match=r"\[E404\] Storing a2 failed"):
        store.add(broken)
    assert sorted(str(q) for q in store.quads()) == before


def test_the_same_actor_in_two_articles_is_one_node():
    store = Store()
    store.add(_extraction("a1"))
    store.add(_extraction("a2", text="Akar saw Abbas again."))
    rows = store.select("""
        SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE {
          ?a <http://www.w3.org/2000/01/rdf-schema#label> "Hulusi Akar" }""")
    assert rows == [{"n": 1}]
    graphs = {q.graph_name.value for q in store.quads()}
    assert len(graphs) == 2


def test_every_article_graph_is_self_contained():
    quads = extraction_quads(_extraction("a1"))
    graphs = {q.graph_name for q in quads}
    assert len(graphs) == 1
    typed = {q.subject for q in quads if q.predicate.value.endswith("#type")}
    referenced = {q.object for q in quads if q.predicate.value.endswith(
        ("#agent", "#affiliation", "#location", "#topic", "#country"))}
    assert referenced <= typed


def test_the_store_persists_and_opens_read_only(tmp_path):
    path = tmp_path / "store"
    with Store(path) as store:
        store.add(_extraction("a1"))
        size = len(store)
    with Store.read_only(path) as again:
        assert len(again) == size
        with pytest.raises(StoreError, match=r"\[E406\]"):
            again.add(_extraction("a2"))


def test_re_reported_event_is_one_event_with_two_sources():
    store = Store()
    one = _extraction("a1")
    two = _extraction("a2", text="The two ministers held talks.")
    two = replace(two, events=(replace(two.events[0], provenance=replace(
        two.events[0].provenance, article="a2")),))
    store.add(one)
    store.add(two)
    from kg.query import run_query

    events = run_query(store, "events").records()
    assert len(events) == 1
    assert {s["article"] for s in events[0]["sources"]} == {"a1", "a2"}


def test_facts_reported_by_many_articles_are_read_once():
    from kg.query import run_query

    store = Store()
    for n in range(30):
        store.add(_extraction(f"a{n}", text=f"Report {n}: Akar met Abbas."))
    rows = run_query(store, "events").rows
    events = run_query(store, "events").records()
    assert len(events) == 1 and len(events[0]["sources"]) == 30
    # two participations, one topic, thirty mentions: each fact once, not once per article
    assert len(rows) == 2 + 1 + 30
    meetings = store.select("SELECT ?e WHERE { ?e a <https://w3id.org/geokg/ontology#Meeting> }")
    assert len(meetings) == 1  # a union of the article graphs would give it 30 times


def test_a_replaced_article_leaves_no_stale_fact_in_answers():
    from kg.query import run_query

    store = Store()
    store.add(_extraction("a1"))
    changed = _extraction("a1", text="Akar met Abbas again.")
    event = replace(changed.events[0], topics=("refugees",))
    store.add(replace(changed, events=(event,)))
    topics = run_query(store, "events").records()[0]["topics"]
    assert topics == ["refugees"]
