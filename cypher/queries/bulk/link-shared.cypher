// Links between shared nodes named by a bulk batch (affiliations, places within places, where
// events happened, who took part), each pair once (deduplicated by the loader). Either end may
// have been linked by an earlier article, so MERGE.
CALL () {
  UNWIND $sourceAffiliations AS row
  MATCH (m:Source {key: row.key}), (org:Actor {key: row.affiliationKey})
  MERGE (m)-[:AFFILIATED_WITH]->(org)
}
CALL () {
  UNWIND $actorAffiliations AS row
  MATCH (m:Actor {key: row.key}), (org:Actor {key: row.affiliationKey})
  MERGE (m)-[:AFFILIATED_WITH]->(org)
}
CALL () {
  UNWIND $within AS row
  MATCH (p:Place {key: row.key}), (outer:Place {key: row.withinKey})
  MERGE (p)-[:WITHIN]->(outer)
}
CALL () {
  UNWIND $at AS row
  MATCH (e:Event {key: row.key}), (p:Place {key: row.placeKey})
  MERGE (e)-[:AT]->(p)
}
CALL () {
  UNWIND $actorParticipants AS row
  MATCH (x:Actor {key: row.key}), (e:Event {key: row.eventKey})
  MERGE (x)-[:PARTICIPATED_IN]->(e)
}
CALL () {
  UNWIND $sourceParticipants AS row
  MATCH (x:Source {key: row.key}), (e:Event {key: row.eventKey})
  MERGE (x)-[:PARTICIPATED_IN]->(e)
}
