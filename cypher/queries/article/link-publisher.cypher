MATCH (a:Article {key: $article.key}), (p:Source {key: $article.publisherKey})
MERGE (a)-[:PUBLISHED_BY]->(p)
WITH a, p
OPTIONAL MATCH (a)-[old:PUBLISHED_BY]->(other:Source)
WHERE other <> p
DELETE old
