// Events between two dates (inclusive) with what orders them: the days each may fall on (its
// resolved range, src/domain/time.ts; an event written before ranges were resolved reads its
// stated bounds), where the article first tells them, and the sequence cues (AFTER) among them.
// An event whose time is unknown has no place on a dated line and is left out; one known only
// approximately counts when its range overlaps the dates asked for. src/domain/chronology.ts orders them.
MATCH (e:Event)
WITH e,
  CASE WHEN e.timeBasis IS NULL THEN left(e.timeStart, 10) ELSE e.timeEarliest END AS earliest,
  CASE WHEN e.timeBasis IS NULL THEN left(coalesce(e.timeEnd, e.timeStart), 10) ELSE e.timeLatest END AS latest
WHERE (earliest IS NOT NULL OR latest IS NOT NULL)
  AND ($from IS NULL OR coalesce(latest, $from) >= $from)
  AND ($to IS NULL OR coalesce(earliest, $to) <= $to)
WITH collect({e: e, earliest: earliest, latest: latest}) AS dated
WITH dated, [d IN dated | d.e] AS events
RETURN [d IN dated | {
  key: d.e.key, name: d.e.name, start: d.earliest, end: d.latest, told: d.e.evidenceStart
}] AS events,
COLLECT {
  UNWIND events AS later
  MATCH (later)-[r:AFTER]->(earlier:Event)
  WHERE earlier IN events
  RETURN {later: later.key, earlier: earlier.key, cue: coalesce(r.cueText, '')}
} AS links
