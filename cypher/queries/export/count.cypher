// How many nodes and relationships a whole-graph export writes, for the CLI's progress and ETA.
// Counted per label and per type so the counts come from the database's count store.
CALL () {
  MATCH (n:__Labels__)
  RETURN count(n) AS nodes
}
CALL () {
  MATCH ()-[r:__Types__]->()
  RETURN count(r) AS edges
}
RETURN nodes, edges
