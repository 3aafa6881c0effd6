// Claims by key, with the article that contains them. The list of the claim's properties to
// read is filled in by src/graph/claims.ts from its row schema (all that ClaimRow reads,
// or the part of it a request asks for): never `.*`, so stored bookkeeping (the document, content
// hash, grading hash) is neither sent nor decoded. What follows `RETURN key,` is also how a claims
// list reads its page's claims in its own statement (src/graph/claims.ts `readClaimPage`).
UNWIND $keys AS key
MATCH (article:Article)-[:CONTAINS]->(c:Claim {key: key})
RETURN key, c {__Claim__, articleKey: article.key} AS claim
