//+ title: Events
//+ description: >-
//+   Every event of every type with its participants, mediators, hosts, location,
//+   date, topics and sources. One row per participation, topic or source; the
//+   CLI nests them into one object per event.
//+ params:
//+   type: {var: typeFilter, description: "Event types, space-separated: Meeting, PhoneCall, Visit, Mediation, Agreement, Proposal, Threat"}
//+   actor: {var: actorFilter, description: "An actor's name (any part of it, any variant) or IRI: events it takes part in"}
//+   since: {description: "Earliest date, YYYY[-MM[-DD]]; events of a coarser date overlapping it are kept"}
//+   until: {description: "Latest date, YYYY[-MM[-DD]]"}
//+   event: {var: eventFilter, description: "One event's IRI"}
//+ returns: events
// The Cypher twin of events.rq, for LadybugDB and Neo4j alike (see docs/property-graph.md).
// Parameters are read once: coalesce($p, NULL) keeps an absent one null on both engines.
WITH coalesce($typeFilter, NULL) AS typeFilter, coalesce($actorFilter, NULL) AS actorFilter,
     coalesce($since, NULL) AS since, coalesce($until, NULL) AS until,
     coalesce($eventFilter, NULL) AS eventFilter
MATCH (e:Event)
WHERE (typeFilter IS NULL OR (' ' + typeFilter + ' ') CONTAINS (' ' + e.type + ' '))
  AND (eventFilter IS NULL OR e.iri = eventFilter)
  AND (since IS NULL OR coalesce(e.date >= left(since, size(e.date)), false))
  AND (until IS NULL OR coalesce(e.date <= left(until, size(e.date)), false))
WITH e, ' ' + lower(actorFilter) + ' ' AS word, actorFilter
WHERE actorFilter IS NULL OR EXISTS {
  MATCH (who:Actor)-[:PARTICIPANT]->(e)
  WHERE who.iri = actorFilter
     OR any(name IN who.names + who.aliases WHERE (' ' + lower(name) + ' ') CONTAINS word)
     OR EXISTS {
       MATCH (who)-[:AFFILIATED_WITH]->(home:Actor)
       WHERE any(name IN home.names + home.aliases WHERE (' ' + lower(name) + ' ') CONTAINS word)
     }
}
// Reports may place one event differently: each place with the number of articles
// giving it and its country; the CLI keeps one (see events.rq).
OPTIONAL MATCH (e)-[located:LOCATED_IN]->(place:Place)
OPTIONAL MATCH (place)-[:IN_COUNTRY]->(country:Actor)
WITH e, place, located.support AS support, min(country.iri) AS placeCountry
// One row per participation, per topic label and per source, as the SPARQL UNION gives.
UNWIND ['participation', 'topic', 'source'] AS part
OPTIONAL MATCH (actor:Actor)-[p:PARTICIPANT]->(e) WHERE part = 'participation'
OPTIONAL MATCH (affiliation:Actor) WHERE affiliation.iri = p.affiliation
OPTIONAL MATCH (e)-[:ABOUT]->(t:Topic) WHERE part = 'topic'
UNWIND coalesce(t.names, [NULL]) AS topic
OPTIONAL MATCH (e)-[:MENTIONED_IN]->(m:Mention)-[:FROM]->(a:Article) WHERE part = 'source'
WITH e, place, support, placeCountry, p, actor, affiliation, topic, m, a
WHERE actor IS NOT NULL OR topic IS NOT NULL OR m IS NOT NULL
RETURN DISTINCT e.iri AS event, e.type AS type, e.date AS date,
       place.iri AS location, place.label AS locationLabel, support AS locationSupport,
       placeCountry AS locationCountry,
       p.role AS role, actor.iri AS actor, actor.label AS actorLabel, actor.type AS actorType,
       p.title AS title, affiliation.iri AS affiliation, affiliation.label AS affiliationLabel,
       topic, a.sourceId AS article, a.title AS articleTitle, a.url AS url,
       a.published AS published, m.sentence AS evidence, m.startChar AS `start`,
       m.endChar AS `end`, m.confidence AS confidence, m.extractor AS extractor
ORDER BY coalesce(date, ''), event, location, role, actor, title, affiliation, topic, article, `start`, confidence, extractor
