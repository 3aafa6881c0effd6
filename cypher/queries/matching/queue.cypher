// The review queue: proposals of a status (and type, when given), best score first, then by key
// so the order is total. Read through the (status, score) index. Count and page in one round trip.
MATCH (x:LinkProposal)
WHERE x.status = $status AND ($type IS NULL OR x.type = $type)
WITH x ORDER BY x.score DESC, x.key
WITH collect(x.key) AS keys
RETURN size(keys) AS total, keys[$offset..$offset + $limit] AS items
