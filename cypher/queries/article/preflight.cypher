// Everything ingestion reads before it writes, in one round trip: what the article was last
// ingested from (the stored document's frame, text hash and claims' parts in document order:
// src/domain/stored-document.ts), the existing actors the document's actors may be (by any name key, through the
// V0003 keyword index), and which claims of other articles its relations point to exist.
CALL () {
  OPTIONAL MATCH (a:Article {key: $articleKey})
  RETURN a.document AS document, a.textHash AS textHash, a.ingestVersion AS ingestVersion,
         COLLECT { MATCH (a)-[:CONTAINS]->(c:Claim) RETURN c.document ORDER BY c.documentIndex } AS parts
}
CALL () {
  WITH [k IN $nameKeys | '"' + k + '"'] AS terms
  WHERE size(terms) > 0
  CALL db.index.fulltext.queryNodes('actor_name_keys', reduce(q = head(terms), t IN tail(terms) | q + ' OR ' + t))
  YIELD node AS a
  WITH a
  WHERE a:Actor AND any(k IN a.nameKeys WHERE k IN $nameKeys)
  RETURN collect(DISTINCT {key: a.key, kind: a.kind, nameKeys: a.nameKeys}) AS known
}
CALL () {
  MATCH (c:Claim)
  WHERE c.key IN $externalClaimKeys
  RETURN collect(c.key) AS existingClaims
}
RETURN document, textHash, ingestVersion, parts, known, existingClaims
