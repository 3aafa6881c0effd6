// The appearances of the statement each claim belongs to: the claim and every claim linked to it
// by SAME_STATEMENT (up to six links away), each with its article's publication date, its hedges
// and its chain (publisher first, original speaker last) with each agent's description and
// affiliation chain. Earliest published first.
UNWIND $keys AS key
MATCH (c:Claim {key: key})
WITH key, c, COLLECT { MATCH (c)-[:SAME_STATEMENT*1..6]-(o:Claim) WHERE o.status IN $statuses RETURN DISTINCT o } AS others
UNWIND [c] + others AS s
WITH DISTINCT key, s
MATCH (article:Article)-[:CONTAINS]->(s)
WITH key, s, article
ORDER BY article.publishedAt, s.key
RETURN key, collect({
  claimKey: s.key,
  articleKey: article.key,
  publishedAt: toString(article.publishedAt),
  hedges: coalesce(s.hedges, []),
  agents: COLLECT {
    MATCH (s)<-[:TELLS]-(t:Telling)-[:TOLD_BY]->(agent)
    WITH t, agent ORDER BY t.hop
    RETURN {
      key: agent.key, name: agent.name, kind: agent.kind, description: agent.description,
      anonymous: coalesce(t.anonymous, false) OR coalesce(agent.anonymous, false),
      affiliations: coalesce(head(COLLECT {
        MATCH p = (agent)-[:AFFILIATED_WITH*1..8]->(:Actor)
        WITH p ORDER BY length(p) DESC LIMIT 1
        RETURN [n IN tail(nodes(p)) | {key: n.key, name: n.name, kind: n.kind}]
      }), [])
    }
  }
}) AS items
