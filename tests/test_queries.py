"""The query catalogue on a store of the example articles."""

from __future__ import annotations

import itertools
import json

import pytest

from kg.errors import QueryError, QueryNotFound
from kg.query import format_records, nest_events, run_query
from queries import catalogue, parse_header

CONTRACT_KEYS = {"id", "type", "date", "location", "participants", "mediators", "hosts",
                 "topics", "sources"}
ACTOR_KEYS = {"id", "label", "type", "affiliation"}


def test_every_catalogue_query_has_a_title_a_description_and_runs(store):
    for query in catalogue().values():
        assert query.title and query.description, query.name
        if query.sparql:
            run_query(store, query.name)


def test_events_follow_the_contract(store):
    events = run_query(store, "events").records()
    assert events
    for event in events:
        assert CONTRACT_KEYS <= set(event)
        assert event["type"] in {"Meeting", "PhoneCall", "Visit", "Mediation", "Agreement",
                                 "Proposal", "Threat"}
        assert event["date"] is None or len(event["date"]) in (4, 7, 10)
        for actor in event["participants"] + event["mediators"] + event["hosts"]:
            assert ACTOR_KEYS <= set(actor)
            assert actor["type"] in {"Person", "State", "Organization"}
        for source in event["sources"]:
            assert source["article"] and source["evidence"]


def test_events_filters(store):
    moscow = [e for e in run_query(store, "events", {"actor": "Shoigu"}).records()]
    assert moscow and all(
        any(a["label"] == "Sergei Shoigu" for a in e["participants"] + e["mediators"])
        for e in moscow)
    by_state = run_query(store, "events", {"actor": "Turkey"}).records()
    assert any(e["date"] == "2022-12-29" for e in by_state)  # via its ministers
    calls = run_query(store, "events", {"type": "PhoneCall"}).records()
    assert calls and {e["type"] for e in calls} == {"PhoneCall"}
    window = run_query(store, "events", {"since": "2023-06", "until": "2023-06-30"}).records()
    assert window and all(e["date"].startswith("2023-06") for e in window)
    assert run_query(store, "events", {"actor": "us"}).records() != run_query(
        store, "events", {"actor": "Russia"}).records()


def test_parameters_are_bound_not_pasted(store):
    hostile = '" } } ; DROP ALL ; SELECT * { ?s ?p "'
    assert run_query(store, "events", {"actor": hostile}).records() == []
    assert run_query(store, "events").records()  # still all there


def test_meetings_are_contact_events_only(store):
    meetings = run_query(store, "meetings").records()
    assert meetings and {e["type"] for e in meetings} <= {"Meeting", "PhoneCall"}


def test_who_met_whom_pairs(store):
    rows = run_query(store, "who-met-whom", {"actor": "Shoigu"}).records()
    pairs = {frozenset((r["aLabel"], r["bLabel"])) for r in rows}
    assert frozenset(("Hulusi Akar", "Sergei Shoigu")) in pairs
    assert all(r["date"] == "2022-12-29" and r["place"] == "Moscow" for r in rows)


def test_unknown_query_and_parameter_errors_name_the_choices(store):
    with pytest.raises(QueryNotFound, match=r"\[E501\].*who-met-whom"):
        run_query(store, "who-met")
    with pytest.raises(QueryError, match=r"\[E502\].*takes type, actor, since, until"):
        run_query(store, "events", {"country": "x"})


def test_nesting_and_formats():
    rows = [{"event": "e", "type": "Meeting", "date": None, "role": "mediator", "actor": "a",
             "actorLabel": "A, with comma", "actorType": "Person"},
            {"event": "e", "type": "Meeting", "date": None, "topic": "grain"}]
    events = nest_events(rows)
    assert events[0]["mediators"][0]["label"] == "A, with comma"
    assert events[0]["topics"] == ["grain"]
    csv_text = format_records(events, "csv", nested=True)
    assert '"A, with comma"' in csv_text
    assert format_records(events, "table", nested=True).endswith("(1 rows)")


@pytest.mark.parametrize("order", [1, -1])
def test_an_actor_several_reports_name_takes_the_fullest_name(order):
    person = {"event": "e", "type": "Meeting", "role": "participant", "actor": "p",
              "actorType": "Person"}
    rows = [{**person, "actorLabel": "Faisal bin Farhan", "title": None},
            {**person, "actorLabel": "Faisal bin Farhan bin Abdullah",
             "title": "Foreign Minister"},
            {**person, "role": "mediator", "actorLabel": "Prince Faisal"}][::order]
    [event] = nest_events(rows)
    [actor], [mediator] = event["participants"], event["mediators"]
    assert (actor["label"], actor["role"]) == ("Faisal bin Farhan bin Abdullah",
                                                "Foreign Minister")
    assert mediator["label"] == actor["label"]


def test_nesting_does_not_hang_on_row_order():
    """Two reports give one actor different titles and affiliations, and their mentions
    the same confidence: whichever order the backend returns the rows in, one output."""
    person = {"event": "e", "type": "Meeting", "role": "participant", "actor": "p",
              "actorLabel": "Xi Jinping", "actorType": "Person"}
    rows = [{**person, "title": "President", "affiliation": "cn"},
            {**person, "title": "President of the People's Republic of China",
             "affiliation": "prc"},
            {"event": "e", "type": "Meeting", "article": "a1", "start": 120,
             "confidence": 0.9, "extractor": "meet"},
            {"event": "e", "type": "Meeting", "article": "a2", "start": 40,
             "confidence": 0.9, "extractor": "visit"}]
    outputs = {json.dumps(nest_events(list(order)), sort_keys=True)
               for order in itertools.permutations(rows)}
    assert len(outputs) == 1


def test_headers_are_yaml():
    header = parse_header("#+ title: T\n#+ params:\n#+   a: {var: b}\nSELECT", "#+")
    assert header == {"title": "T", "params": {"a": {"var": "b"}}}
