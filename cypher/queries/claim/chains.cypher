// Claims by key with their attribution chains, in one round trip. Each chain is ordered from the
// article (hop 0) out to the origin and carries every hop's agent and addressee in full, so a
// provenance needs no second query for the claim or the agents (the loaders are primed with
// them). Same claim projection as claim/by-keys.
UNWIND $keys AS key
MATCH (article:Article)-[:CONTAINS]->(c:Claim {key: key})
RETURN key,
  c {.*, articleKey: article.key, contentHash: null, document: null} AS claim,
  COLLECT {
    MATCH (c)<-[:TELLS]-(t:Telling)-[:TOLD_BY]->(agent)
    OPTIONAL MATCH (t)-[:ADDRESSED_TO]->(addressee)
    WITH t, agent, addressee
    ORDER BY t.hop
    RETURN t {
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
    }
  } AS chain
