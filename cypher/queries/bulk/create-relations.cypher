// The relations declared by the new articles of a bulk batch, each once with its last note
// (deduplicated by the loader). Every one starts at a new claim, so none exists yet: CREATE.
CALL () {
  UNWIND $supports AS row
  MATCH (f:Claim {key: row.fromKey}), (t:Claim {key: row.toKey})
  CREATE (f)-[x:SUPPORTS]->(t)
  SET x.note = row.note, x.declaredIn = row.articleKey
}
CALL () {
  UNWIND $contradicts AS row
  MATCH (f:Claim {key: row.fromKey}), (t:Claim {key: row.toKey})
  CREATE (f)-[x:CONTRADICTS]->(t)
  SET x.note = row.note, x.declaredIn = row.articleKey
}
CALL () {
  UNWIND $sameStatement AS row
  MATCH (f:Claim {key: row.fromKey}), (t:Claim {key: row.toKey})
  CREATE (f)-[x:SAME_STATEMENT]->(t)
  SET x.note = row.note, x.declaredIn = row.articleKey
}
