// Claims this agent passed on: it is a link of the chain but not the origin.
// Per agent: total and one page, for many agents in one round trip.
UNWIND $keys AS key
OPTIONAL MATCH (actor:Actor {key: key})
OPTIONAL MATCH (source:Source {key: key})
WITH key, coalesce(actor, source) AS agent
WHERE agent IS NOT NULL
CALL (agent) {
  MATCH (agent)<-[:TOLD_BY]-(t:Telling)-[:TELLS]->(c:Claim) WHERE NOT t.isOrigin AND t.hop > 0 AND c.status IN $statuses
  RETURN count(DISTINCT c) AS total
}
CALL (agent) {
  MATCH (agent)<-[:TOLD_BY]-(t:Telling)-[:TELLS]->(c:Claim) WHERE NOT t.isOrigin AND t.hop > 0 AND c.status IN $statuses
  WITH DISTINCT c
  ORDER BY c.saidAt DESC, c.key
  SKIP $offset
  LIMIT $limit
  RETURN collect(c.key) AS items
}
RETURN key, total, items
