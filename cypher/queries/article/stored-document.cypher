// The document an article was last ingested from (null for a new article).
OPTIONAL MATCH (a:Article {key: $key})
RETURN a.document AS document
