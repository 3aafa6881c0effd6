// Claims related to many claims: supports, contradicts, same statement, in both directions.
// Relations follow the statement: a SUPPORTS or CONTRADICTS of another wording of the same
// statement (SAME_STATEMENT) is listed too, derived, with `via` naming the wording that carries
// it; a relation this claim has itself is never listed twice.
UNWIND $keys AS key
MATCH (c:Claim {key: key})
CALL (c) {
  MATCH (c)-[r:SUPPORTS|CONTRADICTS|SAME_STATEMENT]-(other:Claim)
  RETURN r, other, startNode(r) = c AS outgoing, null AS via
  UNION
  MATCH (c)-[:SAME_STATEMENT*1..4]-(w:Claim)-[r:SUPPORTS|CONTRADICTS]-(other:Claim)
  WHERE w <> c AND other <> c
    AND NOT EXISTS { (c)-[:SAME_STATEMENT*1..4]-(other) }
    AND NOT EXISTS { (c)-[d]-(other) WHERE type(d) = type(r) }
  RETURN r, other, startNode(r) = w AS outgoing, w.key AS via
}
WITH key, c, r, other, outgoing, via
WHERE $types IS NULL OR type(r) IN $types
WITH key, c, type(r) AS type, other, outgoing, min(via) AS via, collect(r)[0] AS r
ORDER BY type, other.key
RETURN key, collect({
  type: type,
  direction: CASE WHEN outgoing THEN 'OUTGOING' ELSE 'INCOMING' END,
  note: r.note,
  declaredIn: r.declaredIn,
  claimKey: other.key,
  via: via,
  ownWording: coalesce(c.quote, c.text),
  otherWording: coalesce(other.quote, other.text)
}) AS items
