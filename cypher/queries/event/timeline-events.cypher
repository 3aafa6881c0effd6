// Events between two dates (inclusive) with what orders them: dates, where the article first
// tells them, and the sequence cues (AFTER) among them. src/domain/chronology.ts orders them.
MATCH (e:Event)
WHERE e.timeStart IS NOT NULL
  AND ($from IS NULL OR coalesce(e.timeEnd, e.timeStart) >= $from)
  AND ($to IS NULL OR e.timeStart <= $to)
WITH collect(e) AS events
RETURN [e IN events | {
  key: e.key, name: e.name, start: e.timeStart, end: e.timeEnd, told: e.evidenceStart
}] AS events,
COLLECT {
  UNWIND events AS later
  MATCH (later)-[r:AFTER]->(earlier:Event)
  WHERE earlier IN events
  RETURN {later: later.key, earlier: earlier.key, cue: coalesce(r.cueText, '')}
} AS links
