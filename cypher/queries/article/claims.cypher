// The claims of many articles, in the order they stand in the text; a keyset page
// (src/graph/keyset.ts fills __Seek__, __Order__, __Sort__).
UNWIND $keys AS key
MATCH (a:Article {key: key})
CALL (a) {
  MATCH (a)-[:CONTAINS]->(c:Claim)
  WHERE c.status IN $statuses
  RETURN count(c) AS total
}
CALL (a) {
  MATCH (a)-[:CONTAINS]->(c:Claim)
  WHERE c.status IN $statuses
  WITH c
  WHERE __Seek__
  WITH c
  ORDER BY __Order__
  LIMIT $limit
  RETURN collect({key: c.key, sort: __Sort__}) AS items
}
RETURN key, total, items
