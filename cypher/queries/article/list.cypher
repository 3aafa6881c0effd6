MATCH (a:Article)
WITH a
ORDER BY a.publishedAt DESC, a.key
WITH collect(a.key) AS keys
RETURN size(keys) AS total, keys[$offset..($offset + $limit)] AS items
