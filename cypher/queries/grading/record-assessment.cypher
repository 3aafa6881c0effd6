// Assessments accumulate: a new one never overwrites an earlier one, and replaying the same one
// (same key) changes nothing. A new assessment is a new version of the claim, with its revision.
MATCH (c:Claim {key: $claimKey})
OPTIONAL MATCH (existing:Assessment {key: $key})
WITH c, existing IS NULL AS isNew
MERGE (a:Assessment {key: $key})
ON CREATE SET a += $props, a.claimKey = c.key, a.recordedAt = datetime()
MERGE (a)-[:ASSESSES]->(c)
WITH c, a, isNew
CALL (c, isNew) {
  WITH c, isNew
  WHERE isNew
  SET c.version = coalesce(c.version, 0) + 1, c.updatedAt = datetime()
  MERGE (r:Revision {key: c.key + '@v' + toString(c.version)})
  ON CREATE SET r.version = c.version, r.at = datetime(), r.by = $by, r.change = $change,
                r.via = 'assessment', r.snapshot = c.contentHash
  MERGE (r)-[:REVISES]->(c)
}
RETURN a.key AS key, isNew AS created, c.version AS version
