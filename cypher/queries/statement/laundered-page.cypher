// One keyset page of laundered appearances, in key order (src/graph/keyset.ts fills __Seek__,
// __Order__, __Sort__ over `key`), counted and paged here rather than by computing every
// statement's journey: a claim is laundered when an earlier appearance of its statement
// (SAME_STATEMENT up to six links; earlier in the journey's order: published before it, or at the
// same time with a smaller key) carried an unnamed source or a hedge, and this one carries no
// unnamed source, or fewer hedges and no more unnamed sources. The same rule as `launders` in
// src/domain/statement.ts; tests/integration/statement.int.test.ts holds the two equal. The
// journey of each claim on the page then gives its laundering (which earlier one, and why).
MATCH (l:Claim)-[:SAME_STATEMENT]-(:Claim)
WHERE l.status IN $statuses
WITH DISTINCT l
MATCH (la:Article)-[:CONTAINS]->(l)
WITH l, la,
     COUNT {
       MATCH (l)<-[:TELLS]-(t:Telling)-[:TOLD_BY]->(g)
       WHERE coalesce(t.anonymous, false) OR coalesce(g.anonymous, false)
     } AS unnamedLater,
     size(coalesce(l.hedges, [])) AS hedgesLater
WHERE EXISTS {
  MATCH (l)-[:SAME_STATEMENT*1..6]-(e:Claim)<-[:CONTAINS]-(ea:Article)
  WHERE e <> l AND e.status IN $statuses
    AND (ea.publishedAt < la.publishedAt OR (ea.publishedAt = la.publishedAt AND e.key < l.key))
  WITH DISTINCT e,
       COUNT {
         MATCH (e)<-[:TELLS]-(t:Telling)-[:TOLD_BY]->(g)
         WHERE coalesce(t.anonymous, false) OR coalesce(g.anonymous, false)
       } AS unnamedEarlier
  WHERE (unnamedEarlier > 0 AND unnamedLater = 0)
     OR (size(coalesce(e.hedges, [])) > hedgesLater AND unnamedLater <= unnamedEarlier)
}
WITH l.key AS key
WITH collect(key) AS keys
CALL (keys) {
  UNWIND keys AS key
  WITH key
  WHERE __Seek__
  WITH key
  ORDER BY __Order__
  LIMIT $limit
  RETURN collect({key: key, sort: __Sort__}) AS items
}
RETURN size(keys) AS total, items
