import { describe, expect, it } from 'vitest';
import {
  contentWords,
  matchClaims,
  matchPair,
  negationOf,
  proposalKey,
  searchTerms,
} from '../../../src/domain/matching.js';
import { matchClaim } from '../../support/match-claim.js';

const claim = (over: Parameters<typeof matchClaim>[0]) =>
  matchClaim({ aboutKeys: ['actor:syria', 'actor:israel'], ...over });

describe('the words the matcher compares', () => {
  it('stems, folds synonyms and drops stop words', () => {
    expect(contentWords('Israel reintroduced the demand')).toEqual(
      contentWords('israel reintroduces demands'),
    );
    expect(contentWords('a security pact')).toEqual(contentWords('the security deal'));
    expect([...contentWords('Syria refused the request')]).toEqual(['syria', 'reject', 'demand']);
    expect(contentWords('the and of')).toEqual(new Set());
  });

  it('meets the forms of one word family: withdraw, withdrawal, withdrawn, withdrew', () => {
    const forms = ['withdraw', 'withdraws', 'withdrawal', 'withdrawn', 'withdrew', 'withdrawing'];
    for (const form of forms) expect(contentWords(`full ${form}`)).toEqual(new Set(['full', 'withdraw']));
  });

  it('finds a denial in the kind or the words', () => {
    expect(negationOf({ kind: 'rejection', text: 'x' })).toBe('rejection');
    expect(negationOf({ kind: 'report', text: 'Damascus refused it' })).toBe('refused');
    expect(negationOf({ kind: 'report', text: 'Syria would not move equipment' })).toBeNull();
  });

  it('offers the longest words to the full-text search', () => {
    expect(
      searchTerms({ text: 'Israel asked for a humanitarian corridor to Sweida', quote: null }, 3),
    ).toEqual(['humanitarian', 'corridor', 'israel']);
  });
});

describe('matching two claims', () => {
  const wire = claim({
    key: 'wire#close',
    text: 'Syria and Israel are close to a de-escalation agreement, the envoy said.',
    quote: 'de-escalation',
    originKey: 'actor:envoy',
    aboutKeys: ['actor:envoy', 'actor:syria', 'actor:israel'],
    timeStart: '2025-09-23',
  });
  const outlet = claim({
    key: 'outlet#near',
    text: 'Syria and Israel are near a deal on de-escalation.',
    quote: 'de-escalation',
    originKey: 'actor:envoy',
    aboutKeys: ['actor:envoy', 'actor:syria', 'actor:israel'],
    timeStart: '2025-09-24',
  });

  it('proposes SAME_STATEMENT for one statement in two articles, with the words, speaker and dates', () => {
    const m = matchPair(wire, outlet);
    expect(m?.type).toBe('SAME_STATEMENT');
    expect(m?.reasons.sameSpeaker).toBe(true);
    expect(m?.reasons.sameQuote).toBe(true);
    expect(m?.reasons.words).toEqual(expect.arrayContaining(['close', 'agree', 'escalation']));
    expect(m?.reasons.agents).toContain('actor:envoy');
    expect(m?.reasons.dates).toEqual({ a: '2025-09-24', b: '2025-09-23', withinWindow: true });
    // From the later claim to the earlier.
    expect([m?.from, m?.to]).toEqual(['outlet#near', 'wire#close']);
  });

  it('never matches two claims of one article, nor claims months apart', () => {
    expect(matchPair(wire, { ...outlet, articleKey: wire.articleKey })).toBeNull();
    expect(matchPair(wire, { ...outlet, timeStart: '2026-03-01' })).toBeNull();
  });

  it('proposes CONTRADICTS for a rejection of what another voice demands, naming the cue', () => {
    const demand = claim({
      key: 'a#demand',
      kind: 'demand',
      text: 'Israel demands a humanitarian corridor to Sweida.',
      originKey: 'actor:israel',
      aboutKeys: ['actor:israel', 'place:sweida'],
    });
    const refusal = claim({
      key: 'b#refusal',
      kind: 'rejection',
      text: 'Syria rejected the Israeli request for a corridor to Sweida.',
      originKey: 'actor:syria',
      aboutKeys: ['actor:syria', 'actor:israel', 'place:sweida'],
    });
    const m = matchPair(demand, refusal);
    expect(m?.type).toBe('CONTRADICTS');
    expect(m?.reasons.negation).toBe('rejection');
    // The same speaker saying both is not proposed as a contradiction.
    expect(matchPair(demand, { ...refusal, originKey: 'actor:israel' })?.type).not.toBe('CONTRADICTS');
  });

  it('keys a proposal by type and the unordered pair, and lists matches best first', () => {
    expect(proposalKey('SUPPORTS', 'b#1', 'a#1')).toBe(proposalKey('SUPPORTS', 'a#1', 'b#1'));
    expect(proposalKey('SUPPORTS', 'a#1', 'b#1')).not.toBe(proposalKey('CONTRADICTS', 'a#1', 'b#1'));
    const other = claim({
      key: 'third#x',
      text: 'Syria and Israel are close to a de-escalation pact.',
      timeStart: '2025-09-23',
    });
    const ms = matchClaims([wire], [outlet, other]);
    expect(ms.length).toBeGreaterThan(0);
    expect(ms.map((m) => m.score)).toEqual([...ms.map((m) => m.score)].sort((x, y) => y - x));
  });
});
