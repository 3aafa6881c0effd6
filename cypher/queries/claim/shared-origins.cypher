// Claims that share an origin with each of many claims, with what they share: the same wire
// story (a wire agent in both chains), the same unnamed source, possibly the same unnamed source
// (two unnamed sources passed on by the same named relay and described alike: half their words
// shared, as describedAlike in src/domain/independence.ts), the same original speaker, or the
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
  MATCH (c)<-[:TELLS]-(rt:Telling)-[:QUOTED_FROM]->(t:Telling)-[:TOLD_BY]->(u)
  WHERE coalesce(t.anonymous, false) OR coalesce(u.anonymous, false)
  MATCH (rt)-[:TOLD_BY]->(relay)
  WHERE NOT coalesce(rt.anonymous, false) AND NOT coalesce(relay.anonymous, false)
  MATCH (relay)<-[:TOLD_BY]-(:Telling)-[:QUOTED_FROM]->(t2:Telling)-[:TOLD_BY]->(u2)
  WHERE u2 <> u AND (coalesce(t2.anonymous, false) OR coalesce(u2.anonymous, false))
  MATCH (t2)-[:TELLS]->(other:Claim)
  WHERE other <> c
  WITH other, u2,
       [d IN [coalesce(u.description, u.name), coalesce(u2.description, u2.name)] | COLLECT {
         UNWIND split(reduce(x = toLower(d), p IN [',', '.', '(', ')', ';', ':', '"', "'", '-'] | replace(x, p, ' ')), ' ') AS w
         WITH w WHERE size(w) >= 3 AND NOT w IN $unnamedStopWords
         RETURN DISTINCT CASE WHEN size(w) > 3 AND w ENDS WITH 's' AND NOT w ENDS WITH 'ss' THEN left(w, size(w) - 1) ELSE w END
       }] AS words
  WITH other, u2, words[0] AS wa, words[1] AS wb
  WHERE size(wa) > 0 AND size(wb) > 0
    AND 2.0 * size([w IN wa WHERE w IN wb]) / (size(wa) + size(wb)) >= 0.5
  RETURN other, 'POSSIBLY_SAME_SOURCE' AS basis, u2 AS agent
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
