// Who a source or actor belongs to or speaks for.
UNWIND $links AS link
MATCH (org:Actor {key: link.affiliationKey})
OPTIONAL MATCH (s:Source {key: link.key})
OPTIONAL MATCH (a:Actor {key: link.key})
WITH org, coalesce(s, a) AS member
WHERE member IS NOT NULL
MERGE (member)-[:AFFILIATED_WITH]->(org)
