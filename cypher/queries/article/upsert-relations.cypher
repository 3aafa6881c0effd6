// Relations declared by this article carry `declaredIn`, so a later re-ingest can prune its own
// without touching relations a fact-checker added through the API.
UNWIND $relations AS r
MATCH (f:Claim {key: r.fromKey}), (t:Claim {key: r.toKey})
CALL (f, t, r) {
  WITH f, t, r
  WHERE r.type = 'SUPPORTS'
  MERGE (f)-[x:SUPPORTS]->(t)
  SET x.note = r.note, x.declaredIn = r.articleKey
}
CALL (f, t, r) {
  WITH f, t, r
  WHERE r.type = 'CONTRADICTS'
  MERGE (f)-[x:CONTRADICTS]->(t)
  SET x.note = r.note, x.declaredIn = r.articleKey
}
CALL (f, t, r) {
  WITH f, t, r
  WHERE r.type = 'SAME_STATEMENT'
  MERGE (f)-[x:SAME_STATEMENT]->(t)
  SET x.note = r.note, x.declaredIn = r.articleKey
}
RETURN count(*) AS linked
