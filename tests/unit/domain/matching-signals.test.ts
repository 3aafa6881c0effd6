/**
 * The matcher's signals for SUPPORTS and CONTRADICTS (src/domain/matching.ts): the class of a
 * claim's kind, who voices it, the names and the substance two claims share, what a denial
 * rejects and whether the other claim puts that forward, and a restatement in other words. Each
 * signal is tested where it decides, and shown in the proposal's reasons.
 */
import { describe, expect, it } from 'vitest';
import {
  claimClass,
  denialTarget,
  matchPair,
  MATCH_POLICY,
  nameWords,
  RESTATEMENT,
  scorePair,
  voiceOf,
} from '../../../src/domain/matching.js';
import { matchClaim } from '../../support/match-claim.js';

const claim = (over: Parameters<typeof matchClaim>[0]) =>
  matchClaim({ aboutKeys: ['actor:syria', 'actor:israel'], ...over });

describe('the class of a claim', () => {
  it.each([
    ['report', 'account'],
    ['statement', 'account'],
    ['leak', 'account'],
    ['acknowledgement', 'account'],
    ['demand', 'stance'],
    ['proposal', 'stance'],
    ['position', 'stance'],
    ['accusation', 'stance'],
    ['rejection', 'denial'],
    ['denial', 'denial'],
    ['analysis', 'judgement'],
    ['prediction', 'judgement'],
    ['warning', 'judgement'],
    ['something-new', 'account'],
  ])('%s is a %s', (kind, cls) => {
    expect(claimClass(kind)).toBe(cls);
  });

  it('is a reason of every scored pair, from the later claim to the earlier', () => {
    const a = claim({ key: 'a#1', kind: 'analysis', text: 'the corridor plan', timeStart: '2025-09-20' });
    const b = claim({ key: 'b#1', kind: 'demand', text: 'the corridor plan', timeStart: '2025-09-26' });
    expect(scorePair(a, b)?.reasons.classes).toEqual({ a: 'stance', b: 'judgement' });
  });
});

describe('who voices a claim', () => {
  it('is a party when a named actor or an unnamed source tied to one speaks, else a reporter', () => {
    expect(voiceOf({ originKey: 'actor:government-of-israel', originAffiliations: [] })).toBe('party');
    expect(voiceOf({ originKey: 'source:x:israeli-official', originAffiliations: ['actor:israel'] })).toBe(
      'party',
    );
    expect(voiceOf({ originKey: 'source:reuters', originAffiliations: [] })).toBe('reporter');
    expect(voiceOf({ originKey: null, originAffiliations: [] })).toBe('reporter');
  });
});

describe('names and substance', () => {
  it('takes names from the keys of actors and sources and from capitalised words inside a sentence', () => {
    const names = nameWords({
      text: 'Trump met al-Sharaa in Paris. Talks resumed on the border.',
      aboutKeys: ['actor:donald-trump', 'place:israeli-syrian-border'],
      chainKeys: ['source:hurriyet-daily-news'],
      originKey: null,
    });
    expect([...names].sort()).toEqual(['daily', 'donald', 'hurriyet', 'new', 'pari', 'sharaa', 'trump']);
    // Not a place key's words, nor the first word of a sentence.
    expect(names.has('border')).toBe(false);
    expect(names.has('talk')).toBe(false);
  });

  it('keeps out of the shared substance names, dates, polarity, story-wide words and word halves', () => {
    const a = claim({
      key: 'a#1',
      text: 'Trump said in September that Israel would not stop the de-escalation plan',
    });
    const b = claim({
      key: 'b#1',
      text: 'In September Trump told Israel not to stop the de-escalation plan',
    });
    const r = scorePair(a, b)!.reasons;
    expect(r.words).toEqual(
      expect.arrayContaining(['trump', 'september', 'not', 'israel', 'de', 'stop', 'plan']),
    );
    expect(r.substance).toEqual(['escalation', 'plan', 'stop']);
    expect(r.substanceShare).toBe(1);
  });

  it('does not propose SUPPORTS for two claims sharing only names and story-wide words', () => {
    const met = claim({
      key: 'a#1',
      text: 'Trump has met and praised al-Sharaa in Syria.',
      originKey: 'source:outlet-a',
      aboutKeys: ['actor:donald-trump', 'actor:ahmad-al-sharaa'],
    });
    const told = claim({
      key: 'b#1',
      text: 'Trump told al-Sharaa that Syria must calm the south.',
      originKey: 'source:outlet-b',
      aboutKeys: ['actor:donald-trump', 'actor:ahmad-al-sharaa'],
    });
    const policy = { ...MATCH_POLICY, sameStatement: 1, supports: 0.1 };
    const scored = scorePair(met, told)!;
    expect(scored.reasons.words).toEqual(['sharaa', 'syria', 'trump']);
    expect(scored.reasons.substance).toEqual([]);
    expect(matchPair(met, told, policy)).toBeNull();
    // With a word that says what is claimed, the same pair is support.
    const praised = { ...told, text: 'Trump told al-Sharaa he praised him in Syria.' };
    expect(matchPair(met, praised, policy)).toMatchObject({
      type: 'SUPPORTS',
      reasons: { substance: ['prais'] },
    });
  });
});

describe('support between claims of one class only', () => {
  const demand = claim({
    key: 'a#1',
    kind: 'demand',
    text: 'Israel demands a humanitarian corridor to Sweida for aid.',
    originKey: 'actor:israel',
    aboutKeys: ['actor:israel', 'place:sweida'],
  });
  const report = claim({
    key: 'b#1',
    kind: 'report',
    text: 'The pact ran into an obstacle over a humanitarian corridor to Sweida for aid.',
    originKey: 'source:wire',
    aboutKeys: ['actor:israel', 'place:sweida'],
  });
  const policy = { ...MATCH_POLICY, sameStatement: 1, supports: 0.1 };

  it('does not take an account of events as support of a stance', () => {
    expect(scorePair(demand, report)?.reasons.classes).toEqual({ a: 'stance', b: 'account' });
    expect(matchPair(demand, report, policy)).toBeNull();
    expect(matchPair(demand, { ...report, kind: 'statement' }, policy)).toBeNull();
    // Nor when both are voiced by parties.
    const byParty = { ...report, kind: 'statement', originKey: 'actor:netanyahu' };
    expect(scorePair(demand, byParty)?.reasons.voices).toEqual({ a: 'party', b: 'party' });
    expect(matchPair(demand, byParty, policy)).toBeNull();
  });

  it('takes no judgement as a witness, even of a judgement', () => {
    const a = { ...report, kind: 'analysis', text: 'The corridor stalled the pact.' };
    const b = {
      ...a,
      key: 'c#1',
      articleKey: 'article:c',
      originKey: 'source:other',
      text: 'The corridor is a pretext.',
    };
    expect(matchPair(a, b, policy)).toBeNull();
    expect(matchPair({ ...a, kind: 'report' }, { ...b, kind: 'report' }, policy)?.type).toBe('SUPPORTS');
  });

  it('backs a stance only by another party holding it, not by a reporter telling of it', () => {
    const netanyahu = {
      ...demand,
      key: 'c#1',
      articleKey: 'article:c',
      text: 'Netanyahu wants a corridor to Sweida.',
      originKey: 'actor:netanyahu',
    };
    const byParty = matchPair(demand, netanyahu, policy);
    expect(byParty).toMatchObject({ type: 'SUPPORTS', reasons: { voices: { a: 'party', b: 'party' } } });
    const byWire = matchPair(demand, { ...netanyahu, originKey: 'source:wire' }, policy);
    expect(byWire).toBeNull();
    expect(scorePair(demand, { ...netanyahu, originKey: 'source:wire' })?.reasons.voices).toEqual({
      a: 'party',
      b: 'reporter',
    });
  });
});

describe('what a denial rejects', () => {
  it('is what follows the rejecting word, up to a reason or a clause', () => {
    expect(
      [
        ...denialTarget({
          text: 'Syria rejected the Israeli request for a corridor to Sweida as a breach of its sovereignty.',
        }),
      ].sort(),
    ).toEqual(['corridor', 'demand', 'israel', 'sweida']);
    expect(
      [
        ...denialTarget({ text: "Damascus rejected Israel's corridor proposal, viewing it as stalling." }),
      ].sort(),
    ).toEqual(['corridor', 'demand', 'israel']);
    // Only the kind says it rejects: the whole text.
    expect([...denialTarget({ text: 'No to the corridor plan' })].sort()).toEqual(['corridor', 'no', 'plan']);
  });

  const rejection = claim({
    key: 'r#1',
    kind: 'rejection',
    text: 'Syria rejected the Israeli request for a corridor to Sweida as a breach of its sovereignty.',
    originKey: 'actor:syria',
    aboutKeys: ['actor:syria', 'actor:israel', 'place:sweida'],
  });
  const other = (key: string, kind: string, text: string, originKey = 'source:wire') =>
    claim({ key, kind, text, originKey, aboutKeys: ['actor:israel', 'place:sweida'] });

  it('contradicts the demand it rejects, scored on its head (not on whose the demand is)', () => {
    const demandOf = other(
      'd#1',
      'demand',
      'Israel wants a humanitarian corridor into Sweida.',
      'actor:israel',
    );
    const m = matchPair(rejection, demandOf);
    // Its score is the mean of the pair's similarity and the head's share.
    expect(m?.score).toBe(Number(((scorePair(rejection, demandOf)!.score + 1) / 2).toFixed(3)));
    expect(m).toMatchObject({
      type: 'CONTRADICTS',
      reasons: {
        negation: 'rejection',
        denial: {
          by: 'r#1',
          target: ['corridor', 'demand', 'israel', 'sweida'],
          head: ['corridor'],
          covered: ['corridor'],
          overlap: 1,
          putsForward: 'demand',
        },
      },
    });
  });

  it('contradicts an account of the demand by the party that made it, not one merely mentioning it', () => {
    const told = matchPair(
      rejection,
      other('d#2', 'report', 'Israel reintroduced the demand for a corridor late in the talks.'),
    );
    expect(told).toMatchObject({
      type: 'CONTRADICTS',
      reasons: { denial: { putsForward: 'reported demand (israel)' } },
    });
    const mentioned = scorePair(
      rejection,
      other('d#3', 'report', "Talks ran into an obstacle: Israel's request for a corridor to Sweida."),
    )!;
    expect(mentioned.reasons.denial).toMatchObject({ covered: ['corridor'], putsForward: null });
    expect(
      matchPair(
        rejection,
        other('d#3', 'report', "Talks ran into an obstacle: Israel's request for a corridor to Sweida."),
      ),
    ).toBeNull();
  });

  it('does not contradict a judgement or a neighbour that does not hold its head', () => {
    expect(
      matchPair(rejection, other('d#4', 'analysis', 'Aid is a pretext for the corridor Israel demands.')),
    ).toBeNull();
    const neighbour = scorePair(
      rejection,
      other('d#5', 'demand', 'Israel demands a demilitarized zone in Sweida.', 'actor:israel'),
    )!;
    expect(neighbour.reasons.denial).toMatchObject({
      head: ['corridor'],
      covered: [],
      overlap: 0,
      putsForward: 'demand',
    });
    expect(
      matchPair(
        rejection,
        other('d#5', 'demand', 'Israel demands a demilitarized zone in Sweida.', 'actor:israel'),
      ),
    ).toBeNull();
  });

  it('contradicts a position it rejects without sharing a rejecting word or many words', () => {
    const refuses = claim({
      key: 'r#2',
      kind: 'rejection',
      text: 'Israel refuses to fully withdraw, even to the old lines, without strict conditions.',
      originKey: 'actor:israel',
      aboutKeys: ['actor:israel', 'place:south'],
    });
    const hopes = claim({
      key: 'p#1',
      kind: 'position',
      text: 'Damascus hopes the talks will make Israeli troops withdraw from the south.',
      originKey: 'actor:syria',
      aboutKeys: ['actor:israel', 'actor:syria', 'place:south'],
    });
    const scored = scorePair(refuses, hopes)!;
    expect(scored.score).toBeLessThan(MATCH_POLICY.supports);
    expect(matchPair(refuses, hopes)).toMatchObject({
      type: 'CONTRADICTS',
      score: Number(((scored.score + 0.5) / 2).toFixed(3)),
      reasons: { denial: { head: ['fully', 'withdraw'], covered: ['withdraw'], putsForward: 'position' } },
    });
    // The same speaker refusing what it hopes for is not proposed.
    expect(matchPair(refuses, { ...hopes, originKey: 'actor:israel' })).toBeNull();
  });
});

describe('a restatement in other words', () => {
  const wire = claim({
    key: 'w#1',
    text: 'In recent weeks the two sides came close to agreeing the broad outlines of a security pact.',
    originKey: 'source:wire',
  });
  const retro = claim({
    key: 'n#1',
    text: 'After shuttle diplomacy in three capitals, the two sides came close to an outline ahead of the summit.',
    originKey: 'source:outlet',
  });

  it('is the same statement when it shares most of the shorter claim substance, though the score is middling', () => {
    const scored = scorePair(wire, retro)!;
    expect(scored.score).toBeGreaterThanOrEqual(MATCH_POLICY.supports);
    expect(scored.score).toBeLessThan(MATCH_POLICY.sameStatement);
    expect(scored.reasons.substance!.length).toBeGreaterThanOrEqual(RESTATEMENT.words);
    expect(scored.reasons.substanceShare).toBeGreaterThanOrEqual(RESTATEMENT.share);
    expect(matchPair(wire, retro)?.type).toBe('SAME_STATEMENT');
  });

  it('is only support with fewer shared substance words, or on no shared ground', () => {
    const fewer = {
      ...retro,
      text: 'After shuttle diplomacy in three capitals, the two sides drew near ahead of the summit.',
    };
    const r = scorePair(wire, fewer)!.reasons;
    expect(r.substance!.length).toBeLessThan(RESTATEMENT.words);
    expect(matchPair(wire, fewer, { ...MATCH_POLICY, supports: 0.1 })?.type).toBe('SUPPORTS');
    expect(
      matchPair(wire, { ...retro, aboutKeys: ['actor:other'] }, { ...MATCH_POLICY, supports: 0.1 }),
    ).toBeNull();
  });
});
