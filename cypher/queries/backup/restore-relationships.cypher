// Restore: one batch of relationships between nodes restored by backup/restore-nodes. The type
// is a parameter checked against the type pattern first (src/db/backup.ts).
UNWIND $rows AS row
MATCH (a:__Restoring {__restoreId: row.start})
MATCH (b:__Restoring {__restoreId: row.end})
CREATE (a)-[r:$(row.type)]->(b)
SET r = row.props
