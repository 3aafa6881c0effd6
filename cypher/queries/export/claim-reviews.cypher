// One page of assessments, each with what a schema.org ClaimReview needs: the claim, its
// verdict, the article it appears in, the earliest article that carried it, and who said it first.
// An assessment assesses one claim (the assessment writer's contract), so paging on its key is
// paging on the review.
MATCH (a:Assessment)-[:ASSESSES]->(c:Claim)
WHERE a.key > $after
WITH a, c
ORDER BY a.key
LIMIT $batch
CALL (c) {
  OPTIONAL MATCH (c)<-[:CONTAINS]-(art:Article)
  RETURN art
  ORDER BY art.key
  LIMIT 1
}
CALL (c) {
  OPTIONAL MATCH (c)<-[:TELLS]-(:Telling {isOrigin: true})-[:TOLD_BY]->(speaker:Source|Actor)
  RETURN speaker
  LIMIT 1
}
// The earliest article to carry the statement: its own, or one carrying the same statement in
// other words (SAME_STATEMENT either way).
OPTIONAL CALL (c) {
  CALL (c) {
    MATCH (c)<-[:CONTAINS]-(x:Article)
    RETURN x
    UNION
    MATCH (c)-[:SAME_STATEMENT]-(:Claim)<-[:CONTAINS]-(x:Article)
    RETURN x
  }
  RETURN x AS first
  ORDER BY x.publishedAt, x.key
  LIMIT 1
}
RETURN a.key AS key,
       properties(a) AS assessment,
       {key: c.key, text: c.text, quote: c.quote,
        // The day it was said, only when the text dates it to the day (honest dates: never the
        // article's date standing in for an unknown time, never one day of a month or a range).
        saidOn: CASE WHEN c.saidPrecision = 'day' THEN c.saidEarliest END} AS claim,
       CASE WHEN art IS NULL THEN null
         ELSE {key: art.key, url: art.url, title: art.title, publishedAt: art.publishedAt} END AS appearance,
       CASE WHEN first IS NULL THEN null
         ELSE {key: first.key, url: first.url, title: first.title, publishedAt: first.publishedAt} END AS firstAppearance,
       CASE WHEN speaker IS NULL THEN null
         ELSE {key: speaker.key, name: speaker.name, kind: speaker.kind,
               type: [l IN labels(speaker) WHERE l IN $agentLabels][0],
               site: [(speaker)<-[:PUBLISHED_BY]-(own:Article) WHERE own.url IS NOT NULL | own.url][0]}
         END AS originSpeaker
ORDER BY key
