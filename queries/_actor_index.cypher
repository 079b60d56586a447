//+ title: Actor index
//+ description: Internal. Actors outside the actor base with their spelling-tolerant match keys, for resolution.
//+ returns: rows
// The Cypher twin of _actor_index.rq, for LadybugDB and Neo4j alike.
WITH 'https://w3id.org/geokg/id/actor/' AS prefix
MATCH (x:Actor)
WHERE x.matchKey IS NOT NULL AND x.label IS NOT NULL
RETURN CASE WHEN x.iri STARTS WITH prefix THEN right(x.iri, size(x.iri) - size(prefix))
            ELSE '' END AS key,
       x.label AS label, x.matchKey AS match_key
ORDER BY key
