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
// The latest day the claim may have been said counts for the age filter; an unknown time
// (a fallback: no saidLatest) does not, so only its reviews date it.
WITH c, score, art, reviews, latestReview,
     CASE WHEN c.saidBasis <> 'fallback' AND toString(c.saidLatest) > latestReview
       THEN toString(c.saidLatest) ELSE latestReview END AS newest
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
  // Only a saying dated to the day: Google's claimDate is one timestamp, and a month, a range
  // or the article's date standing in for an unknown time would claim more than the text says.
  claimDate: CASE WHEN c.saidPrecision = 'day' THEN toString(c.saidEarliest) END,
  language: art.language,
  reviews: reviews
}) AS hits
RETURN size(hits) AS total, hits[$offset..$offset + $limit] AS items
