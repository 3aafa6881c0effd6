// Full-text search over claim text and quotes; $query is already escaped for Lucene
// (src/graph/lucene.ts). Count and page in one round trip.
CALL () {
  CALL db.index.fulltext.queryNodes('claim_text', $query) YIELD node
  WHERE node.status IN $statuses
  RETURN count(node) AS total
}
CALL () {
  CALL db.index.fulltext.queryNodes('claim_text', $query) YIELD node, score
  WHERE node.status IN $statuses
  WITH node, score
  ORDER BY score DESC, node.key
  SKIP $offset
  LIMIT $limit
  RETURN collect({key: node.key, score: score}) AS items
}
RETURN total, items
