// The claims of the new articles of a bulk batch, each with its first revision: what
// article/upsert-claims writes for a claim it has never seen, created outright.
UNWIND $claims AS row
MATCH (article:Article {key: row.articleKey})
CREATE (article)-[:CONTAINS]->(c:Claim {key: row.key})
SET c += row.props,
    c.document = row.document,
    c.documentIndex = row.documentIndex,
    c.contentHash = row.contentHash,
    c.version = 1,
    c.updatedAt = datetime()
CREATE (r:Revision {key: row.key + '@v1'})-[:REVISES]->(c)
SET r.version = 1, r.at = datetime(), r.by = $by, r.change = 'created', r.note = $note,
    r.via = $via, r.snapshot = row.contentHash
