// edges.cypher within the neighbourhood: relationships between two nodes of the neighbourhood,
// paged by their start node.
MATCH (start:__Labels__ {key: $nodeKey})
MATCH (start)-[:__Types__*0..__Depth__]-(m:__Labels__)
WITH collect(DISTINCT m) AS hood
UNWIND hood AS n
WITH n, hood
WHERE n.key > $after
ORDER BY n.key
LIMIT $batch
CALL (n, hood) {
  MATCH (n)-[r:__Types__]->(m)
  WHERE m IN hood
  RETURN collect({type: type(r), target: m.key, props: properties(r)}) AS edges
}
RETURN n.key AS key, edges
ORDER BY key
