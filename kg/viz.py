"""Interactive graph views of events: networkx graphs, and self-contained pyvis pages.

Presentation stage: every function takes the list of event dicts of the events
contract (what ``kg query events --format json`` prints), never the store.
Pages need no network at all: vis-network is inlined from the copy pyvis ships,
a Content-Security-Policy forbids every fetch, and all text from articles reaches
the page as JSON data rendered as plain text (canvas labels, ``innerText``
tooltips, ``textContent``), never as markup.

Examples
--------
>>> events = [{"id": "ev1", "type": "PhoneCall", "date": "2024-01-05", "location": None,
...            "participants": [
...                {"id": "a", "label": "Ann", "type": "Person", "role": None, "affiliation": None},
...                {"id": "b", "label": "Bo", "type": "Person", "role": None, "affiliation": None}],
...            "mediators": [], "hosts": [], "topics": [], "sources": []}]
>>> sorted(event_graph(events).edges(keys=True))
[('a', 'ev1', 'called'), ('b', 'ev1', 'called')]
>>> meetings_graph(events).edges["a", "b"]["weight"]
1
"""

from __future__ import annotations

import base64
import calendar
import hashlib
import html
import json
import math
import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations
from pathlib import Path
from typing import Any

import networkx as nx
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from kg.errors import Errors, PresentError
from kg.types import CONTACT_TYPES, EVENT_TYPES

__all__ = [
    "VIEWS",
    "event_graph",
    "meetings_graph",
    "notebook_html",
    "render_html",
    "show",
    "write_html",
]

VIEWS: tuple[str, ...] = ("graph", "meetings")


# Edge labels: participants by event type, and the other roles.
_PARTICIPANT_VERBS: dict[str, str] = {"Meeting": "met", "PhoneCall": "called"}
_PARTY_TO = "party to"
_MEDIATED = "mediated"
_HOSTED = "hosted"
_IN = "in"
_AFFILIATED = "affiliated with"
_ABOUT = "about"

_TYPE_LABELS: dict[str, str] = {"PhoneCall": "Phone call", "Actor": "Actor (type unknown)"}
_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
_LARGE = 300  # nodes: above this, the page trades layout quality for speed
_MAX_LABEL = 48
_MAX_SOURCES = 5
_STATIC = Path(__file__).parent / "static"


@dataclass(frozen=True)
class NodeStyle:
    """How one ontology class is drawn: a vis-network shape and a colour."""

    shape: str
    color: str


#: Node style per ontology class, in legend order. "Actor" is an affiliation of unknown type.
STYLES: dict[str, NodeStyle] = {
    "Person": NodeStyle("dot", "#4e79a7"),
    "State": NodeStyle("square", "#e15759"),
    "Organization": NodeStyle("triangle", "#f28e2b"),
    "Actor": NodeStyle("dot", "#a0a0a0"),
    "Meeting": NodeStyle("diamond", "#59a14f"),
    "PhoneCall": NodeStyle("diamond", "#76b7b2"),
    "Visit": NodeStyle("diamond", "#edc948"),
    "Mediation": NodeStyle("diamond", "#b07aa1"),
    "Agreement": NodeStyle("diamond", "#ff9da7"),
    "Proposal": NodeStyle("diamond", "#9c755f"),
    "Threat": NodeStyle("diamond", "#8c1c13"),
    "Place": NodeStyle("triangleDown", "#86bcb6"),
    "Topic": NodeStyle("hexagon", "#d4a6c8"),
}
_UNKNOWN_STYLE = NodeStyle("dot", "#cccccc")


# --------------------------------------------------------------------------- graphs


def event_graph(
    events: Sequence[Mapping[str, Any]],
    *,
    actor: str | None = None,
    hops: int = 1,
    since: str | None = None,
    until: str | None = None,
    types: Collection[str] | None = None,
    topics: bool = False,
) -> nx.MultiDiGraph:
    """Build the graph of actors, events, places (and topics) from event rows.

    Parameters
    ----------
    events : sequence of dict
        Rows of the events contract.
    actor : str, optional
        Id, or case-insensitive label, of an actor: keep only its ego network.
        Persons affiliated with that actor count as the actor itself (so
        ``"China"`` brings in the events of Chinese officials).
    hops : int
        Radius of the ego network; actor-event-actor counts as one hop.
    since, until : str, optional
        Inclusive bounds ``YYYY[-MM[-DD]]``, compared on the common ISO prefix
        (``"2023-11"`` falls within ``since="2023-11-21"``). Undated events are
        dropped when either bound is given.
    types : collection of str, optional
        Event types to keep (``"Meeting"``, ``"PhoneCall"``...).
    topics : bool
        Add a node per topic, linked from its events by ``"about"``.

    Returns
    -------
    networkx.MultiDiGraph
        Nodes carry ``group`` (actor, event, place, topic), ``kind`` (the
        ontology class) and ``label``; events also ``date``, ``place``,
        ``topics``, ``confidence``, ``extractor`` and ``sources``. Edges are
        keyed by their ``label``: actor->event ``"met"``/``"called"``/``"party
        to"``/``"mediated"``/``"hosted"``, event->place ``"in"``,
        actor->affiliation ``"affiliated with"``, event->topic ``"about"``.

    Raises
    ------
    PresentError
        For an unknown actor or event type, a malformed date or negative hops.
    """
    selected = _select_events(events, actor=actor, hops=hops, since=since, until=until,
                              types=_check_types(types))
    known_types = _actor_types(events)
    graph = nx.MultiDiGraph()
    for event in selected:
        _add_event(graph, event, known_types, with_topics=topics)
    return graph


def meetings_graph(
    events: Sequence[Mapping[str, Any]],
    *,
    actor: str | None = None,
    hops: int = 1,
    since: str | None = None,
    until: str | None = None,
    types: Collection[str] | None = None,
) -> nx.Graph:
    """Link actors by the contact events (meetings, phone calls) they shared.

    Participants, mediators and hosts all count as parties. Filters are those of
    :func:`event_graph`; ``types`` is intersected with the contact types.

    Returns
    -------
    networkx.Graph
        Actor nodes (``kind``, ``label``, ``affiliation``); each edge has
        ``weight`` (the number of shared events) and ``meetings``: dicts with
        ``id``, ``type``, ``date``, ``place`` and ``sources``, by date.

    Raises
    ------
    PresentError
        As :func:`event_graph`.
    """
    wanted = _check_types(types)
    contact = set(CONTACT_TYPES) if wanted is None else set(CONTACT_TYPES) & wanted
    selected = _select_events(events, actor=actor, hops=hops, since=since, until=until,
                              types=contact)
    graph = nx.Graph()
    for event in selected:
        parties = {a["id"]: a for a in _actors_of(event)}
        for party in parties.values():
            _add_actor(graph, party, party.get("type") or "Actor")
            aff = party.get("affiliation")
            if aff and not graph.nodes[party["id"]].get("affiliation"):
                graph.nodes[party["id"]]["affiliation"] = aff.get("label")
        place = event.get("location") or {}
        meeting = {
            "id": event["id"],
            "type": event["type"],
            "date": event.get("date"),
            "place": place.get("label"),
            "sources": list(event.get("sources") or []),
        }
        for a, b in combinations(sorted(parties), 2):
            if graph.has_edge(a, b):
                graph.edges[a, b]["weight"] += 1
                graph.edges[a, b]["meetings"].append(meeting)
            else:
                graph.add_edge(a, b, weight=1, meetings=[meeting])
    for _, _, attrs in graph.edges(data=True):
        attrs["meetings"].sort(key=lambda m: (m["date"] or "", m["id"]))
    return graph


def _check_types(types: Collection[str] | None) -> set[str] | None:
    if types is None:
        return None
    if isinstance(types, str):
        types = [types]
    for value in types:
        if value not in EVENT_TYPES:
            raise PresentError(Errors.E607.format(value=value, choices=", ".join(EVENT_TYPES)))
    return set(types)


def _check_date(value: str | None, param: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not _DATE.fullmatch(value):
        raise PresentError(Errors.E605.format(value=value, param=param))
    return value


def _in_range(date: str | None, since: str | None, until: str | None) -> bool:
    """Whether an ISO date (or prefix) falls within the bounds, compared on common prefixes."""
    if since is None and until is None:
        return True
    if not date:
        return False
    if since is not None:
        n = min(len(date), len(since))
        if date[:n] < since[:n]:
            return False
    if until is not None:
        n = min(len(date), len(until))
        if date[:n] > until[:n]:
            return False
    return True


def _actors_of(event: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    return [
        *(event.get("participants") or []),
        *(event.get("mediators") or []),
        *(event.get("hosts") or []),
    ]


def _actor_types(events: Iterable[Mapping[str, Any]]) -> dict[str, str]:
    """The type each actor id is given anywhere in the events."""
    known: dict[str, str] = {}
    for event in events:
        for actor in _actors_of(event):
            if actor.get("type"):
                known.setdefault(actor["id"], actor["type"])
            aff = actor.get("affiliation")
            if aff and aff.get("type"):
                known.setdefault(aff["id"], aff["type"])
    return known


def _match_actor(events: Sequence[Mapping[str, Any]], actor: str) -> set[str]:
    """Ids of the actors (or affiliations) whose id is ``actor`` or whose label matches it."""
    wanted = actor.casefold()
    labels: dict[str, str] = {}
    for event in events:
        for party in _actors_of(event):
            labels[party["id"]] = party.get("label") or ""
            aff = party.get("affiliation")
            if aff:
                labels[aff["id"]] = aff.get("label") or ""
    matched = {i for i, label in labels.items() if i == actor or label.casefold() == wanted}
    if not matched:
        examples = ", ".join(repr(v) for v in sorted(set(labels.values()))[:3]) or "none"
        raise PresentError(Errors.E606.format(actor=actor, examples=examples))
    return matched


def _select_events(
    events: Sequence[Mapping[str, Any]],
    *,
    actor: str | None,
    hops: int,
    since: str | None,
    until: str | None,
    types: set[str] | None,
) -> list[Mapping[str, Any]]:
    """The events passing the filters, in input order; the ego network of ``actor``."""
    since = _check_date(since, "since")
    until = _check_date(until, "until")
    if isinstance(hops, bool) or not isinstance(hops, int) or hops < 0:
        raise PresentError(Errors.E609.format(value=hops))
    kept = [
        e for e in events
        if (types is None or e["type"] in types) and _in_range(e.get("date"), since, until)
    ]
    if actor is None:
        return kept
    seeds = _match_actor(events, actor)
    members = {
        party["id"]
        for e in kept for party in _actors_of(e)
        if (party.get("affiliation") or {}).get("id") in seeds
    }
    frontier = reached = seeds | members
    chosen: set[str] = set()
    for _ in range(hops):
        new = [e for e in kept if e["id"] not in chosen
               and any(p["id"] in frontier for p in _actors_of(e))]
        chosen.update(e["id"] for e in new)
        frontier = {p["id"] for e in new for p in _actors_of(e)} - reached
        reached = reached | frontier
    return [e for e in kept if e["id"] in chosen]


def _add_actor(graph: nx.Graph, actor: Mapping[str, Any], kind: str) -> None:
    node = actor["id"]
    if node not in graph:
        graph.add_node(node, group="actor", kind=kind, label=actor.get("label") or node,
                       titles=[])
    title = actor.get("role")
    if title and title not in graph.nodes[node]["titles"]:
        graph.nodes[node]["titles"].append(title)


def _add_event(
    graph: nx.MultiDiGraph,
    event: Mapping[str, Any],
    known_types: Mapping[str, str],
    *,
    with_topics: bool,
) -> None:
    node = event["id"]
    place = event.get("location")
    graph.add_node(
        node,
        group="event",
        kind=event["type"],
        label=_event_label(event["type"], event.get("date")),
        date=event.get("date"),
        place=place.get("label") if place else None,
        topics=list(event.get("topics") or []),
        confidence=event.get("confidence"),
        extractor=event.get("extractor"),
        sources=list(event.get("sources") or []),
    )
    verb = _PARTICIPANT_VERBS.get(event["type"], _PARTY_TO)
    roles = (("participants", "participant", verb), ("mediators", "mediator", _MEDIATED),
             ("hosts", "host", _HOSTED))
    for field, relation, label in roles:
        for actor in event.get(field) or []:
            _add_actor(graph, actor, actor.get("type") or known_types.get(actor["id"], "Actor"))
            graph.add_edge(actor["id"], node, key=label, label=label, relation=relation,
                           role=actor.get("role"))
            aff = actor.get("affiliation")
            if aff:
                _add_actor(graph, aff, aff.get("type") or known_types.get(aff["id"], "Actor"))
                graph.add_edge(actor["id"], aff["id"], key=_AFFILIATED, label=_AFFILIATED,
                               relation="affiliation")
    if place:
        if place["id"] not in graph:
            graph.add_node(place["id"], group="place", kind="Place",
                           label=place.get("label") or place["id"])
        graph.add_edge(node, place["id"], key=_IN, label=_IN, relation="location")
    if with_topics:
        for topic in event.get("topics") or []:
            topic_id = f"topic:{topic.casefold()}"
            if topic_id not in graph:
                graph.add_node(topic_id, group="topic", kind="Topic", label=topic)
            graph.add_edge(node, topic_id, key=_ABOUT, label=_ABOUT, relation="topic")


def _type_label(kind: str) -> str:
    return _TYPE_LABELS.get(kind, kind)


def _event_label(kind: str, date: str | None) -> str:
    return f"{_type_label(kind)} {date}" if date else _type_label(kind)


# --------------------------------------------------------------------------- page


def render_html(graph: nx.Graph, *, title: str, view: str) -> str:
    """Render a graph of :func:`event_graph` or :func:`meetings_graph` as one HTML page.

    The page is built with :class:`pyvis.network.Network` and holds everything
    it needs (vis-network inlined, no request at all): a legend that filters by
    class, search by name, a date range, plain-text tooltips with the facts and
    their sources. Physics lays the graph out, then is switched off.

    Parameters
    ----------
    graph : networkx.Graph
        Nodes with ``kind`` and ``label`` (see :func:`event_graph`).
    title : str
        Heading of the page; escaped.
    view : {"graph", "meetings"}
        Which builder made ``graph``: sets arrows, edge widths and tooltips.

    Returns
    -------
    str
        The HTML document.

    Raises
    ------
    PresentError
        For an unknown view.
    """
    from pyvis.network import Network

    _check_view(view)
    net = Network(height="100%", width="100%", directed=True, heading=title,
                  cdn_resources="in_line")
    positions = _seed_positions(graph) if graph.number_of_nodes() > _LARGE else {}
    for node, attrs in graph.nodes(data=True):
        kind = attrs.get("kind") or "Actor"
        style = STYLES.get(kind, _UNKNOWN_STYLE)
        label = str(attrs.get("label") or node)
        extra: dict[str, Any] = {}
        if attrs.get("group") == "event":
            extra["kgEvents"] = [{"type": kind, "date": attrs.get("date")}]
        if node in positions:
            extra["x"], extra["y"] = positions[node]
        net.add_node(
            str(node),
            label=_shorten(label),
            shape=style.shape,
            color=style.color,
            title=_node_tooltip(graph, node, attrs),
            kgClass=kind,
            kgLabel=label,
            **extra,
        )
    for index, (u, v, attrs) in enumerate(_edges(graph)):
        extra = {}
        if view == "meetings":
            meetings = attrs.get("meetings") or []
            extra["kgEvents"] = [{"type": m["type"], "date": m["date"]} for m in meetings]
            extra["value"] = attrs.get("weight", 1)
            extra["arrows"] = {"to": {"enabled": False}}
            label = _meetings_label(meetings)
        else:
            label = str(attrs.get("label") or "")
            extra["arrows"] = "to"
            if attrs.get("relation") == "affiliation":
                extra["dashes"] = True
        net.add_edge(str(u), str(v), id=f"e{index}", label=label,
                     title=_edge_tooltip(graph, u, v, attrs, view), **extra)
    nodes, edges, *_ = net.get_network_data()
    return _page(nodes, edges, title=title, view=view)


def write_html(
    events: Sequence[Mapping[str, Any]],
    path: str | Path,
    *,
    view: str = "graph",
    title: str | None = None,
    actor: str | None = None,
    hops: int = 1,
    since: str | None = None,
    until: str | None = None,
    types: Collection[str] | None = None,
    topics: bool = False,
) -> Path:
    """Write the page of :func:`render_html` for event rows to ``path``.

    Parameters
    ----------
    events : sequence of dict
        Rows of the events contract.
    path : str or Path
        Where to write the page.
    view : {"graph", "meetings"}
        :func:`event_graph` or :func:`meetings_graph`.
    title : str, optional
        Heading; by default made from the view and the filters.
    actor, hops, since, until, types, topics
        Filters, as in :func:`event_graph` (``topics`` only for the graph view).

    Returns
    -------
    Path
        The file written.

    Raises
    ------
    PresentError
        For bad filters, when no event passes them, or when the file cannot be written.
    """
    page = _page_for(events, view=view, title=title, actor=actor, hops=hops, since=since,
                     until=until, types=types, topics=topics)
    target = Path(path)
    try:
        target.write_text(page, encoding="utf-8")
    except OSError as exc:
        raise PresentError(Errors.E601.format(path=target, reason=exc.strerror or exc)) from exc
    return target


def notebook_html(page: str, *, height: int = 650) -> str:
    """Wrap a page in a sandboxed ``<iframe srcdoc>`` for inline display.

    The iframe may run scripts but gets an opaque origin, so the page cannot
    reach the notebook around it.
    """
    return (
        f'<iframe srcdoc="{html.escape(page, quote=True)}" sandbox="allow-scripts" '
        f'style="width:100%;height:{int(height)}px;border:0" title="geokg graph"></iframe>'
    )


def show(
    events: Sequence[Mapping[str, Any]],
    *,
    view: str = "graph",
    title: str | None = None,
    height: int = 650,
    actor: str | None = None,
    hops: int = 1,
    since: str | None = None,
    until: str | None = None,
    types: Collection[str] | None = None,
    topics: bool = False,
) -> None:
    """Display the page for event rows inline in Jupyter (no network needed).

    Takes the arguments of :func:`write_html`, less ``path``, plus the iframe ``height``.
    """
    from IPython.display import HTML, display

    page = _page_for(events, view=view, title=title, actor=actor, hops=hops, since=since,
                     until=until, types=types, topics=topics)
    display(HTML(notebook_html(page, height=height)))


def _check_view(view: str) -> None:
    if view not in VIEWS:
        raise PresentError(Errors.E608.format(value=view, choices=", ".join(VIEWS)))


def _page_for(
    events: Sequence[Mapping[str, Any]],
    *,
    view: str,
    title: str | None,
    actor: str | None,
    hops: int,
    since: str | None,
    until: str | None,
    types: Collection[str] | None,
    topics: bool,
) -> str:
    _check_view(view)
    filters: dict[str, Any] = dict(actor=actor, hops=hops, since=since, until=until, types=types)
    if view == "meetings":
        graph: nx.Graph = meetings_graph(events, **filters)
    else:
        graph = event_graph(events, topics=topics, **filters)
    if graph.number_of_nodes() == 0:
        raise PresentError(Errors.E602.format(reason="no event passes the filters"))
    return render_html(graph, title=title or _default_title(view, filters), view=view)


def _default_title(view: str, filters: Mapping[str, Any]) -> str:
    parts = ["Who met whom" if view == "meetings" else "Events"]
    if filters.get("actor"):
        parts.append(f"around {filters['actor']} ({filters['hops']} hop"
                     f"{'' if filters['hops'] == 1 else 's'})")
    if filters.get("types"):
        parts.append("(" + ", ".join(sorted(filters["types"])) + ")")
    if filters.get("since") or filters.get("until"):
        parts.append(f"{filters.get('since') or '…'} to {filters.get('until') or '…'}")
    return " ".join(parts)


def _edges(graph: nx.Graph) -> Iterable[tuple[Any, Any, dict[str, Any]]]:
    if graph.is_multigraph():
        return ((u, v, d) for u, v, _, d in graph.edges(keys=True, data=True))
    return graph.edges(data=True)


def _shorten(text: str) -> str:
    return text if len(text) <= _MAX_LABEL else text[: _MAX_LABEL - 1] + "…"


def _meetings_label(meetings: Sequence[Mapping[str, Any]]) -> str:
    counts: dict[str, int] = {}
    for meeting in meetings:
        verb = _PARTICIPANT_VERBS.get(meeting["type"], _PARTY_TO)
        counts[verb] = counts.get(verb, 0) + 1
    return ", ".join(verb if n == 1 else f"{verb} ×{n}" for verb, n in counts.items())


def _sources_text(sources: Sequence[Mapping[str, Any]]) -> list[str]:
    lines: list[str] = []
    for source in sources[:_MAX_SOURCES]:
        head = f"Source: {source.get('article') or source.get('url') or '?'}"
        if source.get("title"):
            head += f" — {source['title']}"
        if source.get("published"):
            head += f" ({source['published']})"
        lines.append(head)
        if source.get("url") and source.get("url") != source.get("article"):
            lines.append(f"  {source['url']}")
        if source.get("evidence"):
            span = ""
            if source.get("start") is not None and source.get("end") is not None:
                span = f" [chars {source['start']}–{source['end']}]"
            lines.append(f"  “{source['evidence']}”{span}")
    if len(sources) > _MAX_SOURCES:
        lines.append(f"… and {len(sources) - _MAX_SOURCES} more sources")
    return lines


def _node_tooltip(graph: nx.Graph, node: Any, attrs: Mapping[str, Any]) -> str:
    kind = attrs.get("kind") or "Actor"
    label = attrs.get("label") or str(node)
    group = attrs.get("group", "actor")
    if group == "event":
        head = _event_label(kind, attrs.get("date") or "date unknown")
        if attrs.get("place"):
            head += f" · {attrs['place']}"
        lines = [head]
        by_relation: dict[str, list[str]] = {}
        for actor, _, data in graph.in_edges(node, data=True):
            name = graph.nodes[actor].get("label") or str(actor)
            if data.get("role"):
                name += f" ({data['role']})"
            by_relation.setdefault(data.get("relation", ""), []).append(name)
        for relation, heading in (("participant", "Participants"), ("mediator", "Mediators"),
                                  ("host", "Hosts")):
            if by_relation.get(relation):
                lines.append(f"{heading}: {', '.join(by_relation[relation])}")
        if attrs.get("topics"):
            lines.append("Topics: " + ", ".join(attrs["topics"]))
        if attrs.get("confidence") is not None:
            lines.append(f"Confidence {attrs['confidence']:.2f} · {attrs.get('extractor') or ''}")
        lines += _sources_text(attrs.get("sources") or [])
        return "\n".join(lines)
    lines = [label, _type_label(kind)]
    if attrs.get("titles"):
        lines.append("As: " + ", ".join(attrs["titles"]))
    if attrs.get("affiliation"):
        lines.append(f"Affiliated with: {attrs['affiliation']}")
    if graph.is_directed():
        affiliations = [graph.nodes[v].get("label") for _, v, d in graph.out_edges(node, data=True)
                        if d.get("relation") == "affiliation"]
        if affiliations:
            lines.append("Affiliated with: " + ", ".join(sorted(set(affiliations))))
        events = {v for _, v in graph.out_edges(node)
                  if graph.nodes[v].get("group") == "event"}
        events |= {u for u, _ in graph.in_edges(node) if graph.nodes[u].get("group") == "event"}
        if events:
            lines.append(f"{len(events)} event{'s' if len(events) != 1 else ''}")
    else:
        contacts = sum(d.get("weight", 1) for _, _, d in graph.edges(node, data=True))
        lines.append(f"{graph.degree(node)} counterparts, {contacts} contacts")
    return "\n".join(lines)


def _edge_tooltip(graph: nx.Graph, u: Any, v: Any, attrs: Mapping[str, Any], view: str) -> str:
    first = graph.nodes[u].get("label") or str(u)
    second = graph.nodes[v].get("label") or str(v)
    if view == "meetings":
        meetings = attrs.get("meetings") or []
        lines = [f"{first} – {second}: {len(meetings)} contact{'s' if len(meetings) != 1 else ''}"]
        for meeting in meetings:
            line = f"• {_event_label(meeting['type'], meeting.get('date') or 'date unknown')}"
            if meeting.get("place"):
                line += f" in {meeting['place']}"
            lines.append(line)
            lines += ["  " + s for s in _sources_text(meeting.get("sources") or [])]
        return "\n".join(lines)
    lines = [f"{first} {attrs.get('label', '')} {second}"]
    if attrs.get("role"):
        lines.append(f"as {attrs['role']}")
    event = v if graph.nodes[v].get("group") == "event" else u
    if attrs.get("relation") not in ("affiliation",) and graph.nodes[event].get("group") == "event":
        lines += _sources_text(graph.nodes[event].get("sources") or [])
    return "\n".join(lines)


def _seed_positions(graph: nx.Graph, spacing: float = 30.0) -> dict[Any, tuple[float, float]]:
    """Starting positions that spare a large graph most physics iterations.

    Louvain communities become discs (nodes on a sunflower pattern, in
    breadth-first order from the community's best-connected node), packed on a
    spiral, largest first. Deterministic.
    """
    undirected = nx.Graph(graph.to_undirected(as_view=True))
    communities = sorted(nx.community.louvain_communities(undirected, seed=7),
                         key=lambda c: (-len(c), min(map(str, c))))
    golden = math.pi * (3 - math.sqrt(5))
    positions: dict[Any, tuple[float, float]] = {}
    placed: list[tuple[float, float, float]] = []
    angle = 0.0
    for community in communities:
        sub = undirected.subgraph(community)
        hub = max(community, key=lambda n: (sub.degree(n), str(n)))
        order = list(nx.bfs_tree(sub, hub))
        order += sorted(set(community) - set(order), key=str)
        radius = spacing * (math.sqrt(len(order)) + 1)
        while True:
            distance = 4 * spacing * angle / (2 * math.pi)
            cx, cy = distance * math.cos(angle), distance * math.sin(angle)
            if all(math.hypot(cx - x, cy - y) >= radius + r + spacing for x, y, r in placed):
                break
            angle += spacing / max(distance, spacing)
        placed.append((cx, cy, radius))
        for i, node in enumerate(order):
            r, theta = spacing * math.sqrt(i), i * golden
            positions[node] = (round(cx + r * math.cos(theta), 1),
                               round(cy + r * math.sin(theta), 1))
    return positions


def _options(node_count: int, view: str) -> dict[str, Any]:
    """vis-network options: a careful layout for small graphs, a fast one for large graphs.

    Large graphs start from :func:`_seed_positions`, skip vis's own initial
    layout and run a bounded number of coarse forceAtlas2 iterations.
    """
    large = node_count > _LARGE
    iterations = 1000 if not large else max(60, min(300, 500_000 // node_count))
    return {
        "autoResize": True,
        "layout": {"improvedLayout": not large, "randomSeed": 7},
        "physics": {
            "enabled": True,
            "solver": "forceAtlas2Based" if large else "barnesHut",
            "barnesHut": {"gravitationalConstant": -2500, "centralGravity": 0.3,
                          "springLength": 130, "springConstant": 0.04, "avoidOverlap": 0.2},
            "forceAtlas2Based": {"gravitationalConstant": -40, "springLength": 60,
                                 "springConstant": 0.08, "avoidOverlap": 0, "theta": 1.0},
            "stabilization": {"enabled": True, "iterations": iterations,
                              "updateInterval": 25, "fit": True},
            "minVelocity": 1.0,
        },
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": large,
                        "multiselect": True},
        "nodes": {"size": 16, "font": {"size": 16, "face": "sans-serif"}},
        "edges": {
            "smooth": False if large else {"enabled": True, "type": "dynamic"},
            "color": {"color": "#9a9a9a", "highlight": "#333333", "hover": "#555555"},
            "font": {"size": 13, "align": "horizontal", "color": "#555555", "strokeWidth": 4},
            "scaling": {"min": 1, "max": 8} if view == "meetings" else {},
        },
    }


@lru_cache(maxsize=1)
def _assets() -> dict[str, str]:
    """vis-network (from pyvis's package), our script and style, checked safe to inline."""
    import pyvis

    libs = sorted((Path(pyvis.__file__).parent / "templates" / "lib").glob("vis-*"),
                  key=lambda p: tuple(int(x) for x in re.findall(r"\d+", p.name)))
    if not libs:
        raise PresentError(Errors.E602.format(
            reason="pyvis ships no vis-network files (pyvis/templates/lib/vis-*); "
                   "reinstall pyvis>=0.3.2"))
    assets = {
        "vis_js": (libs[-1] / "vis-network.min.js").read_text(encoding="utf-8"),
        "vis_css": (libs[-1] / "vis-network.css").read_text(encoding="utf-8"),
        "app_js": (_STATIC / "viz.js").read_text(encoding="utf-8"),
        "app_css": (_STATIC / "viz.css").read_text(encoding="utf-8"),
    }
    for name, text in assets.items():
        closing = "</script" if name.endswith("js") else "</style"
        if closing in text.lower():
            raise PresentError(Errors.E602.format(reason=f"{name} cannot be inlined"))
    return assets


def _script_json(value: Any) -> Markup:
    """JSON safe inside ``<script type="application/json">``: no ``<``, ``>`` or ``&`` left."""
    text = json.dumps(value, ensure_ascii=False)
    for char, escape in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e")):
        text = text.replace(char, escape)
    return Markup(text)


def _csp_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


@lru_cache(maxsize=1)
def _environment() -> Environment:
    return Environment(loader=FileSystemLoader(_STATIC), autoescape=select_autoescape(["j2"]),
                       trim_blocks=True, lstrip_blocks=True)


def _date_bounds(items: Iterable[Mapping[str, Any]]) -> tuple[str, str] | None:
    dates = [e["date"] for item in items for e in item.get("kgEvents", []) if e.get("date")]
    if not dates:
        return None
    low, high = min(dates), max(dates)
    low = low + "-01" * ((10 - len(low)) // 3)
    if len(high) == 4:
        high += "-12"
    if len(high) == 7:
        year, month = int(high[:4]), int(high[5:7])
        high += f"-{calendar.monthrange(year, month)[1]:02d}"
    return low, high


def _page(nodes: list[dict[str, Any]], edges: list[dict[str, Any]], *, title: str,
          view: str) -> str:
    assets = _assets()
    node_kinds = {n["kgClass"] for n in nodes}
    edge_kinds = {e["type"] for edge in edges for e in edge.get("kgEvents", [])} - node_kinds
    present = node_kinds | edge_kinds
    styles = {**STYLES, **{kind: _UNKNOWN_STYLE for kind in sorted(present - set(STYLES))}}
    legend = [
        {"kind": kind, "label": _type_label(kind), "style": style, "edge": kind in edge_kinds,
         "count": sum(n["kgClass"] == kind for n in nodes)}
        for kind, style in styles.items() if kind in present
    ]
    bounds = _date_bounds([*nodes, *edges])
    data = {"nodes": nodes, "edges": edges, "options": _options(len(nodes), view),
            "large": len(nodes) > _LARGE}
    csp = (
        "default-src 'none'; img-src data:; style-src 'unsafe-inline'; "
        f"script-src {_csp_hash(assets['vis_js'])} {_csp_hash(assets['app_js'])}"
    )
    return _environment().get_template("viz.html.j2").render(
        title=title,
        view=view,
        csp=csp,
        legend=legend,
        bounds=bounds,
        node_count=len(nodes),
        edge_count=len(edges),
        data=_script_json(data),
        vis_js=Markup(assets["vis_js"]),
        vis_css=Markup(assets["vis_css"]),
        app_js=Markup(assets["app_js"]),
        app_css=Markup(assets["app_css"]),
    )
