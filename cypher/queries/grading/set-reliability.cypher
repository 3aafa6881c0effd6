// A fact-checker's reliability grade for one source or actor (null clears it), and the claims
// told through that agent, whose grades depend on it.
CALL () {
  MATCH (s:Source {key: $key})
  RETURN s AS agent
  UNION
  MATCH (a:Actor {key: $key})
  RETURN a AS agent
}
SET agent.reliabilityOverride = $grade,
    agent.reliabilityReason = $reason,
    agent.reliabilitySetBy = $by,
    agent.reliabilitySetAt = datetime()
RETURN agent.key AS key,
       COLLECT { MATCH (agent)<-[:TOLD_BY]-(:Telling)-[:TELLS]->(c:Claim) RETURN DISTINCT c.key } AS claimKeys
