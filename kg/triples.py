"""Turn one article's :class:`~kg.types.Extraction` into RDF quads of the ontology.

Every quad goes into the article's own named graph, so an article can be replaced
or removed as a whole, and each graph passes the SHACL shapes on its own.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator

from pyoxigraph import Literal, NamedNode, Quad
from unidecode import unidecode

from kg.types import Actor, Article, Event, Extraction, Place, Provenance, Role
from kg.vocab import ID, KG

RDF_TYPE = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
RDFS_LABEL = NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
SKOS_ALT = NamedNode("http://www.w3.org/2004/02/skos/core#altLabel")
DC_TITLE = NamedNode("http://purl.org/dc/terms/title")
XSD = "http://www.w3.org/2001/XMLSchema#"


def slug(text: str) -> str:
    """A readable IRI-safe local name: ASCII, lower case, hyphens."""
    return re.sub(r"[^a-z0-9]+", "-", unidecode(text).lower()).strip("-") or "x"


def _node(term: object) -> NamedNode:
    return NamedNode(str(term))


def article_iri(article: Article) -> NamedNode:
    digest = hashlib.sha256(article.source_id.encode("utf-8")).hexdigest()[:20]
    return _node(ID[f"article/{digest}"])


def actor_iri(key: str) -> NamedNode:
    return _node(ID[f"actor/{key}"])


def place_iri(key: str) -> NamedNode:
    return _node(ID[f"place/{key}"])


def topic_iri(label: str) -> NamedNode:
    return _node(ID[f"topic/{slug(label)}"])


def event_iri(key: str) -> NamedNode:
    return _node(ID[f"event/{key}"])


def date_literal(value: str) -> Literal:
    """A date at the precision the text gives: xsd:date, xsd:gYearMonth or xsd:gYear."""
    kind = {10: "date", 7: "gYearMonth", 4: "gYear"}.get(len(value))
    if kind is None or not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
        raise ValueError(f"not an ISO date, year-month or year: {value!r}")
    return Literal(value, datatype=NamedNode(XSD + kind))


def _string(value: str) -> Literal:
    return Literal(value)


def _integer(value: int) -> Literal:
    return Literal(str(value), datatype=NamedNode(XSD + "integer"))


def _decimal(value: float) -> Literal:
    return Literal(f"{value:.3f}", datatype=NamedNode(XSD + "decimal"))


ACTOR_CLASS = {"Person": KG.Person, "State": KG.State, "Organization": KG.Organization}
ROLE = {
    "participant": KG.participant, "mediator": KG.mediator, "host": KG.host,
    "signatory": KG.signatory, "proposer": KG.proposer, "addressee": KG.addressee,
    "threatener": KG.threatener, "target": KG.target, "visitor": KG.visitor,
    "witness": KG.witness,
}
EVENT_CLASS = {
    "Meeting": KG.Meeting, "PhoneCall": KG.PhoneCall, "Visit": KG.Visit,
    "Mediation": KG.Mediation, "Agreement": KG.Agreement, "Proposal": KG.Proposal,
    "Threat": KG.Threat,
}


def _article_triples(article: Article, node: NamedNode) -> Iterator[tuple]:
    yield node, RDF_TYPE, _node(KG.Article)
    yield node, _node(KG.sourceId), _string(article.source_id)
    yield node, _node(KG.contentHash), _string(article.content_hash)
    if article.title:
        yield node, DC_TITLE, _string(article.title)
    if article.url:
        yield node, _node(KG.url), Literal(article.url, datatype=NamedNode(XSD + "anyURI"))
    if article.published:
        yield node, _node(KG.published), date_literal(article.published.isoformat())
    if article.path:
        yield node, _node(KG.path), _string(article.path)


def _actor_triples(actor: Actor) -> Iterator[tuple]:
    node = actor_iri(actor.key)
    yield node, RDF_TYPE, _node(ACTOR_CLASS[actor.type])
    yield node, RDFS_LABEL, _string(actor.label)
    for alias in sorted(set(actor.aliases) - {actor.label}):
        yield node, SKOS_ALT, _string(alias)
    if actor.affiliation:
        yield node, _node(KG.affiliation), actor_iri(actor.affiliation)
    if actor.qid:
        yield node, _node(KG.wikidata), _string(actor.qid)
    if actor.iso2:
        yield node, _node(KG.iso3166), _string(actor.iso2)
    if actor.acronym:
        yield node, _node(KG.acronym), _string(actor.acronym)
    if actor.match_key:
        yield node, _node(KG.matchKey), _string(actor.match_key)


def _place_triples(place: Place) -> Iterator[tuple]:
    node = place_iri(place.key)
    yield node, RDF_TYPE, _node(KG.Place)
    yield node, RDFS_LABEL, _string(place.label)
    if place.country:
        yield node, _node(KG.country), actor_iri(place.country)
    if place.qid:
        yield node, _node(KG.wikidata), _string(place.qid)


def _role_triples(event: NamedNode, key: str, role: Role) -> Iterator[tuple]:
    part = _node(ID[f"participation/{key}-{role.role}-{role.actor.key}"])
    yield event, _node(KG.participation), part
    yield part, RDF_TYPE, _node(KG.Participation)
    yield part, _node(KG.agent), actor_iri(role.actor.key)
    yield part, _node(KG.role), _node(ROLE[role.role])
    if role.title:
        yield part, _node(KG.title), _string(role.title)
    if role.name:
        yield part, _node(KG.nameAsWritten), _string(role.name)
    if role.affiliation:
        yield part, _node(KG.affiliation), actor_iri(role.affiliation.key)


def _event_triples(event: Event, article: NamedNode) -> Iterator[tuple]:
    node = event_iri(event.key)
    yield node, RDF_TYPE, _node(EVENT_CLASS[event.type])
    if event.date:
        yield node, _node(KG.date), date_literal(event.date)
    if event.location:
        yield node, _node(KG.location), place_iri(event.location.key)
    for topic in event.topics:
        tnode = topic_iri(topic)
        yield node, _node(KG.topic), tnode
        yield tnode, RDF_TYPE, _node(KG.Topic)
        yield tnode, RDFS_LABEL, _string(topic)
    for role in event.roles:
        yield from _role_triples(node, event.key, role)
    for prov in event.sources:
        yield from _mention_triples(node, event.key, prov, article)


def _mention_triples(node: NamedNode, key: str, prov: Provenance,
                     article: NamedNode) -> Iterator[tuple]:
    digest = hashlib.sha256(
        f"{key}|{prov.article}|{prov.start}|{prov.trigger_start}".encode()
    ).hexdigest()[:20]
    mention = _node(ID[f"mention/{digest}"])
    yield node, _node(KG.mention), mention
    yield mention, RDF_TYPE, _node(KG.Mention)
    yield mention, _node(KG.article), article
    yield mention, _node(KG.sentence), _string(prov.sentence)
    yield mention, _node(KG.startChar), _integer(prov.start)
    yield mention, _node(KG.endChar), _integer(prov.end)
    yield mention, _node(KG.trigger), _string(prov.trigger)
    yield mention, _node(KG.triggerStart), _integer(prov.trigger_start)
    yield mention, _node(KG.triggerEnd), _integer(prov.trigger_end)
    yield mention, _node(KG.extractor), _string(prov.extractor)
    yield mention, _node(KG.confidence), _decimal(prov.confidence)
    if prov.matched:
        yield mention, _node(KG.matched), _string(prov.matched)


def extraction_quads(extraction: Extraction) -> list[Quad]:
    """All quads of one article, in its named graph, without duplicates."""
    graph = article_iri(extraction.article)
    actors = {a.key: a for a in extraction.actors}
    places = {p.key: p for p in extraction.places}
    for event in extraction.events:
        for role in event.roles:
            actors.setdefault(role.actor.key, role.actor)
            if role.affiliation:
                actors.setdefault(role.affiliation.key, role.affiliation)
        if event.location:
            places.setdefault(event.location.key, event.location)
    triples: list[tuple] = list(_article_triples(extraction.article, graph))
    for actor in actors.values():
        triples += _actor_triples(actor)
    for place in places.values():
        triples += _place_triples(place)
    for event in extraction.events:
        triples += _event_triples(event, graph)
    seen: set[tuple] = set()
    quads = []
    for s, p, o in triples:
        if (s, p, o) not in seen:
            seen.add((s, p, o))
            quads.append(Quad(s, p, o, graph))
    return quads
