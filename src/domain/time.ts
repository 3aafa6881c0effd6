/**
 * Honest dates: every time the graph holds says how it is known (its basis) and how exactly (its
 * precision), as a range of days. A time the text never gives is not dated at publication: it is
 * a fallback, unknown to filters and shown as "date unknown (published X)".
 *
 * These zod schemas are the one definition of a resolved time; ingest stores it on the graph
 * (`time*` and, for a claim's saying, `said*` properties), the API exposes it (`TimeRef`), and the
 * claims list filters on it (`graph/claim-list.ts` mirrors `matchesRange` in Cypher).
 */
import { z } from 'zod';
import { IsoDateOrDateTime, TimeRelation, type TimeRef } from './document.js';

export const TimeBasis = z.enum([
  'stated', // the article's words give the date itself ("On January 5, 2026", "in July 2025", "late 2024")
  'relative', // the article places it against another event or its own publication ("days later", "previously", "last week")
  'publication', // it is the article's publication itself: the article's date, the outlet's own words said by publishing them
  'fallback', // nothing in the text dates it: only the article's date is known, which says nothing about when it happened
]);

export const TimePrecision = z.enum([
  'day', // one day ("On January 5, 2026")
  'month', // one calendar month, first to last day ("In July 2025")
  'year', // one calendar year, 1 January to 31 December ("1974")
  'range', // bounded on both sides, not a calendar unit ("mid-September", "days later", "late 2024")
  'open', // bounded on one side only ("previously": no earliest day)
  'unknown', // no bound at all (a fallback, or words with no date)
]);

/** An ISO calendar day: times are resolved to whole days, as the article's words allow no more. */
export const IsoDay = IsoDateOrDateTime.refine((s) => s.length === 10, 'must be a date (YYYY-MM-DD)');

/** A time as the graph holds it, resolved to the days it may fall on. */
export const TimeEstimate = z
  .object({
    basis: TimeBasis,
    precision: TimePrecision,
    /** The first day it may have been; null when the text bounds it from above only, or not at all. */
    earliest: IsoDay.nullable(),
    /** The last day it may have been; null when unbounded. */
    latest: IsoDay.nullable(),
    /** The article's own words for it ("days later"); null when the text says nothing. */
    text: z.string().nullable(),
    /** For a relative time: the key (in the graph) or id (in a document) of the event it is measured from; null: the publication. */
    anchor: z.string().nullable(),
    /** For a relative time: which side of the anchor it lies; null otherwise. */
    relation: TimeRelation.nullable(),
  })
  .strict();

export type TimeBasis = z.infer<typeof TimeBasis>;
export type TimePrecision = z.infer<typeof TimePrecision>;
export type TimeEstimate = z.infer<typeof TimeEstimate>;

/** How a date range filter matches a time: it may fall in the range, or it certainly does. */
export const DateMatch = z.enum([
  'overlaps', // the known range of days shares at least one day with the filter's range
  'within', // every day the time may fall on lies inside the filter's range
]);
export type DateMatch = z.infer<typeof DateMatch>;

const dayOf = (iso: string | undefined | null): string | null => (iso ? iso.slice(0, 10) : null);

/** The last day of a month (1-12) of a year; setUTCFullYear, since Date.UTC maps years 0-99 to 19xx. */
function lastDayOfMonth(year: number, month: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month, 0); // day 0 of the next month
  return d.getUTCDate();
}

/** How exactly a range of days pins a time down. */
export function precisionOf(earliest: string | null, latest: string | null): TimePrecision {
  if (earliest === null && latest === null) return 'unknown';
  if (earliest === null || latest === null) return 'open';
  if (earliest === latest) return 'day';
  const [ey, em, ed] = earliest.split('-').map(Number) as [number, number, number];
  const [ly, lm, ld] = latest.split('-').map(Number) as [number, number, number];
  if (ey === ly && em === lm && ed === 1 && ld === lastDayOfMonth(ly, lm)) return 'month';
  if (ey === ly && em === 1 && ed === 1 && lm === 12 && ld === 31) return 'year';
  return 'range';
}

/** The article's publication as a time: its own day, exactly. */
export function publicationTime(publishedAt: string): TimeEstimate {
  const day = dayOf(publishedAt)!;
  return {
    basis: 'publication',
    precision: 'day',
    earliest: day,
    latest: day,
    text: null,
    anchor: null,
    relation: null,
  };
}

/** A time the text never gives: unknown, whatever the article's date. */
export const FALLBACK_TIME: TimeEstimate = {
  basis: 'fallback',
  precision: 'unknown',
  earliest: null,
  latest: null,
  text: null,
  anchor: null,
  relation: null,
};

export interface EstimateContext {
  /** The article's publication date (the anchor of "last week", and the day of `absent: 'publication'`). */
  publishedAt: string;
  /** The resolved time of an event of the document, by id; undefined when it cannot be known. */
  anchorTime: (eventId: string) => TimeEstimate | undefined;
  /** The key to record for an anchor event (its graph key); the id itself when omitted. */
  anchorKey?: (eventId: string) => string;
  /** What an absent time means: the publication itself (the outlet's own words) or unknown. */
  absent: 'publication' | 'fallback';
  /**
   * The last day the time can be, when the text leaves it open after an anchor: a statement the
   * article reports was said by the day it was published.
   */
  notAfter?: string;
}

/**
 * Resolves a document's time to days. `start` alone is that one day (for a stated time); `end`
 * alone bounds from above ("by September 30"). A relative time takes its missing bound from its anchor: `before`
 * ends no later than the anchor ends ("previously"), `after` starts no earlier than it starts
 * ("days later"). Given bounds always win over derived ones.
 */
export function estimateTime(t: TimeRef | undefined, ctx: EstimateContext): TimeEstimate {
  if (t === undefined) return ctx.absent === 'publication' ? publicationTime(ctx.publishedAt) : FALLBACK_TIME;
  let earliest = dayOf(t.start);
  // `start` alone is one day, except for a relative time, whose open end comes from its anchor.
  let latest = dayOf(t.end) ?? (t.relativeTo ? null : earliest);
  let anchor: string | null = null;
  let relation: TimeEstimate['relation'] = null;
  if (t.relativeTo) {
    relation = t.relativeTo.relation;
    const id = t.relativeTo.event;
    anchor = id === undefined ? null : (ctx.anchorKey?.(id) ?? id);
    const from = id === undefined ? publicationTime(ctx.publishedAt) : ctx.anchorTime(id);
    if (relation === 'before' && latest === null) latest = from?.latest ?? null;
    if (relation === 'after' && earliest === null) earliest = from?.earliest ?? null;
    if (relation === 'after' && latest === null && ctx.notAfter) latest = dayOf(ctx.notAfter);
  }
  return {
    basis: t.relativeTo ? 'relative' : 'stated',
    precision: precisionOf(earliest, latest),
    earliest,
    latest,
    text: t.text ?? null,
    anchor,
    relation,
  };
}

/** True when the time has at least one known bound: a fallback never has. */
export function isKnown(e: Pick<TimeEstimate, 'earliest' | 'latest'>): boolean {
  return e.earliest !== null || e.latest !== null;
}

export interface DateRange {
  from: string | null;
  to: string | null;
}

/**
 * Whether a date range filter matches a time; `graph/claim-list.ts` says the same in Cypher. No
 * range: everything matches. Otherwise an unknown time (a fallback) matches only when unknowns
 * are asked for, never as if it were the publication day; a known time matches by its range of
 * days (an open side reaches as far as the filter needs for `overlaps`, never for `within`).
 */
export function matchesRange(
  e: Pick<TimeEstimate, 'earliest' | 'latest'>,
  range: DateRange,
  mode: DateMatch,
  includeUnknown: boolean,
): boolean {
  if (range.from === null && range.to === null) return true;
  if (!isKnown(e)) return includeUnknown;
  if (mode === 'overlaps') {
    return (
      (range.from === null || e.latest === null || e.latest >= range.from) &&
      (range.to === null || e.earliest === null || e.earliest <= range.to)
    );
  }
  return (
    (range.from === null || (e.earliest !== null && e.earliest >= range.from)) &&
    (range.to === null || (e.latest !== null && e.latest <= range.to))
  );
}

const MONTH_NAME = new Intl.DateTimeFormat('en', { month: 'long', timeZone: 'UTC' });

/**
 * The time in words a reader can check: a day, a month, a year, a range of days, or "date
 * unknown (published X)" for a fallback; a relative time names its words and its anchor.
 */
export function describeTime(
  e: TimeEstimate,
  opts: { publishedAt?: string | null; anchorName?: string | null } = {},
): string {
  const published = dayOf(opts.publishedAt ?? null);
  let when: string;
  switch (e.precision) {
    case 'day':
      when = e.earliest!;
      break;
    case 'month':
      when = `${MONTH_NAME.format(new Date(`${e.earliest!}T00:00:00Z`))} ${e.earliest!.slice(0, 4)}`;
      break;
    case 'year':
      when = e.earliest!.slice(0, 4);
      break;
    case 'range':
      when = `between ${e.earliest} and ${e.latest}`;
      break;
    case 'open':
      when = e.earliest === null ? `on or before ${e.latest}` : `on or after ${e.earliest}`;
      break;
    case 'unknown':
      when = published ? `date unknown (published ${published})` : 'date unknown';
      break;
  }
  if (e.basis === 'relative') {
    const anchor = e.anchor === null ? 'the publication' : (opts.anchorName ?? e.anchor);
    return `${when} ("${e.text}", ${e.relation} ${anchor})`;
  }
  return when;
}
