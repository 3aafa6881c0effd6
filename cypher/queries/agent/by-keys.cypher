// Actors and sources by key (an agent of a hop is either).
UNWIND $keys AS key
OPTIONAL MATCH (a:Actor {key: key})
OPTIONAL MATCH (s:Source {key: key})
WITH key, coalesce(a, s) AS n
WHERE n IS NOT NULL
OPTIONAL MATCH (n)-[:AFFILIATED_WITH]->(org:Actor)
RETURN key, n {
  .*,
  type: CASE WHEN n:Actor THEN 'Actor' ELSE 'Source' END,
  affiliationKey: org.key
} AS item
