import { describe, expect, it } from 'vitest';
import {
  independentOrigins,
  type ChainAgent,
  type ReportingChain,
} from '../../../src/domain/independence.js';

const a = (key: string, kind: string, anonymous = false): ChainAgent => ({ key, name: key, kind, anonymous });
const outletA = a('source:outlet-a', 'outlet');
const outletB = a('source:outlet-b', 'outlet');
const reuters = a('source:reuters', 'wire');
const afp = a('source:afp', 'wire');
const minister = a('actor:minister', 'person');
const envoy = a('actor:envoy', 'person');
const mayor = a('actor:mayor', 'person');
const official = a('source:art-1:official', 'anonymous', true);

const chain = (claimKey: string, agents: ChainAgent[], sameStatementAs: string[] = []): ReportingChain => ({
  claimKey,
  agents,
  sameStatementAs,
});

describe('independent origins', () => {
  it('counts a claim with no supporters as one origin, its own', () => {
    const r = independentOrigins(chain('a#1', [outletA, reuters, minister]), []);
    expect(r.independentOrigins).toBe(1);
    expect(r.circularReporting).toBe(false);
    expect(r.origins).toEqual([
      { claimKeys: ['a#1'], originNames: ['actor:minister'], includesSubject: true, folds: [] },
    ]);
  });

  it('shows one independent origin, not two, for two claims that share a wire origin', () => {
    const r = independentOrigins(chain('a#1', [outletA, reuters, minister]), [
      chain('b#1', [outletB, reuters, envoy]),
    ]);
    expect(r.independentOrigins).toBe(1);
    expect(r.circularReporting).toBe(true);
    expect(r.explanation).toEqual([
      'b#1 traces back to the wire source:reuters, as a#1 does: one origin, not two.',
    ]);
  });

  it('counts chains through different wires to different speakers as independent', () => {
    const r = independentOrigins(chain('a#1', [outletA, reuters, minister]), [
      chain('b#1', [outletB, afp, envoy]),
    ]);
    expect(r.independentOrigins).toBe(2);
    expect(r.circularReporting).toBe(false);
  });

  it('does not let a shared outlet (the publisher) make two origins one', () => {
    const r = independentOrigins(chain('a#1', [outletA, minister]), [chain('a#2', [outletA, envoy])]);
    expect(r.independentOrigins).toBe(2);
  });

  it('folds chains resting on the same unnamed source into one', () => {
    const r = independentOrigins(chain('a#1', [outletA, official, minister]), [
      chain('a#2', [outletA, official, envoy]),
    ]);
    expect(r.independentOrigins).toBe(1);
    expect(r.explanation[0]).toMatch(/unnamed source/);
  });

  it('folds chains to the same original speaker into one', () => {
    const r = independentOrigins(chain('a#1', [outletA, reuters, minister]), [
      chain('b#1', [outletB, afp, minister]),
    ]);
    expect(r.independentOrigins).toBe(1);
    expect(r.explanation[0]).toMatch(/original speaker actor:minister/);
  });

  it('folds claims linked SAME_STATEMENT, in either direction', () => {
    const subject = chain('a#1', [outletA, minister]);
    const viaSupporter = independentOrigins(subject, [chain('b#1', [outletB, envoy], ['a#1'])]);
    expect(viaSupporter.independentOrigins).toBe(1);
    const betweenSupporters = independentOrigins(subject, [
      chain('b#1', [outletB, envoy], ['c#1']),
      chain('c#1', [outletB, mayor]),
    ]);
    expect(betweenSupporters.independentOrigins).toBe(2);
    expect(betweenSupporters.circularReporting).toBe(true);
  });

  it('counts the same supporter once and is independent of the order supporters come in', () => {
    const supporters = [
      chain('c#1', [outletB, afp, mayor]),
      chain('b#1', [outletB, reuters, envoy]),
      chain('d#1', [outletA, reuters, mayor]),
    ];
    const subject = chain('a#1', [outletA, minister]);
    const forward = independentOrigins(subject, supporters);
    const backward = independentOrigins(subject, [...supporters].reverse());
    expect(forward).toEqual(backward);
    // b and d share Reuters, c and d share the mayor: all three are one origin beside the subject's.
    expect(forward.independentOrigins).toBe(2);
    expect(independentOrigins(subject, [supporters[0]!, supporters[0]!]).independentOrigins).toBe(2);
  });
  it('identifies an unnamed source by its key, not by how it is described', () => {
    // Two different unnamed officials, both described as "a senior official": two origins.
    const describedAlike = (key: string): ChainAgent => ({
      key,
      name: 'a senior official',
      kind: 'anonymous',
      anonymous: true,
    });
    const two = independentOrigins(chain('a#1', [outletA, describedAlike('source:a:official'), minister]), [
      chain('b#1', [outletB, describedAlike('source:b:official'), envoy]),
    ]);
    expect(two.independentOrigins).toBe(2);
    expect(two.circularReporting).toBe(false);
    // One unnamed source, described differently by two claims: one origin.
    const same = (name: string): ChainAgent => ({
      key: 'source:a:official',
      name,
      kind: 'anonymous',
      anonymous: true,
    });
    const one = independentOrigins(chain('a#1', [outletA, same('an official'), minister]), [
      chain('a#2', [outletA, same('a senior official'), envoy]),
    ]);
    expect(one.independentOrigins).toBe(1);
    expect(one.explanation).toEqual([
      'a#2 traces back to the unnamed source a senior official, as a#1 does: one origin, not two.',
    ]);
  });

  it('identifies wires and original speakers by key too', () => {
    const wire = (key: string): ChainAgent => ({ key, name: 'the agency', kind: 'wire', anonymous: false });
    const speaker = (key: string): ChainAgent => ({
      key,
      name: 'the spokesman',
      kind: 'person',
      anonymous: false,
    });
    const r = independentOrigins(chain('a#1', [outletA, wire('source:w1'), speaker('actor:s1')]), [
      chain('b#1', [outletB, wire('source:w2'), speaker('actor:s2')]),
    ]);
    expect(r.independentOrigins).toBe(2);
  });
});
