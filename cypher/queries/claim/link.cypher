// A relation added by a fact-checker through the API: never pruned by a re-ingest.
MATCH (f:Claim {key: $fromKey}), (t:Claim {key: $toKey})
CALL (f, t) {
  WITH f, t
  WHERE $type = 'SUPPORTS'
  MERGE (f)-[x:SUPPORTS]->(t)
  ON CREATE SET x.declaredIn = 'api', x.by = $by, x.at = datetime()
  SET x.note = $note
}
CALL (f, t) {
  WITH f, t
  WHERE $type = 'CONTRADICTS'
  MERGE (f)-[x:CONTRADICTS]->(t)
  ON CREATE SET x.declaredIn = 'api', x.by = $by, x.at = datetime()
  SET x.note = $note
}
CALL (f, t) {
  WITH f, t
  WHERE $type = 'SAME_STATEMENT'
  MERGE (f)-[x:SAME_STATEMENT]->(t)
  ON CREATE SET x.declaredIn = 'api', x.by = $by, x.at = datetime()
  SET x.note = $note
}
RETURN f.key AS fromKey, t.key AS toKey
