/**
 * A fact-checker's assessment: what the input accepts (a scale whose ends differ, a rating on it),
 * its stable key, the rating on the 0..1 scale grading uses, and which assessment is the latest.
 */
import { describe, expect, it } from 'vitest';
import {
  AssessmentInput,
  assessmentKey,
  latestAssessment,
  normalisedRating,
  type RecordedAssessment,
} from '../../../src/domain/assessment.js';
import { defaultGradingConfig } from '../../../src/domain/grading-config.js';

const minimal = { verdict: 'False', reviewer: 'Full Fact', date: '2026-01-05' };

function problems(input: unknown): string[] {
  const r = AssessmentInput.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('AssessmentInput', () => {
  it('accepts a verdict alone, and a rating on the default scale 1..5 at both ends', () => {
    expect(problems(minimal)).toEqual([]);
    expect(problems({ ...minimal, ratingValue: 1 })).toEqual([]);
    expect(problems({ ...minimal, ratingValue: 5 })).toEqual([]);
    expect(problems({ ...minimal, ratingValue: 2.5 })).toEqual([]);
  });

  it('refuses a rating off the scale, on either side, whichever way the scale runs', () => {
    const off = ['ratingValue: `ratingValue` must lie between `worstRating` and `bestRating`'];
    expect(problems({ ...minimal, ratingValue: 0.99 })).toEqual(off);
    expect(problems({ ...minimal, ratingValue: 5.01 })).toEqual(off);
    // A scale running the other way (1 best, 10 worst).
    const reversed = { ...minimal, bestRating: 1, worstRating: 10 };
    expect(problems({ ...reversed, ratingValue: 1 })).toEqual([]);
    expect(problems({ ...reversed, ratingValue: 10 })).toEqual([]);
    expect(problems({ ...reversed, ratingValue: 0 })).toEqual(off);
    expect(problems({ ...reversed, ratingValue: 11 })).toEqual(off);
    // Only the best end given: the worst is 1.
    expect(problems({ ...minimal, bestRating: 10, ratingValue: 10 })).toEqual([]);
    expect(problems({ ...minimal, bestRating: 10, ratingValue: 0 })).toEqual(off);
    // Only the worst end given: the best is 5.
    expect(problems({ ...minimal, worstRating: 0, ratingValue: 0 })).toEqual([]);
    expect(problems({ ...minimal, worstRating: 0, ratingValue: 6 })).toEqual(off);
  });

  it('refuses a scale whose two ends are the same, given or by default', () => {
    const same = ['bestRating: `bestRating` and `worstRating` must differ'];
    expect(problems({ ...minimal, bestRating: 3, worstRating: 3 })).toEqual(same);
    expect(problems({ ...minimal, bestRating: 1 })).toEqual(same);
    expect(problems({ ...minimal, worstRating: 5 })).toEqual(same);
    expect(problems({ ...minimal, bestRating: 5, worstRating: 1 })).toEqual([]);
  });
});

describe('assessmentKey', () => {
  it('is the claim key, the date, and the slugs of reviewer and verdict', () => {
    expect(
      assessmentKey('ap-1#c3', { date: '2026-01-05', reviewer: 'Full Fact', verdict: 'Mostly true' }),
    ).toBe('assessment:ap-1#c3:2026-01-05:full-fact:mostly-true');
  });
});

describe('normalisedRating', () => {
  const config = defaultGradingConfig;

  it('places a numeric rating on 0..1 along the default scale 1..5', () => {
    expect(normalisedRating({ verdict: 'x', ratingValue: 1 }, config)).toBe(0);
    expect(normalisedRating({ verdict: 'x', ratingValue: 3 }, config)).toBe(0.5);
    expect(normalisedRating({ verdict: 'x', ratingValue: 5 }, config)).toBe(1);
  });

  it('follows the scale given, either way round, and either end alone', () => {
    expect(normalisedRating({ verdict: 'x', ratingValue: 7, bestRating: 10, worstRating: 0 }, config)).toBe(
      0.7,
    );
    expect(normalisedRating({ verdict: 'x', ratingValue: 2, bestRating: 1, worstRating: 5 }, config)).toBe(
      0.75,
    );
    expect(normalisedRating({ verdict: 'x', ratingValue: 3, bestRating: 9 }, config)).toBe(0.25);
    expect(normalisedRating({ verdict: 'x', ratingValue: 2, worstRating: 0 }, config)).toBe(0.4);
  });

  it('keeps a rating past the ends of its scale within 0..1', () => {
    expect(normalisedRating({ verdict: 'x', ratingValue: 9 }, config)).toBe(1);
    expect(normalisedRating({ verdict: 'x', ratingValue: -3 }, config)).toBe(0);
  });

  it('reads a verdict without a rating from the table, by its slug; null when the table lacks it', () => {
    expect(normalisedRating({ verdict: 'Mostly True' }, config)).toBe(0.8);
    expect(
      normalisedRating({ verdict: 'Mostly true', ratingValue: null as unknown as undefined }, config),
    ).toBe(0.8);
    // A rating of 0 is a rating, not a missing one.
    expect(normalisedRating({ verdict: 'False' }, config)).toBe(0);
    expect(normalisedRating({ verdict: 'Unproven' }, config)).toBeNull();
    expect(normalisedRating({ verdict: 'Unproven' }, { verdictRatings: { unproven: 0.5 } })).toBe(0.5);
  });

  it('prefers the numeric rating to the verdict', () => {
    expect(normalisedRating({ verdict: 'True', ratingValue: 1 }, config)).toBe(0);
  });
});

describe('latestAssessment', () => {
  const a = (key: string, date: string, recordedAt?: string | null): RecordedAssessment => ({
    key,
    verdict: 'False',
    reviewer: 'Full Fact',
    date,
    ...(recordedAt === undefined ? {} : { recordedAt }),
  });

  it('is undefined when there is none', () => {
    expect(latestAssessment([])).toBeUndefined();
  });

  it('takes the latest date, a date-time later than its day', () => {
    const all = [a('k1', '2026-01-05'), a('k2', '2026-02-01'), a('k3', '2026-01-20')];
    expect(latestAssessment(all)?.key).toBe('k2');
    expect(latestAssessment([a('k2', '2026-01-05T09:00:00Z'), a('k1', '2026-01-05')])?.key).toBe('k2');
    expect(latestAssessment([a('k1', '2026-01-05'), a('k2', '2026-01-05T09:00:00Z')])?.key).toBe('k2');
  });

  it('breaks a tie of dates on when it was recorded (unrecorded counts as earliest), then on the key', () => {
    const day = '2026-01-05';
    expect(
      latestAssessment([a('k1', day, '2026-01-06T10:00:00Z'), a('k2', day, '2026-01-06T09:00:00Z')])?.key,
    ).toBe('k1');
    expect(
      latestAssessment([a('k2', day, '2026-01-06T09:00:00Z'), a('k1', day, '2026-01-06T10:00:00Z')])?.key,
    ).toBe('k1');
    expect(latestAssessment([a('k1', day, '2026-01-06T09:00:00Z'), a('k2', day, null)])?.key).toBe('k1');
    expect(latestAssessment([a('k2', day), a('k1', day, '2026-01-06T09:00:00Z')])?.key).toBe('k1');
    expect(latestAssessment([a('k1', day), a('k2', day)])?.key).toBe('k2');
    expect(latestAssessment([a('k2', day), a('k1', day)])?.key).toBe('k2');
  });

  it('leaves the list it is given in its order', () => {
    const all = [a('k1', '2026-01-05'), a('k2', '2026-02-01')];
    latestAssessment(all);
    expect(all.map((x) => x.key)).toEqual(['k1', 'k2']);
  });
});
