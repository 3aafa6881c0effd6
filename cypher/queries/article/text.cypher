MATCH (a:Article {key: $key})
RETURN a.text AS text
