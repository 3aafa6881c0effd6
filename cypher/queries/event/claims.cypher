// Claims tied to many events, per event, in the order they were said (unknown times last); a
// keyset page (src/graph/keyset.ts fills __Seek__, __Order__, __Sort__).
UNWIND $keys AS key
MATCH (e:Event {key: key})
CALL (e) {
  MATCH (e)<-[:REFERS_TO]-(c:Claim)
  WHERE c.status IN $statuses
  RETURN count(c) AS total
}
CALL (e) {
  MATCH (e)<-[:REFERS_TO]-(c:Claim)
  WHERE c.status IN $statuses
  WITH c
  WHERE __Seek__
  WITH c
  ORDER BY __Order__
  LIMIT $limit
  RETURN collect({key: c.key, sort: __Sort__}) AS items
}
RETURN key, total, items
