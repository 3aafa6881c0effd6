UNWIND $events AS row
MERGE (e:Event {key: row.key})
SET e += row.props
WITH e, row
MATCH (article:Article {key: row.articleKey})
MERGE (article)-[:MENTIONS]->(e)
WITH e, row
CALL (e, row) {
  MATCH (p:Place {key: row.placeKey})
  MERGE (e)-[:AT]->(p)
}
CALL (e, row) {
  UNWIND row.participantKeys AS participantKey
  OPTIONAL MATCH (a:Actor {key: participantKey})
  OPTIONAL MATCH (s:Source {key: participantKey})
  WITH e, coalesce(a, s) AS participant
  WHERE participant IS NOT NULL
  MERGE (participant)-[:PARTICIPATED_IN]->(e)
}
