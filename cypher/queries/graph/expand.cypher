// One breadth-first step: the relationships and neighbours of a frontier, at most $perNode per
// node, so a hub (a wire service with thousands of tellings) cannot flood the answer. A hub's
// relationships are read up to $scanCap only, so one step costs the same at 10k or 1M claims;
// those are ordered to the last tie, so the same graph always gives the same cut.
UNWIND $frontier AS id
MATCH (n)
WHERE elementId(n) = id
CALL (n) {
  MATCH (n)-[r]-(m)
  WHERE NOT m:__Migration AND NOT m:Revision
  WITH r, m
  LIMIT $scanCap
  RETURN r, m
  ORDER BY m.key, type(r), elementId(r)
  LIMIT $perNode
}
RETURN elementId(r) AS relId, type(r) AS type, elementId(startNode(r)) AS fromId, elementId(endNode(r)) AS toId,
       elementId(m) AS id, m {.*, text: CASE WHEN m:Article THEN null ELSE m.text END, document: null} AS props, labels(m) AS labels
