/**
 * The edges of src/domain/time.ts that the properties of time.test.ts do not pin down, one case
 * per boundary: each calendar-unit condition of `precisionOf` on its own, every side of a relative
 * time (anchor known, unknown, absent; `notAfter` given or not), both operators of each filter
 * bound in `matchesRange`, and every branch of `describeTime`. Written from the mutants that the
 * first mutation run of this file left alive (docs/mutation-testing.md).
 */
import { describe, expect, it } from 'vitest';
import {
  FALLBACK_TIME,
  IsoDay,
  TimeEstimate,
  describeTime,
  estimateTime,
  isKnown,
  matchesRange,
  precisionOf,
  publicationTime,
  type EstimateContext,
} from '../../../src/domain/time.js';

const known = (earliest: string | null, latest: string | null) => ({ earliest, latest });
const SEPT: TimeEstimate = {
  basis: 'stated',
  precision: 'range',
  earliest: '2025-09-11',
  latest: '2025-09-20',
  text: 'mid-September',
  anchor: null,
  relation: null,
};
/** No anchorKey: the anchor is recorded by its document id. */
const bare: EstimateContext = {
  publishedAt: '2026-01-06T08:00:00Z',
  anchorTime: (id) => (id === 'paris' ? SEPT : undefined),
  absent: 'fallback',
};

describe('precisionOf', () => {
  it('tells unknown, open and a single day apart', () => {
    expect(precisionOf(null, null)).toBe('unknown');
    expect(precisionOf('2025-07-01', null)).toBe('open');
    expect(precisionOf(null, '2025-07-01')).toBe('open');
    expect(precisionOf('2025-07-01', '2025-07-01')).toBe('day');
  });

  it('calls a range a month only when it runs from the first to the last day of one month', () => {
    expect(precisionOf('2025-07-01', '2025-07-31')).toBe('month');
    expect(precisionOf('2024-02-01', '2024-02-29')).toBe('month');
    expect(precisionOf('2025-02-01', '2025-02-28')).toBe('month');
    expect(precisionOf('2025-07-02', '2025-07-31')).toBe('range'); // not from the first
    expect(precisionOf('2025-07-01', '2025-07-30')).toBe('range'); // not to the last
    expect(precisionOf('2025-06-01', '2025-07-31')).toBe('range'); // two months
    expect(precisionOf('2024-07-01', '2025-07-31')).toBe('range'); // two years
  });

  it('calls a range a year only when it runs from 1 January to 31 December of one year', () => {
    expect(precisionOf('2025-01-01', '2025-12-31')).toBe('year');
    expect(precisionOf('2024-01-01', '2025-12-31')).toBe('range'); // two years
    expect(precisionOf('2024-03-01', '2025-12-31')).toBe('range');
    expect(precisionOf('2025-02-01', '2025-12-31')).toBe('range'); // not from January
    expect(precisionOf('2025-01-02', '2025-12-31')).toBe('range'); // not from the 1st
    expect(precisionOf('2025-01-01', '2025-11-30')).toBe('range'); // not to December
    expect(precisionOf('2025-01-01', '2025-12-30')).toBe('range'); // not to the 31st
    expect(precisionOf('2025-01-01', '2025-10-31')).toBe('range'); // a 31st, not December's
  });
});

describe('estimateTime at its edges', () => {
  it('takes the publication as an exact day on the publication basis', () => {
    expect(publicationTime('2026-01-06T08:00:00Z')).toEqual({
      basis: 'publication',
      precision: 'day',
      earliest: '2026-01-06',
      latest: '2026-01-06',
      text: null,
      anchor: null,
      relation: null,
    });
  });

  it('records the anchor by its id when no key is given', () => {
    const e = estimateTime({ text: 'days later', relativeTo: { event: 'paris', relation: 'after' } }, bare);
    expect(e).toMatchObject({ anchor: 'paris', relation: 'after', earliest: '2025-09-11', latest: null });
    expect(e.precision).toBe('open');
  });

  it('takes only the bound on its own side from the anchor', () => {
    const after = estimateTime({ text: 'later', relativeTo: { event: 'paris', relation: 'after' } }, bare);
    expect([after.earliest, after.latest]).toEqual(['2025-09-11', null]);
    const before = estimateTime(
      { text: 'earlier', relativeTo: { event: 'paris', relation: 'before' } },
      bare,
    );
    expect([before.earliest, before.latest]).toEqual([null, '2025-09-20']);
  });

  it('leaves a bound open when the anchor cannot be resolved', () => {
    const after = estimateTime({ text: 'later', relativeTo: { event: 'nowhere', relation: 'after' } }, bare);
    expect([after.earliest, after.latest, after.precision]).toEqual([null, null, 'unknown']);
  });

  it('closes only an after-time left open by notAfter, never a before-time, never a given end', () => {
    const ctx = { ...bare, notAfter: '2026-01-06T08:00:00Z' };
    const after = estimateTime({ text: 'later', relativeTo: { event: 'paris', relation: 'after' } }, ctx);
    expect([after.earliest, after.latest]).toEqual(['2025-09-11', '2026-01-06']);
    const before = estimateTime({ text: 'earlier', relativeTo: { event: 'paris', relation: 'before' } }, ctx);
    expect(before.latest).toBe('2025-09-20');
    const beforeUnknown = estimateTime(
      { text: 'earlier', relativeTo: { event: 'nowhere', relation: 'before' } },
      ctx,
    );
    expect(beforeUnknown.latest).toBeNull();
    const ended = estimateTime(
      { text: 'by October', end: '2025-10-31', relativeTo: { event: 'paris', relation: 'after' } },
      ctx,
    );
    expect(ended.latest).toBe('2025-10-31');
  });

  it('keeps the bounds the text gives over those of the anchor, on either side', () => {
    const before = estimateTime(
      { text: 'by late August', end: '2025-08-31', relativeTo: { event: 'paris', relation: 'before' } },
      bare,
    );
    expect([before.earliest, before.latest]).toEqual([null, '2025-08-31']);
    const after = estimateTime(
      { text: 'from October', start: '2025-10-01', relativeTo: { event: 'paris', relation: 'after' } },
      bare,
    );
    expect([after.earliest, after.latest]).toEqual(['2025-10-01', null]);
  });
});

describe('isKnown and matchesRange at their edges', () => {
  it('knows a time bounded on one side', () => {
    expect(isKnown(known('2025-09-11', null))).toBe(true);
    expect(isKnown(known(null, '2025-09-11'))).toBe(true);
    expect(isKnown(known(null, null))).toBe(false);
  });

  it('matches everything, unknown times included, when no range is asked for', () => {
    expect(matchesRange(FALLBACK_TIME, { from: null, to: null }, 'overlaps', false)).toBe(true);
    expect(matchesRange(FALLBACK_TIME, { from: null, to: null }, 'within', false)).toBe(true);
  });

  it('overlaps: the time must start no later than the range ends, the last day included', () => {
    expect(matchesRange(SEPT, { from: null, to: '2025-09-01' }, 'overlaps', false)).toBe(false);
    expect(matchesRange(SEPT, { from: null, to: '2025-09-11' }, 'overlaps', false)).toBe(true);
    expect(matchesRange(SEPT, { from: '2025-09-20', to: null }, 'overlaps', false)).toBe(true);
    expect(matchesRange(SEPT, { from: '2025-09-21', to: null }, 'overlaps', false)).toBe(false);
  });

  it('within: a range open on one side bounds only that side', () => {
    expect(matchesRange(SEPT, { from: '2025-01-01', to: null }, 'within', false)).toBe(true);
    expect(matchesRange(SEPT, { from: null, to: '2025-12-31' }, 'within', false)).toBe(true);
    expect(matchesRange(SEPT, { from: '2025-09-12', to: null }, 'within', false)).toBe(false);
    expect(matchesRange(SEPT, { from: null, to: '2025-09-19' }, 'within', false)).toBe(false);
  });
});

describe('describeTime, every precision', () => {
  const at = (earliest: string | null, latest: string | null): TimeEstimate => ({
    ...SEPT,
    precision: precisionOf(earliest, latest),
    earliest,
    latest,
  });
  it('says a day, a month, a year, a range and both open sides', () => {
    expect(describeTime(publicationTime('2026-01-06T08:00:00Z'))).toBe('2026-01-06');
    expect(describeTime(at('2025-07-01', '2025-07-31'))).toBe('July 2025');
    expect(describeTime(at('2025-01-01', '2025-12-31'))).toBe('2025');
    expect(describeTime(SEPT)).toBe('between 2025-09-11 and 2025-09-20');
    expect(describeTime(at(null, '2025-09-20'))).toBe('on or before 2025-09-20');
    expect(describeTime(at('2025-09-11', null))).toBe('on or after 2025-09-11');
  });

  it('says an unknown time is unknown, with the publication day when it is given', () => {
    expect(describeTime(FALLBACK_TIME, { publishedAt: '2026-01-06T08:00:00Z' })).toBe(
      'date unknown (published 2026-01-06)',
    );
    expect(describeTime(FALLBACK_TIME)).toBe('date unknown');
  });

  it('names the words and the anchor of a relative time: the publication, a name, or the key', () => {
    const rel = (anchor: string | null): TimeEstimate => ({
      ...at('2025-09-11', null),
      basis: 'relative',
      text: 'days later',
      anchor,
      relation: 'after',
    });
    expect(describeTime(rel(null))).toBe('on or after 2025-09-11 ("days later", after the publication)');
    expect(describeTime(rel('event:paris'), { anchorName: 'the Paris meeting' })).toBe(
      'on or after 2025-09-11 ("days later", after the Paris meeting)',
    );
    expect(describeTime(rel('event:paris'))).toBe('on or after 2025-09-11 ("days later", after event:paris)');
  });
});

describe('IsoDay', () => {
  it('takes a calendar day and refuses a date-time', () => {
    expect(IsoDay.safeParse('2025-09-11').success).toBe(true);
    expect(IsoDay.safeParse('2025-09-11T10:00:00Z').success).toBe(false);
    expect(TimeEstimate.safeParse({ ...SEPT, earliest: '2025-09-11T10:00:00Z' }).success).toBe(false);
  });
});
