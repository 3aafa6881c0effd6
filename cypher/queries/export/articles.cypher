// One page of articles, with the outlet that published each.
MATCH (a:Article)
WHERE a.key > $after
WITH a
ORDER BY a.key
LIMIT $batch
RETURN a.key AS key,
       a.url AS url,
       a.title AS title,
       a.publishedAt AS publishedAt,
       [(a)-[:PUBLISHED_BY]->(p:Source|Actor) | p.key][0] AS publisherKey
ORDER BY key
