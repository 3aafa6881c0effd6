// tellings.cypher for the claims within __Depth__ hops of the start node: every telling of
// those claims, so each chain is exported whole, from the article to the origin.
MATCH (start:__Labels__ {key: $nodeKey})
MATCH (start)-[:__Types__*0..__Depth__]-(c:Claim)
WITH DISTINCT c
MATCH (t:Telling)-[:TELLS]->(c)
WITH t
WHERE t.key > $after
ORDER BY t.key
LIMIT $batch
RETURN t.key AS key,
       properties(t) AS props,
       [(t)-[:TELLS]->(c:Claim) | {key: c.key, text: c.text, quote: c.quote, saidAt: c.saidAt}][0] AS claim,
       [(t)-[:TOLD_BY]->(a:Source|Actor) | a.key][0] AS agentKey,
       [(t)-[:QUOTED_FROM]->(u:Telling) | u.key][0] AS quotedFromKey,
       [(t)-[:IN_ARTICLE]->(a:Article) | a.key][0] AS articleKey
ORDER BY key
