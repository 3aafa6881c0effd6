UNWIND $places AS row
MERGE (p:Place {key: row.key})
SET p += row.props
WITH p, row
MATCH (article:Article {key: row.articleKey})
MERGE (article)-[:MENTIONS]->(p)
WITH p, row
WHERE row.withinKey IS NOT NULL
MATCH (outer:Place {key: row.withinKey})
MERGE (p)-[:WITHIN]->(outer)
