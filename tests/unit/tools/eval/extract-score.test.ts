import { describe, expect, it } from 'vitest';
import { articleIdOf, parseBrat } from '../../../../tools/eval/extract/brat.js';
import { count, matchCount, prf } from '../../../../tools/eval/extract/score.js';

describe('PolNeAR span scoring', () => {
  const ann = [
    'T1\tSource 0 7\tThe Post',
    'T2\tCue 8 15\treports',
    'T3\tContent 16 30;40 50\tthat ...',
    'T4\tAttribution 8 15\treports',
    'E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1',
  ].join('\n');

  it('reads brat spans, one span per segment, and ignores Attribution triggers', () => {
    expect(parseBrat(ann)).toEqual({
      Source: [{ start: 0, end: 7 }],
      Cue: [{ start: 8, end: 15 }],
      Content: [
        { start: 16, end: 30 },
        { start: 40, end: 50 },
      ],
    });
    expect(articleIdOf('politico_2016-09-08_flynn-says_4e07.ann')).toBe('politico_2016-09-08_flynn-says');
  });

  it('counts exact matches only when both offsets agree', () => {
    const gold = [
      { start: 0, end: 10 },
      { start: 20, end: 30 },
    ];
    const predicted = [
      { start: 0, end: 10 },
      { start: 20, end: 29 },
    ];
    expect(count(predicted, gold, 'exact')).toEqual({ tp: 1, predicted: 2, gold: 2 });
    expect(count(predicted, gold, 'overlap')).toEqual({ tp: 2, predicted: 2, gold: 2 });
  });

  it('matches overlaps one-to-one', () => {
    // One long prediction covering two gold spans earns one match, not two.
    expect(
      matchCount(
        [{ start: 0, end: 100 }],
        [
          { start: 0, end: 10 },
          { start: 50, end: 60 },
        ],
        'overlap',
      ),
    ).toBe(1);
    // Two predictions on one gold span: one of them is a false positive.
    expect(
      matchCount(
        [
          { start: 0, end: 5 },
          { start: 5, end: 10 },
        ],
        [{ start: 0, end: 10 }],
        'overlap',
      ),
    ).toBe(1);
    // The matching is maximal, not greedy: p1 could take g1 or g2, p2 only g1.
    const predicted = [
      { start: 0, end: 25 },
      { start: 0, end: 5 },
    ];
    const gold = [
      { start: 0, end: 10 },
      { start: 20, end: 30 },
    ];
    expect(matchCount(predicted, gold, 'overlap')).toBe(2);
    // Touching spans (end == start) do not overlap.
    expect(matchCount([{ start: 10, end: 20 }], [{ start: 0, end: 10 }], 'overlap')).toBe(0);
  });

  it('micro-averages precision, recall and F1', () => {
    const p = prf({ tp: 3, predicted: 4, gold: 6 });
    expect(p.precision).toBeCloseTo(0.75);
    expect(p.recall).toBeCloseTo(0.5);
    expect(p.f1).toBeCloseTo(0.6);
    expect(prf({ tp: 0, predicted: 0, gold: 0 })).toEqual({ precision: 0, recall: 0, f1: 0 });
  });
});
