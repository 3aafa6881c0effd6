/**
 * A statement's journey at its edges: who the publisher cites, every wording of a laundering,
 * when a dropped hedge does not count, lags from date-times, ties of publication time, and the
 * one-voice rule passed on to independence. Written for mutation testing (docs/mutation-testing.md).
 */
import { describe, expect, it } from 'vitest';
import type { ChainAgent } from '../../../src/domain/independence.js';
import {
  attributed,
  citedBy,
  journey,
  launders,
  onOwnAuthority,
  type Appearance,
} from '../../../src/domain/statement.js';

const named = (key: string, kind = 'outlet'): ChainAgent => ({ key, name: key, kind, anonymous: false });
const unnamed = (key: string, description?: string): ChainAgent => ({
  key,
  name: `name of ${key}`,
  kind: 'anonymous',
  anonymous: true,
  ...(description === undefined ? {} : { description }),
});
const at = (
  claimKey: string,
  publishedAt: string,
  agents: ChainAgent[],
  hedges: string[] = [],
): Appearance => ({
  claimKey,
  articleKey: `article:${claimKey.split('#')[0]}`,
  publishedAt,
  hedges,
  agents,
});

describe('who the publisher cites', () => {
  it('is the chain after the publisher, without the publisher wherever it appears again', () => {
    const outlet = named('source:outlet');
    const a = at('a#1', '2025-01-01', [
      outlet,
      named('source:wire', 'wire'),
      outlet,
      named('actor:envoy', 'person'),
    ]);
    expect(citedBy(a).map((x) => x.key)).toEqual(['source:wire', 'actor:envoy']);
    expect(onOwnAuthority(a)).toBe(false);
  });

  it('is no one for a chain of the publisher alone, or an empty chain', () => {
    const alone = at('a#1', '2025-01-01', [named('source:outlet')]);
    expect(citedBy(alone)).toEqual([]);
    expect(onOwnAuthority(alone)).toBe(true);
    expect(citedBy(at('a#1', '2025-01-01', []))).toEqual([]);
  });

  it('calls an appearance attributed when it hedges or has an unnamed source, and only then', () => {
    expect(attributed(at('a#1', '2025-01-01', [named('source:a')], ['reportedly']))).toBe(true);
    expect(attributed(at('a#1', '2025-01-01', [named('source:a'), unnamed('source:a:x')]))).toBe(true);
    expect(attributed(at('a#1', '2025-01-01', [named('source:a'), named('actor:b', 'person')]))).toBe(false);
  });
});

describe('laundering, word for word', () => {
  const outletA = named('source:a');
  const outletB = named('source:b');

  it('says a named authority replaced the unnamed sources, named by description or else by name', () => {
    const earlier = at('a#1', '2025-01-01', [
      outletA,
      unnamed('source:a:x', 'two officials'),
      unnamed('source:a:y'),
    ]);
    const later = at('b#1', '2025-01-02', [outletB, named('actor:minister', 'person')]);
    expect(launders(earlier, later)).toEqual({
      claimKey: 'b#1',
      earlierKey: 'a#1',
      reason: 'drops the unnamed source (two officials, name of source:a:y) that a#1 named',
    });
  });

  it('names every hedge dropped, and joins both reasons', () => {
    const earlier = at(
      'a#1',
      '2025-01-01',
      [outletA, unnamed('source:a:x', 'a source')],
      ['reportedly', 'allegedly', 'kept'],
    );
    const later = at('b#1', '2025-01-02', [outletB], ['kept']);
    expect(launders(earlier, later)?.reason).toBe(
      'states as fact what a#1 attributed to a source; drops the hedges "reportedly", "allegedly"',
    );
  });

  it('counts a hedge dropped while the unnamed sources stay, but not when more unnamed sources come in', () => {
    const earlier = at('a#1', '2025-01-01', [outletA, unnamed('source:a:x', 'a source')], ['reportedly']);
    const keeps = at('b#1', '2025-01-02', [outletB, unnamed('source:b:x', 'a source')]);
    expect(launders(earlier, keeps)?.reason).toBe('drops the hedge "reportedly"');
    const more = at('c#1', '2025-01-02', [
      outletB,
      unnamed('source:c:x', 'one'),
      unnamed('source:c:y', 'two'),
    ]);
    expect(launders(earlier, more)).toBeNull();
  });

  it('sees nothing when the hedges are as many, even if other words', () => {
    const earlier = at('a#1', '2025-01-01', [outletA], ['reportedly']);
    expect(launders(earlier, at('b#1', '2025-01-02', [outletB], ['allegedly']))).toBeNull();
  });
});

describe('the journey', () => {
  it('is empty for no appearance', () => {
    expect(journey([])).toEqual([]);
  });

  it('measures lags in hours to a tenth, from date-times and bare dates alike', () => {
    const steps = journey([
      at('c#1', '2025-01-01T06:20:00Z', [named('source:c')]),
      at('a#1', '2025-01-01', [named('source:a')]),
      at('b#1', '2025-01-01T00:20:00Z', [named('source:b')]),
    ]);
    expect(steps.map((s) => [s.appearance.claimKey, s.lagHours])).toEqual([
      ['a#1', 0],
      ['b#1', 0.3],
      ['c#1', 6.3],
    ]);
  });

  it('orders appearances published at one time by claim key', () => {
    const steps = journey([
      at('b#1', '2025-01-01', [named('source:b')]),
      at('a#1', '2025-01-01', [named('source:a')]),
    ]);
    expect(steps.map((s) => s.appearance.claimKey)).toEqual(['a#1', 'b#1']);
    expect(steps.map((s) => s.independent)).toEqual([true, true]);
    expect(steps.map((s) => s.laundering)).toEqual([null, null]);
  });

  it('takes the earliest appearance laundered, and lists what it rests on once, sorted', () => {
    const wire = named('source:wire', 'wire');
    const first = at('w#1', '2025-01-01', [wire, unnamed('source:w:x', 'sources')]);
    const second = at('r#1', '2025-01-02', [named('source:r'), wire, unnamed('source:r:x', 'sources')]);
    const last = at('c#1', '2025-01-03', [named('source:c'), wire]);
    const steps = journey([last, second, first]);
    expect(steps[2]!.laundering).toMatchObject({ claimKey: 'c#1', earlierKey: 'w#1' });
    expect(steps[2]!.dependsOn).toEqual(['r#1', 'w#1']);
    expect(steps[2]!.independent).toBe(false);
  });

  it('passes the one-voice kinds to independence: two offices of one government are one origin', () => {
    const gov = { key: 'actor:gov', name: 'The government', kind: 'government' };
    const office = (key: string): ChainAgent => ({ ...named(key, 'official_body'), affiliations: [gov] });
    const apps = [
      at('a#1', '2025-01-01', [named('source:a'), office('actor:ministry')]),
      at('b#1', '2025-01-02', [named('source:b'), office('actor:presidency')]),
    ];
    expect(journey(apps).map((s) => s.independent)).toEqual([true, true]);
    expect(journey(apps, ['government']).map((s) => s.independent)).toEqual([true, false]);
    expect(journey(apps, ['government'])[1]!.dependsOn).toEqual(['a#1']);
  });
});

describe('the journey past the first earlier appearance', () => {
  it('finds the laundering in any earlier appearance, not only the first, and lists what it depends on in key order', () => {
    const wire = named('source:wire', 'wire');
    const steps = journey([
      at('z#1', '2025-01-01', [named('source:z'), wire]),
      at('b#1', '2025-01-02', [named('source:b'), unnamed('source:b:officials', 'officials')]),
      at('c#1', '2025-01-03', [named('source:c'), wire]),
    ]);
    const last = steps[2]!;
    expect(last.appearance.claimKey).toBe('c#1');
    // z#1 launders nothing (it named no unnamed source and hedged nothing); b#1 is laundered.
    expect(last.laundering?.earlierKey).toBe('b#1');
    // Shares the wire with z#1, derived from b#1: both, sorted (the wire's comes first unsorted).
    expect(last.dependsOn).toEqual(['b#1', 'z#1']);
    expect(last.independent).toBe(false);
  });
});
