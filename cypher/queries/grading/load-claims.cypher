// Everything grading needs, in one round trip. Targets are the given claims and every claim whose
// grade depends on them: what they support, contradict or restate, what a restatement of theirs
// supports (a restatement changes which origins count as one), and what any wording of their
// statement supports or contradicts (relations follow the statement: a SUPPORTS or CONTRADICTS of
// one wording weighs on every wording of it). With each target come its supporters and
// contradictors, whose own evidence (not their grades) is what they weigh.
UNWIND $claimKeys AS key
MATCH (seed:Claim {key: key})
UNWIND COLLECT { MATCH (seed)-[:SUPPORTS|CONTRADICTS|SAME_STATEMENT]-(n:Claim) RETURN n }
     + COLLECT { MATCH (seed)-[:SAME_STATEMENT]-(:Claim)-[:SUPPORTS]->(m:Claim) RETURN m }
     + COLLECT {
         MATCH (seed)-[:SAME_STATEMENT*0..4]-(:Claim)-[:SUPPORTS|CONTRADICTS]-(:Claim)-[:SAME_STATEMENT*0..4]-(w:Claim)
         RETURN w
       }
     + [seed] AS affected
WITH collect(DISTINCT affected) AS targets
WITH targets, COLLECT {
  UNWIND targets AS t
  MATCH (t)-[:SAME_STATEMENT*0..4]-(:Claim)-[r:SUPPORTS|CONTRADICTS]-(n:Claim)
  WHERE (type(r) = 'CONTRADICTS' OR startNode(r) = n) AND n <> t
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
             key: agent.key, name: agent.name, kind: agent.kind, description: agent.description,
             anonymous: coalesce(agent.anonymous, false),
             reliabilityOverride: agent.reliabilityOverride,
             reliabilityReason: agent.reliabilityReason,
             // Its affiliation chain, nearest first (the longest path: ministry, government, state).
             affiliations: head(COLLECT {
               MATCH p = (agent)-[:AFFILIATED_WITH*1..8]->(:Actor)
               WITH p ORDER BY length(p) DESC LIMIT 1
               RETURN [n IN tail(nodes(p)) | {key: n.key, name: n.name, kind: n.kind}]
             })
           }
         }
       } AS chain,
       COLLECT { MATCH (a:Assessment)-[:ASSESSES]->(c) RETURN a {.*} } AS assessments,
       COLLECT {
         MATCH (c)-[:SAME_STATEMENT*0..4]-(:Claim)<-[:SUPPORTS]-(s:Claim) WHERE s <> c RETURN DISTINCT s.key
       } AS supportedBy,
       COLLECT {
         MATCH (c)-[:SAME_STATEMENT*0..4]-(:Claim)-[:CONTRADICTS]-(s:Claim) WHERE s <> c RETURN DISTINCT s.key
       } AS contradictedBy,
       COLLECT { MATCH (c)-[:SAME_STATEMENT]-(s:Claim) RETURN DISTINCT s.key } AS sameStatementAs
