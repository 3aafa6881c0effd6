// Events between two dates (inclusive), in time order. Dates compare as ISO strings.
MATCH (e:Event)
WHERE e.timeStart IS NOT NULL
  AND ($from IS NULL OR coalesce(e.timeEnd, e.timeStart) >= $from)
  AND ($to IS NULL OR e.timeStart <= $to)
WITH e
ORDER BY e.timeStart, e.key
WITH collect(e.key) AS keys
RETURN size(keys) AS total, keys[$offset..($offset + $limit)] AS items
