// agents.cypher for the claims within __Depth__ hops of the start node: who tells them and who
// published the articles that carry them.
MATCH (start:__Labels__ {key: $nodeKey})
MATCH (start)-[:__Types__*0..__Depth__]-(c:Claim)
WITH DISTINCT c
MATCH (c)<-[:TELLS]-(t:Telling)
CALL (t) {
  MATCH (t)-[:TOLD_BY]->(agent:Source|Actor)
  RETURN agent
  UNION
  MATCH (t)-[:IN_ARTICLE]->(:Article)-[:PUBLISHED_BY]->(agent:Source|Actor)
  RETURN agent
}
WITH DISTINCT agent AS n
WHERE n.key > $after
RETURN n.key AS key, [l IN labels(n) WHERE l IN $agentLabels][0] AS type, n.name AS name, n.kind AS kind
ORDER BY key
LIMIT $batch
