// The review queue: proposals of a status (and type, when given), best score first, then by key
// so the order is total. Read through the (status, score) index. Count and one keyset page
// (src/graph/keyset.ts fills __Seek__, __Order__, __Sort__) in one round trip.
CALL () {
  MATCH (x:LinkProposal)
  WHERE x.status = $status AND ($type IS NULL OR x.type = $type)
  RETURN count(x) AS total
}
CALL () {
  MATCH (x:LinkProposal)
  WHERE x.status = $status AND ($type IS NULL OR x.type = $type) AND __Seek__
  WITH x
  ORDER BY __Order__
  LIMIT $limit
  RETURN collect({key: x.key, sort: __Sort__}) AS items
}
RETURN total, items
