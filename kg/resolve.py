"""Resolve actors across articles: one node per actor, whatever the spelling.

Actors of the actor base already have stable keys. Everyone else gets a key from
the first spelling seen; a later article that spells the name differently
("Ali Mahmud Abbas" for "Ali Mahmoud Abbas") is pointed at the same key through a
spelling-tolerant match key, while different people who share a surname keep apart
(the whole name must match, not the surname).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace

from kg.types import Actor, Event, Extraction, Role

ActorIndex = dict[str, tuple[str, str]]  # match key -> (actor key, label)


def build_index(rows: Iterable[Mapping[str, object]]) -> ActorIndex:
    """An index of known actors from rows with ``key``, ``label`` and ``match_key``."""
    index: ActorIndex = {}
    for row in rows:
        match_key = str(row["match_key"])
        index.setdefault(match_key, (str(row["key"]), str(row["label"])))
    return index


def resolve_actor(actor: Actor, index: ActorIndex) -> Actor:
    """The actor under the key and label it already has in the graph, if it has one."""
    if not actor.match_key:
        return actor
    known = index.get(actor.match_key)
    if known is None or known[0] == actor.key:
        return actor
    key, label = known
    aliases = tuple(sorted(set(actor.aliases) | {actor.label} - {label}))
    return replace(actor, key=key, label=label, aliases=aliases)


def resolve(extraction: Extraction, index: ActorIndex) -> Extraction:
    """``extraction`` with its actors re-keyed to the ones already known; updates ``index``.

    Examples
    --------
    >>> from kg.types import Article
    >>> a = Actor("ali-mahmud-abbas", "Ali Mahmud Abbas", "Person", match_key="AL MMT ABS")
    >>> index = {"AL MMT ABS": ("ali-mahmoud-abbas", "Ali Mahmoud Abbas")}
    >>> resolve_actor(a, index).key
    'ali-mahmoud-abbas'
    """
    mapping = {a.key: resolve_actor(a, index) for a in extraction.actors}

    def swap(actor: Actor | None) -> Actor | None:
        if actor is None:
            return None
        return mapping.get(actor.key) or resolve_actor(actor, index)

    events = []
    for event in extraction.events:
        roles = tuple(replace(r, actor=swap(r.actor), affiliation=swap(r.affiliation))
                      for r in event.roles)
        events.append(replace(event, roles=roles))
    actors = tuple({a.key: a for a in mapping.values()}.values())
    for actor in actors:
        if actor.match_key:
            index.setdefault(actor.match_key, (actor.key, actor.label))
    return replace(extraction, events=tuple(_dedupe_roles(e) for e in events), actors=actors)


def _dedupe_roles(event: Event) -> Event:
    seen: dict[tuple[str, str], Role] = {}
    for role in event.roles:
        seen.setdefault((role.actor.key, role.role), role)
    return replace(event, roles=tuple(seen.values()))
