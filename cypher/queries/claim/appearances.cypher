// Every telling of the same statement: the claim itself and its SAME_STATEMENT equivalents in
// any article, each with its origin and when the origin said it, earliest first. The first row
// answers "who said it first".
UNWIND $keys AS key
MATCH (c:Claim {key: key})
OPTIONAL MATCH (c)-[:SAME_STATEMENT]-{1,4}(other:Claim)
WITH key, c, collect(DISTINCT other) AS others
UNWIND [c] + others AS same
MATCH (article:Article)-[:CONTAINS]->(same)
MATCH (same)<-[:TELLS]-(origin:Telling {isOrigin: true})-[:TOLD_BY]->(speaker)
WITH key, same, article, origin, speaker
ORDER BY same.saidAt, article.publishedAt, same.key
RETURN key, collect({
  claimKey: same.key,
  articleKey: article.key,
  articleTitle: article.title,
  articleUrl: article.url,
  publishedAt: article.publishedAt,
  saidAt: same.saidAt,
  saidBasis: same.saidBasis,
  saidPrecision: same.saidPrecision,
  saidEarliest: same.saidEarliest,
  saidLatest: same.saidLatest,
  saidText: same.saidText,
  saidAnchorKey: same.saidAnchorKey,
  saidRelation: same.saidRelation,
  originAgentKey: speaker.key,
  originRole: origin.role,
  quote: same.quote,
  text: same.text
}) AS items
