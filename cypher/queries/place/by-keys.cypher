UNWIND $keys AS key
MATCH (p:Place {key: key})
OPTIONAL MATCH (p)-[:WITHIN]->(outer:Place)
RETURN key, p {.*, withinKey: outer.key} AS item
