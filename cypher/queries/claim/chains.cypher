// Claims by key with their attribution chains, in one round trip. Each chain is ordered from the
// article (hop 0) out to the origin and carries every hop's agent and addressee in full, so a
// provenance needs no second query for the claim or the agents (the loaders are primed with
// them). The property lists of the claim, the tellings and the agents are filled in by
// src/graph/claims.ts from its row schemas, as in claim/by-keys, and may be the part a request
// asks for; the affiliations are read with whole agents only (else null). What follows
// `RETURN key,` is also how a claims list reads its page's claims and chains in its own statement
// (src/graph/claims.ts `readClaimPage`): it may use only `c` and `article`.
UNWIND $keys AS key
MATCH (article:Article)-[:CONTAINS]->(c:Claim {key: key})
RETURN key,
  c {__Claim__, articleKey: article.key} AS claim,
  COLLECT {
    MATCH (c)<-[:TELLS]-(t:Telling)-[:TOLD_BY]->(agent)
    OPTIONAL MATCH (t)-[:ADDRESSED_TO]->(addressee)
    WITH t, agent, addressee
    ORDER BY t.hop
    RETURN t {
      __Telling__,
      agentKey: agent.key,
      addresseeKey: addressee.key,
      agent: agent {
        __Agent__,
        type: CASE WHEN agent:Actor THEN 'Actor' ELSE 'Source' END,
        affiliationKey: __AgentAffiliation__
      },
      addressee: CASE WHEN addressee IS NULL THEN null ELSE addressee {
        __Agent__,
        type: CASE WHEN addressee:Actor THEN 'Actor' ELSE 'Source' END,
        affiliationKey: __AddresseeAffiliation__
      } END
    }
  } AS chain
