// articles.cypher for the claims within __Depth__ hops of the start node: the articles whose
// own (hop 0) tellings tell them.
MATCH (start:__Labels__ {key: $nodeKey})
MATCH (start)-[:__Types__*0..__Depth__]-(c:Claim)
WITH DISTINCT c
MATCH (c)<-[:TELLS]-(:Telling)-[:IN_ARTICLE]->(a:Article)
WITH DISTINCT a
WHERE a.key > $after
ORDER BY a.key
LIMIT $batch
RETURN a.key AS key,
       a.url AS url,
       a.title AS title,
       a.publishedAt AS publishedAt,
       [(a)-[:PUBLISHED_BY]->(p:Source|Actor) | p.key][0] AS publisherKey
ORDER BY key
