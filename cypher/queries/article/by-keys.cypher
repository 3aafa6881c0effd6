UNWIND $keys AS key
MATCH (a:Article {key: key})
OPTIONAL MATCH (a)-[:PUBLISHED_BY]->(p:Source)
RETURN key, a {.*, text: null, document: null, publisherKey: p.key} AS item
