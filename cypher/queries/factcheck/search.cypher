// Assessed claims in the shape of Google's Fact Check Tools API claims:search: the claims
// matching $query (Lucene, escaped by src/graph/lucene.ts; null: every assessed claim), of the
// given primary language ($language, null: any), whose claim or latest review date is on or after
// $since (null: any age), best match first (then newest review), paged in one round trip.
CALL () {
  WITH $query AS query
  WHERE query IS NOT NULL
  CALL db.index.fulltext.queryNodes('claim_text', query) YIELD node, score
  RETURN node, score
  UNION
  WITH $query AS query
  WHERE query IS NULL
  MATCH (:Assessment)-[:ASSESSES]->(node:Claim)
  RETURN DISTINCT node, 1.0 AS score
}
WITH node AS c, max(score) AS score
WHERE c.status IN $statuses AND EXISTS { (:Assessment)-[:ASSESSES]->(c) }
CALL (c) {
  OPTIONAL MATCH (c)<-[:CONTAINS]-(art:Article)
  RETURN art
  ORDER BY art.key
  LIMIT 1
}
WITH c, score, art, split(toLower(coalesce(art.language, '')), '-')[0] AS language
WHERE $language IS NULL OR language = $language
CALL (c) {
  MATCH (a:Assessment)-[:ASSESSES]->(c)
  WITH a ORDER BY toString(a.date) DESC, a.key
  RETURN collect(properties(a)) AS reviews, max(toString(a.date)) AS latestReview
}
WITH c, score, art, reviews, latestReview,
     CASE WHEN toString(c.saidAt) > latestReview THEN toString(c.saidAt) ELSE latestReview END AS newest
WHERE $since IS NULL OR newest >= $since
CALL (c) {
  OPTIONAL MATCH (c)<-[:TELLS]-(:Telling {isOrigin: true})-[:TOLD_BY]->(speaker:Source|Actor)
  RETURN speaker
  LIMIT 1
}
WITH c, score, art, reviews, latestReview, speaker
ORDER BY score DESC, latestReview DESC, c.key
WITH collect({
  key: c.key,
  text: c.text,
  claimant: speaker.name,
  claimDate: toString(c.saidAt),
  language: art.language,
  reviews: reviews
}) AS hits
RETURN size(hits) AS total, hits[$offset..$offset + $limit] AS items
