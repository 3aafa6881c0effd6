// Claims that contradict or are contradicted by another claim, most confident first. Read from
// the CONTRADICTS relationships themselves (a relationship type scan), so the cost follows the
// number of contradictions, not the number of claims; one pass gives the total and a keyset page
// (src/graph/keyset.ts fills __Seek__, __Order__, __Sort__). Relations follow the statement: every
// wording of a contradicted statement is contested. An ungraded claim sorts last.
MATCH (a:Claim)-[:CONTRADICTS]->(b:Claim)
UNWIND [a, b] AS x
MATCH (x)-[:SAME_STATEMENT*0..4]-(c:Claim)
WITH DISTINCT c
WHERE c.status IN $statuses
WITH collect(c) AS contested
CALL (contested) {
  UNWIND contested AS c
  WITH c
  WHERE __Seek__
  WITH c
  ORDER BY __Order__
  LIMIT $limit
  RETURN collect({key: c.key, sort: __Sort__}) AS items
}
RETURN size(contested) AS total, items
