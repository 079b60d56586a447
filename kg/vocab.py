"""The geokg ontology as Python constants.

Generated from: ontology/kg.ttl by ``python -m kg.tools.vocab``; do not edit.
"""

from rdflib import URIRef
from rdflib.namespace import DefinedNamespace, Namespace


class KG(DefinedNamespace):
    """Terms of the geokg ontology; an undefined term raises AttributeError."""

    _fail = True
    _NS = Namespace("https://w3id.org/geokg/ontology#")

    Actor: URIRef
    Agreement: URIRef
    Article: URIRef
    Event: URIRef
    Mediation: URIRef
    Meeting: URIRef
    Mention: URIRef
    Organization: URIRef
    ParticipantRole: URIRef
    Participation: URIRef
    Person: URIRef
    PhoneCall: URIRef
    Place: URIRef
    Post: URIRef
    Proposal: URIRef
    State: URIRef
    Threat: URIRef
    Topic: URIRef
    Treaty: URIRef
    Visit: URIRef
    acronym: URIRef
    addressee: URIRef
    affiliation: URIRef
    agent: URIRef
    article: URIRef
    cameoCode: URIRef
    confidence: URIRef
    contentHash: URIRef
    country: URIRef
    date: URIRef
    endChar: URIRef
    endDate: URIRef
    endOfPost: URIRef
    extractor: URIRef
    holds: URIRef
    host: URIRef
    iso3166: URIRef
    location: URIRef
    matchKey: URIRef
    matched: URIRef
    mediator: URIRef
    mention: URIRef
    nameAsWritten: URIRef
    participant: URIRef
    participation: URIRef
    path: URIRef
    ploverCode: URIRef
    postOf: URIRef
    postRole: URIRef
    proposer: URIRef
    published: URIRef
    role: URIRef
    seatOf: URIRef
    sentence: URIRef
    signatory: URIRef
    sourceId: URIRef
    startChar: URIRef
    startDate: URIRef
    target: URIRef
    threatener: URIRef
    title: URIRef
    topic: URIRef
    trigger: URIRef
    triggerEnd: URIRef
    triggerStart: URIRef
    url: URIRef
    visitor: URIRef
    wikidata: URIRef
    witness: URIRef


ID = Namespace("https://w3id.org/geokg/id/")
