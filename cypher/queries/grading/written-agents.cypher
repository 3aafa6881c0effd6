// The sources and actors an ingest just wrote, as grading reads them (the same fields as a chain
// link of grading/load-claims, with the affiliation chain nearest first), in the same transaction
// behind the writes. Each is stamped with the declaration it is now graded with (kind, anonymity,
// reliability override, affiliation chain); `stale` when that differs from the one its claims were
// last graded with, and then with every claim told through it outside $localClaims (in any
// article), which the transaction regrades too. Never graded before: stale.
UNWIND $agentKeys AS key
CALL (key) {
  MATCH (s:Source {key: key})
  RETURN s AS agent
  UNION
  MATCH (a:Actor {key: key})
  RETURN a AS agent
}
WITH agent, coalesce(head(COLLECT {
       MATCH p = (agent)-[:AFFILIATED_WITH*1..8]->(:Actor)
       WITH p ORDER BY length(p) DESC LIMIT 1
       RETURN [n IN tail(nodes(p)) | {key: n.key, name: n.name, kind: n.kind}]
     }), []) AS affiliations
WITH agent, affiliations,
     coalesce(agent.kind, '') + '|' + toString(coalesce(agent.anonymous, false)) + '|' +
     coalesce(agent.reliabilityOverride, '') + '|' +
     reduce(acc = '', n IN affiliations | acc + n.key + ':' + coalesce(n.kind, '') + ',') AS declared
WITH agent, affiliations, declared, agent.gradedAs IS NULL OR agent.gradedAs <> declared AS stale
FOREACH (_ IN CASE WHEN stale THEN [1] ELSE [] END | SET agent.gradedAs = declared)
// Members declared elsewhere (an official of an agency this article places under a government):
// their affiliation chain runs through this agent, however deep, so a changed chain makes them
// stale too, and every claim told through them (in any article) is regraded. Only a stale agent
// can change a member's chain: a member's declaration reads the kinds and keys along its longest
// affiliation path, and within an ingest only a written agent gains an AFFILIATED_WITH (and an
// actor's kind is set once, on creation), so a path through an agent whose own declaration is
// unchanged is unchanged. Walking the members of every written agent instead (a government has
// hundreds) was most of an article's grading time.
WITH agent, affiliations, declared, stale
CALL (agent, stale) {
  WITH agent
  WHERE stale
  OPTIONAL MATCH (member)-[:AFFILIATED_WITH*1..8]->(agent)
  WITH DISTINCT member
  WHERE member IS NOT NULL AND NOT member.key IN $agentKeys
  WITH member,
       coalesce(member.kind, '') + '|' + toString(coalesce(member.anonymous, false)) + '|' +
       coalesce(member.reliabilityOverride, '') + '|' +
       reduce(acc = '', n IN coalesce(head(COLLECT {
         MATCH p = (member)-[:AFFILIATED_WITH*1..8]->(:Actor)
         WITH p ORDER BY length(p) DESC LIMIT 1
         RETURN tail(nodes(p))
       }), []) | acc + n.key + ':' + coalesce(n.kind, '') + ',') AS memberDeclared
  WHERE member.gradedAs IS NULL OR member.gradedAs <> memberDeclared
  SET member.gradedAs = memberDeclared
  WITH member
  OPTIONAL MATCH (member)<-[:TOLD_BY]-(:Telling)-[:TELLS]->(c:Claim)
  WHERE NOT c.key IN $localClaims
  RETURN collect(DISTINCT c.key) AS memberClaims
}
// The claims told through a stale agent itself, outside this transaction's own: read only for a
// stale agent (a COLLECT in the RETURN is evaluated for every row, and a wire service tells
// thousands of claims).
CALL (agent, stale) {
  WITH agent
  WHERE stale
  OPTIONAL MATCH (agent)<-[:TOLD_BY]-(:Telling)-[:TELLS]->(c:Claim)
  WHERE NOT c.key IN $localClaims
  RETURN collect(DISTINCT c.key) AS ownClaims
}
RETURN agent.key AS key, agent.name AS name, agent.kind AS kind, agent.description AS description,
       coalesce(agent.anonymous, false) AS anonymous,
       agent.reliabilityOverride AS reliabilityOverride,
       agent.reliabilityReason AS reliabilityReason,
       affiliations,
       stale,
       ownClaims + memberClaims AS claimKeys
