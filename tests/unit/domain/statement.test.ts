import { describe, expect, it } from 'vitest';
import { journey, launders, type Appearance } from '../../../src/domain/statement.js';
import type { ChainAgent } from '../../../src/domain/independence.js';

const named = (key: string, kind = 'outlet'): ChainAgent => ({ key, name: key, kind, anonymous: false });
const unnamed = (key: string, description: string): ChainAgent => ({
  key,
  name: key,
  kind: 'anonymous',
  anonymous: true,
  description,
});
const wire = named('source:wire', 'wire');
const appearance = (
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

const original = appearance('wire#1', '2025-09-26', [
  wire,
  unnamed('source:wire:four', 'four sources familiar with the talks'),
]);
const relay = appearance('relay#1', '2025-09-26', [
  named('source:relay'),
  wire,
  unnamed('source:relay:four', 'four sources it did not name'),
]);
const copy = appearance('copy#1', '2025-09-27', [named('source:copy')]);

describe('attribution laundering', () => {
  it('flags a later appearance stating as fact what an earlier one attributed to unnamed sources', () => {
    expect(launders(original, copy)).toEqual({
      claimKey: 'copy#1',
      earlierKey: 'wire#1',
      reason: 'states as fact what wire#1 attributed to four sources familiar with the talks',
    });
  });

  it('does not flag a relay that keeps the unnamed sources, nor an earlier appearance that had none', () => {
    expect(launders(original, relay)).toBeNull();
    expect(launders(copy, original)).toBeNull();
  });

  it('flags a weaker hedge', () => {
    const hedged = appearance(
      'a#1',
      '2025-01-01',
      [named('source:a'), named('actor:envoy', 'person')],
      ['reportedly'],
    );
    const plain = appearance('b#1', '2025-01-02', [named('source:b'), named('actor:envoy', 'person')]);
    expect(launders(hedged, plain)?.reason).toBe('drops the hedge "reportedly"');
    expect(launders(plain, hedged)).toBeNull();
  });
});

describe('a statement’s journey', () => {
  it('orders by publication, measures the lag and tells which appearances are independent', () => {
    const steps = journey([copy, relay, original]);
    expect(steps.map((s) => s.appearance.claimKey)).toEqual(['relay#1', 'wire#1', 'copy#1']);
    expect(steps.map((s) => s.lagHours)).toEqual([0, 0, 24]);
    // The relay and the wire share the wire story: the second of them is not independent.
    expect(steps.map((s) => s.independent)).toEqual([true, false, false]);
    expect(steps[1]!.dependsOn).toEqual(['relay#1']);
    // The unsourced copy launders the relay's attribution, so it rests on it.
    expect(steps[2]!.laundering?.earlierKey).toBe('relay#1');
    expect(steps[2]!.dependsOn).toEqual(['relay#1']);
  });
});
