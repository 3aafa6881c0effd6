// The new articles of a bulk batch (src/graph/bulk-statements.ts). New by construction: the loader
// sends an article the graph already holds through one-by-one ingest, so CREATE, not MERGE.
UNWIND $articles AS row
CREATE (a:Article {key: row.key})
SET a += row.props
