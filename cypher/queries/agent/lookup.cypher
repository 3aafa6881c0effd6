// Actors and sources whose name or an alias matches: exact slug first, then full-text.
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
WITH n, score
ORDER BY score DESC, n.key
WITH collect(n.key) AS keys
RETURN size(keys) AS total, keys[$offset..($offset + $limit)] AS items
