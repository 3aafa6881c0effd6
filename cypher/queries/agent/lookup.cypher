// Actors and sources whose name or an alias matches: exact slug first, then full-text. Every hit
// is scored (that gives the total); one keyset page of them (src/graph/keyset.ts fills __Seek__,
// __Order__, __Sort__ over the hit `h`), best first.
CALL () {
  MATCH (a:Actor)
  WHERE $nameKey IN a.nameKeys
  RETURN a AS n, 10.0 AS score
  UNION
  MATCH (s:Source)
  WHERE $nameKey IN s.nameKeys AND NOT s.anonymous
  RETURN s AS n, 10.0 AS score
  UNION
  CALL db.index.fulltext.queryNodes('agent_names', $query) YIELD node, score
  RETURN node AS n, score
}
WITH n, max(score) AS score
WHERE $types IS NULL OR (n:Actor AND 'Actor' IN $types) OR (n:Source AND 'Source' IN $types)
WITH collect({key: n.key, score: score}) AS hits
CALL (hits) {
  UNWIND hits AS h
  WITH h
  WHERE __Seek__
  WITH h
  ORDER BY __Order__
  LIMIT $limit
  RETURN collect({key: h.key, sort: __Sort__}) AS items
}
RETURN size(hits) AS total, items
