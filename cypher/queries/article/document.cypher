// Locks the article for an edit (the SET takes its write lock until commit, so concurrent edits
// of one article serialise) and returns its stored document.
MATCH (a:Article {key: $key})
SET a.lastEditAt = datetime()
RETURN a.document AS document
