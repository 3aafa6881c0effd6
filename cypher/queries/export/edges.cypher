// The outgoing relationships of one page of source nodes (same paging as nodes.cypher). Every
// relationship has exactly one start node, so paging its start nodes exports it exactly once.
// One row per source node, even one without relationships, so the caller can page on.
MATCH (n:__Label__)
WHERE n.key > $after AND NOT any(l IN labels(n) WHERE l IN $earlierLabels)
WITH n
ORDER BY n.key
LIMIT $batch
CALL (n) {
  MATCH (n)-[r:__Types__]->(m:__Labels__)
  RETURN collect({type: type(r), target: m.key, props: properties(r)}) AS edges
}
RETURN n.key AS key, edges
ORDER BY key
