// The attribution chains of many claims in one round trip, each ordered from the article
// (hop 0) out to the origin, with every hop's agent and addressee.
UNWIND $keys AS key
MATCH (c:Claim {key: key})<-[:TELLS]-(t:Telling)-[:TOLD_BY]->(agent)
OPTIONAL MATCH (t)-[:ADDRESSED_TO]->(addressee)
WITH key, t, agent, addressee
ORDER BY t.hop
RETURN key, collect(t {
  .*,
  agentKey: agent.key,
  addresseeKey: addressee.key
}) AS items
