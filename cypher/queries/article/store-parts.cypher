// Stores an article's document in parts (src/domain/stored-document.ts): the frame on the
// Article, each claim's part and place on its Claim. Written by the V0007 step in one
// transaction per article, so an article is never left half converted.
MATCH (a:Article {key: $key})
SET a.document = $frame
WITH a
UNWIND $claims AS row
MATCH (a)-[:CONTAINS]->(c:Claim {key: row.key})
SET c.document = row.document, c.documentIndex = row.index
