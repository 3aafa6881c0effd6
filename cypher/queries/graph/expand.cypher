// One breadth-first step: the relationships and neighbours of a frontier, at most $perNode per
// node, so a hub (a wire service with thousands of tellings) cannot flood the answer. Ordered to
// the last tie (two relationships to one neighbour), so the same graph always gives the same cut.
UNWIND $frontier AS id
MATCH (n)
WHERE elementId(n) = id
CALL (n) {
  MATCH (n)-[r]-(m)
  WHERE NOT m:__Migration AND NOT m:Revision
  RETURN r, m
  ORDER BY m.key, type(r), elementId(r)
  LIMIT $perNode
}
RETURN elementId(r) AS relId, type(r) AS type, elementId(startNode(r)) AS fromId, elementId(endNode(r)) AS toId,
       elementId(m) AS id, m {.*, text: CASE WHEN m:Article THEN null ELSE m.text END} AS props, labels(m) AS labels
