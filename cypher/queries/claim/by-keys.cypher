// Claims by key, with the article that contains them (the article's full text stays behind).
UNWIND $keys AS key
MATCH (article:Article)-[:CONTAINS]->(c:Claim {key: key})
RETURN key, c {.*, articleKey: article.key, contentHash: null} AS item
