// Every relationship between the nodes of backup/nodes, with its type and properties.
MATCH (a)-[r]->(b)
WHERE NOT a:__Migration AND NOT b:__Migration
RETURN elementId(a) AS start, elementId(b) AS end, type(r) AS type, properties(r) AS props
