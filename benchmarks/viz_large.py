"""How long a large graph page takes to become interactive in headless Chromium.

Generates a synthetic events list whose event graph has ``--nodes`` nodes, writes
its page with :func:`kg.viz.write_html`, opens it in Debian's chromium with every
network request blocked, and prints the seconds until the layout is stabilised,
physics is off and a frame has been drawn. A baseline from the same run (a
``--baseline``-node graph, and a blank page) is printed next to it, with ratios.

Usage::

    python benchmarks/viz_large.py --nodes 5000 [--baseline 500] [--budget 10]

Exits 1 when the large page is not interactive within ``--budget`` seconds.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
_TYPES = ("Meeting", "Meeting", "PhoneCall", "Visit", "Agreement", "Mediation", "Threat")
_VERBS = ("met", "spoke with", "hosted", "signed with", "warned")


def synthetic_events(node_count: int, *, seed: int = 7) -> list[dict[str, Any]]:
    """Events whose :func:`kg.viz.event_graph` has exactly ``node_count`` nodes.

    A quarter of the nodes are actors (persons, states, organisations) in regions
    of about twenty, a twentieth are places and the rest are events with two or
    three parties, mostly from one region, as in real news.
    """
    rng = random.Random(seed)
    n_actors = max(2, node_count // 4)
    n_places = max(1, node_count // 20)
    n_events = node_count - n_actors - n_places
    n_regions = max(1, n_actors // 20)
    ns = "https://w3id.org/geokg/id/"
    kinds = ["Person"] * 7 + ["State"] * 2 + ["Organization"]
    actors = []
    for i in range(n_actors):
        kind = kinds[i % len(kinds)]
        actors.append({"id": f"{ns}actor/a{i}", "label": f"{kind} {i}", "type": kind,
                       "role": "Minister" if kind == "Person" else None, "affiliation": None})
    regions = [actors[r::n_regions] for r in range(n_regions)]
    for region in regions:
        states = [a for a in region if a["type"] == "State"] or region[:1]
        for actor in region:
            if actor["type"] == "Person":
                state = rng.choice(states)
                actor["affiliation"] = {"id": state["id"], "label": state["label"]}
    places = [{"id": f"{ns}place/p{i}", "label": f"City {i}"} for i in range(n_places)]
    events = []
    for i in range(n_events):
        kind = _TYPES[i % len(_TYPES)]
        first = actors[i % n_actors]
        pool = regions[(i % n_actors) % n_regions] if rng.random() < 0.9 else actors
        others = [a for a in rng.sample(pool, min(3, len(pool))) if a is not first]
        parties = [first] + others[: rng.choice((1, 2))]
        if i < n_places:
            place = places[i]
        else:
            place = places[(i % n_actors) % n_regions % n_places] if rng.random() < 0.8 else None
        date = f"20{10 + i % 14}-{1 + i % 12:02d}-{1 + i % 28:02d}"
        sentence = f"{parties[0]['label']} {rng.choice(_VERBS)} {parties[1]['label']}."
        events.append({
            "id": f"{ns}event/e{i}", "type": kind, "date": date, "location": place,
            "participants": parties if kind != "Mediation" else parties[1:],
            "mediators": [parties[0]] if kind == "Mediation" else [],
            "hosts": [], "topics": [], "confidence": 0.8, "extractor": "synthetic",
            "sources": [{"article": f"article-{i}", "title": f"Report {i}", "url": None,
                         "published": date, "evidence": sentence, "start": 0,
                         "end": len(sentence)}],
        })
    return events


def _time_page(browser: Any, url: str, *, graph: bool) -> tuple[float, int]:
    """Seconds from navigation to the first frame after the layout froze; blocked requests."""
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    blocked: list[str] = []

    def route(r: Any) -> None:
        if r.request.url.startswith("file://"):
            r.continue_()
        else:
            blocked.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    start = time.perf_counter()
    page.goto(url, wait_until="load")
    if graph:
        page.wait_for_function("() => window.kgReady === true", timeout=300_000, polling=50)
        page.evaluate("() => new Promise(r => requestAnimationFrame(() => r()))")
        assert page.evaluate("() => network.physics.options.enabled") is False
    else:
        page.evaluate("() => new Promise(r => requestAnimationFrame(() => r()))")
    elapsed = time.perf_counter() - start
    page.close()
    return elapsed, len(blocked)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=5000, help="nodes of the large graph")
    parser.add_argument("--baseline", type=int, default=500, help="nodes of the baseline graph")
    parser.add_argument("--budget", type=float, default=10.0,
                        help="seconds the large page may take to become interactive")
    parser.add_argument("--keep", type=Path, help="folder to keep the generated pages in")
    args = parser.parse_args(argv)

    from playwright.sync_api import sync_playwright

    from kg.viz import event_graph, write_html

    if not Path(CHROMIUM).exists():
        print(f"{CHROMIUM} is missing: apt-get install -y chromium", file=sys.stderr)
        return 2
    folder = args.keep or Path(tempfile.mkdtemp(prefix="kg-viz-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    blank = folder / "blank.html"
    blank.write_text("<!DOCTYPE html><title>blank</title><p>blank</p>", encoding="utf-8")
    rows = []
    for count in (args.baseline, args.nodes):
        events = synthetic_events(count)
        graph = event_graph(events)
        start = time.perf_counter()
        path = write_html(events, folder / f"graph-{count}.html", title=f"{count} nodes")
        rows.append({"nodes": graph.number_of_nodes(), "edges": graph.number_of_edges(),
                     "path": path, "write": time.perf_counter() - start,
                     "mb": path.stat().st_size / 1e6})
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        blank_s, blocked = _time_page(browser, blank.as_uri(), graph=False)
        for row in rows:
            row["seconds"], row["blocked"] = _time_page(browser, row["path"].as_uri(), graph=True)
        browser.close()
    base, large = rows
    print(f"{'page':<18}{'nodes':>7}{'edges':>7}{'MB':>7}{'write s':>9}{'ready s':>9}"
          f"{'blocked':>9}")
    print(f"{'blank':<18}{'':>7}{'':>7}{'':>7}{'':>9}{blank_s:>9.2f}{blocked:>9}")
    for name, row in (("baseline", base), ("large", large)):
        print(f"{name:<18}{row['nodes']:>7}{row['edges']:>7}{row['mb']:>7.2f}"
              f"{row['write']:>9.2f}{row['seconds']:>9.2f}{row['blocked']:>9}")
    print(f"large/baseline: {large['seconds'] / base['seconds']:.1f}x; "
          f"large/blank: {large['seconds'] / blank_s:.0f}x")
    within = large["seconds"] < args.budget
    print(f"{large['nodes']} nodes interactive in {large['seconds']:.2f} s: "
          f"{'within' if within else 'OVER'} the {args.budget:g} s budget")
    return 0 if within else 1


if __name__ == "__main__":
    sys.exit(main())
