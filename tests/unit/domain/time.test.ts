import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  FALLBACK_TIME,
  describeTime,
  estimateTime,
  matchesRange,
  precisionOf,
  publicationTime,
  type EstimateContext,
  type TimeEstimate,
} from '../../../src/domain/time.js';
import type { TimeRef } from '../../../src/domain/document.js';
import { DocumentValidationError, parseArticleDocument } from '../../../src/domain/validate.js';

const PARIS: TimeEstimate = {
  basis: 'stated',
  precision: 'range',
  earliest: '2025-09-11',
  latest: '2025-09-20',
  text: 'By mid-September',
  anchor: null,
  relation: null,
};
const ctx: EstimateContext = {
  publishedAt: '2026-01-06',
  anchorTime: (id) => (id === 'paris' ? PARIS : undefined),
  anchorKey: (id) => `event:${id}`,
  absent: 'fallback',
};

/** Days from 1900 to 2100 as ISO strings. */
const day = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
/** A known or unknown range of days, open on either side or not. */
const estimate = fc
  .tuple(fc.option(day, { nil: null }), fc.option(day, { nil: null }))
  .map(([a, b]) => (a !== null && b !== null && a > b ? [b, a] : [a, b]) as [string | null, string | null])
  .map(([earliest, latest]) => ({ earliest, latest }));
const range = fc
  .tuple(fc.option(day, { nil: null }), fc.option(day, { nil: null }))
  .map(([a, b]) => (a !== null && b !== null && a > b ? { from: b, to: a } : { from: a, to: b }));
const mode = fc.constantFrom('overlaps' as const, 'within' as const);

describe('the date model', () => {
  it('resolves a time the text never gives to an unknown fallback, or to the publication for the outlet', () => {
    expect(estimateTime(undefined, ctx)).toEqual(FALLBACK_TIME);
    expect(estimateTime(undefined, { ...ctx, absent: 'publication' })).toEqual(publicationTime('2026-01-06'));
    expect(publicationTime('2026-01-06T09:30:00+03:00')).toMatchObject({
      precision: 'day',
      earliest: '2026-01-06',
    });
  });

  it('reads stated bounds as days with their precision', () => {
    const at = (t: TimeRef) => estimateTime(t, ctx);
    expect(at({ text: 'On January 5, 2026', start: '2026-01-05' })).toMatchObject({
      basis: 'stated',
      precision: 'day',
      earliest: '2026-01-05',
      latest: '2026-01-05',
    });
    expect(at({ start: '2025-07-01', end: '2025-07-31' }).precision).toBe('month');
    expect(at({ start: '2024-02-01', end: '2024-02-29' }).precision).toBe('month');
    expect(at({ start: '2025-02-01', end: '2025-02-28' }).precision).toBe('month');
    expect(at({ start: '2023-02-01', end: '2023-02-28T12:00:00Z' }).precision).toBe('month');
    expect(at({ start: '1974-01-01', end: '1974-12-31' }).precision).toBe('year');
    expect(at({ start: '2025-09-11', end: '2025-09-20' }).precision).toBe('range');
    expect(at({ text: 'by September 30', end: '2025-09-30' })).toMatchObject({
      precision: 'open',
      earliest: null,
      latest: '2025-09-30',
    });
    expect(at({ text: 'recently' })).toMatchObject({ basis: 'stated', precision: 'unknown', earliest: null });
  });

  it('takes the missing bound of a relative time from its anchor, and keeps the bounds the text gives', () => {
    const previously = estimateTime(
      { text: 'previously', relativeTo: { event: 'paris', relation: 'before' } },
      ctx,
    );
    expect(previously).toEqual({
      basis: 'relative',
      precision: 'open',
      earliest: null,
      latest: '2025-09-20',
      text: 'previously',
      anchor: 'event:paris',
      relation: 'before',
    });
    const daysLater = estimateTime(
      { text: 'days later', end: '2025-09-30', relativeTo: { event: 'paris', relation: 'after' } },
      ctx,
    );
    expect(daysLater).toMatchObject({ precision: 'range', earliest: '2025-09-11', latest: '2025-09-30' });
    // Said "after" with no end: said by the day the article was published, at the latest.
    const said = estimateTime(
      { text: 'then', relativeTo: { event: 'paris', relation: 'after' } },
      { ...ctx, notAfter: '2026-01-06' },
    );
    expect(said).toMatchObject({ earliest: '2025-09-11', latest: '2026-01-06' });
    const lastWeek = estimateTime(
      { text: 'last week', start: '2025-12-29', relativeTo: { relation: 'before' } },
      ctx,
    );
    expect(lastWeek).toMatchObject({
      anchor: null,
      earliest: '2025-12-29',
      latest: '2026-01-06',
      precision: 'range',
    });
    const unknownAnchor = estimateTime(
      { text: 'before that', relativeTo: { event: 'x', relation: 'before' } },
      ctx,
    );
    expect(unknownAnchor.precision).toBe('unknown');
  });

  it('calls a range a day, month or year only when it is exactly one', () => {
    fc.assert(
      fc.property(day, day, (a, b) => {
        const [e, l] = a <= b ? [a, b] : [b, a];
        const p = precisionOf(e, l);
        if (p === 'day') expect(e).toBe(l);
        if (p === 'month') expect([e.slice(0, 7), e.slice(8)]).toEqual([l.slice(0, 7), '01']);
        if (p === 'year')
          expect([e.slice(5), l.slice(5), e.slice(0, 4)]).toEqual(['01-01', '12-31', l.slice(0, 4)]);
        if (e !== l) expect(p).not.toBe('day');
      }),
    );
  });

  it('never matches an unknown time to a date range, unless unknowns are asked for', () => {
    fc.assert(
      fc.property(range, mode, (r, m) => {
        fc.pre(r.from !== null || r.to !== null);
        expect(matchesRange(FALLBACK_TIME, r, m, false)).toBe(false);
        expect(matchesRange(FALLBACK_TIME, r, m, true)).toBe(true);
      }),
    );
  });

  it('matches a known time by its range: within implies overlaps, and a wider range loses nothing', () => {
    fc.assert(
      fc.property(estimate, range, day, day, mode, (e, r, wideFrom, wideTo, m) => {
        if (matchesRange(e, r, 'within', false)) expect(matchesRange(e, r, 'overlaps', false)).toBe(true);
        const wider = {
          from: r.from === null || wideFrom > r.from ? r.from : wideFrom,
          to: r.to === null || wideTo < r.to ? r.to : wideTo,
        };
        if (matchesRange(e, r, m, false)) expect(matchesRange(e, wider, m, false)).toBe(true);
      }),
    );
  });

  it('matches a day exactly, and an approximate time by every day of its range', () => {
    const day5 = { earliest: '2026-01-05', latest: '2026-01-05' };
    expect(matchesRange(day5, { from: '2026-01-05', to: '2026-01-05' }, 'within', false)).toBe(true);
    expect(matchesRange(day5, { from: '2026-01-06', to: null }, 'overlaps', false)).toBe(false);
    const september = { earliest: '2025-09-01', latest: '2025-09-30' };
    expect(matchesRange(september, { from: '2025-09-30', to: '2025-10-31' }, 'overlaps', false)).toBe(true);
    expect(matchesRange(september, { from: '2025-09-30', to: '2025-10-31' }, 'within', false)).toBe(false);
    const previously = { earliest: null, latest: '2025-09-30' };
    expect(matchesRange(previously, { from: '2020-01-01', to: '2020-12-31' }, 'overlaps', false)).toBe(true);
    expect(matchesRange(previously, { from: '2020-01-01', to: '2020-12-31' }, 'within', false)).toBe(false);
    expect(matchesRange(previously, { from: null, to: '2025-12-31' }, 'within', false)).toBe(true);
    expect(matchesRange(previously, { from: '2025-01-01', to: '2025-12-31' }, 'within', false)).toBe(false);
    expect(matchesRange(previously, { from: '2025-10-01', to: null }, 'overlaps', false)).toBe(false);
  });

  it('says in words what is known, and a fallback as unknown with the article date', () => {
    expect(describeTime(FALLBACK_TIME, { publishedAt: '2026-01-06' })).toBe(
      'date unknown (published 2026-01-06)',
    );
    expect(describeTime(estimateTime({ start: '2025-07-01', end: '2025-07-31' }, ctx))).toBe('July 2025');
    expect(describeTime(estimateTime({ start: '1974-01-01', end: '1974-12-31' }, ctx))).toBe('1974');
    expect(describeTime(estimateTime({ start: '2025-09-11', end: '2025-09-20' }, ctx))).toBe(
      'between 2025-09-11 and 2025-09-20',
    );
    const previously = estimateTime(
      { text: 'previously', relativeTo: { event: 'paris', relation: 'before' } },
      ctx,
    );
    expect(describeTime(previously, { anchorName: 'the Paris round' })).toBe(
      'on or before 2025-09-20 ("previously", before the Paris round)',
    );
  });
});

describe('relative times in a document', () => {
  const text = 'Talks were held in Paris. Days later, talks were held in London.';
  const span = (words: string) => ({
    start: text.indexOf(words),
    end: text.indexOf(words) + words.length,
    text: words,
  });
  const doc = (
    london: Record<string, unknown>,
    paris: Record<string, unknown> = { start: '2025-09-11', end: '2025-09-20' },
  ) => ({
    schemaVersion: 1,
    article: {
      id: 'a',
      url: 'https://example.org/a',
      title: 'T',
      publisher: 'o',
      publishedAt: '2026-01-06',
      language: 'en',
      text,
    },
    sources: [{ id: 'o', name: 'Outlet', kind: 'outlet' }],
    events: [
      {
        id: 'paris',
        name: 'Paris',
        kind: 'meeting',
        time: paris,
        evidence: span('Talks were held in Paris'),
      },
      {
        id: 'london',
        name: 'London',
        kind: 'meeting',
        time: london,
        evidence: span('talks were held in London'),
      },
    ],
  });
  const problems = (input: unknown): string[] => {
    try {
      parseArticleDocument(input);
      return [];
    } catch (e) {
      return (e as DocumentValidationError).issues.map((i) => `${i.path}: ${i.message}`);
    }
  };

  it('accepts a time placed after its anchor', () => {
    expect(problems(doc({ text: 'Days later', relativeTo: { event: 'paris', relation: 'after' } }))).toEqual(
      [],
    );
  });

  it('names an anchor that is not an event, a time on the wrong side, words missing, and anchors in a circle', () => {
    expect(problems(doc({ text: 'Days later', relativeTo: { event: 'rome', relation: 'after' } }))).toEqual([
      'events[1].time.relativeTo.event: unknown reference "rome" (expected the id of a event)',
    ]);
    expect(
      problems(
        doc({ text: 'Days later', end: '2025-09-01', relativeTo: { event: 'paris', relation: 'after' } }),
      ),
    ).toEqual([
      'events[1].time.relativeTo: "Days later" is after "paris", which starts 2025-09-11, but ends 2025-09-01',
    ]);
    expect(
      problems(doc({ start: '2025-09-25', relativeTo: { event: 'paris', relation: 'after' } }))[0],
    ).toContain("events[1].time.text: a relative time keeps the article's words");
    const circle = problems(
      doc(
        { text: 'Days later', relativeTo: { event: 'paris', relation: 'after' } },
        { text: 'before', relativeTo: { event: 'london', relation: 'before' } },
      ),
    );
    expect(circle.join('\n')).toContain('time.relativeTo.event cycle');
  });
});
