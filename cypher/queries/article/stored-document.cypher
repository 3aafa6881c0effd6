// An article's stored `document` as it is, and its id (the V0007 step reads documents stored
// whole to cut them into parts).
MATCH (a:Article {key: $key})
RETURN a.id AS id, a.document AS document
