// One page of agents (in key order) with whom each quoted: for every telling an agent gave that
// was quoted from another agent's telling, a link to that agent, QUOTED when the other telling is
// the origin (they said it) and RELAYED when it is not (they passed on someone else's words).
// An agent passing on its own words (an outlet quoting its own reporting) is no link. Links are
// counted in distinct claims and dated by the claims' saidAt. One row per agent, even
// one without links, so the caller can page on.
MATCH (a:Source|Actor)
WHERE a.key > $after
WITH a
ORDER BY a.key
LIMIT $batch
CALL (a) {
  MATCH (a)<-[:TOLD_BY]-(t:Telling)-[:QUOTED_FROM]->(u:Telling)-[:TOLD_BY]->(b:Source|Actor),
        (t)-[:TELLS]->(c:Claim)
  WHERE b <> a
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
