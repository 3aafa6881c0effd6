// Restore failed: whatever it created goes, in batches, so no half-restored graph is left.
MATCH (n:__Restoring)
CALL (n) {
  DETACH DELETE n
} IN TRANSACTIONS OF 10000 ROWS
