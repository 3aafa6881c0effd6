// Each telling was quoted from (derived from) the next one out, ending at the origin.
UNWIND $quotations AS q
MATCH (t:Telling {key: q.from}), (u:Telling {key: q.to})
MERGE (t)-[:QUOTED_FROM]->(u)
WITH t, u
MATCH (t)-[old:QUOTED_FROM]->(other)
WHERE other <> u
DELETE old
