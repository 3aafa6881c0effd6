// Every property name on exported nodes and relationships with the types its values have, so a
// GraphML header can declare each attribute before the first node is written. The database
// keeps only the distinct (owner, name, type) rows; the graph itself is not returned.
CALL () {
  MATCH (n:__Labels__)
  UNWIND keys(n) AS name
  RETURN 'node' AS owner, name, valueType(n[name]) AS type
  UNION
  MATCH (:__Labels__)-[r:__Types__]->(:__Labels__)
  UNWIND keys(r) AS name
  RETURN 'edge' AS owner, name, valueType(r[name]) AS type
}
RETURN owner, name, type
ORDER BY owner, name, type
