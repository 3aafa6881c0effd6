// Restore done: the restored nodes lose their restore mark, in batches.
MATCH (n:__Restoring)
CALL (n) {
  REMOVE n:__Restoring
  REMOVE n.__restoreId
} IN TRANSACTIONS OF 10000 ROWS
