// Claims related to many claims: supports, contradicts, same statement, in both directions.
UNWIND $keys AS key
MATCH (c:Claim {key: key})-[r:SUPPORTS|CONTRADICTS|SAME_STATEMENT]-(other:Claim)
WHERE $types IS NULL OR type(r) IN $types
WITH key, c, r, other, startNode(r) = c AS outgoing
ORDER BY type(r), other.key
RETURN key, collect({
  type: type(r),
  direction: CASE WHEN outgoing THEN 'OUTGOING' ELSE 'INCOMING' END,
  note: r.note,
  declaredIn: r.declaredIn,
  claimKey: other.key,
  ownWording: coalesce(c.quote, c.text),
  otherWording: coalesce(other.quote, other.text)
}) AS items
