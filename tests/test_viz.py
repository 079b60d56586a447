"""kg.viz: the graphs built from event rows, and the self-contained, escaped page."""

from __future__ import annotations

import base64
import copy
import hashlib
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import networkx as nx
import pytest
from markupsafe import escape

from kg.errors import PresentError
from kg.viz import event_graph, meetings_graph, notebook_html, render_html, write_html

FIXTURE = Path(__file__).parent / "fixtures" / "events.json"
ID = "https://w3id.org/geokg/id/"
BLINKEN, QIN, XI = f"{ID}actor/antony-blinken", f"{ID}actor/qin-gang", f"{ID}actor/xi-jinping"
ISRAEL, HAMAS = f"{ID}actor/il", f"{ID}actor/hamas"
AL_THANI = f"{ID}actor/mohammed-bin-abdulrahman-al-thani"
SISI, BIDEN = f"{ID}actor/abdel-fattah-al-sisi", f"{ID}actor/joe-biden"
US, CN, QA, EG = (f"{ID}actor/{c}" for c in ("us", "cn", "qa", "eg"))
BEIJING, DOHA = f"{ID}place/beijing", f"{ID}place/doha"
MEET_1, MEET_2 = f"{ID}event/meeting-1a2b3c", f"{ID}event/meeting-4d5e6f"
DOHA_TALKS, TRUCE, CALL = (f"{ID}event/{e}" for e in
                           ("mediation-778899", "agreement-aabbcc", "call-ddeeff"))

# Every hostile string of the fixture, verbatim.
PAYLOADS = (
    "<img src=x onerror=alert(1)>",
    "<script>alert('topic')</script>",
    "<script>alert('t')</script>",
)


@pytest.fixture(scope="module")
def events() -> list[dict]:
    return json.loads(FIXTURE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def page(events) -> str:
    return render_html(event_graph(events, topics=True), title="Events", view="graph")


def party(actor_id: str, label: str, kind: str = "State") -> dict:
    return {"id": actor_id, "label": label, "type": kind, "role": None, "affiliation": None}


def event(event_id: str, kind: str, date: str | None, *parties: dict) -> dict:
    return {"id": event_id, "type": kind, "date": date, "location": None,
            "participants": list(parties), "mediators": [], "hosts": [], "topics": [],
            "confidence": 0.5, "extractor": "test", "sources": []}


# --------------------------------------------------------------------------- event_graph


def test_event_graph_nodes_of_the_fixture(events):
    graph = event_graph(events)
    assert dict(graph.nodes(data="kind")) == {
        BLINKEN: "Person", QIN: "Person", XI: "Person", AL_THANI: "Person",
        SISI: "Person", BIDEN: "Person", ISRAEL: "State", HAMAS: "Organization",
        US: "Actor", CN: "Actor", QA: "Actor", EG: "Actor",
        MEET_1: "Meeting", MEET_2: "Meeting", DOHA_TALKS: "Meeting",
        TRUCE: "Agreement", CALL: "PhoneCall",
        BEIJING: "Place", DOHA: "Place",
    }
    assert graph.nodes[SISI]["label"] == "Abdel Fattah al-Sisi <img src=x onerror=alert(1)>"
    assert graph.nodes[MEET_1]["label"] == "Meeting 2023-06-18"
    assert graph.nodes[CALL]["label"] == "Phone call 2023-11-21"


def test_event_graph_edges_of_the_fixture(events):
    assert set(event_graph(events).edges(keys=True)) == {
        (BLINKEN, MEET_1, "met"), (QIN, MEET_1, "met"), (MEET_1, BEIJING, "in"),
        (BLINKEN, MEET_2, "met"), (XI, MEET_2, "met"), (XI, MEET_2, "hosted"),
        (MEET_2, BEIJING, "in"),
        (ISRAEL, DOHA_TALKS, "met"), (HAMAS, DOHA_TALKS, "met"),
        (AL_THANI, DOHA_TALKS, "mediated"), (DOHA_TALKS, DOHA, "in"),
        (ISRAEL, TRUCE, "party to"), (HAMAS, TRUCE, "party to"),
        (SISI, CALL, "called"), (BIDEN, CALL, "called"),
        (BLINKEN, US, "affiliated with"), (QIN, CN, "affiliated with"),
        (XI, CN, "affiliated with"), (AL_THANI, QA, "affiliated with"),
        (SISI, EG, "affiliated with"), (BIDEN, US, "affiliated with"),
    }


def test_event_nodes_carry_facts_and_sources(events):
    graph = event_graph(events)
    meeting = graph.nodes[MEET_1]
    assert (meeting["date"], meeting["place"], meeting["topics"]) == (
        "2023-06-18", "Beijing", ["Taiwan", "trade", "fentanyl"])
    assert [(s["article"], s["start"], s["end"]) for s in meeting["sources"]] == [
        ("blinken-beijing", 62, 221)]
    assert graph.nodes[XI]["titles"] == ["President"]
    assert graph.edges[QIN, MEET_1, "met"]["role"] == "Foreign Minister"


def test_topic_nodes_are_optional(events):
    graph = event_graph(events, topics=True)
    topics = {n for n, kind in graph.nodes(data="kind") if kind == "Topic"}
    assert len(topics) == 7
    assert set(graph.out_edges(MEET_1, keys=True)) >= {
        (MEET_1, "topic:taiwan", "about"), (MEET_1, "topic:fentanyl", "about")}
    assert not any(kind == "Topic" for _, kind in event_graph(events).nodes(data="kind"))


def test_ego_network_counts_actor_event_actor_as_one_hop(events):
    one = event_graph(events, actor="qin gang", hops=1)
    assert set(one) == {QIN, BLINKEN, MEET_1, BEIJING, CN, US}
    two = event_graph(events, actor=QIN, hops=2)
    assert set(two) == {QIN, BLINKEN, MEET_1, BEIJING, CN, US, MEET_2, XI}


def test_ego_network_walks_a_chain_hop_by_hop():
    a, b, c, d = (party(f"x:{n}", n.upper()) for n in "abcd")
    chain = [event("e1", "Meeting", "2024-01-01", a, b), event("e2", "Meeting", "2024-01-02", b, c),
             event("e3", "PhoneCall", "2024-01-03", c, d)]
    assert [set(event_graph(chain, actor="A", hops=h)) for h in (0, 1, 2, 3)] == [
        set(), {"x:a", "x:b", "e1"}, {"x:a", "x:b", "x:c", "e1", "e2"},
        {"x:a", "x:b", "x:c", "x:d", "e1", "e2", "e3"}]


def test_ego_network_of_a_state_takes_in_its_officials(events):
    graph = event_graph(events, actor="United States")
    assert {n for n in graph if graph.nodes[n]["group"] == "event"} == {MEET_1, MEET_2, CALL}


def test_filters_by_date_prefix_and_type(events):
    assert {n for n, g in event_graph(events, since="2023-11").nodes(data="group")
            if g == "event"} == {DOHA_TALKS, TRUCE, CALL}
    assert {n for n, g in event_graph(events, until="2023-06-18").nodes(data="group")
            if g == "event"} == {MEET_1}
    assert set(event_graph(events, types={"Agreement"})) == {ISRAEL, HAMAS, TRUCE}


def test_partial_dates_match_on_their_prefix_and_undated_events_drop():
    a, b = party("x:a", "A"), party("x:b", "B")
    rows = [event("month", "Meeting", "2024-03", a, b), event("undated", "Meeting", None, a, b)]
    assert set(event_graph(rows, since="2024-03-15")) == {"x:a", "x:b", "month"}
    assert set(event_graph(rows, until="2024-02-28")) == set()
    assert "undated" in event_graph(rows)


@pytest.mark.parametrize(("kwargs", "code"), [
    ({"actor": "Nobody"}, "E606"),
    ({"since": "18/06/2023"}, "E605"),
    ({"until": "2023-6-1"}, "E605"),
    ({"types": ["Summit"]}, "E607"),
    ({"actor": "Qin Gang", "hops": -1}, "E609"),
])
def test_bad_filters_raise_numbered_errors(events, kwargs, code):
    with pytest.raises(PresentError, match=rf"\[{code}\]"):
        event_graph(events, **kwargs)


# --------------------------------------------------------------------------- meetings_graph


def test_meetings_graph_of_the_fixture(events):
    graph = meetings_graph(events)
    assert isinstance(graph, nx.Graph) and not graph.is_multigraph()
    assert {frozenset((u, v)): w for u, v, w in graph.edges(data="weight")} == {
        frozenset((BLINKEN, QIN)): 1, frozenset((BLINKEN, XI)): 1,
        frozenset((ISRAEL, HAMAS)): 1, frozenset((ISRAEL, AL_THANI)): 1,
        frozenset((HAMAS, AL_THANI)): 1, frozenset((SISI, BIDEN)): 1,
    }
    [meeting] = graph.edges[ISRAEL, AL_THANI]["meetings"]
    assert {k: meeting[k] for k in ("id", "type", "date", "place")} == {
        "id": DOHA_TALKS, "type": "Meeting", "date": "2023-11-21", "place": "Doha"}
    assert graph.nodes[QIN]["affiliation"] == "China"


def test_meetings_weights_count_shared_events(events):
    again = copy.deepcopy(events[0])
    again.update(id=f"{ID}event/meeting-again", date="2023-06-17", location=None)
    graph = meetings_graph([*events, again])
    edge = graph.edges[BLINKEN, QIN]
    assert edge["weight"] == 2
    assert [(m["id"], m["date"], m["place"]) for m in edge["meetings"]] == [
        (f"{ID}event/meeting-again", "2023-06-17", None), (MEET_1, "2023-06-18", "Beijing")]


def test_meetings_graph_filters(events):
    calls = meetings_graph(events, types=["PhoneCall", "Agreement"])
    assert set(calls.edges) == {(SISI, BIDEN)}
    assert set(meetings_graph(events, actor="Xi Jinping").edges) == {(BLINKEN, XI)}
    assert set(meetings_graph(events, since="2023-11-22").edges) == set()


# --------------------------------------------------------------------------- the page


class _Tags(HTMLParser):
    """Every start tag with its attributes, and the text of each <script>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self._in_script: dict[str, str | None] | None = None

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._in_script = dict(attrs)
            self.scripts.append((self._in_script, ""))

    def handle_data(self, data):
        if self._in_script is not None:
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = None


def _tags(page: str) -> _Tags:
    parser = _Tags()
    parser.feed(page)
    parser.close()
    return parser


def test_payloads_reach_the_page_only_in_escaped_form(page):
    for payload in PAYLOADS:
        assert payload not in page
        assert json.dumps(payload)[1:-1].replace("<", "\\u003c").replace(">", "\\u003e") in page
    assert "<script>alert" not in page
    assert not re.search(r"<img[^>]*onerror", page, flags=re.I)


def test_page_markup_has_no_injected_element_or_handler(page):
    parsed = _tags(page)
    assert {tag for tag, _ in parsed.tags} <= {
        "html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "p", "span",
        "form", "label", "input", "datalist", "button", "main", "aside", "ul", "li", "svg",
        "circle", "rect", "polygon", "line", "br", "i", "div", "script"}
    handlers = [(tag, name) for tag, attrs in parsed.tags for name in attrs
                if name.startswith("on")]
    assert handlers == []
    assert [attrs for attrs, _ in parsed.scripts] == [{"type": "application/json", "id": "kg-data"},
                                                      {}, {}]


def test_heading_and_title_are_escaped(events):
    hostile = "Talks <script>alert('h')</script> & <img src=x onerror=alert(2)>"
    page = render_html(event_graph(events), title=hostile, view="graph")
    assert f"<h1 id=\"kg-title\">{escape(hostile)}</h1>" in page
    assert f"<title>{escape(hostile)}</title>" in page
    assert hostile not in page


def test_page_fetches_nothing_and_allows_only_its_own_scripts(page):
    parsed = _tags(page)
    remote = [(tag, attrs) for tag, attrs in parsed.tags
              if any(re.match(r"\s*(https?:)?//", attrs.get(a) or "") for a in ("src", "href"))]
    assert remote == []
    assert not re.search(r"<(script|link|img|iframe)\b[^>]*\b(src|href)\s*=", page, flags=re.I)
    csp = next(attrs["content"] for tag, attrs in parsed.tags
               if tag == "meta" and attrs.get("http-equiv") == "Content-Security-Policy")
    assert csp.startswith("default-src 'none';")
    for attrs, text in parsed.scripts:
        digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()
        assert (f"'sha256-{digest}'" in csp) is (attrs.get("type") != "application/json")


def test_page_data_holds_every_node_and_edge(events, page):
    parsed = _tags(page)
    data = json.loads(next(text for attrs, text in parsed.scripts if attrs.get("id") == "kg-data"))
    graph = event_graph(events, topics=True)
    assert {n["id"] for n in data["nodes"]} == set(graph)
    assert sorted((e["from"], e["to"], e["label"]) for e in data["edges"]) == sorted(
        (u, v, k) for u, v, k in graph.edges(keys=True))
    sisi = next(n for n in data["nodes"] if n["id"] == SISI)
    assert sisi["kgLabel"] == "Abdel Fattah al-Sisi <img src=x onerror=alert(1)>"
    call = next(n for n in data["nodes"] if n["id"] == CALL)
    assert "“Later on Tuesday, Egyptian President Abdel Fattah al-Sisi" in call["title"]
    assert "Source: example-doha — Qatar hosts <script>alert('t')</script> negotiators" in (
        call["title"])


def test_render_is_deterministic_and_large_graphs_get_seed_positions():
    rows = [event(f"e{i}", "Meeting", "2024-01-01", party(f"x:{i}", f"A{i}"),
                  party(f"x:{i + 1}", f"A{i + 1}")) for i in range(200)]
    graph = event_graph(rows)
    assert graph.number_of_nodes() == 401
    first = render_html(graph, title="big", view="graph")
    assert first == render_html(graph, title="big", view="graph")
    data = json.loads(_tags(first).scripts[0][1])
    assert all(isinstance(n["x"], float) and isinstance(n["y"], float) for n in data["nodes"])
    assert data["options"]["layout"]["improvedLayout"] is False


def test_write_html_views_and_errors(events, tmp_path):
    path = write_html(events, tmp_path / "meetings.html", view="meetings", since="2023-11")
    assert path == tmp_path / "meetings.html"
    assert "<title>Who met whom 2023-11 to …</title>" in path.read_text(encoding="utf-8")
    with pytest.raises(PresentError, match=r"\[E608\]"):
        write_html(events, tmp_path / "x.html", view="timeline")
    with pytest.raises(PresentError, match=r"\[E602\]"):
        write_html(events, tmp_path / "x.html", since="2030")
    with pytest.raises(PresentError, match=r"\[E601\]"):
        write_html(events, tmp_path / "no-such-folder" / "x.html")


def test_notebook_html_is_one_sandboxed_iframe_holding_the_page(page):
    markup = notebook_html(page, height=500)
    parsed = _tags(markup)
    assert [tag for tag, _ in parsed.tags] == ["iframe"]
    attrs = parsed.tags[0][1]
    assert attrs["srcdoc"] == page
    assert attrs["sandbox"] == "allow-scripts"
    assert "<script" not in markup
