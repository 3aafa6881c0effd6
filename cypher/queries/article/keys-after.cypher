// Article keys after `$after`, in key order, a page at a time (a migration walks every article).
MATCH (a:Article)
WHERE a.key > $after
RETURN a.key AS key
ORDER BY key
LIMIT $limit
