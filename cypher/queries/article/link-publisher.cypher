UNWIND $articles AS row
MATCH (a:Article {key: row.key}), (p:Source {key: row.publisherKey})
MERGE (a)-[:PUBLISHED_BY]->(p)
WITH a, p
OPTIONAL MATCH (a)-[old:PUBLISHED_BY]->(other:Source)
WHERE other <> p
DELETE old
