/**
 * Times and evidence as the API shows them: `TimeRef` (the article's words, how the time is known,
 * how exactly, the days it may fall on) and `Evidence` (the article's words with offsets), and the
 * functions that read them from a stored node.
 */
import { builder } from './builder.js';
import type { EvidenceProps, SaidProps, TimeProps } from '../graph/row.js';
import { eventByKey } from '../graph/events.js';
import { FALLBACK_TIME, TimeEstimate, describeTime, estimateTime, isKnown } from '../domain/time.js';
import { TimeBasisEnum, TimePrecisionEnum, TimeRelationEnum } from './enums.js';
import { EventRef } from './refs.js';

/** A time as the API shows it: the article's words and bounds, and what they resolve to. */
export interface TimeShape extends TimeEstimate {
  start: string | null;
  end: string | null;
  /** The article's publication date, for the label of a fallback ("date unknown (published X)"). */
  publishedAt: string | null;
}
export interface SpanShape {
  start: number;
  end: number;
  text: string;
}

export const TimeRefRef = builder.objectRef<TimeShape>('TimeRef').implement({
  description:
    'A time as precise as the article allows: its own words and bounds, how it is known (`basis`), how ' +
    'exactly (`precision`), and the days it may fall on (`earliest`..`latest`). See docs/grading.md, "Dates".',
  fields: (t) => ({
    text: t.exposeString('text', { nullable: true, description: 'The article\'s words ("mid-September").' }),
    start: t.expose('start', { type: 'DateTime', nullable: true, description: 'Earliest moment stated.' }),
    end: t.expose('end', { type: 'DateTime', nullable: true, description: 'Latest moment stated.' }),
    basis: t.field({ type: TimeBasisEnum, resolve: (x) => x.basis, description: 'How the time is known.' }),
    precision: t.field({
      type: TimePrecisionEnum,
      resolve: (x) => x.precision,
      description: 'How exactly: a day, a month, a year, a range, open on one side, or unknown.',
    }),
    earliest: t.expose('earliest', {
      type: 'Date',
      nullable: true,
      description: 'The first day it may fall on; null when unbounded (or unknown).',
    }),
    latest: t.expose('latest', {
      type: 'Date',
      nullable: true,
      description: 'The last day it may fall on; null when unbounded (or unknown).',
    }),
    known: t.boolean({
      description: 'False for a fallback (or words with no date): date filters treat it as unknown.',
      resolve: (x) => isKnown(x),
    }),
    relation: t.field({
      type: TimeRelationEnum,
      nullable: true,
      description: 'For a relative time: before or after its anchor.',
      resolve: (x) => x.relation,
    }),
    relativeTo: t.field({
      type: EventRef,
      nullable: true,
      description: "For a relative time: the event it is measured from (null: the article's publication).",
      resolve: (x, _a, ctx) => (x.anchor === null ? null : eventByKey(ctx.loaders, x.anchor)),
    }),
    label: t.string({
      description:
        'In words: "2026-01-05", "September 2025", "between 2025-09-11 and 2025-09-30", "on or before ' +
        '2025-09-30", "date unknown (published 2026-01-06)"; a relative time adds its words and anchor.',
      resolve: async (x, _a, ctx) => {
        const anchor = x.anchor === null ? null : await eventByKey(ctx.loaders, x.anchor);
        return describeTime(x, { publishedAt: x.publishedAt, anchorName: anchor?.name ?? null });
      },
    }),
  }),
});

export const EvidenceRef = builder.objectRef<SpanShape>('Evidence').implement({
  description: 'The exact words of the article that show something, with character offsets into its text.',
  fields: (t) => ({
    start: t.exposeInt('start', { description: 'Offset of the first character (UTF-16 code units).' }),
    end: t.exposeInt('end', { description: 'Offset after the last character.' }),
    text: t.exposeString('text', { description: 'The words themselves.' }),
  }),
});

/** A stored time's parts, whichever node properties they were stored under. */
interface StoredTime {
  text: string | null;
  start: string | null;
  end: string | null;
  basis: string | null;
  precision: string | null;
  earliest: string | null;
  latest: string | null;
  anchor: string | null;
  relation: string | null;
}

/** The time an event, a claim or a telling refers to, or null when it has none. */
export function timeOf(p: TimeProps): TimeShape | null {
  return storedTime(
    {
      text: p.timeText,
      start: p.timeStart,
      end: p.timeEnd,
      basis: p.timeBasis,
      precision: p.timePrecision,
      earliest: p.timeEarliest,
      latest: p.timeLatest,
      anchor: p.timeAnchorKey,
      relation: p.timeRelation,
    },
    null,
  );
}

/** When a claim (or an appearance of it) was said, or null when nothing is stored. */
export function saidOf(p: SaidProps, publishedAt: string | null): TimeShape | null {
  return storedTime(
    {
      text: p.saidText,
      start: null,
      end: null,
      basis: p.saidBasis,
      precision: p.saidPrecision,
      earliest: p.saidEarliest,
      latest: p.saidLatest,
      anchor: p.saidAnchorKey,
      relation: p.saidRelation,
    },
    publishedAt,
  );
}

/**
 * A stored time as the API shows it. A node written before times were resolved (no basis
 * stored) is read as stated, resolved from its bounds.
 */
function storedTime(t: StoredTime, publishedAt: string | null): TimeShape | null {
  const { text, start, end } = t;
  const stored = TimeEstimate.safeParse({
    basis: t.basis,
    precision: t.precision,
    earliest: t.earliest,
    latest: t.latest,
    text,
    anchor: t.anchor,
    relation: t.relation,
  });
  if (stored.success) return { ...stored.data, start, end, publishedAt };
  if (text === null && start === null) return null;
  const resolved = estimateTime(
    {
      ...(text !== null ? { text } : {}),
      ...(start !== null ? { start } : {}),
      ...(end !== null ? { end } : {}),
    },
    { publishedAt: publishedAt ?? '', anchorTime: () => undefined, absent: 'fallback' },
  );
  return { ...resolved, start, end, publishedAt };
}

/** A saying time the graph does not hold: unknown, labelled with the article's date when known. */
export function fallbackTime(publishedAt: string | null): TimeShape {
  return { ...FALLBACK_TIME, start: null, end: null, publishedAt };
}

/** The article's words that show a node, or null when none were stored. */
export function evidenceOf(p: EvidenceProps): SpanShape | null {
  if (p.evidenceStart === null || p.evidenceEnd === null || p.evidenceText === null) return null;
  return { start: p.evidenceStart, end: p.evidenceEnd, text: p.evidenceText };
}
