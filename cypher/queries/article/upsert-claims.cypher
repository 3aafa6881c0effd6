// A claim's version moves only when its content changes, so re-ingesting the same document
// writes no new revision and changes nothing. `document` is the claim's part of its article's
// stored document (src/domain/stored-document.ts), outside the content hash.
UNWIND $claims AS row
MATCH (article:Article {key: row.articleKey})
MERGE (c:Claim {key: row.key})
WITH article, c, row, coalesce(c.contentHash = row.contentHash, false) AS unchanged
SET c += row.props,
    c.document = row.document,
    c.documentIndex = row.documentIndex,
    c.contentHash = row.contentHash,
    c.version = CASE WHEN unchanged THEN c.version ELSE coalesce(c.version, 0) + 1 END,
    c.updatedAt = CASE WHEN unchanged THEN c.updatedAt ELSE datetime() END
MERGE (article)-[:CONTAINS]->(c)
WITH c, row, unchanged
CALL (c, unchanged) {
  WITH c, unchanged
  WHERE NOT unchanged
  MERGE (r:Revision {key: c.key + '@v' + toString(c.version)})
  ON CREATE SET r.version = c.version, r.at = datetime(), r.by = $by,
                r.change = CASE WHEN c.version = 1 THEN 'created' ELSE coalesce($change, 'updated') END,
                r.note = $note,
                r.via = $via, r.snapshot = c.contentHash
  MERGE (r)-[:REVISES]->(c)
}
CALL (c, row) {
  UNWIND row.aboutActor AS k
  MATCH (x:Actor {key: k})
  MERGE (c)-[:REFERS_TO]->(x)
}
CALL (c, row) {
  UNWIND row.aboutPlace AS k
  MATCH (x:Place {key: k})
  MERGE (c)-[:REFERS_TO]->(x)
}
CALL (c, row) {
  UNWIND row.aboutEvent AS k
  MATCH (x:Event {key: k})
  MERGE (c)-[:REFERS_TO]->(x)
}
CALL (c, row) {
  UNWIND row.aboutSource AS k
  MATCH (x:Source {key: k})
  MERGE (c)-[:REFERS_TO]->(x)
}
CALL (c, row) {
  MATCH (c)-[r:REFERS_TO]->(x)
  WHERE NOT x.key IN (row.aboutActor + row.aboutPlace + row.aboutEvent + row.aboutSource)
  DELETE r
}
