// Locks the article for an edit (the SET takes its write lock until commit, so concurrent edits
// of one article serialise) and returns what every edit starts from: the stored document's frame,
// the article's text (evidence is checked against it) and how many claims the article has (a new
// claim's place comes after them). Claims' parts are read by article/claim-parts, only those the
// edit needs (src/domain/stored-document.ts).
MATCH (a:Article {key: $key})
SET a.lastEditAt = datetime()
RETURN a.document AS frame, a.text AS text, COUNT { (a)-[:CONTAINS]->(:Claim) } AS claimCount
