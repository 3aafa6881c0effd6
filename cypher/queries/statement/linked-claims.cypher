// Every claim with a SAME_STATEMENT link (either direction): the statements laundering can
// happen in.
MATCH (c:Claim)-[:SAME_STATEMENT]-(:Claim)
WHERE c.status IN $statuses
WITH DISTINCT c.key AS key
ORDER BY key
RETURN collect(key) AS keys
