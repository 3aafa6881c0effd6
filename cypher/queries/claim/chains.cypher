// The attribution chains of many claims in one round trip, each ordered from the article
// (hop 0) out to the origin, with every hop's agent and addressee in full, so resolving a
// provenance needs no second query for the agents (the loaders are primed with them).
UNWIND $keys AS key
MATCH (c:Claim {key: key})<-[:TELLS]-(t:Telling)-[:TOLD_BY]->(agent)
OPTIONAL MATCH (t)-[:ADDRESSED_TO]->(addressee)
WITH key, t, agent, addressee
ORDER BY t.hop
RETURN key, collect(t {
  .*,
  agentKey: agent.key,
  addresseeKey: addressee.key,
  agent: agent {
    .*,
    type: CASE WHEN agent:Actor THEN 'Actor' ELSE 'Source' END,
    affiliationKey: head([(agent)-[:AFFILIATED_WITH]->(org:Actor) | org.key])
  },
  addressee: CASE WHEN addressee IS NULL THEN null ELSE addressee {
    .*,
    type: CASE WHEN addressee:Actor THEN 'Actor' ELSE 'Source' END,
    affiliationKey: head([(addressee)-[:AFFILIATED_WITH]->(org:Actor) | org.key])
  } END
}) AS items
