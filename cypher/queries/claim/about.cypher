// What many claims refer to: actors, places, events and sources.
UNWIND $keys AS key
MATCH (c:Claim {key: key})-[:REFERS_TO]->(x)
WITH key, x
ORDER BY x.key
RETURN key, collect({
  key: x.key,
  type: CASE WHEN x:Actor THEN 'Actor' WHEN x:Place THEN 'Place' WHEN x:Event THEN 'Event' ELSE 'Source' END
}) AS items
