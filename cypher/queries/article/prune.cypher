// Removes what an edited document no longer says: claims and their tellings, tellings past a
// shortened chain, relations this article declared, mentions, and unnamed sources and events
// that no article mentions any more. Shared actors, places and named sources stay.
MATCH (article:Article {key: $articleKey})
CALL (article) {
  MATCH (article)-[:CONTAINS]->(c:Claim)
  WHERE NOT c.key IN $claimKeys
  OPTIONAL MATCH (c)<-[:TELLS]-(t:Telling)
  OPTIONAL MATCH (c)<-[:REVISES]-(r:Revision)
  DETACH DELETE c, t, r
}
CALL (article) {
  MATCH (article)-[:CONTAINS]->(:Claim)<-[:TELLS]-(t:Telling)
  WHERE NOT t.key IN $tellingKeys
  DETACH DELETE t
}
CALL (article) {
  MATCH (article)-[:CONTAINS]->(:Claim)-[r:SUPPORTS|CONTRADICTS|SAME_STATEMENT]->(:Claim)
  WHERE r.declaredIn = $articleKey AND NOT (startNode(r).key + '|' + type(r) + '|' + endNode(r).key) IN $relationIds
  DELETE r
}
CALL (article) {
  MATCH (article)-[m:MENTIONS]->(x)
  WHERE NOT x.key IN $mentionKeys
  DELETE m
  WITH x
  WHERE (x:Event OR (x:Source AND x.anonymous)) AND NOT (x)<-[:MENTIONS]-()
  DETACH DELETE x
}
