// The effective reliability of each agent (override, else the default of its kind), for readers
// and queries that filter on it; written only when it changed.
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
RETURN count(agent) AS changed
