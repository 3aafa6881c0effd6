// Every claim's part of the article's stored document, in document order
// (src/domain/stored-document.ts): what an edit that changes a source or actor reads, to find
// the claims that name it.
MATCH (:Article {key: $articleKey})-[:CONTAINS]->(c:Claim)
RETURN c.document AS document, c.documentIndex AS index
ORDER BY index
