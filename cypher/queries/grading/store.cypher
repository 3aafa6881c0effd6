// Grades of claims and the effective reliability of agents, in one round trip; each is written
// only when it changed (grades by hash), so regrading an unchanged graph sets nothing.
CALL () {
  UNWIND $grades AS g
  MATCH (c:Claim {key: g.key})
  WITH c, g
  WHERE NOT coalesce(c.gradeHash = g.hash, false)
  SET c.credibility = g.credibility,
      c.confidence = g.confidence,
      c.gradeFactors = g.factors,
      c.independentOrigins = g.independentOrigins,
      c.circularReporting = g.circularReporting,
      c.originGroups = g.origins,
      c.gradeHash = g.hash,
      c.gradedAt = datetime()
  RETURN count(c) AS claimsChanged
}
// The reliability is stored for readers and queries that filter on it.
CALL () {
  UNWIND $agents AS row
  CALL (row) {
    MATCH (s:Source {key: row.key})
    RETURN s AS agent
    UNION
    MATCH (a:Actor {key: row.key})
    RETURN a AS agent
  }
  WITH agent, row
  WHERE NOT coalesce(agent.reliability = row.reliability, false)
    OR NOT coalesce(agent.reliabilityBasis = row.basis, false)
  SET agent.reliability = row.reliability, agent.reliabilityBasis = row.basis
  RETURN count(agent) AS agentsChanged
}
RETURN claimsChanged, agentsChanged
