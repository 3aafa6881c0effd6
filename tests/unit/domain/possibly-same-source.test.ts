import { describe, expect, it } from 'vitest';
import {
  describedAlike,
  independentOrigins,
  possiblySameSource,
  type ChainAgent,
  type ReportingChain,
} from '../../../src/domain/independence.js';

const named = (key: string, kind: string): ChainAgent => ({ key, name: key, kind, anonymous: false });
const unnamed = (key: string, description: string): ChainAgent => ({
  key,
  name: `Unnamed (${key})`,
  kind: 'anonymous',
  anonymous: true,
  description,
});
const axios = named('source:axios', 'outlet');
const haaretz = named('source:haaretz', 'outlet');
const outletA = named('source:outlet-a', 'outlet');
const outletB = named('source:outlet-b', 'outlet');
const chain = (claimKey: string, agents: ChainAgent[]): ReportingChain => ({ claimKey, agents });

describe('possibly the same unnamed source', () => {
  it('describes alike when half the words are shared, plurals and filler words aside', () => {
    expect(
      describedAlike('four sources familiar with the negotiations', 'four sources it did not name'),
    ).toBe(true);
    expect(
      describedAlike('the Syrian source and the Washington source', 'the Syrian and Washington sources'),
    ).toBe(true);
    expect(describedAlike('a Syrian official', 'an Israeli security official')).toBe(false);
    expect(describedAlike('sources', '')).toBe(false);
  });

  it('folds two articles whose unnamed sources, described alike, came through the same relay', () => {
    const a = chain('a#1', [
      outletA,
      axios,
      unnamed('source:a:officials', 'Israeli and US officials with direct knowledge'),
    ]);
    const b = chain('b#1', [outletB, axios, unnamed('source:b:officials', 'US and Israeli officials')]);
    expect(possiblySameSource(a, b)?.relay.key).toBe('source:axios');
    const r = independentOrigins(a, [b]);
    expect(r.independentOrigins).toBe(1);
    expect(r.circularReporting).toBe(true);
    expect(r.explanation[0]).toContain('possibly the same unnamed source');
    expect(r.explanation[0]).toContain('source:axios');
  });

  it('keeps them apart behind different relays, or when described differently', () => {
    const a = chain('a#1', [outletA, axios, unnamed('source:a:officials', 'US and Israeli officials')]);
    const viaOther = chain('b#1', [
      outletB,
      haaretz,
      unnamed('source:b:officials', 'US and Israeli officials'),
    ]);
    expect(possiblySameSource(a, viaOther)).toBeNull();
    expect(independentOrigins(a, [viaOther]).independentOrigins).toBe(2);
    const other = chain('c#1', [outletB, axios, unnamed('source:c:diplomat', 'a Gulf diplomat')]);
    expect(possiblySameSource(a, other)).toBeNull();
    expect(independentOrigins(a, [other]).independentOrigins).toBe(2);
  });
});
