/**
 * The matcher's scoring at the edges its first mutation run left open: dates with a clock part,
 * the window measured from the nearer ends, quotes compared as sets of words, claims without a
 * quote or without content words, which agents and events are named as reasons, the direction of
 * a pair when one claim has no date, two-letter words, and matchClaims dropping non-matches and
 * ordering best first. Written from the survivors of that run (docs/mutation-testing.md).
 */
import { describe, expect, it } from 'vitest';
import {
  contentWords,
  matchClaims,
  negationOf,
  scorePair,
  searchTerms,
  stem,
} from '../../../src/domain/matching.js';
import { matchClaim } from '../../support/match-claim.js';

const claim = matchClaim;
const TEXT = 'Israel and Syria reached a border security deal after talks in Paris';

describe('the date window', () => {
  it('counts whole days, whatever the clock says', () => {
    const a = claim({ key: 'a#1', text: TEXT, saidAt: '2025-09-01T00:00:00Z' });
    const b = claim({ key: 'b#1', text: TEXT, saidAt: '2025-09-02T23:00:00Z' });
    expect(scorePair(a, b, 1)!.reasons.dates.withinWindow).toBe(true);
  });

  it('is false for times far apart, and measured between the nearer ends of two ranges', () => {
    const a = claim({ key: 'a#1', text: TEXT, timeStart: '2025-01-01', timeEnd: '2025-01-01' });
    const far = claim({ key: 'b#1', text: TEXT, timeStart: '2025-03-01', timeEnd: '2025-03-01' });
    expect(scorePair(a, far, 7)!.reasons.dates.withinWindow).toBe(false);
    const range = claim({ key: 'c#1', text: TEXT, timeStart: '2025-01-03', timeEnd: '2025-01-20' });
    expect(scorePair(a, range, 2)!.reasons.dates.withinWindow).toBe(true);
    expect(scorePair(a, range, 1)!.reasons.dates.withinWindow).toBe(false);
  });

  it('compares days even when both clocks would move the distance across the window', () => {
    const a = claim({ key: 'a#1', text: TEXT, saidAt: '2025-09-01T23:00:00Z' });
    const b = claim({ key: 'b#1', text: TEXT, saidAt: '2025-09-03T01:00:00Z' });
    expect(scorePair(a, b, 1.5)!.reasons.dates.withinWindow).toBe(false);
    expect(scorePair(b, a, 1.5)!.reasons.dates.withinWindow).toBe(false);
  });

  it('is false for a time entirely before the other, far out of the window', () => {
    const late = claim({ key: 'a#1', text: TEXT, timeStart: '2025-03-01', timeEnd: '2025-03-01' });
    const early = claim({ key: 'b#1', text: TEXT, timeStart: '2025-01-01', timeEnd: '2025-01-01' });
    expect(scorePair(late, early, 7)!.reasons.dates.withinWindow).toBe(false);
  });

  it('points from the dated claim when the other has no date', () => {
    const undated = claim({ key: 'a#1', text: TEXT });
    const dated = claim({ key: 'b#1', text: TEXT, saidAt: '2025-09-01' });
    expect(scorePair(undated, dated)).toMatchObject({ from: 'b#1', to: 'a#1' });
    expect(scorePair(dated, undated)).toMatchObject({ from: 'b#1', to: 'a#1' });
  });
});

describe('quotes and words', () => {
  it('takes two quotes with the same words in another order as the same quote', () => {
    const a = claim({ key: 'a#1', text: TEXT, quote: 'the talks collapsed over water' });
    const b = claim({ key: 'b#1', text: TEXT, quote: 'over water the talks collapsed' });
    expect(scorePair(a, b)!.reasons.sameQuote).toBe(true);
  });

  it('tells two different quotes apart', () => {
    const a = claim({ key: 'a#1', text: TEXT, quote: 'the talks collapsed over water' });
    const b = claim({ key: 'b#1', text: TEXT, quote: 'a deal is within reach' });
    expect(scorePair(a, b)!.reasons.sameQuote).toBe(false);
  });

  it('keeps the words of a quote apart: "abcd efgh" is not "abc defgh"', () => {
    const a = claim({ key: 'a#1', text: TEXT, quote: 'abcd efgh' });
    const b = claim({ key: 'b#1', text: TEXT, quote: 'abc defgh' });
    expect(scorePair(a, b)!.reasons.sameQuote).toBe(false);
  });

  it('never calls two claims without quotes the same quote', () => {
    const a = claim({ key: 'a#1', text: TEXT });
    const b = claim({ key: 'b#1', text: TEXT });
    expect(scorePair(a, b)!.reasons.sameQuote).toBe(false);
  });

  it('scores a claim with no content words at 0 for words, never NaN', () => {
    const empty = claim({ key: 'a#1', text: 'It is what it is.' });
    const other = claim({ key: 'b#1', text: TEXT });
    const p = scorePair(empty, other)!;
    expect(p.reasons.wordOverlap).toBe(0);
    expect(Number.isNaN(p.score)).toBe(false);
    const both = scorePair(empty, claim({ key: 'c#1', text: 'So it is.' }))!;
    expect(both.score).toBe(0.05); // only the same kind counts
    expect(both.reasons.wordOverlap).toBe(0);
  });

  it('removes "es" after ch, sh, x or ss only at the end of a longer word', () => {
    expect(stem('axes')).toBe('axe');
    expect(stem('winchester')).toBe('winchester');
    expect(stem('marches')).toBe('march');
  });

  it('drops only a final possessive, not an apostrophe-s inside a name', () => {
    expect(stem("Ma'soud's")).toBe("ma'soud");
  });

  it('keeps two-letter words and finds none in a text without letters', () => {
    expect(contentWords('UN talks')).toContain('un');
    expect(contentWords('2025 - 2026').size).toBe(0);
    expect(searchTerms({ text: '2025 - 2026', quote: null })).toEqual([]);
    expect(negationOf({ kind: 'report', text: '2025' })).toBeNull();
  });
});

describe('the reasons', () => {
  it('names the speakers only when they are the same or affiliated, never a missing one', () => {
    const a = claim({ key: 'a#1', text: TEXT, originKey: 'actor:minister' });
    const b = claim({ key: 'b#1', text: TEXT, originKey: 'actor:envoy' });
    expect(scorePair(a, b)!.reasons.agents).toEqual([]);
    const unnamedInGov = claim({
      key: 'c#1',
      text: TEXT,
      originKey: null,
      originAffiliations: ['actor:gov'],
    });
    const gov = claim({ key: 'd#1', text: TEXT, originKey: 'actor:gov' });
    expect(scorePair(unnamedInGov, gov)!.reasons.agents).toEqual(['actor:gov']);
  });

  it('lists only what both are about, events in key order', () => {
    const a = claim({
      key: 'a#1',
      text: TEXT,
      aboutKeys: ['event:x:talks-b', 'event:x:talks-a', 'place:paris', 'actor:only-a'],
    });
    const b = claim({
      key: 'b#1',
      text: TEXT,
      aboutKeys: ['event:x:talks-a', 'event:x:talks-b', 'place:paris'],
    });
    const p = scorePair(a, b)!;
    expect(p.sharedAbout).toBe(3);
    expect(p.reasons.events).toEqual(['event:x:talks-a', 'event:x:talks-b']);
    expect(p.reasons.agents).toEqual(['place:paris']);
  });
});

describe('matchClaims', () => {
  it('drops pairs that match nothing and orders the rest best first', () => {
    const about = ['event:x:talks', 'place:paris'];
    const news = claim({ key: 'n#1', text: TEXT, aboutKeys: about, saidAt: '2025-09-02' });
    const close = claim({ key: 'c#1', text: TEXT, aboutKeys: about, saidAt: '2025-09-01' });
    const partial = claim({
      key: 'p#1',
      text: 'Israel and Syria held security talks in Paris',
      aboutKeys: about,
      saidAt: '2025-09-01',
    });
    const unrelated = claim({
      key: 'u#1',
      text: 'Oil prices rose on Monday in London',
      saidAt: '2025-09-01',
    });
    const matches = matchClaims([news], [partial, unrelated, close]);
    expect(matches.map((m) => m.to)).toEqual(['c#1', 'p#1']);
    expect(matches[0]!.score).toBeGreaterThan(matches[1]!.score);
  });
});
