"""The typed hand-offs between stages: load -> extract -> resolve -> store -> query.

Every boundary passes frozen dataclasses, so a stage can neither mutate what an
earlier stage produced nor depend on its internals.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

EventType = Literal["Meeting", "PhoneCall", "Visit", "Mediation", "Agreement", "Proposal", "Threat"]
ActorType = Literal["Person", "State", "Organization"]
RoleName = Literal[
    "participant", "mediator", "host", "signatory", "proposer", "addressee",
    "threatener", "target", "visitor", "witness",
]

EVENT_TYPES: tuple[str, ...] = (
    "Meeting", "PhoneCall", "Visit", "Mediation", "Agreement", "Proposal", "Threat",
)
ACTOR_TYPES: tuple[str, ...] = ("Person", "State", "Organization")
CONTACT_TYPES: frozenset[str] = frozenset({"Meeting", "PhoneCall"})


@dataclass(frozen=True)
class Article:
    """One news article as read from an input, before any extraction."""

    text: str
    id: str | None = None
    title: str | None = None
    url: str | None = None
    published: date | None = None
    path: str | None = None

    @property
    def source_id(self) -> str:
        """The article's id when it has one, else its URL, else its path."""
        return self.id or self.url or self.path or f"sha256:{self.content_hash[:16]}"

    @property
    def content_hash(self) -> str:
        """SHA-256 of the text and metadata: re-ingesting identical input changes nothing."""
        parts = [self.text, self.title or "", self.url or "", str(self.published or "")]
        return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Actor:
    """A resolved actor: a person, a state or an organisation."""

    key: str
    label: str
    type: ActorType
    aliases: tuple[str, ...] = ()
    affiliation: str | None = None
    qid: str | None = None
    iso2: str | None = None
    acronym: str | None = None
    match_key: str | None = None


@dataclass(frozen=True)
class Place:
    """Where an event took place."""

    key: str
    label: str
    country: str | None = None
    qid: str | None = None


@dataclass(frozen=True)
class Provenance:
    """Where a fact was read: the sentence, its offsets, the rule and its confidence."""

    article: str
    sentence: str
    start: int
    end: int
    trigger: str
    trigger_start: int
    trigger_end: int
    extractor: str
    confidence: float
    matched: str = ""


@dataclass(frozen=True)
class Role:
    """An actor taking part in an event in a role (the n-ary participation)."""

    actor: Actor
    role: RoleName
    title: str | None = None
    affiliation: Actor | None = None
    name: str | None = None


@dataclass(frozen=True)
class Event:
    """An event read from one sentence (or a few), with its participants and provenance."""

    type: EventType
    roles: tuple[Role, ...]
    provenance: Provenance
    date: str | None = None
    location: Place | None = None
    topics: tuple[str, ...] = ()
    also: tuple[Provenance, ...] = ()

    @property
    def sources(self) -> tuple[Provenance, ...]:
        """Every sentence the event was read from, the main one first."""
        return (self.provenance, *self.also)

    def actors(self, *roles: str) -> tuple[Actor, ...]:
        """The actors in the given roles (all roles when none is given), in order, once each."""
        seen: dict[str, Actor] = {}
        for r in self.roles:
            if not roles or r.role in roles:
                seen.setdefault(r.actor.key, r.actor)
        return tuple(seen.values())

    @property
    def key(self) -> str:
        """Identity of the happening: same type, parties and date in two reports is one event.

        An undated event is only itself: its article and the place it is told there.
        """
        parties = sorted({r.actor.key for r in self.roles})
        ident = "|".join([self.type, ",".join(parties), self.date or "",
                          "" if self.date else
                          f"{self.provenance.article}@{self.provenance.start}"])
        return f"{self.type.lower()}-{hashlib.sha256(ident.encode()).hexdigest()[:16]}"


@dataclass(frozen=True)
class Extraction:
    """What the pipeline read from one article."""

    article: Article
    events: tuple[Event, ...] = ()
    actors: tuple[Actor, ...] = ()
    places: tuple[Place, ...] = ()
    warnings: tuple[str, ...] = field(default=())
