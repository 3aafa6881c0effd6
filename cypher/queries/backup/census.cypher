// What a database holds apart from its migration records: nodes and relationships.
CALL () {
  MATCH (n)
  WHERE NOT n:__Migration
  RETURN count(n) AS nodes
}
CALL () {
  MATCH ()-[r]->()
  RETURN count(r) AS relationships
}
RETURN nodes, relationships
