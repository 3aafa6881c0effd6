// Sources and actors whose effective reliability is to be stored, with what decides it.
UNWIND $agentKeys AS key
CALL (key) {
  MATCH (s:Source {key: key})
  RETURN s AS agent
  UNION
  MATCH (a:Actor {key: key})
  RETURN a AS agent
}
RETURN agent.key AS key, agent.name AS name, agent.kind AS kind,
       coalesce(agent.anonymous, false) AS anonymous,
       agent.reliabilityOverride AS reliabilityOverride,
       agent.reliabilityReason AS reliabilityReason
