// Sequence cues from the article, once every event exists: (later)-[:AFTER]->(earlier), with the
// article's words. Cues this article declared before and no longer does are removed.
UNWIND $events AS row
MATCH (e:Event {key: row.key})
CALL (e, row) {
  MATCH (e)-[old:AFTER {declaredIn: row.articleKey}]->(earlier:Event)
  WHERE NOT earlier.key IN [a IN row.after | a.key]
  DELETE old
}
CALL (e, row) {
  UNWIND row.after AS cue
  MATCH (earlier:Event {key: cue.key})
  MERGE (e)-[r:AFTER]->(earlier)
  SET r.cueStart = cue.cueStart, r.cueEnd = cue.cueEnd, r.cueText = cue.cueText, r.declaredIn = row.articleKey
}
