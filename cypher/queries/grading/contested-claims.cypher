// Claims in a contradiction, either direction, each with what it contradicts or is contradicted
// by and both sides' grades.
MATCH (c:Claim)-[r:CONTRADICTS]-(other:Claim)
WITH c, r, other
ORDER BY other.key
WITH c, collect({
  key: other.key, text: other.text,
  direction: CASE WHEN startNode(r) = c THEN 'contradicts' ELSE 'contradictedBy' END,
  note: r.note,
  credibility: other.credibility, confidence: other.confidence
}) AS contradictions
RETURN c.key AS key, c.text AS text, c.credibility AS credibility, c.confidence AS confidence,
       c.independentOrigins AS independentOrigins, contradictions
ORDER BY key
SKIP $offset
LIMIT $limit
