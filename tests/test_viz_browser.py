"""kg.viz pages in a real browser: Debian's chromium, driven by Playwright, offline.

Every request that is not ``file://`` is aborted and counted. Screenshots go to
tests/artifacts/viz/. Skipped when /usr/bin/chromium is missing, except under CI=true.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from kg.viz import event_graph, meetings_graph, notebook_html, render_html, write_html

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
FIXTURE = Path(__file__).parent / "fixtures" / "events.json"
ARTIFACTS = Path(__file__).parent / "artifacts" / "viz"
ID = "https://w3id.org/geokg/id/"
SISI, BLINKEN = f"{ID}actor/abdel-fattah-al-sisi", f"{ID}actor/antony-blinken"
CALL = f"{ID}event/call-ddeeff"

# Each payload sets window.__xss or opens a dialog if it ever runs.
HOSTILE = [
    "</script><script>window.__xss = 'script'</script>",
    "<img src=x onerror=\"window.__xss = 'img'\">",
    "<svg onload=\"window.__xss = 'svg'\"></svg>",
    "<a href=\"javascript:window.__xss='href'\">click</a>",
    "<iframe srcdoc=\"<script>parent.__xss='iframe'</script>\"></iframe>",
    "\" onmouseover=\"window.__xss='attr'\" x=\"",
]


@dataclass
class Opened:
    """A page under test, with what it tried to fetch and what it complained about."""

    page: Any
    blocked: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def eval(self, script: str, arg: Any = None) -> Any:
        return self.page.evaluate(script, arg)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        reason = f"{CHROMIUM} is missing: apt-get update && apt-get install -y chromium"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def events() -> list[dict]:
    return json.loads(FIXTURE.read_text(encoding="utf-8"))


@pytest.fixture
def open_page(browser, tmp_path) -> Iterator[Any]:
    pages: list[Any] = []

    def _open(events: list[dict], **kwargs: Any) -> Opened:
        path = write_html(events, tmp_path / f"page{len(pages)}.html", **kwargs)
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        pages.append(page)
        opened = Opened(page)

        def route(r: Any) -> None:
            if r.request.url.startswith("file://"):
                r.continue_()
            else:
                opened.blocked.append(r.request.url)
                r.abort()

        def dialog(d: Any) -> None:
            opened.dialogs.append(d.message)
            d.dismiss()

        page.route("**/*", route)
        page.on("console", lambda m: m.type in ("error", "warning") and opened.errors.append(
            f"{m.type}: {m.text}"))
        page.on("pageerror", lambda e: opened.errors.append(f"pageerror: {e}"))
        page.on("dialog", dialog)
        page.goto(path.as_uri())
        page.wait_for_function("() => window.kgReady === true", timeout=60_000)
        return opened

    yield _open
    for page in pages:
        page.close()


def _screenshot(opened: Opened, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    opened.page.screenshot(path=str(ARTIFACTS / name))


def _hover_node(opened: Opened, node_id: str) -> str:
    """Move the mouse onto a node and return the tooltip text vis shows for it."""
    corner = opened.eval(
        "() => { const b = document.getElementById('kg-network').getBoundingClientRect();"
        " return [b.left + 3, b.top + 3]; }")
    opened.page.mouse.move(*corner)
    opened.page.wait_for_function(
        "() => { const t = document.querySelector('div.vis-tooltip');"
        " return !t || t.style.visibility !== 'visible'; }", timeout=5_000)
    x, y = opened.eval(
        """id => {
            const p = network.canvasToDOM(network.getPositions([id])[id]);
            const box = document.getElementById('kg-network').getBoundingClientRect();
            return [box.left + p.x, box.top + p.y];
        }""",
        node_id,
    )
    opened.page.mouse.move(x, y, steps=4)
    opened.page.wait_for_function(
        "() => { const t = document.querySelector('div.vis-tooltip');"
        " return t && t.style.visibility === 'visible' && t.innerText.length > 0; }",
        timeout=5_000,
    )
    return opened.eval("() => document.querySelector('div.vis-tooltip').innerText")


def _visible_ids(opened: Opened) -> set[str]:
    return set(opened.eval("() => nodes.get({filter: n => !n.hidden}).map(n => n.id)"))


def test_graph_page_loads_offline_with_every_node_edge_and_the_legend(open_page, events):
    opened = open_page(events, view="graph", title="Events of the fixture")
    graph = event_graph(events)
    assert opened.blocked == []
    assert opened.errors == []
    assert set(opened.eval("() => nodes.get().map(n => n.id)")) == set(graph)
    assert sorted(map(tuple, opened.eval(
        "() => network.body.data.edges.get().map(e => [e.from, e.to, e.label])"))) == sorted(
        graph.edges(keys=True))
    assert opened.eval("() => network.physics.options.enabled") is False
    assert opened.eval(
        "() => [...document.querySelectorAll('#kg-legend .kg-legend-label')]"
        ".map(e => e.textContent)") == [
        "Person", "State", "Organization", "Actor (type unknown)", "Meeting", "Phone call",
        "Agreement", "Place"]
    assert opened.eval("() => document.getElementById('kg-network').querySelector('canvas')"
                       ".width") > 0
    _screenshot(opened, "viz_graph.png")


def test_meetings_page_holds_weighted_edges(open_page, events):
    opened = open_page(events, view="meetings")
    graph = meetings_graph(events)
    assert opened.blocked == [] and opened.errors == []
    assert set(opened.eval("() => nodes.get().map(n => n.id)")) == set(graph)
    shown = opened.eval("() => edges.get().map(e => [e.from, e.to, e.value, e.label])")
    assert sorted(map(tuple, shown)) == sorted(
        (u, v, w, "called" if SISI in (u, v) else "met") for u, v, w in
        graph.edges(data="weight"))
    _screenshot(opened, "viz_meetings.png")
    opened.page.uncheck("input.kg-type[value='Meeting']")
    assert opened.eval("() => edges.get({filter: e => !e.hidden}).map(e => [e.from, e.to])") == [
        [SISI, f"{ID}actor/joe-biden"]]
    assert _visible_ids(opened) == {SISI, f"{ID}actor/joe-biden"}


def test_fixture_payloads_show_as_text_and_run_nothing(open_page, events):
    opened = open_page(events, view="graph", topics=True)
    tooltip = _hover_node(opened, CALL)
    assert "Topics: humanitarian aid to Gaza <script>alert('topic')</script>" in tooltip
    assert "Qatar hosts <script>alert('t')</script> negotiators" in tooltip
    assert _hover_node(opened, SISI).startswith("Abdel Fattah al-Sisi <img src=x onerror=alert(1)>")
    assert opened.eval("() => document.querySelectorAll('img, iframe, object, embed').length") == 0
    assert opened.dialogs == [] and opened.errors == [] and opened.blocked == []
    _screenshot(opened, "viz_tooltip.png")


def test_hostile_labels_everywhere_stay_inert(open_page):
    def actor(n: int, label: str) -> dict:
        return {"id": f"x:actor{n}", "label": label, "type": "Person", "role": label,
                "affiliation": {"id": f"x:org{n}", "label": label}}

    rows = [{
        "id": f"x:event{i}", "type": "Meeting", "date": "2024-02-0" + str(i + 1),
        "location": {"id": f"x:place{i}", "label": payload},
        "participants": [actor(2 * i, payload), actor(2 * i + 1, "Plain name")],
        "mediators": [], "hosts": [], "topics": [payload], "confidence": 0.5,
        "extractor": payload,
        "sources": [{"article": payload, "title": payload, "url": payload, "published": payload,
                     "evidence": payload, "start": 0, "end": 1}],
    } for i, payload in enumerate(HOSTILE)]
    opened = open_page(rows, view="graph", topics=True, title=" ".join(HOSTILE))
    assert opened.eval("() => document.getElementById('kg-title').textContent") == " ".join(
        HOSTILE)
    for i, payload in enumerate(HOSTILE):
        assert payload in _hover_node(opened, f"x:event{i}")
        assert _hover_node(opened, f"x:actor{2 * i}").startswith(payload)
    opened.page.fill("#kg-search", HOSTILE[1])
    opened.page.press("#kg-search", "Enter")
    assert opened.eval("() => document.getElementById('kg-search-result').textContent") != ""
    assert opened.eval("() => window.__xss") is None
    assert opened.eval("() => parent.__xss") is None
    assert opened.eval("() => document.querySelectorAll('img, iframe, object, embed, a').length") \
        == 0
    assert opened.dialogs == []
    assert opened.blocked == []
    assert opened.errors == []


def test_legend_filters_by_class_and_the_date_range_by_prefix(open_page, events):
    opened = open_page(events, view="graph")
    everything = _visible_ids(opened)
    opened.page.uncheck("input.kg-type[value='Person']")
    no_people = _visible_ids(opened)
    graph = event_graph(events)
    people = {n for n, kind in graph.nodes(data="kind") if kind == "Person"}
    # affiliations that only people point to go with them; events and places stay
    affiliations = {f"{ID}actor/{c}" for c in ("us", "cn", "qa", "eg")}
    assert everything - no_people == people | affiliations
    shown_edges = opened.eval("() => edges.get({filter: e => !e.hidden}).map(e => e.label)")
    assert sorted(shown_edges) == sorted(
        k for u, v, k in graph.edges(keys=True) if {u, v} <= no_people)
    opened.page.check("input.kg-type[value='Person']")
    opened.page.fill("#kg-since", "2023-11-01")
    opened.page.dispatch_event("#kg-since", "change")
    assert _visible_ids(opened) == set(event_graph(events, since="2023-11-01"))
    opened.page.click("#kg-reset")
    assert _visible_ids(opened) == everything
    assert opened.errors == []


def test_notebook_iframe_runs_the_page_sandboxed_and_offline(browser, events, tmp_path):
    page_html = render_html(event_graph(events), title="In a notebook", view="graph")
    host = tmp_path / "notebook.html"
    host.write_text("<!DOCTYPE html><title>notebook</title>" + notebook_html(page_html),
                    encoding="utf-8")
    page = browser.new_page()
    blocked: list[str] = []
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file://")
               else (blocked.append(r.request.url), r.abort()))
    try:
        page.goto(host.as_uri())
        frame = page.frames[1]
        frame.wait_for_function("() => window.kgReady === true", timeout=60_000)
        assert frame.evaluate("() => nodes.length") == event_graph(events).number_of_nodes()
        assert frame.evaluate("() => document.title") == "In a notebook"
        assert page.evaluate("() => window.nodes") is None
        assert blocked == []
    finally:
        page.close()


def test_search_selects_matching_nodes(open_page, events):
    opened = open_page(events, view="graph")
    opened.page.fill("#kg-search", "blinken")
    opened.page.press("#kg-search", "Enter")
    assert opened.eval("() => network.getSelectedNodes()") == [BLINKEN]
    assert opened.eval("() => document.getElementById('kg-search-result').textContent") == (
        "1 match")
    opened.page.fill("#kg-search", "nobody at all")
    assert opened.eval("() => document.getElementById('kg-search-result').textContent") == (
        "no match")
