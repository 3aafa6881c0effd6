// Sources and actors of an ingested document, and their members (whatever is affiliated with
// them, at any depth), whose declaration as grading reads it (kind, anonymity, reliability
// override, affiliation chain) differs from the one their claims were last graded with: stamped
// with the new one, and returned with every claim told through them (in any article), which the
// same transaction regrades. Never graded before: all their claims.
UNWIND $agentKeys AS key
CALL (key) {
  MATCH (s:Source {key: key})
  RETURN s AS declared
  UNION
  MATCH (a:Actor {key: key})
  RETURN a AS declared
}
// A member's affiliation chain runs through what this document declares, however deep (an
// official of a ministry another article now places under a government): members are checked
// too, whichever article declared them.
CALL (declared) {
  MATCH (agent)-[:AFFILIATED_WITH*0..8]->(declared)
  RETURN DISTINCT agent
}
WITH DISTINCT agent
WITH agent,
     coalesce(agent.kind, '') + '|' + toString(coalesce(agent.anonymous, false)) + '|' +
     coalesce(agent.reliabilityOverride, '') + '|' +
     reduce(acc = '', n IN coalesce(head(COLLECT {
       MATCH p = (agent)-[:AFFILIATED_WITH*1..8]->(:Actor)
       WITH p ORDER BY length(p) DESC LIMIT 1
       RETURN tail(nodes(p))
     }), []) | acc + n.key + ':' + coalesce(n.kind, '') + ',') AS declared
WHERE agent.gradedAs IS NULL OR agent.gradedAs <> declared
SET agent.gradedAs = declared
RETURN agent.key AS key,
       COLLECT { MATCH (agent)<-[:TOLD_BY]-(:Telling)-[:TELLS]->(c:Claim) RETURN DISTINCT c.key } AS claimKeys
