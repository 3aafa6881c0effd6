// The element id of the node a neighbourhood starts from (label chosen from an allow-list).
OPTIONAL MATCH (claim:Claim {key: $key})
OPTIONAL MATCH (actor:Actor {key: $key})
OPTIONAL MATCH (source:Source {key: $key})
OPTIONAL MATCH (article:Article {key: $key})
OPTIONAL MATCH (event:Event {key: $key})
OPTIONAL MATCH (place:Place {key: $key})
OPTIONAL MATCH (telling:Telling {key: $key})
WITH coalesce(claim, actor, source, article, event, place, telling) AS n
WHERE n IS NOT NULL
RETURN elementId(n) AS id, n {.*, text: CASE WHEN n:Article THEN null ELSE n.text END, document: null} AS props, labels(n) AS labels
