// The whole claims list, newest first, one page by offset: what the API sent before keyset
// cursors (src/graph/claim-list.ts at 0.2.0 before keyset), for the deep-page comparison
// (bench/deep-page.ts). Same order as the keyset query, so both return the same page.
CALL () {
  MATCH (c:Claim)
  WHERE c.status IN $statuses
  WITH DISTINCT c
  RETURN count(c) AS total
}
CALL () {
  MATCH (c:Claim)
  WHERE c.status IN $statuses
  WITH DISTINCT c
  ORDER BY (c.saidEarliest IS NULL AND c.saidLatest IS NULL), coalesce(c.saidLatest, c.saidEarliest) DESC, c.key
  SKIP $offset
  LIMIT $limit
  RETURN collect(c.key) AS items
}
RETURN total, items
