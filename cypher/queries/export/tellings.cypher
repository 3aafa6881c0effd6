// One page of tellings with what PROV says about each: the claim it tells, the agent it is
// attributed to, the telling it was quoted from, and the article it is part of (hop 0 only).
MATCH (t:Telling)
WHERE t.key > $after
WITH t
ORDER BY t.key
LIMIT $batch
RETURN t.key AS key,
       properties(t) AS props,
       [(t)-[:TELLS]->(c:Claim) | {key: c.key, text: c.text, quote: c.quote, saidAt: c.saidAt}][0] AS claim,
       [(t)-[:TOLD_BY]->(a:Source|Actor) | a.key][0] AS agentKey,
       [(t)-[:QUOTED_FROM]->(u:Telling) | u.key][0] AS quotedFromKey,
       [(t)-[:IN_ARTICLE]->(a:Article) | a.key][0] AS articleKey
ORDER BY key
