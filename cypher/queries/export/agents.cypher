// One page of the agents of one label (Source or Actor) that tell something or publish an
// article: everything a PROV attribution can point to, and nothing else.
MATCH (n:__Label__)
WHERE n.key > $after
  AND NOT any(l IN labels(n) WHERE l IN $earlierLabels)
  AND (EXISTS { (:Telling)-[:TOLD_BY]->(n) } OR EXISTS { (:Article)-[:PUBLISHED_BY]->(n) })
RETURN n.key AS key, [l IN labels(n) WHERE l IN $agentLabels][0] AS type, n.name AS name, n.kind AS kind
ORDER BY n.key
LIMIT $batch
