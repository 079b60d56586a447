"""Benchmark: push 100k synthetic events to Neo4j, batched, against a naive baseline.

Usage (the test server of ``.ci/servers/servers.sh start``)::

    eval "$(.ci/servers/servers.sh env)"
    .venv/bin/python benchmarks/neo4j_push.py --uri "$KG_TEST_NEO4J_URI" [--events 100000]

The property graph is generated directly (as :func:`kg.graph.project` would give it), then
written the way :func:`kg.backends.neo4j.push` writes it: nodes, then relationships, in
``UNWIND $rows AS row MERGE …`` batches of one transaction each. The baseline writes a
sample of the same relationships with the same MERGE, one relationship per transaction;
its rate is extrapolated. The database is emptied of geokg nodes before and after.
"""

from __future__ import annotations

import argparse
import random
import time

from kg.backends.neo4j import (
    _relationship_statement,
    clear,
    connect,
    ensure_schema,
    graph_counts,
    push_graph,
    resolve_settings,
)
from kg.graph import Node, PropertyGraph, Relationship

ID = "https://w3id.org/geokg/id/"
EVENT_TYPES = ("Meeting", "PhoneCall", "Visit", "Mediation", "Agreement", "Proposal", "Threat")
ROLES = ("participant", "participant", "participant", "mediator", "host")


def synthetic_graph(events: int, *, seed: int = 7) -> PropertyGraph:
    """A property graph of ``events`` events among a few thousand actors, with sources."""
    rng = random.Random(seed)
    actors = max(100, events // 50)
    nodes: list[Node] = []
    rels: list[Relationship] = []
    kinds = ("Person", "State", "Organization")
    for i in range(actors):
        kind = kinds[i % 3]
        nodes.append(Node(f"{ID}actor/a{i}", ("Actor", kind), {
            "type": kind, "label": f"Actor {i}", "names": [f"Actor {i}"], "aliases": []}))
    places = [f"{ID}place/p{i}" for i in range(max(10, events // 200))]
    nodes += [Node(p, ("Place",), {"label": p[-6:], "names": [p[-6:]]}) for p in places]
    topics = [f"{ID}topic/t{i}" for i in range(200)]
    nodes += [Node(t, ("Topic",), {"label": t[-4:], "names": [t[-4:]]}) for t in topics]
    articles = [f"{ID}article/r{i}" for i in range(max(1, events // 10))]
    nodes += [Node(a, ("Article",), {"sourceId": a[-8:], "contentHash": f"h{i}",
                                     "published": "2024-01-01"})
              for i, a in enumerate(articles)]
    for i in range(events):
        kind = rng.choice(EVENT_TYPES)
        event = f"{ID}event/e{i}"
        date = f"20{rng.randint(10, 24)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        nodes.append(Node(event, ("Event", kind), {"type": kind, "date": date}))
        for number, actor in enumerate(rng.sample(range(actors), rng.randint(2, 4))):
            role = ROLES[number % len(ROLES)]
            part = f"{ID}participation/e{i}-{role}-a{actor}"
            rels.append(Relationship(part, "PARTICIPANT", f"{ID}actor/a{actor}", event, {
                "id": part, "participation": part, "role": role, "title": "Minister"}))
        place = rng.choice(places)
        rels.append(Relationship(f"{event} LOCATED_IN {place}", "LOCATED_IN", event, place))
        for topic in rng.sample(topics, rng.randint(0, 2)):
            rels.append(Relationship(f"{event} ABOUT {topic}", "ABOUT", event, topic))
        mention = f"{ID}mention/m{i}"
        nodes.append(Node(mention, ("Mention",), {
            "sentence": f"Sentence {i}.", "startChar": 0, "endChar": 12, "trigger": "met",
            "extractor": "bench", "confidence": 0.9}))
        rels.append(Relationship(f"{event} MENTIONED_IN {mention}", "MENTIONED_IN", event,
                                 mention))
        article = articles[i % len(articles)]
        rels.append(Relationship(f"{mention} FROM {article}", "FROM", mention, article))
    return PropertyGraph(tuple(nodes), tuple(rels))


def naive_rate(driver, relationships: list[Relationship]) -> float:
    """Relationships per second, one MERGE per transaction (the statement push uses)."""
    statement = _relationship_statement("PARTICIPANT").replace(
        "UNWIND $rows AS row ", "").replace("row.", "$")
    started = time.perf_counter()
    with driver.session() as session:
        for rel in relationships:
            session.execute_write(lambda tx, r=rel: tx.run(
                statement, source=r.start, target=r.end, id=r.id,
                props={k: v for k, v in r.properties.items() if v is not None}).consume())
    return len(relationships) / (time.perf_counter() - started)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--uri", default=None, help="bolt://… (default: settings)")
    parser.add_argument("--user", default=None)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--sample", type=int, default=2_000,
                        help="relationships written one per transaction for the baseline")
    parser.add_argument("--batch-size", type=int, default=5_000)
    args = parser.parse_args()

    started = time.perf_counter()
    graph = synthetic_graph(args.events)
    print(f"generated {args.events} events: {len(graph.nodes)} nodes, "
          f"{len(graph.relationships)} relationships in {time.perf_counter() - started:.1f} s",
          flush=True)

    driver = connect(resolve_settings(args.uri, args.user))
    try:
        clear(driver)
        ensure_schema(driver)
        started = time.perf_counter()
        push_graph(driver, PropertyGraph(graph.nodes, ()), batch_size=args.batch_size,
                   progress=False)
        node_seconds = time.perf_counter() - started
        print(f"nodes pushed in {node_seconds:.1f} s", flush=True)

        sample = [r for r in graph.relationships if r.type == "PARTICIPANT"][:args.sample]
        baseline = naive_rate(driver, sample)
        print(f"baseline measured: {baseline:,.0f} rel/s", flush=True)
        driver.execute_query("MATCH ()-[r:PARTICIPANT]->() DELETE r")

        started = time.perf_counter()
        push_graph(driver, PropertyGraph((), graph.relationships),
                   batch_size=args.batch_size, progress=False)
        rel_seconds = time.perf_counter() - started
        print(f"relationships pushed in {rel_seconds:.1f} s", flush=True)
        nodes, rels = graph_counts(driver)
        assert (nodes, rels) == (len(graph.nodes), len(graph.relationships)), (nodes, rels)

        started = time.perf_counter()
        push_graph(driver, graph, batch_size=args.batch_size, progress=False)
        again_seconds = time.perf_counter() - started
        assert graph_counts(driver) == (nodes, rels), "a second push changed the counts"
    finally:
        clear(driver)
        driver.close()

    batched = len(graph.relationships) / rel_seconds
    print(f"nodes, batched UNWIND MERGE ({args.batch_size}/tx): {len(graph.nodes)} in "
          f"{node_seconds:.1f} s = {len(graph.nodes) / node_seconds:,.0f} nodes/s")
    print(f"relationships, batched UNWIND MERGE ({args.batch_size}/tx): "
          f"{len(graph.relationships)} in {rel_seconds:.1f} s = {batched:,.0f} rel/s")
    print(f"relationships, naive one MERGE per transaction ({len(sample)} sampled): "
          f"{baseline:,.0f} rel/s (extrapolated: "
          f"{len(graph.relationships) / baseline / 60:.1f} min for all)")
    print(f"speed-up batched / naive: {batched / baseline:.1f}x")
    print(f"second push of the whole graph (MERGE, no change): {again_seconds:.1f} s, "
          f"counts unchanged ({nodes} nodes, {rels} relationships)")


if __name__ == "__main__":
    main()
