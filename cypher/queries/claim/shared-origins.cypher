// Claims that share an origin with each of many claims, with what they share: the same wire
// story (a wire agent in both chains), the same unnamed source, the same original speaker, or the
// same folded voice (original speakers whose affiliation chains reach the same highest body of a
// kind in $oneVoiceKinds). No SUPPORTS link is needed: these are what makes two reports one origin.
UNWIND $keys AS key
MATCH (c:Claim {key: key})
CALL (c) {
  MATCH (c)<-[:TELLS]-(:Telling)-[:TOLD_BY]->(w:Source {kind: 'wire'})<-[:TOLD_BY]-(:Telling)-[:TELLS]->(other:Claim)
  WHERE other <> c
  RETURN other, 'WIRE_STORY' AS basis, w AS agent
  UNION
  MATCH (c)<-[:TELLS]-(t:Telling)-[:TOLD_BY]->(u)
  WHERE coalesce(t.anonymous, false) OR coalesce(u.anonymous, false)
  MATCH (u)<-[:TOLD_BY]-(:Telling)-[:TELLS]->(other:Claim)
  WHERE other <> c
  RETURN other, 'UNNAMED_SOURCE' AS basis, u AS agent
  UNION
  MATCH (c)<-[:TELLS]-(:Telling {isOrigin: true})-[:TOLD_BY]->(s)<-[:TOLD_BY]-(:Telling {isOrigin: true})-[:TELLS]->(other:Claim)
  WHERE other <> c
  RETURN other, 'ORIGINAL_SPEAKER' AS basis, s AS agent
  UNION
  MATCH (c)<-[:TELLS]-(:Telling {isOrigin: true})-[:TOLD_BY]->(s)
  WITH s, [n IN [s] + coalesce(head(COLLECT {
         MATCH p = (s)-[:AFFILIATED_WITH*1..8]->(:Actor)
         WITH p ORDER BY length(p) DESC LIMIT 1
         RETURN tail(nodes(p))
       }), []) WHERE n.kind IN $oneVoiceKinds] AS voices
  WITH s, last(voices) AS voice
  WHERE voice IS NOT NULL
  MATCH (voice)<-[:AFFILIATED_WITH*0..8]-(member)<-[:TOLD_BY]-(:Telling {isOrigin: true})-[:TELLS]->(other:Claim)
  WHERE other <> c AND member <> s
  RETURN other, 'FOLDED_VOICE' AS basis, voice AS agent
}
WITH key, other, basis, agent
WHERE other.status IN $statuses
WITH key, other, collect(DISTINCT {basis: basis, agentKey: agent.key, agentName: agent.name}) AS shared
ORDER BY other.key
RETURN key, collect({claimKey: other.key, shared: shared}) AS items
