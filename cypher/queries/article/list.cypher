// Ingested articles, newest first: the total from the label's count, and one keyset page
// (src/graph/keyset.ts fills __Seek__, __Order__, __Sort__) read through the publishedAt index.
CALL () {
  MATCH (a:Article)
  RETURN count(a) AS total
}
CALL () {
  MATCH (a:Article)
  WHERE __Seek__
  WITH a
  ORDER BY __Order__
  LIMIT $limit
  RETURN collect({key: a.key, sort: __Sort__}) AS items
}
RETURN total, items
