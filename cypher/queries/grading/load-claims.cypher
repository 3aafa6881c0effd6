// Everything grading needs, in one round trip. Targets are the given claims and every claim whose
// grade depends on them: what they support, contradict or restate, and what a restatement of
// theirs supports (a restatement changes which origins count as one). With each target come its
// supporters and contradictors, whose own evidence (not their grades) is what they weigh.
UNWIND $claimKeys AS key
MATCH (seed:Claim {key: key})
UNWIND COLLECT { MATCH (seed)-[:SUPPORTS|CONTRADICTS|SAME_STATEMENT]-(n:Claim) RETURN n }
     + COLLECT { MATCH (seed)-[:SAME_STATEMENT]-(:Claim)-[:SUPPORTS]->(m:Claim) RETURN m }
     + [seed] AS affected
WITH collect(DISTINCT affected) AS targets
WITH targets, COLLECT {
  UNWIND targets AS t
  MATCH (t)-[r:SUPPORTS|CONTRADICTS]-(n:Claim)
  WHERE type(r) = 'CONTRADICTS' OR endNode(r) = t
  RETURN DISTINCT n
} AS neighbours
UNWIND targets + [n IN neighbours WHERE NOT n IN targets] AS c
RETURN c.key AS key,
       c IN targets AS target,
       c.kind AS kind,
       c.status AS status,
       coalesce(c.outletAnalysis, false) AS outletAnalysis,
       coalesce(c.hedges, []) AS hedges,
       COLLECT {
         MATCH (c)<-[:TELLS]-(t:Telling)-[:TOLD_BY]->(agent)
         RETURN {
           hop: t.hop, role: t.role, anonymous: coalesce(t.anonymous, false),
           agent: {
             key: agent.key, name: agent.name, kind: agent.kind,
             anonymous: coalesce(agent.anonymous, false),
             reliabilityOverride: agent.reliabilityOverride,
             reliabilityReason: agent.reliabilityReason
           }
         }
       } AS chain,
       COLLECT { MATCH (a:Assessment)-[:ASSESSES]->(c) RETURN a {.*} } AS assessments,
       COLLECT { MATCH (c)<-[:SUPPORTS]-(s:Claim) RETURN s.key } AS supportedBy,
       COLLECT { MATCH (c)-[:CONTRADICTS]-(s:Claim) RETURN DISTINCT s.key } AS contradictedBy,
       COLLECT { MATCH (c)-[:SAME_STATEMENT]-(s:Claim) RETURN DISTINCT s.key } AS sameStatementAs
