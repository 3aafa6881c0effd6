// What a claim edit reads before it writes (the document itself was read, and the article locked,
// by article/document): the existing actors the document's actors may be, resolved as a whole
// ingest resolves them, and which claims of other articles the edited relations point to.
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
RETURN known, existingClaims
