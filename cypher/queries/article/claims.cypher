// The claims of many articles, in the order they stand in the text.
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
  ORDER BY c.evidenceStart, c.key
  SKIP $offset
  LIMIT $limit
  RETURN collect(c.key) AS items
}
RETURN key, total, items
