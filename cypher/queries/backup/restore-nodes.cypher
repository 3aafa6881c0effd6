// Restore: one batch of nodes. Each is marked __Restoring with its backup id until the restore
// ends (relationships find their ends by it; a failed restore deletes every marked node).
// Labels come from the backup as a parameter, checked against the label pattern first
// (src/db/backup.ts): never spliced into the text.
UNWIND $rows AS row
CREATE (n:__Restoring {__restoreId: row.id})
SET n:$(row.labels)
SET n += row.props
