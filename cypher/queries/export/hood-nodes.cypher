// One page, in key order, of the nodes within __Depth__ hops of the start node. The
// neighbourhood is recomputed per page on the server so the client never holds it.
MATCH (start:__Labels__ {key: $nodeKey})
MATCH (start)-[:__Types__*0..__Depth__]-(m:__Labels__)
WITH DISTINCT m AS n
WHERE n.key > $after
RETURN n.key AS key, [l IN labels(n) WHERE l IN $labels][0] AS type, properties(n) AS props
ORDER BY key
LIMIT $batch
