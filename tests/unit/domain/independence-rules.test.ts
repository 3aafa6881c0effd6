/**
 * The rules of independence one at a time, each at its edge: which words describe an unnamed
 * source, when two descriptions are alike, which unnamed sources have a relay, what makes two
 * chains one origin and what the explanation says about it, and how origins are listed. Written
 * from the survivors of mutation testing (docs/mutation-testing.md): each assertion fails when
 * one rule is loosened, tightened or dropped.
 */
import { describe, expect, it } from 'vitest';
import {
  describedAlike,
  descriptionWords,
  foldOf,
  independentOrigins,
  possiblySameSource,
  relayedUnnamed,
  voiceOf,
  type Affiliation,
  type ChainAgent,
  type ReportingChain,
} from '../../../src/domain/independence.js';

const named = (key: string, kind: string, name = key): ChainAgent => ({ key, name, kind, anonymous: false });
const unnamed = (key: string, description?: string, name = `Unnamed (${key})`): ChainAgent => ({
  key,
  name,
  kind: 'anonymous',
  anonymous: true,
  ...(description === undefined ? {} : { description }),
});
const chain = (claimKey: string, agents: ChainAgent[], sameStatementAs?: string[]): ReportingChain => ({
  claimKey,
  agents,
  ...(sameStatementAs ? { sameStatementAs } : {}),
});
const outletA = named('source:outlet-a', 'outlet', 'Outlet A');
const outletB = named('source:outlet-b', 'outlet', 'Outlet B');
const outletC = named('source:outlet-c', 'outlet', 'Outlet C');
const axios = named('source:axios', 'outlet', 'Axios');
const reuters = named('source:reuters', 'wire', 'Reuters');
const afp = named('source:afp', 'wire', 'AFP');
const minister = named('actor:minister', 'person', 'The Minister');
const envoy = named('actor:envoy', 'person', 'The Envoy');
const mayor = named('actor:mayor', 'person', 'The Mayor');

describe('descriptionWords', () => {
  it('keeps the letters of words of three or more, lower-cased, filler words aside', () => {
    expect([...descriptionWords('Two US officials, an Israeli one; a source who was unnamed')]).toEqual([
      'two',
      'official',
      'israeli',
      'source',
    ]);
    // Letters only: a hyphen or a digit splits a word.
    expect([...descriptionWords('al-Sharaa aide 42x')]).toEqual(['sharaa', 'aide']);
  });

  it('finds no word in a description without letters', () => {
    expect(descriptionWords('42, 7 & 9')).toEqual(new Set());
    expect(describedAlike('42', '42')).toBe(false);
  });

  it('drops a plural "s" from words longer than three letters, never from "ss"', () => {
    expect([...descriptionWords('sources bus press witnesses gas aides')]).toEqual([
      'source',
      'bus',
      'press',
      'witnesse',
      'gas',
      'aide',
    ]);
  });
});

describe('describedAlike', () => {
  it('is alike at exactly half the words shared (Dice 0.5), not below', () => {
    expect(describedAlike('senior diplomat', 'senior official')).toBe(true); // 2*1/4
    expect(describedAlike('senior gulf diplomat', 'senior western official')).toBe(false); // 2*1/6
    expect(describedAlike('senior gulf diplomat', 'senior gulf official')).toBe(true); // 2*2/6
  });

  it('is never alike when either description has no telling word', () => {
    expect(describedAlike('the one who', 'the one who')).toBe(false);
    expect(describedAlike('senior official', 'an unnamed one')).toBe(false);
    expect(describedAlike('an unnamed one', 'senior official')).toBe(false);
  });
});

describe('relayedUnnamed', () => {
  it('pairs each unnamed source with the named agent that passed it on', () => {
    const a = unnamed('source:a:official');
    const b = unnamed('source:a:aide');
    expect(relayedUnnamed(chain('a#1', [outletA, a, axios, b, minister]))).toEqual([
      { agent: a, relay: outletA },
      { agent: b, relay: axios },
    ]);
  });

  it('has no relay for an unnamed source told by another unnamed one, or that publishes', () => {
    const a = unnamed('source:a:official');
    const b = unnamed('source:a:aide');
    expect(relayedUnnamed(chain('a#1', [outletA, a, b]))).toEqual([{ agent: a, relay: outletA }]);
    expect(relayedUnnamed(chain('a#1', [a, minister]))).toEqual([]);
  });
});

describe('possiblySameSource', () => {
  it('compares descriptions, falling back to the name when a source has none', () => {
    const a = chain('a#1', [outletA, axios, unnamed('source:a:x', undefined, 'senior Israeli official')]);
    const b = chain('b#1', [outletB, axios, unnamed('source:b:y', 'a senior Israeli security official')]);
    expect(possiblySameSource(a, b)).toMatchObject({ relay: axios, a: a.agents[2], b: b.agents[2] });
    expect(possiblySameSource(b, a)).toMatchObject({ relay: axios, a: b.agents[2], b: a.agents[2] });
  });

  it('is not "possibly" the same for one and the same source (its key already makes it one)', () => {
    const same = unnamed('source:a:x', 'senior official');
    expect(possiblySameSource(chain('a#1', [outletA, same]), chain('a#2', [outletA, same]))).toBeNull();
  });

  it('finds a match past the first pair it tries', () => {
    const a = chain('a#1', [
      outletA,
      unnamed('source:a:diplomat', 'a Gulf diplomat'),
      axios,
      unnamed('source:a:official', 'senior Israeli official'),
    ]);
    const b = chain('b#1', [
      outletB,
      unnamed('source:b:aide', 'a presidential aide'),
      axios,
      unnamed('source:b:official', 'senior Israeli officials'),
    ]);
    expect(possiblySameSource(a, b)?.a.key).toBe('source:a:official');
    expect(possiblySameSource(a, b)?.b.key).toBe('source:b:official');
  });
});

describe('voiceOf', () => {
  const ministry: Affiliation = { key: 'actor:mfa', name: 'The Ministry', kind: 'organisation' };
  const government: Affiliation = { key: 'actor:gov', name: 'The Government', kind: 'government' };
  it('takes the highest body of one voice, the agent itself counting as the lowest', () => {
    const official = { key: 'actor:o', name: 'O', kind: 'government', affiliations: [ministry, government] };
    expect(voiceOf(official, ['government'])).toEqual(government);
    expect(voiceOf(official, ['government', 'organisation'])).toEqual(government);
    expect(voiceOf({ ...official, affiliations: [ministry] }, ['government'])).toEqual({
      key: 'actor:o',
      name: 'O',
      kind: 'government',
    });
    expect(voiceOf({ key: 'actor:o', name: 'O', kind: 'government' }, ['government'])?.key).toBe('actor:o');
    expect(voiceOf({ key: 'actor:o', name: 'O', kind: 'person' }, ['government'])).toBeNull();
  });
});

describe('foldOf', () => {
  const government: Affiliation = { key: 'actor:gov', name: 'The Government', kind: 'government' };
  it('folds the original speaker (the last agent), not the publisher', () => {
    const spokesman = { ...named('actor:spokesman', 'person', 'The Spokesman'), affiliations: [government] };
    const publisher = { ...outletA, affiliations: [government] };
    expect(foldOf(chain('a#1', [publisher, spokesman]), ['government'])).toEqual({
      claimKey: 'a#1',
      agentKey: 'actor:spokesman',
      agentName: 'The Spokesman',
      intoKey: 'actor:gov',
      intoName: 'The Government',
    });
    expect(foldOf(chain('a#2', [spokesman, outletA]), ['government'])).toBeNull();
  });

  it('has no fold for a chain without agents or a speaker that is the body itself', () => {
    expect(foldOf(chain('a#1', []), ['government'])).toBeNull();
    expect(foldOf(chain('a#1', [outletA, named('actor:gov', 'government')]), ['government'])).toBeNull();
  });
});

describe('independentOrigins: what makes two chains one origin', () => {
  it('explains a SAME_STATEMENT link as the same statement', () => {
    const r = independentOrigins(chain('a#1', [outletA, minister]), [
      chain('b#1', [outletB, envoy], ['a#1']),
    ]);
    expect(r.explanation).toEqual([
      'b#1 traces back to the same statement, as a#1 does: one origin, not two.',
    ]);
  });

  it('counts a SAME_STATEMENT link listed twice (both directions) once', () => {
    const r = independentOrigins(chain('a#1', [outletA, minister], ['b#1', 'b#1']), [
      chain('b#1', [outletB, envoy], ['a#1']),
    ]);
    expect(r.independentOrigins).toBe(1);
    expect(r.explanation).toEqual([
      'b#1 traces back to the same statement, as a#1 does: one origin, not two.',
    ]);
  });

  it('makes one origin of a SAME_STATEMENT link named on the earlier side only', () => {
    const r = independentOrigins(chain('a#1', [outletA, minister], ['b#1']), [
      chain('b#1', [outletB, envoy]),
    ]);
    expect(r.independentOrigins).toBe(1);
    expect(r.explanation).toEqual([
      'b#1 traces back to the same statement, as a#1 does: one origin, not two.',
    ]);
  });

  it('gives one reason per pair of origins joined, even when they share several things', () => {
    const r = independentOrigins(chain('a#1', [outletA, reuters, minister]), [
      chain('b#1', [outletB, reuters, minister]),
    ]);
    expect(r.explanation).toEqual(['b#1 traces back to the wire Reuters, as a#1 does: one origin, not two.']);
  });

  it('joins three origins through one chain that shares something with each', () => {
    // c shares Reuters with a and the mayor with b: a, b and c are one origin.
    const r = independentOrigins(chain('a#1', [outletA, reuters, minister]), [
      chain('b#1', [outletB, afp, mayor]),
      chain('c#1', [outletC, reuters, mayor]),
    ]);
    expect(r.independentOrigins).toBe(1);
    expect(r.origins[0]!.claimKeys).toEqual(['a#1', 'b#1', 'c#1']);
    expect(r.explanation).toEqual([
      'c#1 traces back to the wire Reuters, as a#1 does: one origin, not two.',
      'c#1 traces back to the original speaker The Mayor, as b#1 does: one origin, not two.',
    ]);
  });

  it('gives a chain joining a group one reason, however many things it shares with it', () => {
    const r = independentOrigins(chain('a#1', [outletA, reuters, minister]), [
      chain('b#1', [outletB, reuters, envoy]),
      chain('c#1', [outletC, afp, envoy]),
      chain('d#1', [outletC, afp, minister]),
    ]);
    // b joins a (Reuters), c joins them (the envoy); d shares both AFP (with c) and the minister
    // (with a) with that one group: one reason, the first it finds.
    expect(r.independentOrigins).toBe(1);
    expect(r.explanation).toEqual([
      'b#1 traces back to the wire Reuters, as a#1 does: one origin, not two.',
      'c#1 traces back to the original speaker The Envoy, as b#1 does: one origin, not two.',
      'd#1 traces back to the wire AFP, as c#1 does: one origin, not two.',
    ]);
  });

  it('names the possibly same unnamed source in full', () => {
    const a = chain('a#1', [
      outletA,
      axios,
      unnamed('source:a:officials', 'US and Israeli officials', 'officials'),
    ]);
    const b = chain('b#1', [
      outletB,
      axios,
      unnamed('source:b:officials', 'Israeli officials', 'two officials'),
    ]);
    const r = independentOrigins(a, [b]);
    expect(r.explanation).toEqual([
      'b#1 traces back to two officials, possibly the same unnamed source as officials ' +
        '(described alike, both passed on by Axios), as a#1 does: one origin, not two.',
    ]);
    expect(r.circularReporting).toBe(true);
  });

  it('does not join by description what is already one origin', () => {
    const a = chain('a#1', [outletA, axios, unnamed('source:a:officials', 'Israeli officials')], ['b#1']);
    const b = chain('b#1', [outletB, axios, unnamed('source:b:officials', 'Israeli officials')]);
    const r = independentOrigins(a, [b]);
    expect(r.explanation).toEqual([
      'b#1 traces back to the same statement, as a#1 does: one origin, not two.',
    ]);
  });

  it('joins by description to the right group among several', () => {
    const a = chain('a#1', [outletA, minister]);
    const b = chain('b#1', [outletB, axios, unnamed('source:b:officials', 'Israeli officials')]);
    const c = chain('c#1', [outletC, axios, unnamed('source:c:officials', 'Israeli officials')]);
    const r = independentOrigins(a, [c, b]);
    expect(r.independentOrigins).toBe(2);
    expect(r.origins.map((o) => o.claimKeys)).toEqual([['a#1'], ['b#1', 'c#1']]);
  });
});

describe('independentOrigins: how origins are listed', () => {
  it("lists the subject's origin first, then the others by their first claim's key", () => {
    const r = independentOrigins(chain('m#1', [outletA, minister]), [
      chain('z#1', [outletB, envoy]),
      chain('b#1', [outletC, mayor]),
    ]);
    expect(r.origins.map((o) => [o.claimKeys, o.includesSubject])).toEqual([
      [['m#1'], true],
      [['b#1'], false],
      [['z#1'], false],
    ]);
  });

  it('puts the subject first inside its own origin, and names each origin speaker once', () => {
    const r = independentOrigins(chain('m#1', [outletA, reuters, minister]), [
      chain('c#1', [outletB, reuters, minister]),
      chain('b#1', [outletC, reuters, envoy]),
    ]);
    expect(r.origins).toEqual([
      {
        claimKeys: ['m#1', 'b#1', 'c#1'],
        originNames: ['The Minister', 'The Envoy'],
        includesSubject: true,
        folds: [],
      },
    ]);
  });

  it('ignores a supporter that is the subject itself, and a chain without agents names nobody', () => {
    const subject = chain('a#1', [outletA, minister]);
    const r = independentOrigins(subject, [chain('a#1', [outletB, envoy]), chain('b#1', [])]);
    expect(r.origins).toEqual([
      { claimKeys: ['a#1'], originNames: ['The Minister'], includesSubject: true, folds: [] },
      { claimKeys: ['b#1'], originNames: [], includesSubject: false, folds: [] },
    ]);
    expect(r.independentOrigins).toBe(2);
  });

  it('lists the folds of every chain of an origin, and names a shared fold once in its reason', () => {
    const government: Affiliation = { key: 'actor:gov', name: 'The Government', kind: 'government' };
    const spokesman = { ...named('actor:spokesman', 'person', 'The Spokesman'), affiliations: [government] };
    const r = independentOrigins(
      chain('a#1', [outletA, spokesman]),
      [chain('b#1', [outletB, afp, spokesman])],
      { oneVoiceKinds: ['government'] },
    );
    expect(r.origins[0]!.folds.map((f) => f.claimKey)).toEqual(['a#1', 'b#1']);
    // The same speaker: joined as the original speaker first (one reason per pair).
    expect(r.explanation).toEqual([
      'b#1 traces back to the original speaker The Spokesman, as a#1 does: one origin, not two.',
    ]);
    const minister2 = { ...named('actor:minister2', 'person', 'The Minister'), affiliations: [government] };
    const s = independentOrigins(chain('a#1', [outletA, spokesman]), [chain('b#1', [outletB, minister2])], {
      oneVoiceKinds: ['government'],
    });
    expect(s.explanation).toEqual([
      'b#1 traces back to the one voice of The Government (The Minister folded into The Government; ' +
        'The Spokesman folded into The Government), as a#1 does: one origin, not two.',
    ]);
  });

  it('names a fold once when both sides fold alike-named speakers', () => {
    const government: Affiliation = { key: 'actor:gov', name: 'The Government', kind: 'government' };
    const speaker = (key: string) => ({
      ...named(key, 'person', 'The Spokesman'),
      affiliations: [government],
    });
    const r = independentOrigins(
      chain('a#1', [outletA, speaker('actor:spokesman-1')]),
      [chain('b#1', [outletB, speaker('actor:spokesman-2')])],
      { oneVoiceKinds: ['government'] },
    );
    expect(r.explanation).toEqual([
      'b#1 traces back to the one voice of The Government (The Spokesman folded into The Government), ' +
        'as a#1 does: one origin, not two.',
    ]);
  });

  it('names the fold of the side that has one when the other speaker is the body itself', () => {
    const government = named('actor:gov', 'government', 'The Government');
    const spokesman = {
      ...named('actor:spokesman', 'person', 'The Spokesman'),
      affiliations: [{ key: 'actor:gov', name: 'The Government', kind: 'government' }],
    };
    const r = independentOrigins(chain('a#1', [outletA, government]), [chain('b#1', [outletB, spokesman])], {
      oneVoiceKinds: ['government'],
    });
    expect(r.explanation).toEqual([
      'b#1 traces back to the one voice of The Government (The Spokesman folded into The Government), ' +
        'as a#1 does: one origin, not two.',
    ]);
  });

  it('names no fold when the shared voice is the speaker itself on both sides', () => {
    const government = named('actor:gov', 'government', 'The Government');
    const r = independentOrigins(
      chain('a#1', [outletA, reuters, government]),
      [chain('b#1', [outletB, afp, government])],
      { oneVoiceKinds: ['government'] },
    );
    expect(r.explanation).toEqual([
      'b#1 traces back to the original speaker The Government, as a#1 does: one origin, not two.',
    ]);
  });
});
