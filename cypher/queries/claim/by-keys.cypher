// Claims by key, with the article that contains them (the article's full text and the claim's
// stored part of the document stay behind).
UNWIND $keys AS key
MATCH (article:Article)-[:CONTAINS]->(c:Claim {key: key})
RETURN key, c {.*, articleKey: article.key, contentHash: null, document: null} AS item
