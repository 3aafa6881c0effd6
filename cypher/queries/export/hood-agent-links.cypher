// agent-links.cypher for the claims within __Depth__ hops of the start node: the agents who tell
// those claims and whom they quoted or relayed in telling them.
MATCH (start:__Labels__ {key: $nodeKey})
MATCH (start)-[:__Types__*0..__Depth__]-(c:Claim)
WITH collect(DISTINCT c) AS scope
UNWIND scope AS sc
MATCH (sc)<-[:TELLS]-(:Telling)-[:TOLD_BY]->(a:Source|Actor)
WITH DISTINCT a, scope
WHERE a.key > $after
ORDER BY a.key
LIMIT $batch
CALL (a, scope) {
  MATCH (a)<-[:TOLD_BY]-(t:Telling)-[:QUOTED_FROM]->(u:Telling)-[:TOLD_BY]->(b:Source|Actor),
        (t)-[:TELLS]->(c:Claim)
  WHERE c IN scope AND b <> a
  WITH b, CASE WHEN u.isOrigin THEN 'QUOTED' ELSE 'RELAYED' END AS kind, c,
       coalesce(u.anonymous, false) AS anonymous
  WITH b, kind, count(DISTINCT c) AS claims, min(c.saidAt) AS firstSaidAt, max(c.saidAt) AS lastSaidAt,
       max(CASE WHEN anonymous THEN 1 ELSE 0 END) = 1 AS anonymous
  ORDER BY b.key, kind
  RETURN collect({target: b.key, kind: kind, claims: claims, anonymous: anonymous,
                  firstSaidAt: firstSaidAt, lastSaidAt: lastSaidAt}) AS links
}
RETURN a.key AS key, links
ORDER BY key
