// What a bulk load reads before it plans (src/graph/ingest-bulk.ts): which of its articles the
// graph already holds (their stored documents, read as article/preflight reads one), and every
// actor known by one of its name keys (as article/preflight finds them for one article; an empty
// graph answers two empty lists).
CALL () {
  UNWIND $articleKeys AS key
  MATCH (a:Article {key: key})
  RETURN collect({
    key: a.key, document: a.document, textHash: a.textHash, ingestVersion: a.ingestVersion,
    parts: COLLECT { MATCH (a)-[:CONTAINS]->(c:Claim) RETURN c.document ORDER BY c.documentIndex }
  }) AS articles
}
CALL () {
  MATCH (a:Actor)
  WHERE any(k IN a.nameKeys WHERE k IN $nameKeys)
  RETURN collect({key: a.key, kind: a.kind, nameKeys: a.nameKeys}) AS known
}
RETURN articles, known
