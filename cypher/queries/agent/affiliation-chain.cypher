// Each agent's affiliation chain, nearest first (official -> ministry -> government -> state):
// the longest AFFILIATED_WITH path, which a cycle cannot make endless (no relationship repeats).
UNWIND $keys AS key
OPTIONAL MATCH (a:Actor {key: key})
OPTIONAL MATCH (s:Source {key: key})
WITH key, coalesce(a, s) AS n
WHERE n IS NOT NULL
RETURN key, coalesce(head(COLLECT {
  MATCH p = (n)-[:AFFILIATED_WITH*1..8]->(:Actor)
  WITH p ORDER BY length(p) DESC LIMIT 1
  RETURN [org IN tail(nodes(p)) | org.key]
}), []) AS items
