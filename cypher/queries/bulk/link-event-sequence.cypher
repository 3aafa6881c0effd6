// Sequence cues of a bulk batch, each pair once with the words and article of its last
// declaration (src/graph/bulk-statements.ts): what article/link-event-sequence leaves for new
// articles, which have no earlier cues of their own to remove.
UNWIND $after AS row
MATCH (e:Event {key: row.key}), (earlier:Event {key: row.earlierKey})
MERGE (e)-[r:AFTER]->(earlier)
SET r.cueStart = row.cueStart, r.cueEnd = row.cueEnd, r.cueText = row.cueText, r.declaredIn = row.articleKey
