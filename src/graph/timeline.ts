/**
 * The timeline: events in a date range, ordered by src/domain/chronology.ts (dates, then the
 * article's sequence cues, then the order the article tells them; never by name).
 */
import { z } from 'zod';
import type { Database } from '../db/database.js';
import { cypher } from '../db/cypher.js';
import { chronology, type Chronology, type DatedEvent, type SequenceLink } from '../domain/chronology.js';
import { optNumber, optText } from './row.js';

export interface TimelineRange {
  from: string | null;
  to: string | null;
}

/** The dated events and their sequence cues, as event/timeline-events returns them. */
const TimelineRow = z.object({
  events: z
    .array(
      z.object({
        key: z.string(),
        name: optText,
        start: optText,
        end: optText,
        /** Where the article tells it (its evidence offset): the last tie-breaker. */
        told: optNumber,
      }),
    )
    .default([]),
  links: z.array(z.object({ later: z.string(), earlier: z.string(), cue: z.string() })).default([]),
});

export async function timeline(db: Database, range: TimelineRange): Promise<Chronology> {
  const [row] = await db.readOne(cypher('event/timeline-events'), { from: range.from, to: range.to });
  const { events, links } = TimelineRow.parse(row ?? {});
  return chronology(
    events.map((e): DatedEvent => ({ ...e, name: e.name ?? e.key })),
    links satisfies SequenceLink[],
  );
}
