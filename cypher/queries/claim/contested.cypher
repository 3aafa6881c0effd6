// Claims that contradict or are contradicted by another claim, most confident first.
CALL () {
  MATCH (c:Claim)
  WHERE c.status IN $statuses AND EXISTS { (c)-[:CONTRADICTS]-(:Claim) }
  RETURN count(c) AS total
}
CALL () {
  MATCH (c:Claim)
  WHERE c.status IN $statuses AND EXISTS { (c)-[:CONTRADICTS]-(:Claim) }
  WITH c
  ORDER BY c.confidence DESC, c.key
  SKIP $offset
  LIMIT $limit
  RETURN collect(c.key) AS items
}
RETURN total, items
