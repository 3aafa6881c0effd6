// One telling per link of the chain: a PROV entity attributed (TOLD_BY) to its agent.
UNWIND $tellings AS row
MATCH (c:Claim {key: row.claimKey})
MERGE (t:Telling {key: row.key})
SET t += row.props
MERGE (t)-[:TELLS]->(c)
WITH t, row
OPTIONAL MATCH (agentActor:Actor {key: row.agentKey})
OPTIONAL MATCH (agentSource:Source {key: row.agentKey})
WITH t, row, coalesce(agentActor, agentSource) AS agent
MERGE (t)-[:TOLD_BY]->(agent)
WITH t, row, agent
CALL (t, agent) {
  MATCH (t)-[old:TOLD_BY]->(other)
  WHERE other <> agent
  DELETE old
}
CALL (t, row) {
  OPTIONAL MATCH (toActor:Actor {key: row.addresseeKey})
  OPTIONAL MATCH (toSource:Source {key: row.addresseeKey})
  WITH t, coalesce(toActor, toSource) AS addressee
  CALL (t, addressee) {
    MATCH (t)-[old:ADDRESSED_TO]->(other)
    WHERE addressee IS NULL OR other <> addressee
    DELETE old
  }
  WITH t, addressee
  WHERE addressee IS NOT NULL
  MERGE (t)-[:ADDRESSED_TO]->(addressee)
}
CALL (t, row) {
  WITH t, row
  WHERE row.inArticle
  MATCH (article:Article {key: row.articleKey})
  MERGE (t)-[:IN_ARTICLE]->(article)
}
