// Claims that contradict or are contradicted by another claim, most confident first. Read from
// the CONTRADICTS relationships themselves (a relationship type scan), so the cost follows the
// number of contradictions, not the number of claims; one pass gives the page and the total.
// Relations follow the statement: every wording of a contradicted statement is contested. An
// ungraded claim sorts last (DESC alone would put its null confidence first).
MATCH (a:Claim)-[:CONTRADICTS]->(b:Claim)
UNWIND [a, b] AS x
MATCH (x)-[:SAME_STATEMENT*0..4]-(c:Claim)
WITH DISTINCT c
WHERE c.status IN $statuses
WITH c
ORDER BY c.confidence IS NULL, c.confidence DESC, c.key
WITH collect(c.key) AS keys
RETURN size(keys) AS total, keys[$offset..$offset + $limit] AS items
