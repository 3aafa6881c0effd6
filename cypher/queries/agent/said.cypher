// Claims this agent said first: it is the origin of their chain. Newest first, unknown times last;
// a keyset page (src/graph/keyset.ts fills __Seek__, __Order__, __Sort__).
// Per agent: total and one page, for many agents in one round trip.
UNWIND $keys AS key
OPTIONAL MATCH (actor:Actor {key: key})
OPTIONAL MATCH (source:Source {key: key})
WITH key, coalesce(actor, source) AS agent
WHERE agent IS NOT NULL
CALL (agent) {
  MATCH (agent)<-[:TOLD_BY]-(:Telling {isOrigin: true})-[:TELLS]->(c:Claim) WHERE c.status IN $statuses
  RETURN count(DISTINCT c) AS total
}
CALL (agent) {
  MATCH (agent)<-[:TOLD_BY]-(:Telling {isOrigin: true})-[:TELLS]->(c:Claim) WHERE c.status IN $statuses
  WITH DISTINCT c
  WHERE __Seek__
  WITH c
  ORDER BY __Order__
  LIMIT $limit
  RETURN collect({key: c.key, sort: __Sort__}) AS items
}
RETURN key, total, items
