/** The cross-article link scoring (tools/eval/links/score.ts) and its word-overlap baseline. */
import { describe, expect, it } from 'vitest';
import {
  contentWords,
  jaccard,
  propose,
  tuneThreshold,
  type ScoredPair,
} from '../../../../tools/eval/links/baseline.js';
import { errorReport, listedHalves } from '../../../../tools/eval/links/report.js';
import { halfOf, score, type Link, type Split } from '../../../../tools/eval/links/score.js';
import type { Match, MatchReasons, ScoredPair as MatchScoredPair } from '../../../../src/domain/matching.js';

const split: Split = { tuning: ['t1', 't2'], heldOut: ['h1', 'h2'] };
const same = (from: string, to: string): Link => ({ from, to, type: 'SAME_STATEMENT' });
const find = (scores: ReturnType<typeof score>, half: string, type: string) =>
  scores.find((s) => s.half === half && s.type === type)!;

describe('link scoring', () => {
  it('puts a pair in the half of its articles, or across the halves', () => {
    expect(halfOf(split, 't1#a', 't2#b')).toBe('tuning');
    expect(halfOf(split, 'h1#a', 'h2#b')).toBe('heldOut');
    expect(halfOf(split, 't1#a', 'h2#b')).toBe('cross');
    expect(halfOf(split, 't1#a', 'x#b')).toBeUndefined();
    expect(() => halfOf(split, 'no-key', 't1#a')).toThrow(/claim key/);
  });

  it('counts a pair once whatever its direction, and ignores same-article links', () => {
    const gold = [same('t1#a', 't2#b'), same('t1#c', 't2#d')];
    const predicted = [
      same('t2#b', 't1#a'),
      same('t1#a', 't2#b'),
      same('t1#a', 't1#c'),
      same('t1#x', 't2#y'),
    ];
    const s = find(score(split, gold, predicted), 'tuning', 'SAME_STATEMENT');
    expect(s).toMatchObject({ gold: 2, predicted: 2, truePositives: 1, precision: 0.5, recall: 0.5 });
  });

  it('keeps types and halves apart, and says n/a (null) rather than inventing a ratio', () => {
    const gold = [same('h1#a', 'h2#b'), { from: 'h1#a', to: 'h2#c', type: 'CONTRADICTS' } as Link];
    const predicted = [{ from: 'h1#a', to: 'h2#b', type: 'SUPPORTS' } as Link];
    const scores = score(split, gold, predicted);
    expect(find(scores, 'heldOut', 'SAME_STATEMENT')).toMatchObject({ recall: 0, precision: null });
    expect(find(scores, 'heldOut', 'SUPPORTS')).toMatchObject({ gold: 0, recall: null, precision: 0 });
    expect(find(scores, 'tuning', 'SAME_STATEMENT')).toMatchObject({ gold: 0, predicted: 0 });
  });
});

describe('word-overlap baseline', () => {
  it('compares content words, stemmed crudely', () => {
    expect([...contentWords('Israel reintroduced the demands, according to sources')].sort()).toEqual([
      'demand',
      'israel',
      'reintroduc',
      'sourc',
    ]);
    expect(
      jaccard(contentWords('Israel reintroduced a demand'), contentWords('the demand Israel reintroduces')),
    ).toBe(1);
    expect(jaccard(new Set(), new Set())).toBe(0);
  });

  it('chooses its threshold on the tuning half only', () => {
    const pairs: ScoredPair[] = [
      { from: 'h1#a', to: 'h2#b', similarity: 0.9 }, // held-out: must not move the threshold
      { from: 't1#a', to: 't2#b', similarity: 0.8 },
      { from: 't1#c', to: 't2#d', similarity: 0.6 },
      { from: 't1#e', to: 't2#f', similarity: 0.5 },
    ];
    const gold = [same('t1#a', 't2#b'), same('t1#c', 't2#d'), same('h1#x', 'h2#y')];
    expect(tuneThreshold(pairs, gold, split)).toBe(0.6);
    expect(propose(pairs, 0.6).map((l) => l.from)).toEqual(['h1#a', 't1#a', 't1#c']);
  });
});

describe('the error lists of eval:links', () => {
  const reasons: MatchReasons = {
    words: ['corridor'],
    wordOverlap: 0.5,
    sameQuote: false,
    agents: [],
    sameSpeaker: false,
    events: [],
    dates: { a: null, b: null, withinWindow: null },
    negation: null,
  };
  const match = (from: string, to: string, type: Link['type']): Match => ({
    from,
    to,
    type,
    score: 0.5,
    reasons,
  });
  const scoredPair = (from: string, to: string, s: number): MatchScoredPair => ({
    from,
    to,
    score: s,
    reasons,
    sharedAbout: 1,
  });
  // One wrong proposal and one missed gold link in each half, one right proposal in the tuning half.
  const input = {
    split,
    gold: [
      same('t1#ok', 't2#ok'),
      same('t1#miss', 't2#miss'),
      same('h1#miss', 'h2#miss'),
      same('t1#xmiss', 'h1#xmiss'),
    ],
    matches: [
      match('t1#ok', 't2#ok', 'SAME_STATEMENT'),
      match('t1#bad', 't2#bad', 'SUPPORTS'),
      match('h1#bad', 'h2#bad', 'CONTRADICTS'),
      match('t2#xbad', 'h2#xbad', 'SUPPORTS'),
    ],
    scored: [scoredPair('t1#miss', 't2#miss', 0.31), scoredPair('h1#miss', 'h2#miss', 0.29)],
  };

  it('lists only the tuning half unless the held-out half is asked for', () => {
    const text = errorReport(input, listedHalves(false)).join('\n');
    expect(text).toContain('### Errors on the tuning half');
    expect(text).toContain('- proposed SUPPORTS (0.5), gold none: `t1#bad` / `t2#bad`; shared corridor');
    expect(text).toContain('- missed SAME_STATEMENT, score 0.31: `t1#miss` / `t2#miss`');
    expect(text).not.toContain('t1#ok');
    // No held-out or cross-half claim key, not even a heading for those halves.
    expect(text).not.toMatch(/h[12]#/);
    expect(text).not.toMatch(/held-out|across/);
  });

  it('lists the held-out and cross-half pairs when asked', () => {
    const text = errorReport(input, listedHalves(true)).join('\n');
    expect(text).toContain('`t1#bad` / `t2#bad`');
    expect(text).toContain('### Errors on the held-out half');
    expect(text).toContain('- proposed CONTRADICTS (0.5), gold none: `h1#bad` / `h2#bad`');
    expect(text).toContain('- missed SAME_STATEMENT, score 0.29: `h1#miss` / `h2#miss`');
    expect(text).toContain('### Errors on pairs across the halves');
    expect(text).toContain('`t2#xbad` / `h2#xbad`');
    expect(text).toContain('- missed SAME_STATEMENT, score n/a: `t1#xmiss` / `h1#xmiss`');
  });

  it('says so when a half has no error', () => {
    expect(errorReport({ ...input, gold: [], matches: [] }, ['tuning'])).toEqual([
      '',
      '### Errors on the tuning half',
      '',
      'None.',
    ]);
  });
});
