"""Policy briefings built from event rows, every factual sentence citing its source sentence.

Input is the list of event dicts that ``kg query events --format json`` prints (the events
contract), never a store. :func:`build_brief` selects the events of one actor, one pair of
actors or one topic and turns them into a :class:`Brief`; ``render_*`` turn a brief into
Markdown, self-contained HTML or PDF. Building is deterministic: the same events and options
give byte-identical Markdown and HTML.

Every claim is a :class:`Claim` made of :class:`Segment` s, each carrying the numbers of the
:class:`Source` entries (article, quoted sentence, character offsets) it rests on.
"""

from __future__ import annotations

import base64
import io
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

from markupsafe import Markup, escape
from unidecode import unidecode

from kg.errors import Errors, PresentError

__all__ = [
    "ActorRow",
    "AgreementRow",
    "Brief",
    "Chart",
    "Claim",
    "MeetingRow",
    "Segment",
    "Source",
    "TimelineEntry",
    "build_brief",
    "render_html",
    "render_markdown",
    "render_pdf",
    "write_brief",
]

BriefFormat = Literal["md", "html", "pdf"]
FORMATS: tuple[str, ...] = ("md", "html", "pdf")
CONTACT_TYPES: tuple[str, ...] = ("Meeting", "PhoneCall", "Visit", "Mediation")
TEMPLATES = Path(__file__).resolve().parent / "templates"
MAX_INLINE_CITES = 8
MAX_NETWORK_ACTORS = 30
MAX_NETWORK_PEOPLE = 18
MAX_TIMELINE_LABELS = 12


_PLURALS = {
    "Meeting": ("meeting", "meetings"),
    "PhoneCall": ("phone call", "phone calls"),
    "Visit": ("visit", "visits"),
    "Mediation": ("mediation", "mediations"),
    "Agreement": ("agreement", "agreements"),
    "Proposal": ("proposal", "proposals"),
    "Threat": ("threat", "threats"),
}
_TYPE_COLOURS = {"State": "#1f5f99", "Person": "#d9822b", "Organization": "#3a8a4f"}
_EVENT_COLOURS = {
    "Meeting": "#1f5f99",
    "PhoneCall": "#7a4fa3",
    "Visit": "#d9822b",
    "Mediation": "#3a8a4f",
    "Agreement": "#b8322a",
    "Proposal": "#8a7a2a",
    "Threat": "#444444",
}


# --------------------------------------------------------------------------- the brief


@dataclass(frozen=True)
class Segment:
    """A piece of a sentence and the source numbers it rests on (empty for connecting text)."""

    text: str
    cites: tuple[int, ...] = ()


@dataclass(frozen=True)
class Claim:
    """A sentence stating facts, as segments that each cite their sources."""

    segments: tuple[Segment, ...]

    @property
    def cites(self) -> tuple[int, ...]:
        """Every source number the claim cites, in order of first citation."""
        return tuple(dict.fromkeys(n for s in self.segments for n in s.cites))

    @property
    def text(self) -> str:
        """The sentence without its citations."""
        return "".join(s.text for s in self.segments)


@dataclass(frozen=True)
class Source:
    """Entry ``number`` of the source list: one sentence of one article."""

    number: int
    article: str
    title: str | None
    url: str | None
    published: str | None
    quote: str
    start: int | None
    end: int | None


@dataclass(frozen=True)
class TimelineEntry:
    """One dated development."""

    date: str
    claim: Claim


@dataclass(frozen=True)
class MeetingRow:
    """A row of the meetings table (meetings, calls, visits and mediations)."""

    date: str
    kind: str
    place: str
    participants: str
    mediators_or_hosts: str
    topics: str
    cites: tuple[int, ...]


@dataclass(frozen=True)
class ActorRow:
    """An actor of the selected events, with the roles the sources gave it at the time."""

    label: str
    type: str
    affiliation: str
    roles: str
    capacities: str
    events: int
    cites: tuple[int, ...]


@dataclass(frozen=True)
class AgreementRow:
    """An agreement involving the subject."""

    date: str
    parties: str
    mediators: str
    place: str
    topics: str
    cites: tuple[int, ...]


@dataclass(frozen=True)
class Chart:
    """A PNG figure, base64-encoded so that documents stand alone."""

    caption: Claim
    alt: str
    png_base64: str


@dataclass(frozen=True)
class Brief:
    """A policy briefing: scope, bottom line, timeline, tables, figures and sources."""

    title: str
    scope: str
    requested_period: str
    period: Claim
    bluf: tuple[Claim, ...]
    timeline: tuple[TimelineEntry, ...]
    meetings: tuple[MeetingRow, ...]
    actors: tuple[ActorRow, ...]
    agreements: tuple[AgreementRow, ...]
    charts: tuple[Chart, ...]
    sources: tuple[Source, ...]


# --------------------------------------------------------------------------- text helpers


def _fold(text: str) -> str:
    """Casefolded ASCII words: ``'Türkiye'`` and ``'TURKIYE'`` both give ``'turkiye'``."""
    return " ".join(re.findall(r"\w+", unidecode(text).casefold()))


def _topic_words(text: str) -> frozenset[str]:
    """Folded words of a topic, with a final plural ``s`` dropped from long words."""
    return frozenset(w[:-1] if len(w) > 3 and w.endswith("s") else w for w in _fold(text).split())


def _join(items: Sequence[str]) -> str:
    """``['a', 'b', 'c']`` -> ``'a, b and c'``."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


def _count(n: int, singular: str, plural: str | None = None) -> str:
    return f"{n} {singular if n == 1 else (plural or singular + 's')}"


def _label(ref: Mapping[str, Any] | None) -> str:
    if not ref:
        return ""
    return str(ref.get("label") or ref.get("id") or "unnamed")


def _key(ref: Mapping[str, Any]) -> str:
    return str(ref.get("id") or _label(ref))


def _who(entity: Mapping[str, Any]) -> str:
    """``'Qin Gang (Foreign Minister, China)'``; states and organisations by label only."""
    name = _label(entity)
    details = [entity.get("role") or "", _label(entity.get("affiliation"))]
    details = [d for d in details if d and d != name]
    return f"{name} ({', '.join(details)})" if details else name


def _safe_url(url: str | None) -> str | None:
    """The URL when it is a plain http(s) address that can be linked, else ``None``."""
    if not url or re.search(r"[\s<>\"'`\\]", url):
        return None
    return url if urlsplit(url).scheme.lower() in ("http", "https") else None


# --------------------------------------------------------------------------- dates


def _period(value: str | None) -> tuple[date, date] | None:
    """First and last day of ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; ``None`` if unparsable."""
    if not value:
        return None
    match = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value.strip())
    if not match:
        return None
    year, month, day = (int(g) if g else None for g in match.groups())
    try:
        if day is not None and month is not None:
            d = date(year, month, day)
            return d, d
        if month is not None:
            following = date(year + month // 12, month % 12 + 1, 1)
            return date(year, month, 1), date.fromordinal(following.toordinal() - 1)
        return date(year, 1, 1), date(year, 12, 31)
    except ValueError:
        return None


def _bound(value: str | None, param: str) -> tuple[date, date] | None:
    if value is None:
        return None
    found = _period(value)
    if found is None:
        raise PresentError(Errors.E605.format(value=value, param=param))
    return found


# --------------------------------------------------------------------------- scope


@dataclass(frozen=True)
class _ActorName:
    """An actor as asked for: its id, or one of its labels (folded)."""

    query: str
    labels: frozenset[str]

    def matches(self, ref: Mapping[str, Any] | None) -> bool:
        if not ref:
            return False
        return ref.get("id") == self.query or _fold(str(ref.get("label") or "")) in self.labels

    def involves(self, entity: Mapping[str, Any]) -> bool:
        """The entity is the actor, or is affiliated with it (a minister of a state)."""
        return self.matches(entity) or self.matches(entity.get("affiliation"))


def _members(event: Mapping[str, Any]) -> list[tuple[str, Mapping[str, Any]]]:
    """``(capacity, entity)`` for every participant, mediator and host."""
    return [
        (capacity, entity)
        for key, capacity in (("participants", "participant"), ("mediators", "mediator"),
                              ("hosts", "host"))
        for entity in event.get(key) or ()
    ]


@dataclass(frozen=True)
class _Scope:
    kind: Literal["actor", "pair", "topic"]
    names: tuple[_ActorName, ...]
    words: frozenset[str]
    topic: str
    labels: tuple[str, ...] = ()

    def selects(self, event: Mapping[str, Any]) -> bool:
        if self.kind == "topic":
            topic_words = frozenset().union(*map(_topic_words, event.get("topics") or ()))
            return self.words <= topic_words
        members = [entity for _, entity in _members(event)]
        if self.kind == "actor":
            return any(self.names[0].involves(e) for e in members)
        first, second = self.names
        return any(
            first.involves(a) and second.involves(b) and a.get("id") != b.get("id")
            for a in members
            for b in members
        )

    def is_subject(self, entity: Mapping[str, Any]) -> bool:
        return any(name.involves(entity) for name in self.names)

    def identity(self, ref: Mapping[str, Any]) -> tuple[str, str]:
        """``(key, label)`` of an actor; every spelling of a subject becomes that subject."""
        for index, name in enumerate(self.names):
            if name.matches(ref):
                label = self.labels[index] if index < len(self.labels) else name.query
                return f"subject:{index}", label
        return _key(ref), _label(ref)


def _alias_table(
    aliases: Sequence[str] | Mapping[str, Sequence[str]] | None, main: str | None
) -> dict[str, tuple[str, ...]]:
    if not aliases:
        return {}
    if isinstance(aliases, Mapping):
        return {key: (value,) if isinstance(value, str) else tuple(value)
                for key, value in aliases.items()}
    if main is None:
        raise PresentError(Errors.E603.format(
            reason="a list of aliases needs actor=; for a pair pass "
                                       "a mapping {name: [aliases]}"))
    return {main: (aliases,) if isinstance(aliases, str) else tuple(aliases)}


def _scope(
    actor: str | None,
    pair: tuple[str, str] | None,
    topic: str | None,
    aliases: Sequence[str] | Mapping[str, Sequence[str]] | None,
) -> _Scope:
    given = [name for name, value in (("actor", actor), ("pair", pair), ("topic", topic))
             if value is not None]
    if len(given) != 1:
        raise PresentError(Errors.E603.format(
            reason=f"pass exactly one of actor, pair or topic (got {', '.join(given) or 'none'})"))
    table = _alias_table(aliases, actor)

    def name(query: str) -> _ActorName:
        if not query or not _fold(query):
            raise PresentError(Errors.E603.format(reason=f"empty actor name {query!r}"))
        labels = {_fold(query), *(_fold(a) for a in table.get(query, ()))}
        return _ActorName(query, frozenset(label for label in labels if label))

    if actor is not None:
        return _Scope("actor", (name(actor),), frozenset(), "")
    if pair is not None:
        if len(pair) != 2:
            raise PresentError(Errors.E603.format(
                reason=f"a pair needs two actors, got {len(pair)}"))
        first, second = name(pair[0]), name(pair[1])
        if first.query == second.query or first.labels & second.labels:
            raise PresentError(Errors.E603.format(
                reason=f"the pair names one actor twice: {pair!r}"))
        return _Scope("pair", (first, second), frozenset(), "")
    words = _topic_words(topic or "")
    if not words:
        raise PresentError(Errors.E603.format(reason=f"the topic {topic!r} has no words"))
    return _Scope("topic", (), words, topic or "")


def _subject_label(name: _ActorName, events: Iterable[Mapping[str, Any]]) -> str:
    """The label the sources use most for the actor asked for (ties: alphabetical)."""
    seen: Counter[str] = Counter()
    for event in events:
        for _, entity in _members(event):
            for ref in (entity, entity.get("affiliation")):
                if name.matches(ref):
                    seen[_label(ref)] += 1
    if not seen:
        return name.query
    return min(seen, key=lambda label: (-seen[label], label))


# --------------------------------------------------------------------------- describing events


def _place(event: Mapping[str, Any]) -> str:
    return _label(event.get("location"))


def _describe(event: Mapping[str, Any]) -> str:
    """One sentence (no final stop) saying what happened, from the event's fields only."""
    kind = event.get("type") or "Event"
    participants = list(event.get("participants") or ())
    mediators = list(event.get("mediators") or ())
    hosts = list(event.get("hosts") or ())
    host_ids = {h.get("id") for h in hosts}
    guests = [p for p in participants if p.get("id") not in host_ids]
    outside_hosts = [h for h in hosts if h.get("id") not in {p.get("id") for p in participants}]
    parties = _join([_who(p) for p in participants]) or "unnamed parties"
    place = _place(event)
    topics = _join(list(event.get("topics") or ()))
    at = f" in {place}" if place else ""
    by_mediator = f", with {_join([_who(m) for m in mediators])} mediating" if mediators else ""
    hosted = f", hosted by {_join([_who(h) for h in outside_hosts])}" if outside_hosts else ""

    if kind == "Meeting":
        if hosts and guests and not outside_hosts:
            text = f"{_join([_who(h) for h in hosts])} received {_join([_who(g) for g in guests])}"
            text += at
        elif len(participants) > 1:
            text = f"{parties} met{at}"
        else:
            text = f"{parties} held a meeting{at}"
        return text + hosted + by_mediator + (f", to discuss {topics}" if topics else "")
    if kind == "PhoneCall":
        text = f"{parties} spoke by phone" if len(participants) > 1 else f"{parties} made a call"
        return text + by_mediator + (f", about {topics}" if topics else "")
    if kind == "Visit":
        visitors = _join([_who(g) for g in guests]) or parties
        target = place or _join([_who(h) for h in hosts])
        text = f"{visitors} visited {target}" if target else f"{visitors} made a visit"
        text += hosted if place else ""
        if hosts and place and not outside_hosts:
            text += f", received by {_join([_who(h) for h in hosts])}"
        return text + by_mediator + (f", to discuss {topics}" if topics else "")
    if kind == "Mediation":
        if mediators:
            text = f"{_join([_who(m) for m in mediators])} mediated between {parties}{at}"
        else:
            text = f"Mediated talks between {parties} took place{at}"
        return text + hosted + (f", on {topics}" if topics else "")
    if kind == "Agreement":
        text = f"{parties} reached an agreement{at}" + (f" on {topics}" if topics else "")
        return text + by_mediator
    if kind == "Proposal":
        return f"A proposal involving {parties} was reported{at}" + by_mediator + (
            f", on {topics}" if topics else "")
    if kind == "Threat":
        return f"A threat involving {parties} was reported{at}" + (
            f", concerning {topics}" if topics else "")
    return f"{kind} involving {parties}{at}" + by_mediator + (f", on {topics}" if topics else "")


# --------------------------------------------------------------------------- selection and cites


@dataclass(frozen=True)
class _Cited:
    """A selected event with the source numbers of its sentences."""

    event: Mapping[str, Any]
    cites: tuple[int, ...]

    @property
    def date(self) -> str:
        return str(self.event.get("date") or "undated")


def _sort_key(event: Mapping[str, Any]) -> tuple[date, date, str, str]:
    found = _period(event.get("date")) or (date.max, date.max)
    return found[0], found[1], str(event.get("type") or ""), str(event.get("id") or "")


def _number_sources(events: Sequence[Mapping[str, Any]]) -> tuple[list[_Cited], list[Source]]:
    """Number every distinct source sentence in chronological order of the events."""
    numbers: dict[tuple[Any, ...], int] = {}
    sources: list[Source] = []
    cited: list[_Cited] = []
    for event in events:
        mine: list[int] = []
        for src in event.get("sources") or ():
            article = str(src.get("article") or src.get("url") or "unknown article")
            key = (article, src.get("start"), src.get("end"), src.get("evidence") or "")
            if key not in numbers:
                numbers[key] = len(sources) + 1
                sources.append(Source(
                    number=numbers[key], article=article, title=src.get("title"),
                    url=src.get("url"), published=src.get("published"),
                    quote=str(src.get("evidence") or ""), start=src.get("start"),
                    end=src.get("end"),
                ))
            if numbers[key] not in mine:
                mine.append(numbers[key])
        cited.append(_Cited(event, tuple(sorted(mine))))
    return cited, sources


def _cites_of(items: Iterable[_Cited]) -> tuple[int, ...]:
    return tuple(sorted({n for item in items for n in item.cites}))


# --------------------------------------------------------------------------- sections


def _principal(entity: Mapping[str, Any]) -> Mapping[str, Any]:
    """The state or organisation a person acts for, else the entity itself."""
    affiliation = entity.get("affiliation")
    if affiliation and (affiliation.get("id") or affiliation.get("label")):
        return affiliation
    return entity


def _grouped(
    scope: _Scope, cited: Sequence[_Cited], capacity: str, keep: Any
) -> list[tuple[str, list[str], list[_Cited]]]:
    """Principals acting in ``capacity`` (most events first): ``(label, people, events)``."""
    labels: dict[str, str] = {}
    people: dict[str, set[str]] = defaultdict(set)
    events: dict[str, list[_Cited]] = defaultdict(list)
    for item in cited:
        seen: set[str] = set()
        for role, entity in _members(item.event):
            if role != capacity or not keep(entity):
                continue
            key, label = scope.identity(_principal(entity))
            labels[key] = label
            if _label(entity) != label:
                people[key].add(_label(entity))
            if key not in seen:
                seen.add(key)
                events[key].append(item)
    order = sorted(events, key=lambda k: (-len(events[k]), labels[k], k))
    return [(labels[k], sorted(people[k]), events[k]) for k in order]


def _group_segments(groups: Sequence[tuple[str, list[str], list[_Cited]]]) -> list[Segment]:
    """``China (2 events: Qin Gang, Xi Jinping) [1][2], Egypt (1 event) [3] and …``."""
    segments: list[Segment] = []
    for index, (label, people, items) in enumerate(groups):
        if index:
            segments.append(Segment(" and " if index == len(groups) - 1 else ", "))
        shown = people if len(people) <= 3 else [*people[:2], f"{len(people) - 2} others"]
        names = f": {_join(shown)}" if people else ""
        text = f"{label} ({_count(len(items), 'event')}{names})"
        segments.append(Segment(text, _cites_of(items)))
    return segments


def _bluf(scope: _Scope, subject: str, cited: Sequence[_Cited]) -> tuple[Claim, ...]:
    dated = [c for c in cited if _period(c.event.get("date"))]
    first, last = (dated[0], dated[-1]) if dated else (cited[0], cited[-1])
    kinds = Counter(str(c.event.get("type") or "Event") for c in cited)
    breakdown = _join([
        _count(kinds[k], *_PLURALS.get(k, (k.lower(), k.lower() + "s")))
        for k in sorted(kinds, key=lambda k: (-kinds[k], k))
    ])
    sentences = {n for c in cited for n in c.cites}
    n_articles = len({src.get("article") for c in cited for src in c.event.get("sources") or ()})
    about = {
        "actor": f"involving {subject}",
        "pair": f"involving both {subject}",
        "topic": f"on the topic “{subject}”",
    }[scope.kind]
    if not dated:
        opening = "The sources record"
    elif dated[0].date == dated[-1].date:
        opening = f"On {dated[0].date}, the sources record"
    else:
        opening = f"Between {dated[0].date} and {dated[-1].date}, the sources record"
    claims = [Claim((
        Segment(f"{opening} {_count(len(cited), 'event')} {about} ({breakdown}), drawn from "
                f"{_count(n_articles, 'article')} and {_count(len(sentences), 'sentence')}",
                _cites_of(cited)),
        Segment("."),
    ))]

    others = _grouped(scope, cited, "participant", lambda e: not scope.is_subject(e))[:3]
    if others:
        one, many = {
            "actor": (f"The most frequent counterpart of {subject} was ",
                      f"The most frequent counterparts of {subject} were "),
            "pair": ("The other actor taking part was ", "Other actors taking part were "),
            "topic": ("The actor most often taking part was ",
                      "The actors most often taking part were "),
        }[scope.kind]
        lead = one if len(others) == 1 else many
        claims.append(Claim((Segment(lead), *_group_segments(others), Segment("."))))

    mediators = _grouped(scope, cited, "mediator", lambda e: True)[:3]
    hosts = _grouped(scope, cited, "host", lambda e: True)[:3]
    parts: list[Segment] = []
    if mediators:
        parts += [Segment("Mediation came from "), *_group_segments(mediators)]
    if hosts:
        parts += [Segment("; hosts were " if parts else "Hosts were "), *_group_segments(hosts)]
    if parts:
        claims.append(Claim((*parts, Segment("."))))

    agreements = [c for c in cited if c.event.get("type") == "Agreement"]
    if agreements:
        latest = agreements[-1]
        parties = _join([_label(p) for p in latest.event.get("participants") or ()])
        topics = _join(list(latest.event.get("topics") or ()))
        what = f"between {parties or 'unnamed parties'}" + (f" on {topics}" if topics else "")
        if len(agreements) == 1:
            segments = (Segment(f"One agreement is recorded, dated {latest.date}, {what}",
                                latest.cites),)
        else:
            segments = (
                Segment(f"{len(agreements)} agreements are recorded", _cites_of(agreements)),
                Segment(f"; the latest, dated {latest.date}, is {what}", latest.cites),
            )
        claims.append(Claim((*segments, Segment("."))))

    if len(claims) < 4 and first is not last:
        claims.append(Claim((
            Segment(f"The first recorded development ({first.date}): {_describe(first.event)}",
                    first.cites),
            Segment("."),
        )))
    claims.append(Claim((
        Segment(f"The latest development ({last.date}): {_describe(last.event)}", last.cites),
        Segment("."),
    )))
    return tuple(claims[:5])


def _meeting_rows(cited: Sequence[_Cited]) -> tuple[MeetingRow, ...]:
    rows = []
    for item in cited:
        event = item.event
        if event.get("type") not in CONTACT_TYPES:
            continue
        roles = [f"mediator: {_who(m)}" for m in event.get("mediators") or ()]
        roles += [f"host: {_who(h)}" for h in event.get("hosts") or ()]
        rows.append(MeetingRow(
            date=item.date,
            kind=_PLURALS.get(str(event.get("type")), (str(event.get("type")),))[0],
            place=_place(event) or "—",
            participants="; ".join(_who(p) for p in event.get("participants") or ()) or "—",
            mediators_or_hosts="; ".join(roles) or "—",
            topics="; ".join(event.get("topics") or ()) or "—",
            cites=item.cites,
        ))
    return tuple(rows)


def _actor_rows(cited: Sequence[_Cited]) -> tuple[ActorRow, ...]:
    entities: dict[str, Mapping[str, Any]] = {}
    events: dict[str, list[_Cited]] = defaultdict(list)
    capacities: dict[str, Counter[str]] = defaultdict(Counter)
    roles: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for item in cited:
        for capacity, entity in _members(item.event):
            key = str(entity.get("id") or _label(entity))
            entities[key] = entity
            capacities[key][capacity] += 1
            if not events[key] or events[key][-1] is not item:
                events[key].append(item)
            if entity.get("role"):
                dates = roles[key][str(entity["role"])]
                if item.date not in dates:
                    dates.append(item.date)
    rows = []
    for key in sorted(entities, key=lambda k: (-len(events[k]), _label(entities[k]), k)):
        entity = entities[key]
        role_text = "; ".join(
            f"{role} ({dates[0]}{' – ' + dates[-1] if len(dates) > 1 else ''})"
            for role, dates in roles[key].items()
        )
        rows.append(ActorRow(
            label=_label(entity),
            type=str(entity.get("type") or "—"),
            affiliation=_label(entity.get("affiliation")) or "—",
            roles=role_text or "—",
            capacities=", ".join(f"{c} ×{n}" for c, n in sorted(capacities[key].items())),
            events=len(events[key]),
            cites=_cites_of(events[key]),
        ))
    return tuple(rows)


def _agreement_rows(cited: Sequence[_Cited]) -> tuple[AgreementRow, ...]:
    return tuple(
        AgreementRow(
            date=item.date,
            parties="; ".join(_who(p) for p in item.event.get("participants") or ()) or "—",
            mediators="; ".join(_who(m) for m in item.event.get("mediators") or ()) or "—",
            place=_place(item.event) or "—",
            topics="; ".join(item.event.get("topics") or ()) or "—",
            cites=item.cites,
        )
        for item in cited
        if item.event.get("type") == "Agreement"
    )


# --------------------------------------------------------------------------- figures


def _png(figure: Any) -> str:
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    FigureCanvasAgg(figure)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=150, metadata={"Software": None})
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def _short(text: str, width: int = 26) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _actor_graph(scope: _Scope, cited: Sequence[_Cited], *, grouped: bool = False) -> Any:
    """Actors as nodes; edges say how two actors were linked, with a count of events.

    Persons are linked to the state or organisation they are affiliated with, so that a
    state's ministers gather around it; with ``grouped``, they are merged into it instead.
    """
    import networkx as nx

    graph = nx.Graph()
    counts: Counter[str] = Counter()

    def add_node(entity: Mapping[str, Any]) -> str:
        ref = _principal(entity) if grouped else entity
        kind = entity.get("type") if ref is entity else None
        key, label = scope.identity(ref)
        if key not in graph:
            graph.add_node(key, label=label, type=kind, subject=key.startswith("subject:"))
        elif kind and not graph.nodes[key]["type"]:
            graph.nodes[key]["type"] = kind
        return key

    def link(a: str, b: str, how: str) -> None:
        if a == b:
            return
        a, b = sorted((a, b))
        if graph.has_edge(a, b):
            graph[a][b]["weight"] += 1
            if _EDGE_STYLES[how][1] < _EDGE_STYLES[graph[a][b]["how"]][1]:
                graph[a][b]["how"] = how
        else:
            graph.add_edge(a, b, weight=1, how=how)

    for item in cited:
        event = item.event
        counts.update({add_node(e) for _, e in _members(event)})
        parts = [add_node(p) for p in event.get("participants") or ()]
        for i, a in enumerate(parts):
            for b in parts[i + 1:]:
                link(a, b, "took part together")
        for capacity in ("mediator", "host"):
            for entity in event.get(capacity + "s") or ():
                for p in parts:
                    link(add_node(entity), p, capacity)
        for _, entity in _members(event):
            affiliation = entity.get("affiliation")
            if not grouped and affiliation and (affiliation.get("id") or affiliation.get("label")):
                key, label = scope.identity(affiliation)
                if key not in graph:
                    graph.add_node(key, label=label, type=None,
                                   subject=key.startswith("subject:"))
                link(add_node(entity), key, "affiliated with")
    for key in graph:
        graph.nodes[key]["events"] = counts[key]
    return graph


_EDGE_STYLES = {  # how -> (line style, priority when two links coincide)
    "took part together": ("solid", 0),
    "mediator": ("dashed", 1),
    "host": ((0, (1, 1.5)), 2),
    "affiliated with": ((0, (4, 2, 1, 2)), 3),
}


def _layout(graph: Any) -> dict[str, tuple[float, float]]:
    """Spring layout per connected component, components side by side (biggest first)."""
    import networkx as nx

    components = sorted(nx.connected_components(graph), key=lambda c: (-len(c), min(c)))
    per_row = max(1, round(len(components) ** 0.5 * 1.5))
    positions: dict[str, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for index, nodes in enumerate(components):
        if index and index % per_row == 0:
            x, y, row_height = 0.0, y - row_height - 0.45, 0.0
        size = 0.35 + 0.55 * len(nodes) ** 0.5
        if len(nodes) == 1:
            local = {next(iter(nodes)): (0.0, 0.0)}
        else:
            sub = graph.subgraph(sorted(nodes))
            local = nx.spring_layout(sub, seed=7, iterations=200, k=1.6 / len(nodes) ** 0.5)
        for key, (px, py) in local.items():
            positions[key] = (x + size * (float(px) + 1) / 2, y - size * (1 - float(py)) / 2)
        x += size + 0.45
        row_height = max(row_height, size)
    return positions


def _network_chart(scope: _Scope, cited: Sequence[_Cited]) -> Chart:
    import networkx as nx
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

    full = _actor_graph(scope, cited)
    grouped = len(full) > MAX_NETWORK_PEOPLE
    if grouped:
        full = _actor_graph(scope, cited, grouped=True)
    ranked = sorted(full, key=lambda k: (-full.nodes[k]["events"], -full.degree(k), k))
    graph = nx.Graph()
    graph.add_nodes_from((k, full.nodes[k]) for k in sorted(ranked[:MAX_NETWORK_ACTORS]))
    graph.add_edges_from(sorted((a, b, d) for a, b, d in full.edges(data=True)
                                if a in graph and b in graph))

    figure = Figure(figsize=(8.0, 4.6 if len(graph) <= 12 else 6.0), layout="constrained")
    ax = figure.add_subplot()
    ax.set_axis_off()
    positions = _layout(graph)
    for a, b, data in sorted(graph.edges(data=True)):
        (x1, y1), (x2, y2) = positions[a], positions[b]
        affiliation = data["how"] == "affiliated with"
        ax.plot([x1, x2], [y1, y2], zorder=1, linestyle=_EDGE_STYLES[data["how"]][0],
                color="#b9bec6" if affiliation else "#6b7280",
                linewidth=0.8 if affiliation else 0.9 + 0.7 * min(data["weight"], 4))
    for key in graph:
        data = graph.nodes[key]
        x, y = positions[key]
        size = 110 + 70 * min(data["events"], 6)
        ax.scatter([x], [y], s=size, zorder=2,
                   color=_TYPE_COLOURS.get(data["type"] or "State", "#777777"),
                   alpha=1.0 if data["type"] or grouped else 0.55,
                   edgecolors="#111111" if data["subject"] else "white",
                   linewidths=2.2 if data["subject"] else 1.0)
        ax.annotate(_short(data["label"]), (x, y), xytext=(0, -(size**0.5) / 2 - 3),
                    textcoords="offset points", ha="center", va="top", fontsize=7.5,
                    annotation_clip=False, parse_math=False, zorder=3,
                    fontweight="bold" if data["subject"] else "normal",
                    bbox={"boxstyle": "round,pad=0.12", "fc": "white", "ec": "none",
                          "alpha": 0.85})
    xs = [p[0] for p in positions.values()]
    ys = [p[1] for p in positions.values()]
    ax.set_xlim(min(xs) - 0.25, max(xs) + 0.25)
    ax.set_ylim(min(ys) - 0.22, max(ys) + 0.12)
    present = {graph.nodes[k]["type"] or "State" for k in graph}
    handles = [Line2D([], [], marker="o", linestyle="", color=colour, label=kind, markersize=7)
               for kind, colour in _TYPE_COLOURS.items() if kind in present]
    handles += [Line2D([], [], color="#6b7280", linestyle=style, label=how)
                for how, (style, _) in _EDGE_STYLES.items() if not grouped or how in _LINKS]
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=7,
              frameon=False)
    what = "States and organisations, with their people merged in," if grouped else "Actors"
    more = f", the {len(graph)} most active of {len(full)} shown" if len(graph) < len(full) else ""
    pale = "" if grouped else "; pale nodes: affiliations only"
    caption = Claim((
        Segment(f"{what} of the {_count(len(cited), 'selected event')}{more}; bold outline: the "
                f"subject{pale}; line style: how they were linked", _cites_of(cited)),
        Segment("."),
    ))
    alt = "Network of actors: " + ", ".join(graph.nodes[k]["label"] for k in graph)
    return Chart(caption, alt, _png(figure))


_LINKS = ("took part together", "mediator", "host")


def _timeline_chart(cited: Sequence[_Cited]) -> Chart | None:
    from matplotlib import dates as mdates
    from matplotlib.figure import Figure

    dated = [(c, found[0]) for c in cited if (found := _period(c.event.get("date")))]
    if not dated:
        return None
    kinds = sorted({str(c.event.get("type")) for c, _ in dated},
                   key=lambda k: (list(_PLURALS).index(k) if k in _PLURALS else 99, k))
    first = min(day for _, day in dated)
    last = max(day for _, day in dated)
    span = max((last - first).days, 1)
    labelled = len(dated) <= MAX_TIMELINE_LABELS
    near = span * (0.24 if labelled else 0.012)  # days a label (or a dot) takes up
    placed: dict[str, list[tuple[date, int]]] = defaultdict(list)
    rows: list[tuple[_Cited, date, str, int]] = []
    for item, day in dated:
        kind = str(item.event.get("type"))
        taken = {lvl for d, lvl in placed[kind] if abs((day - d).days) <= near}
        level = min(set(range(len(taken) + 1)) - taken)
        placed[kind].append((day, level))
        rows.append((item, day, kind, level))
    step = 0.32
    base: dict[str, float] = {}
    y = 0.0
    for kind in kinds:
        base[kind] = y
        y += step * max(lvl for _, lvl in placed[kind]) + 0.75
    figure = Figure(figsize=(8.0, 1.0 + 0.75 * y), layout="constrained")
    ax = figure.add_subplot()
    for item, day, kind, level in rows:
        x, y_dot = mdates.date2num(day), base[kind] + step * level
        ax.scatter([x], [y_dot], s=50, zorder=3, color=_EVENT_COLOURS.get(kind, "#555555"),
                   edgecolors="white")
        if labelled:
            names = [_label(p) for p in item.event.get("participants") or ()][:2]
            note = _place(item.event) or " – ".join(_short(n, 14) for n in names)
            ax.annotate(_short(note, 24), (x, y_dot), xytext=(5, 3), textcoords="offset points",
                        fontsize=7, parse_math=False, annotation_clip=False)
    ax.set_xlim(mdates.date2num(first) - max(span * 0.05, 3),
                mdates.date2num(last) + max(span * (0.24 if labelled else 0.05), 12))
    locator = mdates.AutoDateLocator(maxticks=8)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.set_yticks([base[k] for k in kinds], [_PLURALS.get(k, (k,))[0] for k in kinds],
                  fontsize=8)
    ax.set_ylim(-0.45, y - 0.45)
    ax.tick_params(axis="x", labelsize=8)
    ax.tick_params(axis="y", length=0)
    ax.grid(axis="x", color="#e3e6ea", linewidth=0.6)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    labels = ", labelled with the place or the first participants" if labelled else ""
    caption = Claim((
        Segment(f"The {_count(len(dated), 'dated event')} by date and kind{labels}",
                _cites_of(c for c, _ in dated)),
        Segment("."),
    ))
    alt = f"Timeline of {_count(len(dated), 'event')} from {first} to {last}"
    return Chart(caption, alt, _png(figure))


# --------------------------------------------------------------------------- build


def build_brief(
    events: Sequence[Mapping[str, Any]],
    *,
    actor: str | None = None,
    pair: tuple[str, str] | None = None,
    topic: str | None = None,
    since: str | None = None,
    until: str | None = None,
    aliases: Sequence[str] | Mapping[str, Sequence[str]] | None = None,
) -> Brief:
    """Build the briefing on one actor, one pair of actors or one topic.

    Parameters
    ----------
    events
        Event dicts of the events contract (``kg query events --format json``).
    actor
        An actor id, or a label matched without case or diacritics ("Turkiye" finds
        "Türkiye"). Persons affiliated with the actor count as the actor.
    pair
        Two actors; selects events where both take part (participant, mediator or host).
    topic
        Words that must all occur in an event's topics (a final plural "s" is ignored).
    since, until
        Inclusive bounds, ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``. Events overlapping the
        period are kept; undated events are dropped when a bound is given.
    aliases
        More labels of ``actor`` (a list), or of any name given (a mapping name -> labels).

    Returns
    -------
    Brief
        Every factual sentence of it cites the numbered source sentences it rests on.

    Raises
    ------
    PresentError
        [E603] unless exactly one of ``actor``/``pair``/``topic`` is given, [E605] for a bad
        date, [E602] when no event is selected.

    Examples
    --------
    >>> event = {"id": "e1", "type": "PhoneCall", "date": "2023-11-21", "location": None,
    ...     "participants": [{"id": "a", "label": "Ana", "type": "Person", "role": None,
    ...                        "affiliation": {"id": "s", "label": "Ruritania"}},
    ...                       {"id": "b", "label": "Bo", "type": "Person", "role": None,
    ...                        "affiliation": None}],
    ...     "mediators": [], "hosts": [], "topics": ["trade"],
    ...     "sources": [{"article": "art-1", "title": "T", "url": None, "published": None,
    ...                  "evidence": "Ana phoned Bo about trade.", "start": 0, "end": 26}]}
    >>> brief = build_brief([event], actor="ruritania")
    >>> brief.timeline[0].claim.text
    'Ana (Ruritania) and Bo spoke by phone, about trade.'
    >>> brief.timeline[0].claim.cites, brief.sources[0].quote
    ((1,), 'Ana phoned Bo about trade.')
    """
    scope = _scope(actor, pair, topic, aliases)
    start = _bound(since, "since")
    end = _bound(until, "until")
    if start and end and start[0] > end[1]:
        raise PresentError(Errors.E603.format(reason=f"since {since} is after until {until}"))

    def in_period(event: Mapping[str, Any]) -> bool:
        if start is None and end is None:
            return True
        found = _period(event.get("date"))
        if found is None:
            return False
        return (start is None or found[1] >= start[0]) and (end is None or found[0] <= end[1])

    chosen = sorted(
        (e for e in events if e.get("sources") and scope.selects(e) and in_period(e)),
        key=_sort_key,
    )
    if scope.kind == "topic":
        subject = scope.topic
    else:
        scope = replace(scope, labels=tuple(_subject_label(n, chosen or events)
                                            for n in scope.names))
        subject = " and ".join(scope.labels)
    if not chosen:
        if scope.kind == "topic":
            what = f"no event has the topic words {scope.topic!r}"
        elif scope.kind == "actor":
            what = f"no event involves {scope.names[0].query!r}"
        else:
            what = f"no event involves both {scope.names[0].query!r} and {scope.names[1].query!r}"
        when = (f"between {since or 'the earliest date'} and {until or 'the latest date'}"
                if since or until else "at any date")
        raise PresentError(Errors.E602.format(reason=f"{what} {when}"))

    cited, sources = _number_sources(chosen)
    dated = [c for c in cited if _period(c.event.get("date"))]
    if dated and dated[0].date == dated[-1].date:
        period = Claim((Segment(dated[0].date, _cites_of(dated)),))
    elif dated:
        period = Claim((Segment(dated[0].date, dated[0].cites), Segment(" to "),
                        Segment(dated[-1].date, dated[-1].cites)))
    else:
        period = Claim((Segment("undated events only", _cites_of(cited)),))
    requested = " ".join(filter(None, [f"since {since}" if since else "",
                                       f"until {until}" if until else ""])) or "all dates"
    if scope.kind == "actor":
        name = scope.names[0]
        others = sorted(a for a in _alias_table(aliases, actor).get(name.query, ()))
        also = f" (also matched as: {', '.join(others)})" if others else ""
        scope_text = (f"Actor {subject}{also}, including persons affiliated with it; "
                      f"events where it takes part, mediates or hosts")
        title = f"Briefing: {subject}"
    elif scope.kind == "pair":
        scope_text = (f"Pair {subject}: events where both take part, mediate or host, "
                      f"persons affiliated with them included")
        title = f"Briefing: {' – '.join(scope.labels)}"
    else:
        scope_text = f"Topic “{subject}”: events whose topics contain all of its words"
        title = f"Briefing on “{subject}”"

    timeline = tuple(
        TimelineEntry(c.date, Claim((Segment(_describe(c.event), c.cites), Segment("."))))
        for c in cited
    )
    charts = [_network_chart(scope, cited)]
    timeline_chart = _timeline_chart(cited)
    if timeline_chart:
        charts.append(timeline_chart)
    return Brief(
        title=title,
        scope=scope_text,
        requested_period=requested,
        period=period,
        bluf=_bluf(scope, subject, cited),
        timeline=timeline,
        meetings=_meeting_rows(cited),
        actors=_actor_rows(cited),
        agreements=_agreement_rows(cited),
        charts=tuple(charts),
        sources=tuple(sources),
    )


# --------------------------------------------------------------------------- render


class _MdSafe(str):
    """Markdown produced by this module, not to be escaped again."""


_MD_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "\\": "\\\\", "`": "\\`", "*": "\\*",
               "_": "\\_", "[": "\\[", "]": "\\]", "|": "\\|", "~": "\\~", "#": "\\#"}


def _md_escape(value: Any) -> str:
    """Escape text for Markdown, and for HTML should the Markdown be rendered later."""
    if isinstance(value, _MdSafe):
        return value
    text = re.sub(r"\s+", " ", str("" if value is None else value))
    return "".join(_MD_ESCAPES.get(ch, ch) for ch in text)


def _md_cites(cites: Sequence[int]) -> _MdSafe:
    shown = [f"[[{n}]](#src-{n})" for n in cites[:MAX_INLINE_CITES]]
    if len(cites) > MAX_INLINE_CITES:
        shown.append("[…](#sources)")
    return _MdSafe("".join(shown))


def _md_claim(claim: Claim) -> _MdSafe:
    return _MdSafe("".join(
        _md_escape(s.text) + (" " + _md_cites(s.cites) if s.cites else "") for s in claim.segments
    ))


def _md_url(url: str | None) -> _MdSafe:
    safe = _safe_url(url)
    return _MdSafe(f"<{safe}>") if safe else _MdSafe(_md_escape(url or "no URL"))


def _html_cites(cites: Sequence[int]) -> Markup:
    shown = [Markup('<a class="cite" href="#src-{0}">[{0}]</a>').format(n)
             for n in cites[:MAX_INLINE_CITES]]
    if len(cites) > MAX_INLINE_CITES:
        shown.append(Markup('<a class="cite" href="#sources" title="more sources">[…]</a>'))
    return Markup('<sup class="cites">{}</sup>').format(Markup("").join(shown))


def _html_claim(claim: Claim) -> Markup:
    return Markup("").join(
        escape(s.text) + (_html_cites(s.cites) if s.cites else Markup(""))
        for s in claim.segments
    )


def _html_url(url: str | None) -> Markup:
    safe = _safe_url(url)
    if safe:
        return Markup('<a href="{0}">{1}</a>').format(safe, _short(safe, 80))
    return escape(url or "no URL")


def _environment(kind: Literal["md", "html"]) -> Any:
    import jinja2

    loader = jinja2.FileSystemLoader(str(TEMPLATES))
    if kind == "html":
        env = jinja2.Environment(loader=loader, autoescape=True, keep_trailing_newline=True,
                                 undefined=jinja2.StrictUndefined)
        env.filters.update(claim=_html_claim, cites=_html_cites, url=_html_url)
    else:
        env = jinja2.Environment(loader=loader, autoescape=False, keep_trailing_newline=True,
                                 finalize=_md_escape, undefined=jinja2.StrictUndefined)
        env.filters.update(claim=_md_claim, cites=_md_cites, url=_md_url)
    return env


def render_markdown(brief: Brief) -> str:
    """The brief as Markdown; figures are inline ``data:`` PNGs, text is escaped."""
    return str(_environment("md").get_template("brief.md.j2").render(brief=brief))


def render_html(brief: Brief) -> str:
    """The brief as one self-contained HTML page (inline CSS and images, no scripts)."""
    return str(_environment("html").get_template("brief.html.j2").render(brief=brief))


def render_pdf(brief: Brief, path: str | Path) -> Path:
    """Write the brief as PDF through WeasyPrint and return the path.

    Raises
    ------
    PresentError
        [E601] when WeasyPrint cannot run (missing system libraries) or the file cannot be
        written.
    """
    target = Path(path)
    try:
        import weasyprint

        weasyprint.HTML(string=render_html(brief)).write_pdf(target)
    except OSError as error:
        raise PresentError(Errors.E601.format(path=target, reason=error)) from error
    return target


def write_brief(
    events: Sequence[Mapping[str, Any]],
    path: str | Path,
    *,
    format: str = "md",
    **scope: Any,
) -> Path:
    """Build the brief selected by ``scope`` (see :func:`build_brief`) and write it to ``path``.

    Raises
    ------
    PresentError
        [E604] for an unknown format, [E601] when the file cannot be written, and whatever
        :func:`build_brief` raises.
    """
    if format not in FORMATS:
        raise PresentError(Errors.E604.format(value=format, choices=", ".join(FORMATS)))
    brief = build_brief(events, **scope)
    target = Path(path)
    if format == "pdf":
        return render_pdf(brief, target)
    text = render_markdown(brief) if format == "md" else render_html(brief)
    try:
        target.write_text(text, encoding="utf-8")
    except OSError as error:
        raise PresentError(Errors.E601.format(path=target, reason=error)) from error
    return target
