// Every node of the graph but the migration records, as stored: its id (only to join the
// relationships below within one backup), labels and properties.
MATCH (n)
WHERE NOT n:__Migration
RETURN elementId(n) AS id, labels(n) AS labels, properties(n) AS props
