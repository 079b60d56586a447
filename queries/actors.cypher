//+ title: Actors
//+ description: Every actor in the graph with its type, affiliation and how many events it takes part in.
//+ params:
//+   type: {var: typeFilter, description: "Person, State or Organization"}
//+ returns: rows
// The Cypher twin of actors.rq, for LadybugDB and Neo4j alike.
WITH coalesce($typeFilter, NULL) AS typeFilter
MATCH (x:Actor)
WHERE x.label IS NOT NULL AND (typeFilter IS NULL OR x.type = typeFilter)
OPTIONAL MATCH (x)-[:AFFILIATED_WITH]->(home:Actor)
WITH x, min(home.label) AS affiliation
OPTIONAL MATCH (x)-[:PARTICIPANT]->(e:Event)
RETURN x.iri AS actor, x.label AS label, x.type AS type, affiliation,
       count(DISTINCT e) AS events
ORDER BY events DESC, label
