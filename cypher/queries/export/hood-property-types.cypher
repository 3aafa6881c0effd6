// property-types, for the neighbourhood of one node: every node within __Depth__ hops of it and
// the relationships between those nodes.
MATCH (start:__Labels__ {key: $nodeKey})
MATCH (start)-[:__Types__*0..__Depth__]-(m:__Labels__)
WITH collect(DISTINCT m) AS hood
CALL (hood) {
  UNWIND hood AS n
  UNWIND keys(n) AS name
  RETURN 'node' AS owner, name, valueType(n[name]) AS type
  UNION
  UNWIND hood AS n
  MATCH (n)-[r:__Types__]->(m)
  WHERE m IN hood
  UNWIND keys(r) AS name
  RETURN 'edge' AS owner, name, valueType(r[name]) AS type
}
RETURN owner, name, type
ORDER BY owner, name, type
