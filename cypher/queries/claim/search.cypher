// Full-text search over claim text and quotes, and over who told them: a claim told (or addressed)
// by an agent whose name, alias, description or title matches is found too, at half the score of
// a match in its own words. $query is already escaped for Lucene (src/graph/lucene.ts). Count and
// one keyset page (src/graph/keyset.ts fills __Seek__, __Order__, __Sort__ over the hit `h`) in
// one round trip, best match first.
CALL () {
  CALL db.index.fulltext.queryNodes('claim_text', $query) YIELD node, score
  WHERE node.status IN $statuses
  RETURN node, score
  UNION
  CALL db.index.fulltext.queryNodes('agent_text', $query) YIELD node AS agent, score
  MATCH (agent)<-[:TOLD_BY|ADDRESSED_TO]-(:Telling)-[:TELLS]->(node:Claim)
  WHERE node.status IN $statuses
  RETURN node, score * 0.5 AS score
}
WITH node, max(score) AS score
WITH collect({key: node.key, score: score}) AS hits
CALL (hits) {
  UNWIND hits AS h
  WITH h
  WHERE __Seek__
  WITH h
  ORDER BY __Order__
  LIMIT $limit
  RETURN collect({key: h.key, sort: __Sort__}) AS items
}
RETURN size(hits) AS total, items
