//+ title: Who met whom
//+ description: >-
//+   Pairs of actors who met or spoke (participants, mediators and hosts of a meeting or
//+   a call), one row per pair and event, with where, when and about what.
//+ params:
//+   actor: {var: actorFilter, description: "An actor's name (any part of it, any variant) or IRI: pairs it is in"}
//+   since: {description: "Earliest date, YYYY[-MM[-DD]]"}
//+   until: {description: "Latest date, YYYY[-MM[-DD]]"}
//+ returns: rows
//+ join: {topics: "; "}
// The Cypher twin of who_met_whom.rq, for LadybugDB and Neo4j alike.
// `join` turns the collected topics into "; "-joined text, as GROUP_CONCAT does.
WITH coalesce($actorFilter, NULL) AS actorFilter, coalesce($since, NULL) AS since,
     coalesce($until, NULL) AS until
MATCH (x:Actor)-[rx:PARTICIPANT]->(e:Event)<-[ry:PARTICIPANT]-(y:Actor)
WHERE e.type IN ['Meeting', 'PhoneCall']
  AND rx.role IN ['participant', 'mediator', 'host']
  AND ry.role IN ['participant', 'mediator', 'host']
  AND x.iri < y.iri
  AND (since IS NULL OR coalesce(e.date >= left(since, size(e.date)), false))
  AND (until IS NULL OR coalesce(e.date <= left(until, size(e.date)), false))
WITH DISTINCT x, y, e, actorFilter, ' ' + lower(actorFilter) + ' ' AS word
WHERE actorFilter IS NULL OR EXISTS {
  MATCH (who:Actor)-[:PARTICIPANT]->(e)
  WHERE who.iri IN [x.iri, y.iri]
    AND (who.iri = actorFilter
         OR any(name IN who.names + who.aliases WHERE (' ' + lower(name) + ' ') CONTAINS word)
         OR EXISTS {
           MATCH (who)-[:AFFILIATED_WITH]->(home:Actor)
           WHERE any(name IN home.names + home.aliases
                     WHERE (' ' + lower(name) + ' ') CONTAINS word)
         })
}
OPTIONAL MATCH (e)-[:LOCATED_IN]->(p:Place)
UNWIND coalesce(p.names, [NULL]) AS place
OPTIONAL MATCH (e)-[:ABOUT]->(t:Topic)
UNWIND coalesce(t.names, [NULL]) AS topic
WITH x, y, e, place, collect(DISTINCT topic) AS topics
RETURN x.iri AS a, x.label AS aLabel, y.iri AS b, y.label AS bLabel, e.iri AS event,
       e.type AS type, e.date AS date, place, topics
ORDER BY coalesce(date, ''), aLabel, bLabel, event
