"""Validation suite of the event extractor: our own sentences, expected events, scores.

Records live in ``tests/validation/<category>.yaml`` (format: ``docs/validation.md``).
Each record is a short article and the events an analyst expects from it. The runner
extracts every record with the real pipeline, matches predicted events to expected ones
and counts, per category, true positives (matched), false positives (predicted, not
expected) and false negatives (expected, not predicted), with the accuracy of each
matched event's attributes.

Run ``python -m kg.tools.validation [--category X] [--verbose] [--json]``.

Matching: an expected and a predicted event match when their types are equal and their
parties (participants and hosts, mediators aside) overlap by a Jaccard index of at least
0.5. Names are compared casefolded and without diacritics; a name also matches an
actor the actor base knows it as (:meth:`loaders.actors.ActorBase.lookup`), and a
surname alone matches a person's full name.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from kg.errors import Errors, KGError, LoadError
from kg.types import EVENT_TYPES, Actor, Article, Event, Extraction, Place
from loaders.actors import ActorBase, normalize

__all__ = [
    "CATEGORIES", "RECORDS_DIR", "CategoryScore", "EventMatch", "ExpectedActor",
    "ExpectedEvent", "Record", "RecordScore", "Suite", "load_records", "main",
    "names_match", "run_suite", "score_record", "summarize",
]

RECORDS_DIR = Path(__file__).resolve().parents[2] / "tests" / "validation"
CATEGORIES: tuple[str, ...] = (
    "meetings", "calls", "visits", "mediation", "agreements", "proposals", "threats",
    "negation_future", "coreference", "titles_roles", "dates", "locations",
    "multi_sentence", "summits", "gatherings", "parties", "references", "time_anchors",
    "word_senses", "boilerplate", "background", "readouts", "narrative", "topics",
    "lists",
)
MATCH_THRESHOLD = 0.5
# Events the extractor infers rather than reads, that annotators differ on listing (a visit
# implied by a meeting abroad): matched when a record lists them, never counted as false.
INFERRED = frozenset({"kg.events.v1:visit-abroad"})
# Lower-case particles that may open a surname ("al-Sudani", "bin Salman", "von der Leyen").
PARTICLES = frozenset({"al", "el", "bin", "ibn", "bint", "de", "del", "della", "di", "da",
                       "van", "von", "der", "le", "la", "abu", "ould"})

_RECORD_KEYS = {"id", "text", "published", "events", "note"}
_EVENT_KEYS = {"type", "participants", "mediators", "hosts", "location", "date", "topics",
               "optional", "note"}
_ACTOR_KEYS = {"name", "affiliation"}


# ----------------------------------------------------------------------------- records


@dataclass(frozen=True)
class ExpectedActor:
    """An actor an analyst expects: one name or several acceptable ones, maybe its state."""

    names: tuple[str, ...]
    affiliation: str | None = None

    def __str__(self) -> str:
        text = " | ".join(self.names)
        return f"{text} ({self.affiliation})" if self.affiliation else text


@dataclass(frozen=True)
class ExpectedEvent:
    """An event an analyst expects; unchecked attributes have ``checks_* = False``.

    ``optional`` events are acceptable readings that are not required: predicting one
    is not a false positive, missing one is not a false negative.
    """

    type: str
    participants: tuple[ExpectedActor, ...]
    mediators: tuple[ExpectedActor, ...] = ()
    hosts: tuple[ExpectedActor, ...] = ()
    checks_hosts: bool = False
    location: tuple[str, ...] = ()
    checks_location: bool = False
    date: str | None = None
    checks_date: bool = False
    topics: tuple[str, ...] = ()
    optional: bool = False

    def parties(self) -> tuple[ExpectedActor, ...]:
        """Participants and hosts (once each), without the mediators."""
        mediators = {_key_of(m) for m in self.mediators}
        seen: dict[str, ExpectedActor] = {}
        for actor in (*self.participants, *self.hosts):
            if _key_of(actor) not in mediators:
                seen.setdefault(_key_of(actor), actor)
        return tuple(seen.values())


@dataclass(frozen=True)
class Record:
    """One validation record: a short article and the events it reports."""

    id: str
    category: str
    text: str
    events: tuple[ExpectedEvent, ...]
    published: date | None = None
    note: str = ""
    path: str = ""


def _key_of(actor: ExpectedActor) -> str:
    return normalize(actor.names[0])


def _fail(path: Path | str, record: object, reason: str) -> LoadError:
    return LoadError(Errors.E106.format(path=path, record=record, reason=reason))


def _as_text(value: Any) -> str:
    return value.isoformat() if isinstance(value, date) else str(value)


def _parse_actor(raw: Any, path: Path, rid: str) -> ExpectedActor:
    if isinstance(raw, Mapping):
        unknown = set(raw) - _ACTOR_KEYS
        if unknown or "name" not in raw:
            raise _fail(path, rid, f"an actor needs 'name' and may have 'affiliation', "
                                   f"got {sorted(raw)}")
        names, affiliation = raw["name"], raw.get("affiliation")
    else:
        names, affiliation = raw, None
    if isinstance(names, str):
        names = [n.strip() for n in names.split("|")]
    if not isinstance(names, list) or not names or not all(isinstance(n, str) and n
                                                          for n in names):
        raise _fail(path, rid, f"bad actor name {raw!r}: give a string, 'A | B' or a list")
    return ExpectedActor(tuple(names), str(affiliation) if affiliation else None)


def _parse_actors(raw: Any, path: Path, rid: str) -> tuple[ExpectedActor, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise _fail(path, rid, f"expected a list of actors, got {raw!r}")
    return tuple(_parse_actor(item, path, rid) for item in raw)


def _parse_event(raw: Any, path: Path, rid: str) -> ExpectedEvent:
    if not isinstance(raw, Mapping):
        raise _fail(path, rid, f"an event must be a mapping, got {raw!r}")
    unknown = set(raw) - _EVENT_KEYS
    if unknown:
        raise _fail(path, rid, f"unknown event keys {sorted(unknown)}; "
                               f"expected some of {sorted(_EVENT_KEYS)}")
    if raw.get("type") not in EVENT_TYPES:
        raise _fail(path, rid, f"event type {raw.get('type')!r}: expected one of "
                               f"{', '.join(EVENT_TYPES)}")
    participants = _parse_actors(raw.get("participants"), path, rid)
    hosts = _parse_actors(raw.get("hosts"), path, rid)
    if not participants and not hosts:
        raise _fail(path, rid, "an expected event needs at least one participant")
    location = raw.get("location")
    if isinstance(location, str):
        location = [part.strip() for part in location.split("|")]
    if location is not None and not isinstance(location, list):
        raise _fail(path, rid, f"bad location {location!r}: a label, 'A | B', a list or null")
    day = raw.get("date")
    day = _as_text(day) if day is not None else None
    if day is not None and not _is_partial_iso(day):
        raise _fail(path, rid, f"bad date {day!r}: expected YYYY-MM-DD, YYYY-MM, YYYY or null")
    topics = raw.get("topics") or []
    if not isinstance(topics, list):
        raise _fail(path, rid, f"topics must be a list of keywords, got {topics!r}")
    return ExpectedEvent(
        type=raw["type"], participants=participants,
        mediators=_parse_actors(raw.get("mediators"), path, rid),
        hosts=hosts, checks_hosts="hosts" in raw,
        location=tuple(location or ()), checks_location="location" in raw,
        date=day, checks_date="date" in raw,
        topics=tuple(str(t) for t in topics), optional=bool(raw.get("optional", False)))


def _is_partial_iso(value: str) -> bool:
    parts = value.split("-")
    if not 1 <= len(parts) <= 3 or len(parts[0]) != 4:
        return False
    try:
        date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 1,
             int(parts[2]) if len(parts) > 2 else 1)
    except ValueError:
        return False
    return all(len(p) == 2 for p in parts[1:])


def read_record_file(path: Path) -> list[Record]:
    """The records of one category file.

    Raises
    ------
    LoadError
        When the file or one of its records is malformed.
    """
    try:
        data = yaml.safe_load(path.read_text("utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise _fail(path, "-", str(exc).splitlines()[0]) from exc
    if not isinstance(data, Mapping) or not isinstance(data.get("records"), list):
        raise _fail(path, "-", "expected a mapping with 'category' and a list 'records'")
    category = data.get("category", path.stem)
    if category not in CATEGORIES:
        raise _fail(path, "-", f"unknown category {category!r}: expected one of "
                               f"{', '.join(CATEGORIES)}")
    records = []
    for index, raw in enumerate(data["records"]):
        rid = raw.get("id", f"#{index}") if isinstance(raw, Mapping) else f"#{index}"
        if not isinstance(raw, Mapping) or not raw.get("text") or not raw.get("id"):
            raise _fail(path, rid, "a record needs 'id' and 'text'")
        unknown = set(raw) - _RECORD_KEYS
        if unknown:
            raise _fail(path, rid, f"unknown record keys {sorted(unknown)}; "
                                   f"expected some of {sorted(_RECORD_KEYS)}")
        published = raw.get("published")
        if published is not None and not isinstance(published, date):
            try:
                published = date.fromisoformat(str(published))
            except ValueError as exc:
                raise _fail(path, rid, f"bad published date {published!r}") from exc
        events = raw.get("events") or []
        if not isinstance(events, list):
            raise _fail(path, rid, "'events' must be a list (empty for no event)")
        records.append(Record(
            id=str(rid), category=category, text=str(raw["text"]),
            events=tuple(_parse_event(e, path, str(rid)) for e in events),
            published=published, note=str(raw.get("note") or ""), path=str(path)))
    return records


def load_records(folder: Path = RECORDS_DIR,
                 categories: Iterable[str] | None = None) -> list[Record]:
    """Every record of the suite (or of some categories), in category order.

    Raises
    ------
    LoadError
        When a file is malformed, a category unknown or a record id repeated.
    """
    wanted = set(categories) if categories is not None else None
    unknown = (wanted or set()) - set(CATEGORIES)
    if unknown:
        raise _fail(folder, "-", f"unknown categories {sorted(unknown)}: expected some of "
                                 f"{', '.join(CATEGORIES)}")
    records: list[Record] = []
    for path in sorted(folder.glob("*.yaml")):
        records.extend(read_record_file(path))
    seen: set[str] = set()
    for record in records:
        if record.id in seen:
            raise _fail(record.path, record.id, "duplicate record id")
        seen.add(record.id)
    order = {name: i for i, name in enumerate(CATEGORIES)}
    records.sort(key=lambda r: order[r.category])
    return [r for r in records if wanted is None or r.category in wanted]


# ---------------------------------------------------------------------------- matching


def _forms(actor: Actor) -> set[str]:
    return {normalize(actor.label), *(normalize(a) for a in actor.aliases),
            actor.key.replace("-", " ")}


def _surname_match(a: list[str], b: list[str]) -> bool:
    short, long = sorted((a, b), key=len)
    if not short or len(short) == len(long):
        return False
    if long[-len(short):] != short:
        return False
    return len(short) == 1 or (len(short) == 2 and short[0] in PARTICLES)


def names_match(name: str, actor: Actor, base: ActorBase) -> bool:
    """Whether an expected name designates a predicted actor.

    Equal after normalising (casefold, no diacritics), or the actor base resolves the
    name to the actor, or, for people, one is the other's surname ("Fidan",
    "al-Sudani") or both share first and last names ("Ali Mahmoud Abbas",
    "Ali Mahmud Abbas").

    >>> base = ActorBase.default()
    >>> fidan = Actor(key="hakan-fidan", label="Hakan Fidan", type="Person")
    >>> names_match("Fidan", fidan, base), names_match("Hakan Fıdan", fidan, base)
    (True, True)
    >>> names_match("Turkey", Actor(key="turkiye", label="Türkiye", type="State"), base)
    True
    """
    wanted = normalize(name)
    forms = _forms(actor)
    if wanted in forms:
        return True
    entries = base.lookup(name)
    if any(entry.key == actor.key for entry in entries):
        return True
    if actor.type != "Person" or any(entry.type != "Person" for entry in entries):
        return False
    words = wanted.split()
    for form in forms:
        other = form.split()
        if _surname_match(words, other):
            return True
        if len(words) >= 3 and len(other) >= 3 and words[0] == other[0] \
                and words[-1] == other[-1]:
            return True
    return False


def _actor_matches(expected: ExpectedActor, actor: Actor, base: ActorBase) -> bool:
    return any(names_match(name, actor, base) for name in expected.names)


def align(expected: Sequence[ExpectedActor], predicted: Sequence[Actor],
          base: ActorBase) -> dict[int, int]:
    """A maximum one-to-one matching of expected to predicted actors (index to index)."""
    edges = {i: [j for j, actor in enumerate(predicted) if _actor_matches(e, actor, base)]
             for i, e in enumerate(expected)}
    owner: dict[int, int] = {}

    def assign(i: int, visited: set[int]) -> bool:
        for j in edges[i]:
            if j in visited:
                continue
            visited.add(j)
            if j not in owner or assign(owner[j], visited):
                owner[j] = i
                return True
        return False

    for i in edges:
        assign(i, set())
    return {i: j for j, i in owner.items()}


def _jaccard(expected: Sequence[ExpectedActor], predicted: Sequence[Actor],
             base: ActorBase) -> float:
    matched = len(align(expected, predicted, base))
    union = len(expected) + len(predicted) - matched
    return matched / union if union else 0.0


def _same_set(expected: Sequence[ExpectedActor], predicted: Sequence[Actor],
              base: ActorBase) -> bool:
    return len(expected) == len(predicted) == len(align(expected, predicted, base))


def _roles(event: Event, *names: str, without: Iterable[str] = ()) -> list[Actor]:
    excluded = set(without)
    seen: dict[str, Actor] = {}
    for role in event.roles:
        if role.role in names and role.actor.key not in excluded:
            seen.setdefault(role.actor.key, role.actor)
    return list(seen.values())


def predicted_parties(event: Event) -> list[Actor]:
    """Every actor of an event except its mediators and witnesses (participants, hosts,
    signatories…): a witness looked on and is no party, as in ``kg query events``."""
    mediators = {a.key for a in _roles(event, "mediator")}
    parties = {r.actor.key for r in event.roles if r.role not in ("mediator", "witness")}
    return [a for a in event.actors() if a.key not in mediators and a.key in parties]


def _affiliation_of(event: Event, actor: Actor, base: ActorBase) -> Actor | None:
    for role in event.roles:
        if role.actor.key == actor.key and role.affiliation is not None:
            return role.affiliation
    if actor.affiliation:
        entry = base.get(actor.affiliation)
        if entry is not None:
            return Actor(key=entry.key, label=entry.label, type=entry.type,
                         aliases=entry.aliases)
    return None


def _location_matches(wanted: Sequence[str], place: Place | None, base: ActorBase) -> bool:
    if not wanted or place is None:
        return not wanted and place is None
    label = normalize(place.label)
    for name in wanted:
        forms = {normalize(name)}
        for entry in base.lookup(name):
            forms.update(normalize(f) for f in (entry.label, *entry.aliases))
        if label in forms:
            return True
    return False


@dataclass(frozen=True)
class EventMatch:
    """A predicted event matched to an expected one, and how right its attributes are.

    Each ``*_ok`` is None when the record does not check that attribute.
    """

    expected: ExpectedEvent
    predicted: Event
    jaccard: float
    participants_ok: bool
    mediators_ok: bool
    hosts_ok: bool | None
    location_ok: bool | None
    date_ok: bool | None
    affiliations: tuple[int, int]
    topics: tuple[int, int]

    @property
    def flawless(self) -> bool:
        """Whether every checked attribute is right."""
        checks = [self.participants_ok, self.mediators_ok, self.hosts_ok, self.location_ok,
                  self.date_ok]
        return all(c is not False for c in checks) and \
            self.affiliations[0] == self.affiliations[1] and self.topics[0] == self.topics[1]


def _compare(expected: ExpectedEvent, event: Event, base: ActorBase) -> EventMatch:
    parties_e = expected.parties()
    parties_p = predicted_parties(event)
    pairs = align(parties_e, parties_p, base)
    with_affiliation = [(i, a) for i, a in enumerate(parties_e) if a.affiliation]
    affiliations_ok = 0
    for i, wanted in with_affiliation:
        if i not in pairs:
            continue
        actor = parties_p[pairs[i]]
        found = _affiliation_of(event, actor, base)
        if names_match(wanted.affiliation or "", actor, base) or (
                found is not None and names_match(wanted.affiliation or "", found, base)):
            affiliations_ok += 1  # the state itself, or the state it acts for
    hosts_ok = None
    if expected.checks_hosts:
        hosts_ok = _same_set(expected.hosts, _roles(event, "host"), base)
    topics_found = sum(1 for topic in expected.topics if any(
        normalize(topic) in normalize(t) for t in event.topics))
    return EventMatch(
        expected=expected, predicted=event, jaccard=_jaccard(parties_e, parties_p, base),
        participants_ok=_same_set(parties_e, parties_p, base),
        mediators_ok=_same_set(expected.mediators, _roles(event, "mediator"), base),
        hosts_ok=hosts_ok,
        location_ok=_location_matches(expected.location, event.location, base)
        if expected.checks_location else None,
        date_ok=(event.date == expected.date) if expected.checks_date else None,
        affiliations=(affiliations_ok, len(with_affiliation)),
        topics=(topics_found, len(expected.topics)))


@dataclass(frozen=True)
class RecordScore:
    """How the extractor did on one record."""

    record: Record
    matches: tuple[EventMatch, ...] = ()
    false_positives: tuple[Event, ...] = ()
    false_negatives: tuple[ExpectedEvent, ...] = ()
    error: str | None = None

    @property
    def tp(self) -> int:
        return sum(1 for m in self.matches if not m.expected.optional)

    @property
    def fp(self) -> int:
        return len(self.false_positives)

    @property
    def fn(self) -> int:
        return len(self.false_negatives)

    @property
    def expects_nothing(self) -> bool:
        """Whether the record expects no event at all (optional ones aside)."""
        return not any(not e.optional for e in self.record.events)

    @property
    def failed(self) -> bool:
        """Whether anything was missed, invented or wrong."""
        return bool(self.error or self.fp or self.fn) or not all(
            m.flawless for m in self.matches if not m.expected.optional)


def score_record(record: Record, extraction: Extraction, base: ActorBase) -> RecordScore:
    """Match predicted to expected events (greedy on Jaccard overlap) and score them.

    Required expected events are matched before optional ones at equal overlap.
    """
    candidates = []
    for i, expected in enumerate(record.events):
        parties = expected.parties()
        for j, event in enumerate(extraction.events):
            if event.type != expected.type:
                continue
            overlap = _jaccard(parties, predicted_parties(event), base)
            if overlap >= MATCH_THRESHOLD:
                candidates.append((-overlap, expected.optional, i, j))
    used_e: set[int] = set()
    used_p: set[int] = set()
    matches = []
    for _, _, i, j in sorted(candidates):
        if i in used_e or j in used_p:
            continue
        used_e.add(i)
        used_p.add(j)
        matches.append((i, _compare(record.events[i], extraction.events[j], base)))
    matches.sort(key=lambda pair: pair[0])
    return RecordScore(
        record=record, matches=tuple(m for _, m in matches),
        false_positives=tuple(e for j, e in enumerate(extraction.events) if j not in used_p
                              and e.provenance.extractor not in INFERRED),
        false_negatives=tuple(e for i, e in enumerate(record.events)
                              if i not in used_e and not e.optional))


# ----------------------------------------------------------------------------- scores


def _ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


@dataclass(frozen=True)
class CategoryScore:
    """Counts and rates of one category (or of all, ``name="all"``).

    Attribute accuracies are ``(right, checked)`` over matched required events.
    ``clean`` counts the records that expect no event and got none.
    """

    name: str
    records: int
    tp: int
    fp: int
    fn: int
    no_event_records: int
    clean: int
    participants: tuple[int, int]
    mediators: tuple[int, int]
    hosts: tuple[int, int]
    location: tuple[int, int]
    date: tuple[int, int]
    affiliations: tuple[int, int]
    topics: tuple[int, int]

    @property
    def precision(self) -> float | None:
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float | None:
        return _ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float | None:
        """Harmonic mean of precision and recall; None when nothing is expected."""
        if self.tp + self.fn == 0:
            return None
        return 2 * self.tp / (2 * self.tp + self.fp + self.fn)

    @property
    def clean_rate(self) -> float | None:
        """Share of the no-event records that gave no event (their precision)."""
        return _ratio(self.clean, self.no_event_records)

    def to_dict(self) -> dict[str, Any]:
        """Plain data for ``--json``."""
        def acc(pair: tuple[int, int]) -> dict[str, Any]:
            return {"right": pair[0], "checked": pair[1], "rate": _ratio(*pair)}

        return {
            "records": self.records, "tp": self.tp, "fp": self.fp, "fn": self.fn,
            "precision": self.precision, "recall": self.recall, "f1": self.f1,
            "no_event_records": self.no_event_records, "clean": self.clean,
            "clean_rate": self.clean_rate,
            "participants_exact": acc(self.participants), "mediators_exact": acc(self.mediators),
            "hosts_exact": acc(self.hosts), "location": acc(self.location),
            "date": acc(self.date), "affiliation": acc(self.affiliations),
            "topics_recall": acc(self.topics),
        }


def _tally(pairs: Iterable[bool | None]) -> tuple[int, int]:
    checked = [p for p in pairs if p is not None]
    return sum(checked), len(checked)


def summarize(name: str, scores: Sequence[RecordScore]) -> CategoryScore:
    """Add up record scores into one category row."""
    matches = [m for s in scores for m in s.matches if not m.expected.optional]
    no_event = [s for s in scores if s.expects_nothing]
    return CategoryScore(
        name=name, records=len(scores), tp=sum(s.tp for s in scores),
        fp=sum(s.fp for s in scores), fn=sum(s.fn for s in scores),
        no_event_records=len(no_event), clean=sum(1 for s in no_event if not s.fp),
        participants=_tally(m.participants_ok for m in matches),
        mediators=_tally(m.mediators_ok for m in matches),
        hosts=_tally(m.hosts_ok for m in matches),
        location=_tally(m.location_ok for m in matches),
        date=_tally(m.date_ok for m in matches),
        affiliations=(sum(m.affiliations[0] for m in matches),
                      sum(m.affiliations[1] for m in matches)),
        topics=(sum(m.topics[0] for m in matches), sum(m.topics[1] for m in matches)))


@dataclass(frozen=True)
class Suite:
    """The scores of a run: per record, per category and overall."""

    scores: tuple[RecordScore, ...]
    model: str = ""
    categories: dict[str, CategoryScore] = field(default_factory=dict)
    overall: CategoryScore | None = None

    @classmethod
    def of(cls, scores: Sequence[RecordScore], model: str = "") -> Suite:
        present = [c for c in CATEGORIES if any(s.record.category == c for s in scores)]
        categories = {c: summarize(c, [s for s in scores if s.record.category == c])
                      for c in present}
        return cls(tuple(scores), model, categories, summarize("all", scores))


Extractor = Callable[[Article], Extraction]


def run_suite(records: Sequence[Record], extractor: Extractor,
              base: ActorBase | None = None, model: str = "") -> Suite:
    """Extract every record with ``extractor`` and score it.

    An extraction that raises a :class:`KGError` scores its expected events as missed.
    """
    base = base or ActorBase.default()
    scores = []
    for record in records:
        article = Article(text=record.text, id=f"validation:{record.id}",
                          published=record.published)
        try:
            extraction = extractor(article)
        except KGError as exc:
            scores.append(RecordScore(record=record, false_negatives=tuple(
                e for e in record.events if not e.optional), error=str(exc)))
            continue
        scores.append(score_record(record, extraction, base))
    return Suite.of(scores, model)


# ------------------------------------------------------------------------- rendering


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def _acc(pair: tuple[int, int]) -> str:
    return "-" if not pair[1] else f"{pair[0] / pair[1]:.2f}"


TABLE_COLUMNS = ("category", "rec", "TP", "FP", "FN", "P", "R", "F1", "clean", "part",
                 "med", "host", "loc", "date", "affil", "topics")


def format_table(suite: Suite) -> str:
    """The per-category table (attribute columns are accuracies over matched events)."""
    rows = [TABLE_COLUMNS]
    for score in [*suite.categories.values(), *([suite.overall] if suite.overall else [])]:
        rows.append((
            score.name, str(score.records), str(score.tp), str(score.fp), str(score.fn),
            _pct(score.precision), _pct(score.recall), _pct(score.f1),
            f"{score.clean}/{score.no_event_records}" if score.no_event_records else "-",
            _acc(score.participants), _acc(score.mediators), _acc(score.hosts),
            _acc(score.location), _acc(score.date), _acc(score.affiliations),
            _acc(score.topics)))
    widths = [max(len(row[i]) for row in rows) for i in range(len(TABLE_COLUMNS))]
    lines = ["  ".join(cell.ljust(w) if i == 0 else cell.rjust(w)
                       for i, (cell, w) in enumerate(zip(row, widths, strict=True)))
             for row in rows]
    lines.insert(1, "-" * len(lines[0]))
    lines.insert(len(lines) - 1, "-" * len(lines[0]))
    return "\n".join(lines)


def describe_expected(event: ExpectedEvent) -> str:
    """One line for an expected event."""
    parts = [f"participants=[{', '.join(map(str, event.participants))}]"]
    if event.mediators:
        parts.append(f"mediators=[{', '.join(map(str, event.mediators))}]")
    if event.checks_hosts:
        parts.append(f"hosts=[{', '.join(map(str, event.hosts))}]")
    if event.checks_location:
        parts.append(f"location={' | '.join(event.location) or None}")
    if event.checks_date:
        parts.append(f"date={event.date}")
    if event.topics:
        parts.append(f"topics={list(event.topics)}")
    flag = " (optional)" if event.optional else ""
    return f"{event.type}{flag}: " + "; ".join(parts)


def _who(event: Event, actor: Actor) -> str:
    for role in event.roles:
        if role.actor.key == actor.key and role.affiliation is not None \
                and role.affiliation.key != actor.key:
            return f"{actor.label} ({role.affiliation.label})"
    return actor.label


def describe_predicted(event: Event) -> str:
    """One line for a predicted event."""
    mediators = _roles(event, "mediator")
    hosts = _roles(event, "host")
    others = _roles(event, *{r.role for r in event.roles} - {"mediator", "host"},
                    without={a.key for a in mediators})
    parts = [f"participants=[{', '.join(_who(event, a) for a in others)}]"]
    if mediators:
        parts.append(f"mediators=[{', '.join(_who(event, a) for a in mediators)}]")
    if hosts:
        parts.append(f"hosts=[{', '.join(_who(event, a) for a in hosts)}]")
    parts.append(f"location={event.location.label if event.location else None}")
    parts.append(f"date={event.date}")
    if event.topics:
        parts.append(f"topics={list(event.topics)}")
    return f"{event.type}: " + "; ".join(parts)


def _problems(match: EventMatch) -> list[str]:
    found = []
    for name, value in (("participants", match.participants_ok),
                        ("mediators", match.mediators_ok), ("hosts", match.hosts_ok),
                        ("location", match.location_ok), ("date", match.date_ok)):
        if value is False:
            found.append(name)
    if match.affiliations[0] < match.affiliations[1]:
        found.append("affiliation")
    if match.topics[0] < match.topics[1]:
        found.append(f"topics {match.topics[0]}/{match.topics[1]}")
    return found


def format_failures(suite: Suite) -> str:
    """Every record that missed, invented or got an attribute wrong, with both readings."""
    blocks = []
    for score in suite.scores:
        if not score.failed:
            continue
        record = score.record
        head = (f"[{record.category}] {record.id}: TP {score.tp} FP {score.fp} FN {score.fn}"
                + (f" (published {record.published})" if record.published else ""))
        lines = [head, "  text: " + " ".join(record.text.split())]
        if score.error:
            lines.append(f"  error: {score.error}")
        if not record.events:
            lines.append("  expected: no event")
        for match in score.matches:
            if match.expected.optional or match.flawless:
                continue
            lines.append(f"  wrong {', '.join(_problems(match))}:")
            lines.append(f"    expected:  {describe_expected(match.expected)}")
            lines.append(f"    predicted: {describe_predicted(match.predicted)}")
        for expected in score.false_negatives:
            lines.append(f"  missed:   {describe_expected(expected)}")
        for event in score.false_positives:
            lines.append(f"  spurious: {describe_predicted(event)}")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def to_json(suite: Suite) -> dict[str, Any]:
    """The run as plain data: per category, overall, and every failing record."""
    failures = []
    for score in suite.scores:
        if not score.failed:
            continue
        failures.append({
            "id": score.record.id, "category": score.record.category,
            "text": score.record.text, "tp": score.tp, "fp": score.fp, "fn": score.fn,
            "error": score.error,
            "wrong": [{"problems": _problems(m), "expected": describe_expected(m.expected),
                       "predicted": describe_predicted(m.predicted)}
                      for m in score.matches if not m.expected.optional and not m.flawless],
            "missed": [describe_expected(e) for e in score.false_negatives],
            "spurious": [describe_predicted(e) for e in score.false_positives],
        })
    return {
        "model": suite.model, "date": date.today().isoformat(),
        "categories": {name: c.to_dict() for name, c in suite.categories.items()},
        "overall": suite.overall.to_dict() if suite.overall else None,
        "failures": failures,
    }


# ------------------------------------------------------------------------------ CLI


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m kg.tools.validation",
        description="Score the event extractor on the validation records.")
    parser.add_argument("--category", action="append", choices=CATEGORIES,
                        help="only this category (repeatable)")
    parser.add_argument("--verbose", action="store_true",
                        help="list every failure: text, expected and predicted events")
    parser.add_argument("--json", action="store_true", help="print JSON instead of tables")
    parser.add_argument("--records", type=Path, default=RECORDS_DIR,
                        help=f"folder of record files (default: {RECORDS_DIR})")
    parser.add_argument("--model", default=None,
                        help="spaCy pipeline to use (default: as pipeline.cfg says)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the suite and print the table (and failures, or JSON)."""
    from loaders.pipeline import build_pipeline, extract

    args = _parser().parse_args(argv)
    try:
        records = load_records(args.records, args.category)
        nlp = build_pipeline(args.model)
    except KGError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 1
    model = f"{nlp.meta.get('lang', '')}_{nlp.meta.get('name', '')}-{nlp.meta.get('version', '')}"
    suite = run_suite(records, lambda article: extract(article, nlp), model=model)
    if args.json:
        print(json.dumps(to_json(suite), indent=2, ensure_ascii=False))
        return 0
    print(f"Validation of the event extractor ({len(records)} records, model {model})\n")
    print(format_table(suite))
    if args.verbose:
        failures = format_failures(suite)
        print("\nFailures\n--------\n" + (failures or "none"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
