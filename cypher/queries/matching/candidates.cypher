// Candidates for matching a new article's claims against the graph, for all of the article's claims
// in one statement. Per new claim: the best full-text hits on its words ($limit; `claim_stems`,
// English stems, so word forms meet as in the scorer), claims whose original speaker is the same
// named agent ($limit), and the claims that share the most of the actors, places and events it is
// about ($aboutLimit for all of them together). Every source
// starts from an index seek (the full-text index, a key) and reads one node's claims, never all
// claims: from a hub (an agent or place in thousands of claims) at most $hubScan of them, ordered,
// of which the $scan nearest in time go on, so the cost per hub is bounded whatever the graph's
// size. Below that bound the choice is a function of the graph's content only: every LIMIT follows
// a total order that ends in the claim's key, so neither the order claims were written in nor
// internal ids decide which candidates survive a limit (the same article loaded into two
// databases gets the same candidates); a hub larger than $hubScan is read in storage order up to
// the bound, the price of a bounded cost. Full-text hits are ranked by
// score, then key: more are asked for ($textScan) than kept, so equal scores at the limit are
// chosen by key rather than by the index's internal document order. About-candidates are ranked
// by how many of the claim's actors, places and events they share (a claim about the same two
// governments and the same event before one that shares a government only), then by nearness in
// time to the new claim's day (`row.day`; undated ones last); the speaker's claims by nearness in
// time. The article's own claims ($claimPrefix) are left out before any limit, so they take no
// candidate's place; rejected claims are left out. Each candidate comes back in the matcher's
// shape (src/domain/matching.ts, MatchClaim).
UNWIND $claims AS row
CALL (row) {
  WITH row
  WHERE row.query IS NOT NULL
  CALL db.index.fulltext.queryNodes('claim_stems', row.query, {limit: $textScan + $own}) YIELD node, score
  WITH node, score
  WHERE NOT node.key STARTS WITH $claimPrefix
  RETURN node ORDER BY score DESC, node.key LIMIT $limit
  UNION
  MATCH (agent:Actor {key: row.originKey})
  CALL (agent, row) {
    MATCH (agent)<-[:TOLD_BY]-(:Telling {isOrigin: true})-[:TELLS]->(node:Claim)
    WHERE NOT node.key STARTS WITH $claimPrefix
    WITH node LIMIT $hubScan
    RETURN node ORDER BY CASE
      WHEN row.day IS NULL OR node.saidAt IS NULL THEN 1000000
      ELSE abs(duration.inDays(date(left(toString(node.saidAt), 10)), date(row.day)).days)
    END, node.key LIMIT $limit
  }
  RETURN node
  UNION
  MATCH (agent:Source {key: row.originKey})
  CALL (agent, row) {
    MATCH (agent)<-[:TOLD_BY]-(:Telling {isOrigin: true})-[:TELLS]->(node:Claim)
    WHERE NOT node.key STARTS WITH $claimPrefix
    WITH node LIMIT $hubScan
    RETURN node ORDER BY CASE
      WHEN row.day IS NULL OR node.saidAt IS NULL THEN 1000000
      ELSE abs(duration.inDays(date(left(toString(node.saidAt), 10)), date(row.day)).days)
    END, node.key LIMIT $limit
  }
  RETURN node
  UNION
  CALL (row) {
    UNWIND row.actorKeys AS k
    MATCH (x:Actor {key: k})
    RETURN x
    UNION
    UNWIND row.placeKeys AS k
    MATCH (x:Place {key: k})
    RETURN x
    UNION
    UNWIND row.eventKeys AS k
    MATCH (x:Event {key: k})
    RETURN x
  }
  CALL (x, row) {
    MATCH (x)<-[:REFERS_TO]-(node:Claim)
    WHERE NOT node.key STARTS WITH $claimPrefix
    WITH node LIMIT $hubScan
    RETURN node ORDER BY CASE
      WHEN row.day IS NULL OR node.saidAt IS NULL THEN 1000000
      ELSE abs(duration.inDays(date(left(toString(node.saidAt), 10)), date(row.day)).days)
    END, node.key LIMIT $scan
  }
  WITH row.day AS day, node, count(*) AS shared
  RETURN node ORDER BY shared DESC, CASE
    WHEN day IS NULL OR node.saidAt IS NULL THEN 1000000
    ELSE abs(duration.inDays(date(left(toString(node.saidAt), 10)), date(day)).days)
  END, node.key LIMIT $aboutLimit
}
WITH DISTINCT node
WHERE NOT node.key STARTS WITH $claimPrefix AND node.status <> 'rejected'
MATCH (article:Article)-[:CONTAINS]->(node)
OPTIONAL MATCH (node)<-[:TELLS]-(o:Telling {isOrigin: true})-[:TOLD_BY]->(origin)
RETURN node.key AS key,
       article.key AS articleKey,
       node.text AS text,
       node.quote AS quote,
       node.kind AS kind,
       coalesce(node.hedges, []) AS hedges,
       origin.key AS originKey,
       coalesce(o.anonymous, false) OR coalesce(origin.anonymous, false) AS originAnonymous,
       COLLECT { MATCH (origin)-[:AFFILIATED_WITH]->(aff) RETURN DISTINCT aff.key } AS originAffiliations,
       COLLECT {
         MATCH (node)<-[:TELLS]-(t:Telling)-[:TOLD_BY]->(g)
         WHERE NOT coalesce(t.anonymous, false) AND NOT coalesce(g.anonymous, false)
         RETURN DISTINCT g.key ORDER BY g.key
       } AS chainKeys,
       COLLECT { MATCH (node)-[:REFERS_TO]->(x) RETURN DISTINCT x.key ORDER BY x.key } AS aboutKeys,
       CASE WHEN o.hop > 0 AND o.timeStart IS NOT NULL THEN left(toString(o.timeStart), 10) END AS saidAt,
       node.timeStart AS timeStart,
       node.timeEnd AS timeEnd
