// The node a neighbourhood export starts from, under any exported label (each has a key index).
MATCH (n:__Labels__)
WHERE n.key = $nodeKey
RETURN n.key AS key
LIMIT 1
