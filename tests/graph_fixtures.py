"""Four invented articles for the property-graph, Cypher and backend tests.

They cover persons, states and organisations, mediators and hosts, dates at all three
precisions and none, an event re-reported by a second article (with another title for one
participant and another spelling of a topic), a place whose country is not an actor, and
labels that try to inject HTML.
"""

from __future__ import annotations

from datetime import date

from kg.types import Actor, Article, Event, Extraction, Place, Provenance, Role

XSS_LABEL = "<script>alert('owned')</script> Coastal Forum"

NORWAY = Actor("norway", "Norway", "State", aliases=("Kingdom of Norway",), iso2="NO",
               qid="Q20")
KENYA = Actor("kenya", "Kenya", "State", iso2="KE")
CHILE = Actor("chile", "Chile", "State", iso2="CL")
AU = Actor("african-union", "African Union", "Organization", acronym="AU")
FORUM = Actor("coastal-forum", XSS_LABEL, "Organization")
HALDORSEN = Actor("ingrid-haldorsen", "Ingrid Haldorsen", "Person", affiliation="norway")
KIBET = Actor("amani-kibet", "Amani Kibet", "Person", affiliation="kenya",
              aliases=("A. Kibet",))
REYES = Actor("tomas-reyes", "Tomás Reyes", "Person", affiliation="chile")
OKAFOR = Actor("ngozi-okafor", "Ngozi Okafor", "Person", match_key="NKS OKFR")

OSLO = Place("oslo", "Oslo", country="norway")
NAIROBI = Place("nairobi", "Nairobi", country="kenya")
SANTIAGO = Place("santiago", "Santiago", country="chile", qid="Q2887")
GENEVA = Place("geneva", "Geneva", country="switzerland")  # Switzerland is no actor here

OSLO_ARTICLE = Article(
    text="(text)", id="oslo-talks", title="Talks in Oslo <b>live</b>",
    url="https://news.example.org/oslo-talks", published=date(2024, 3, 5))
NAIROBI_ARTICLE = Article(
    text="(text)", id="nairobi-brief", title="Nairobi briefing", published=date(2024, 3, 6))
SANTIAGO_ARTICLE = Article(
    text="(text)", path="/data/santiago.txt", published=date(2023, 11, 20))
GENEVA_ARTICLE = Article(text="(text)", id="geneva-wire", title="Geneva wire")


def _prov(article: Article, sentence: str, start: int, trigger: str,
          extractor: str = "kg.events.v1:meet", confidence: float = 0.9) -> Provenance:
    offset = sentence.index(trigger)
    return Provenance(article.source_id, sentence, start, start + len(sentence), trigger,
                      start + offset, start + offset + len(trigger), extractor, confidence,
                      matched=trigger)


def _oslo_meeting(article: Article, sentence: str, start: int, kibet_title: str,
                  topics: tuple[str, ...], confidence: float) -> Event:
    return Event(
        "Meeting",
        (Role(HALDORSEN, "participant", "Foreign Minister", NORWAY),
         Role(KIBET, "participant", kibet_title, KENYA),
         Role(NORWAY, "host"),
         Role(AU, "mediator")),
        _prov(article, sentence, start, "met", confidence=confidence),
        date="2024-03-04", location=OSLO, topics=topics)


def extractions() -> list[Extraction]:
    """The four articles, as the pipeline would hand them to the store."""
    oslo = Extraction(OSLO_ARTICLE, (
        _oslo_meeting(OSLO_ARTICLE,
                      "Ingrid Haldorsen met Amani Kibet in Oslo on Monday, with the African "
                      "Union mediating.", 0, "Cabinet Secretary",
                      ("maritime security", "trade"), 0.9),
        Event("PhoneCall",
              (Role(KIBET, "participant", "Cabinet Secretary", KENYA),
               Role(REYES, "participant", "Foreign Minister", CHILE)),
              _prov(OSLO_ARTICLE, "Kibet later spoke by phone with Tomás Reyes.", 95,
                    "spoke by phone", "kg.events.v1:call", 0.8),
              date="2024-03", topics=("climate finance",)),
    ), actors=(NORWAY, KENYA, CHILE, AU))
    nairobi = Extraction(NAIROBI_ARTICLE, (
        _oslo_meeting(NAIROBI_ARTICLE,
                      "In Oslo, Haldorsen met Kibet, Kenya's foreign secretary.", 10,
                      "Foreign Secretary", ("Maritime Security",), 0.7),
        Event("Mediation",
              (Role(AU, "mediator"), Role(KENYA, "participant"),
               Role(FORUM, "participant")),
              _prov(NAIROBI_ARTICLE, "The African Union mediated between Kenya and the "
                    "forum.", 80, "mediated", "kg.events.v1:mediate", 0.75),
              date="2024", location=NAIROBI, topics=("fisheries",)),
    ), actors=(NORWAY, KENYA, AU, FORUM))
    santiago = Extraction(SANTIAGO_ARTICLE, (
        Event("Visit",
              (Role(HALDORSEN, "visitor", "Foreign Minister", NORWAY), Role(CHILE, "host")),
              _prov(SANTIAGO_ARTICLE, "Haldorsen visited Santiago.", 0, "visited",
                    "kg.events.v1:visit", 0.85),
              date="2023-11-19", location=SANTIAGO, topics=("copper",)),
        Event("Agreement",
              (Role(NORWAY, "signatory"), Role(CHILE, "signatory")),
              _prov(SANTIAGO_ARTICLE, "Norway and Chile signed a fisheries accord.", 30,
                    "signed", "kg.events.v1:agree", 0.6)),
    ), actors=(NORWAY, CHILE))
    geneva = Extraction(GENEVA_ARTICLE, (
        Event("Meeting",
              (Role(OKAFOR, "participant"), Role(FORUM, "participant"),
               Role(HALDORSEN, "host", "Foreign Minister", NORWAY)),
              _prov(GENEVA_ARTICLE, "Okafor met the forum's delegates in Geneva.", 0, "met"),
              location=GENEVA),
        Event("Threat",
              (Role(FORUM, "threatener"), Role(CHILE, "target")),
              _prov(GENEVA_ARTICLE, "The forum threatened to sue Chile.", 50, "threatened",
                    "kg.events.v1:threaten", 0.55),
              date="2024-01"),
    ), actors=(NORWAY, CHILE, FORUM))
    return [oslo, nairobi, santiago, geneva]


def fill(store) -> object:
    """Add the four articles to ``store`` and return it."""
    for extraction in extractions():
        store.add(extraction)
    return store
