// The revision history of many claims, oldest first.
UNWIND $keys AS key
MATCH (c:Claim {key: key})<-[:REVISES]-(r:Revision)
WITH key, r
ORDER BY r.version, r.at
RETURN key, collect(r {.*}) AS items
