"""How the time of the ``events`` catalogue query grows with the size of the store.

Builds stores of synthetic articles (no NLP: typed :class:`kg.types.Extraction` objects,
stored through :meth:`kg.store.Store.add` like real ones), runs a catalogue query on each
(``events`` by default), and prints the seconds, the milliseconds per thousand stored
events and their ratio to the smallest store of the same run. Linear growth keeps the
ratio near 1; a join that grows with the store shows as a ratio that grows with it.

Usage::

    python benchmarks/query_events.py [--articles 100 200 400 800] [--repeat 3]
                                      [--query events] [--param actor=NAME] [--memory]

Exits 1 when the ratio of the largest store exceeds ``--max-ratio``.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from datetime import date, timedelta

from kg.query import run_query
from kg.store import Store
from kg.types import EVENT_TYPES, Actor, Article, Event, Extraction, Place, Provenance, Role

_TYPES = ("Meeting", "Meeting", "Meeting", "PhoneCall", "Visit", "Mediation", "Agreement")
_TOPICS = ("trade", "energy", "security", "refugees", "the border", "water sharing",
           "counter-terrorism", "investment", "tourism", "grain exports")


def _actor_pool(count: int) -> tuple[list[Actor], list[Actor]]:
    states = [Actor(key=f"state-{i}", label=f"State {i}", type="State",
                    aliases=(f"S{i}",)) for i in range(count)]
    people = [Actor(key=f"person-{i}", label=f"Person {i}", type="Person",
                    affiliation=states[i % count].key, aliases=(f"P. {i}",))
              for i in range(count * 4)]
    return states, people


def synthetic_extractions(articles: int, *, events_per_article: int = 8,
                          seed: int = 7) -> list[Extraction]:
    """``articles`` extractions whose events share actors, places and, at times, events.

    About a fifth of the events are also reported by another article (same type,
    parties and date), as wire stories repeat each other.
    """
    rng = random.Random(seed)
    states, people = _actor_pool(max(10, articles // 4))
    places = [Place(key=f"place-{i}", label=f"City {i}", country=states[i % len(states)].key)
              for i in range(max(5, articles // 5))]
    start = date(2020, 1, 1)
    reported: list[tuple[str, tuple[Role, ...], str, Place | None]] = []
    out = []
    for a in range(articles):
        article = Article(text=f"Synthetic article {a}.", id=f"bench-{a}",
                          title=f"Article {a}", published=start + timedelta(days=a))
        events = []
        for e in range(events_per_article):
            if reported and rng.random() < 0.2:
                kind, roles, day, place = rng.choice(reported)
            else:
                kind = rng.choice(_TYPES)
                chosen = rng.sample(people, 2)
                roles = tuple(Role(actor=p, role="participant", title="Minister",
                                   affiliation=states[int(p.affiliation.split("-")[1])],
                                   name=p.aliases[0])
                              for p in chosen)
                if kind == "Mediation":
                    roles += (Role(actor=rng.choice(people), role="mediator"),)
                day = (start + timedelta(days=rng.randrange(1500))).isoformat()
                place = rng.choice(places) if rng.random() < 0.7 else None
                reported.append((kind, roles, day, place))
            sentence = f"Sentence {e} of article {a} tells of a {kind.lower()}."
            prov = Provenance(article=article.source_id, sentence=sentence, start=e * 80,
                              end=e * 80 + len(sentence), trigger="met",
                              trigger_start=e * 80 + 5, trigger_end=e * 80 + 8,
                              extractor="bench", confidence=0.9)
            events.append(Event(type=kind, roles=roles, provenance=prov, date=day,
                                location=place,
                                topics=tuple(rng.sample(_TOPICS, rng.randrange(0, 4)))))
        actors = {r.actor.key: r.actor for ev in events for r in ev.roles}
        for ev in events:
            for r in ev.roles:
                if r.affiliation:
                    actors.setdefault(r.affiliation.key, r.affiliation)
        out.append(Extraction(article=article, events=tuple(events),
                              actors=tuple(actors.values()),
                              places=tuple({ev.location.key: ev.location for ev in events
                                            if ev.location}.values())))
    return out


_COUNT_EVENTS = f"""PREFIX kg: <https://w3id.org/geokg/ontology#>
SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {{
  VALUES ?class {{ {" ".join(f"kg:{t}" for t in EVENT_TYPES)} }}
  ?e a ?class }}"""


def _time_query(store: Store, name: str, params: dict[str, str],
                repeat: int) -> tuple[float, int]:
    """The best of ``repeat`` runs of the catalogue query, and the rows it returned."""
    best = float("inf")
    rows: list = []
    for _ in range(repeat):
        began = time.perf_counter()
        rows = run_query(store, name, params).rows
        best = min(best, time.perf_counter() - began)
    return best, len(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, nargs="+", default=[100, 200, 400, 800])
    parser.add_argument("--repeat", type=int, default=3, help="best of N runs")
    parser.add_argument("--query", default="events", help="a catalogue query name")
    parser.add_argument("--param", action="append", default=[], metavar="NAME=VALUE",
                        help="a query parameter, e.g. actor='Person 3' (repeatable)")
    parser.add_argument("--memory", action="store_true",
                        help="in-memory stores, not on disk as the CLI keeps them")
    parser.add_argument("--max-ratio", type=float, default=3.0,
                        help="largest ratio to the smallest store allowed")
    args = parser.parse_args(argv)

    sizes = sorted(args.articles)
    params = dict(p.split("=", 1) for p in args.param)
    extractions = synthetic_extractions(sizes[-1])
    print(f"query {args.query!r}{f' {params}' if params else ''}, best of {args.repeat}, "
          f"{'in memory' if args.memory else 'on disk'}")
    print(f"{'articles':>8} {'events':>7} {'rows':>7} {'seconds':>8} "
          f"{'ms/1k events':>12} {'ratio':>6}")
    baseline = None
    ratio = 1.0
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            store = Store(None if args.memory else f"{tmp}/store-{n}")
            for extraction in extractions[:n]:
                store.add(extraction)
            events = int(store.select(_COUNT_EVENTS)[0]["n"])
            seconds, rows = _time_query(store, args.query, params, args.repeat)
            store.close()
            per_event = seconds / max(events, 1)
            baseline = baseline or per_event
            ratio = per_event / baseline
            print(f"{n:>8} {events:>7} {rows:>7} {seconds:>8.3f} "
                  f"{per_event * 1e6:>12.1f} {ratio:>6.2f}")
    if ratio > args.max_ratio:
        print(f"time per stored event grew {ratio:.1f}x from {sizes[0]} to {sizes[-1]} "
              f"articles (allowed {args.max_ratio}x)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
