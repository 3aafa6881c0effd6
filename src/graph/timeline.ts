/**
 * The timeline: events in a date range, ordered by src/domain/chronology.ts (dates, then the
 * article's sequence cues, then the order the article tells them; never by name).
 */
import type { Database } from '../db/database.js';
import { cypher } from '../db/cypher.js';
import { chronology, type Chronology, type DatedEvent, type SequenceLink } from '../domain/chronology.js';

export interface TimelineRange {
  from: string | null;
  to: string | null;
}

export async function timeline(db: Database, range: TimelineRange): Promise<Chronology> {
  const [row] = await db.readOne(cypher('event/timeline-events'), { from: range.from, to: range.to });
  const events = ((row?.events as unknown as Record<string, unknown>[] | undefined) ?? []).map(
    (e): DatedEvent => ({
      key: String(e.key),
      name: String(e.name ?? e.key),
      start: e.start == null ? null : String(e.start),
      end: e.end == null ? null : String(e.end),
      told: e.told == null ? null : Number(e.told),
    }),
  );
  const links = ((row?.links as unknown as SequenceLink[] | undefined) ?? []).map((l) => ({
    later: String(l.later),
    earlier: String(l.earlier),
    cue: String(l.cue),
  }));
  return chronology(events, links);
}
