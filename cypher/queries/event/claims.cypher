// Claims tied to many events, per event, in the order they were said.
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
  ORDER BY c.saidAt, c.key
  SKIP $offset
  LIMIT $limit
  RETURN collect(c.key) AS items
}
RETURN key, total, items
