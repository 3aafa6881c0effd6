// Removes what an edit of some claims of an article no longer says: their tellings past a
// shortened chain and the relations this article declared from them that the edit dropped; then,
// as a whole re-ingest does, the article's mentions of what its document no longer names, and
// unnamed sources and events that no article mentions any more. Other claims are not visited.
MATCH (article:Article {key: $articleKey})
CALL (article) {
  UNWIND $claimKeys AS key
  MATCH (article)-[:CONTAINS]->(:Claim {key: key})<-[:TELLS]-(t:Telling)
  WHERE NOT t.key IN $tellingKeys
  DETACH DELETE t
}
CALL (article) {
  UNWIND $claimKeys AS key
  MATCH (article)-[:CONTAINS]->(:Claim {key: key})-[r:SUPPORTS|CONTRADICTS|SAME_STATEMENT]->(:Claim)
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
