// One page of the nodes of one label, in key order. The key index (one per label, from the
// uniqueness constraints) serves both the range and the order, so a page costs the same however
// far into the graph it is. A node that also has an earlier exported label was filed there.
MATCH (n:__Label__)
WHERE n.key > $after AND NOT any(l IN labels(n) WHERE l IN $earlierLabels)
RETURN n.key AS key, properties(n) AS props
ORDER BY n.key
LIMIT $batch
