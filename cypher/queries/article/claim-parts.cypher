// Some claims' parts of their article's stored document, by claim key, with their places in it
// (src/domain/stored-document.ts): what an edit of one claim reads. Claims of other articles and
// keys that name no claim give no row.
MATCH (a:Article {key: $articleKey})
UNWIND $claimKeys AS key
MATCH (a)-[:CONTAINS]->(c:Claim {key: key})
RETURN c.document AS document, c.documentIndex AS index
