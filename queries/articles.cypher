//+ title: Articles
//+ description: Every ingested article with its title, URL, publication date and how many events it gave.
//+ returns: rows
// The Cypher twin of articles.rq, for LadybugDB and Neo4j alike.
MATCH (x:Article)
WHERE x.sourceId IS NOT NULL
OPTIONAL MATCH (e:Event)-[:MENTIONED_IN]->(:Mention)-[:FROM]->(x)
RETURN x.sourceId AS article, x.title AS title, x.url AS url, x.published AS published,
       count(DISTINCT e) AS events
ORDER BY coalesce(published, ''), article
