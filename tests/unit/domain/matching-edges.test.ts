/**
 * The matcher at its edges: the stemmer's rules one by one, the weight of common words, an exact
 * score worked out by hand, the date window at its bound, the thresholds at their bound, and how
 * pairs are gathered and ordered. Written for mutation testing (docs/mutation-testing.md).
 */
import { describe, expect, it } from 'vitest';
import {
  contentWords,
  decide,
  matchClaims,
  negationOf,
  pairId,
  scoreClaims,
  scorePair,
  searchTerms,
  stem,
  type MatchClaim,
} from '../../../src/domain/matching.js';
import { matchClaim } from '../../support/match-claim.js';

const claim = matchClaim;

describe('the stemmer', () => {
  it.each([
    // possessive, irregular forms
    ["Syria's", 'syria'],
    ['Sought', 'seek'],
    ['wanted', 'want'],
    // -ies on words longer than four letters
    ['parties', 'party'],
    ['ties', 'tie'],
    // -ing on words longer than five letters
    ['talking', 'talk'],
    ['bring', 'bring'],
    // -ed on words longer than four letters
    ['rejected', 'reject'],
    ['bled', 'bled'],
    // -es after ch, sh, x, ss
    ['marches', 'march'],
    ['pushes', 'push'],
    ['taxes', 'tax'],
    ['passes', 'pass'],
    // a plural s, but not -ss, -us or a short word
    ['talks', 'talk'],
    ['kiss', 'kiss'],
    ['status', 'status'],
    ['gas', 'gas'],
    // a final e on words longer than four letters
    ['propose', 'propos'],
    ['make', 'make'],
    // a doubled final consonant
    ['stopped', 'stop'],
    ['stopping', 'stop'],
    ['ball', 'ball'],
    // but not a doubled s, f or z, which plain words end in
    ['dismiss', 'dismiss'],
    ['dismissed', 'dismiss'],
    ['dismisses', 'dismiss'],
    ['rebuff', 'rebuff'],
    ['rebuffs', 'rebuff'],
    ['rebuffed', 'rebuff'],
    ['glass', 'glass'],
    ['buzzed', 'buzz'],
  ])('%s -> %s', (word, stemmed) => {
    expect(stem(word)).toBe(stemmed);
  });
});

describe('content words', () => {
  it('drops stop words and one-letter words, stems, and folds synonyms by stem or by the word itself', () => {
    expect([...contentWords('The ministers reached an agreement, x said')]).toEqual([
      'minister',
      'reach',
      'agree',
    ]);
    // "parties" stems to "party", folded into the class of "everyone".
    expect([...contentWords('all parties')]).toEqual(['everyon']);
    expect([...contentWords('ministers proposed talks again')]).toEqual([
      'minister',
      'demand',
      'talk',
      'renew',
    ]);
    expect([...contentWords('Suwayda 2025 Sweida')]).toEqual(['sweida']);
    // "rebuffed" and "rebuffs" fold into the class of "reject" as "rebuff" does.
    expect([...contentWords('Israel rebuffed, rebuffs, rebuff')]).toEqual(['israel', 'reject']);
  });
});

describe('negation', () => {
  it.each([
    [{ kind: 'denial', text: 'it happened' }, 'denial'],
    [{ kind: 'report', text: 'The ministry denies it' }, 'denies'],
    [{ kind: 'report', text: 'Israel opposes the plan' }, 'opposes'],
    [{ kind: 'report', text: 'They dismiss the report' }, 'dismiss'],
    [{ kind: 'report', text: 'Damascus dismissed the report' }, 'dismissed'],
    [{ kind: 'report', text: 'Israel rebuffs the offer' }, 'rebuffs'],
    [{ kind: 'report', text: 'Israel rebuffed the offer' }, 'rebuffed'],
    [{ kind: 'report', text: 'Damascus refuses the offer' }, 'refuses'],
    [{ kind: 'statement', text: 'Syria would deny nothing' }, 'deny'],
    [{ kind: 'demand', text: 'Israel wants a corridor' }, null],
  ])('%j -> %j', (c, cue) => {
    expect(negationOf(c)).toBe(cue);
  });
});

describe('scoring a pair', () => {
  it('gives the score worked out by hand', () => {
    // Words: {minister, approv, border, plan} and {minister, approv, plan}: overlap 3/3 = 1,
    // Dice 6/7; words 0.6 + 0.4 * 6/7. About: one of 1 + 2 shared, 2/3. Same kind: 0.05.
    // 0.7 * (0.6 + 0.4 * 6/7) + 0.15 * 2/3 + 0.05 = 0.66 + 0.1 + 0.05.
    const a = claim({ key: 'a#1', text: 'ministers approve border plan', aboutKeys: ['actor:x'] });
    const b = claim({ key: 'b#1', text: 'ministers approve plan', aboutKeys: ['actor:x', 'place:y'] });
    expect(scorePair(a, b)).toEqual({
      from: 'a#1',
      to: 'b#1',
      score: 0.81,
      sharedAbout: 1,
      reasons: {
        words: ['approv', 'minister', 'plan'],
        wordOverlap: 1,
        sameQuote: false,
        agents: ['actor:x'],
        sameSpeaker: false,
        events: [],
        dates: { a: null, b: null, withinWindow: null },
        negation: null,
        classes: { a: 'account', b: 'account' },
        voices: { a: 'reporter', b: 'reporter' },
        // No name, date or story-wide word among them; the shorter claim's three, all shared.
        substance: ['approv', 'minister', 'plan'],
        substanceShare: 1,
        denial: null,
      },
    });
    // Another kind: 0.05 less.
    expect(scorePair(a, { ...b, kind: 'statement' })?.score).toBe(0.76);
  });

  it('counts a common word of the story at a third', () => {
    // {syria, border} and {syria, plan}: syria weighs 1/3, so the overlap is (1/3) / (4/3).
    const p = scorePair(
      claim({ key: 'a#1', text: 'Syria border' }),
      claim({ key: 'b#1', text: 'Syria plan' }),
    );
    expect(p?.reasons.wordOverlap).toBe(0.25);
    expect(p?.reasons.words).toEqual(['syria']);
  });

  it('adds the same speaker, the same quote and a shared event, each by its weight', () => {
    const base = { text: 'alpha beta', aboutKeys: ['event:e', 'actor:z'] };
    const a = claim({ key: 'a#1', ...base });
    const b = claim({ key: 'b#1', ...base });
    // Words 1.0 * 0.7, about 1.0 * 0.15, event 0.05, kind 0.05.
    expect(scorePair(a, b)?.score).toBe(0.95);
    const spoken = scorePair({ ...a, originKey: 'actor:z' }, { ...b, originKey: 'actor:z' });
    expect(spoken?.score).toBe(1);
    expect(spoken?.reasons).toMatchObject({ sameSpeaker: true, events: ['event:e'], agents: ['actor:z'] });
    const quoted = scorePair(
      { ...a, text: 'alpha', quote: 'beta' },
      { ...b, text: 'alpha', quote: 'beta', kind: 'statement' },
    );
    expect(quoted?.reasons.sameQuote).toBe(true);
    expect(quoted?.score).toBe(1);
    // No event shared: 0.05 less.
    const noEvent = scorePair({ ...a, aboutKeys: ['actor:z'] }, { ...b, aboutKeys: ['actor:z'] });
    expect(noEvent?.score).toBe(0.9);
    expect(noEvent?.reasons.events).toEqual([]);
  });

  it('counts an unnamed origin as no speaker, and an affiliation as half a speaker', () => {
    const a = claim({ key: 'a#1', text: 'alpha gamma', originKey: 'source:a:x', originAnonymous: true });
    const b = claim({ key: 'b#1', text: 'alpha delta', originKey: 'source:a:x', originAnonymous: true });
    expect(scorePair(a, b)?.reasons.sameSpeaker).toBe(false);
    expect(scorePair({ ...a, originAnonymous: false }, b)?.reasons.sameSpeaker).toBe(false);
    const plain = scorePair({ ...a, originKey: null }, { ...b, originKey: null })!.score;
    const official = claim({ key: 'a#1', text: 'alpha gamma', originKey: 'actor:ministry' });
    const government = claim({ key: 'b#1', text: 'alpha delta', originKey: 'actor:gov' });
    for (const [x, y] of [
      [{ ...official, originAffiliations: ['actor:gov'] }, government],
      [official, { ...government, originAffiliations: ['actor:ministry'] }],
      [
        { ...official, originAffiliations: ['actor:state'] },
        { ...government, originAffiliations: ['actor:state'] },
      ],
    ] as const) {
      const p = scorePair(x, y)!;
      expect(p.score).toBeCloseTo(plain + 0.05, 3);
      expect(p.reasons.agents).toEqual(['actor:gov', 'actor:ministry']);
      expect(p.reasons.sameSpeaker).toBe(false);
    }
    expect(scorePair(official, government)!.score).toBe(plain);
    expect(scorePair(official, government)!.reasons.agents).toEqual([]);
  });

  it('measures the window from the time a claim is about, else its end, else when it was said', () => {
    const on = (key: string, t: Partial<MatchClaim>) => claim({ key, text: 'alpha beta', ...t });
    const within = (a: Partial<MatchClaim>, b: Partial<MatchClaim>) =>
      scorePair(on('a#1', a), on('b#1', b))!.reasons.dates.withinWindow;
    expect(within({ timeStart: '2025-01-01' }, { timeStart: '2025-02-15' })).toBe(true);
    expect(within({ timeStart: '2025-01-01' }, { timeStart: '2025-02-16' })).toBe(false);
    expect(within({ timeEnd: '2025-01-01' }, { saidAt: '2025-02-16' })).toBe(false);
    expect(within({ saidAt: '2025-01-01T10:00:00Z' }, { saidAt: '2025-02-15T23:00:00Z' })).toBe(true);
    // Overlapping ranges, however long ago their starts.
    expect(within({ timeStart: '2024-01-01', timeEnd: '2025-12-31' }, { timeStart: '2025-06-01' })).toBe(
      true,
    );
    expect(within({ timeStart: '2025-06-01' }, { timeStart: '2024-01-01', timeEnd: '2025-12-31' })).toBe(
      true,
    );
    expect(within({ timeStart: '2025-01-01' }, {})).toBeNull();
    expect(within({}, { saidAt: '2025-01-01' })).toBeNull();
    // A narrower window, through the policy.
    expect(
      scorePair(on('a#1', { timeStart: '2025-01-01' }), on('b#1', { timeStart: '2025-01-11' }), 9)!.reasons
        .dates.withinWindow,
    ).toBe(false);
  });

  it('points from the later claim to the earlier, whichever is given first', () => {
    const early = claim({ key: 'z#1', text: 'alpha', saidAt: '2025-01-01' });
    const late = claim({ key: 'a#1', text: 'alpha', saidAt: '2025-01-02' });
    for (const [x, y] of [
      [early, late],
      [late, early],
    ])
      expect(scorePair(x!, y!)).toMatchObject({
        from: 'a#1',
        to: 'z#1',
        reasons: { dates: { a: '2025-01-02', b: '2025-01-01' } },
      });
  });

  it('names the negation only when one side alone has it', () => {
    const yes = claim({ key: 'a#1', text: 'Israel rejected the plan' });
    const no = claim({ key: 'b#1', text: 'Israel accepted the plan' });
    expect(scorePair(yes, no)?.reasons.negation).toBe('rejected');
    expect(scorePair(no, yes)?.reasons.negation).toBe('rejected');
    expect(scorePair(yes, { ...no, text: 'Israel denied the plan' })?.reasons.negation).toBeNull();
  });

  it('scores no pair of one article or of one claim', () => {
    const a = claim({ key: 'a#1', text: 'alpha' });
    expect(scorePair(a, { ...a, key: 'a#2' })).toBeNull();
    expect(scorePair(a, { ...a, articleKey: 'article:other' })).toBeNull();
  });
});

describe('deciding', () => {
  const a = claim({ key: 'a#1', text: 'ministers approve border plan', aboutKeys: ['actor:x'] });
  const b = claim({ key: 'b#1', text: 'ministers approve plan', aboutKeys: ['actor:x', 'place:y'] });
  const restated = scorePair(a, b)!;
  // The same pair sharing one substance word of three: not a restatement (see `RESTATEMENT`).
  const p = { ...restated, reasons: { ...restated.reasons, substance: ['plan'], substanceShare: 0.333 } };
  const at = (score: number) => ({ sameStatement: score, supports: score, contradicts: score });
  // A denial whose head the other claim half holds, the other claim a demand.
  const denial = {
    by: 'a#1',
    target: ['plan'],
    head: ['plan'],
    covered: ['plan'],
    overlap: 0.81,
    putsForward: 'demand',
  };

  it('takes a score equal to a threshold, and not one below it', () => {
    expect(decide(p, at(0.81))?.type).toBe('SAME_STATEMENT');
    expect(decide(p, { sameStatement: 0.82, supports: 0.81, contradicts: 1 })?.type).toBe('SUPPORTS');
    expect(decide(p, { sameStatement: 0.82, supports: 0.82, contradicts: 1 })).toBeNull();
    // A contradiction's threshold is on how much of the denial's head the other claim holds.
    const negated = { ...p, reasons: { ...p.reasons, negation: 'rejected', denial } };
    expect(decide(negated, at(0.81))).toMatchObject({ type: 'CONTRADICTS', score: 0.81 });
    expect(decide(negated, at(0.82))).toBeNull();
  });

  it('supports or contradicts only on shared ground and from another speaker', () => {
    const high = { sameStatement: 1, supports: 0.1, contradicts: 0.1 };
    expect(decide({ ...p, sharedAbout: 0 }, high)).toBeNull();
    expect(decide({ ...p, reasons: { ...p.reasons, sameSpeaker: true } }, high)).toBeNull();
    const negated = { ...p, reasons: { ...p.reasons, negation: 'rejected', denial } };
    expect(decide({ ...negated, sharedAbout: 0 }, high)).toBeNull();
    expect(decide({ ...negated, reasons: { ...negated.reasons, sameSpeaker: true } }, high)).toBeNull();
    // A negation never makes a SAME_STATEMENT, however high the score.
    expect(decide(negated, { sameStatement: 0, supports: 1, contradicts: 1 })).toBeNull();
  });

  it('proposes nothing outside the window, and carries the pair and its reasons', () => {
    const outside = { ...p, reasons: { ...p.reasons, dates: { a: null, b: null, withinWindow: false } } };
    expect(decide(outside, at(0))).toBeNull();
    expect(decide(p, at(0))).toEqual({
      from: 'a#1',
      to: 'b#1',
      type: 'SAME_STATEMENT',
      score: 0.81,
      reasons: p.reasons,
    });
  });
});

describe('gathering pairs', () => {
  const c = (key: string, text: string) => claim({ key, text, aboutKeys: ['actor:x'] });

  it('pairs each news claim with the later news claims and every candidate, once each', () => {
    const news = [c('a#1', 'alpha beta'), c('b#1', 'alpha beta'), c('a#2', 'alpha beta')];
    const candidates = [c('z#1', 'alpha beta'), c('b#1', 'alpha beta')];
    const pairs = scoreClaims(news, candidates)
      .map((p) => pairId(p.from, p.to))
      .sort();
    // a#1-a#2 share an article; b#1 with itself is no pair; b#1-a#1 counted once.
    expect(pairs).toEqual(['a#1|b#1', 'a#1|z#1', 'a#2|b#1', 'a#2|z#1', 'b#1|z#1']);
  });

  it('lists matches best first, ties by their pair', () => {
    const news = [c('m#1', 'alpha beta gamma')];
    const candidates = [
      c('y#1', 'alpha beta gamma'),
      c('x#1', 'alpha beta gamma'),
      c('w#1', 'alpha beta delta'),
    ];
    const ms = matchClaims(news, candidates, {
      windowDays: 45,
      sameStatement: 0.5,
      supports: 0.3,
      contradicts: 0.3,
      candidatesPerSource: 25,
    });
    expect(ms.map((m) => pairId(m.from, m.to))).toEqual(['m#1|x#1', 'm#1|y#1', 'm#1|w#1']);
  });

  it('offers at most the longest words of three letters or more to the search, ties alphabetically', () => {
    expect(searchTerms({ text: 'The big cat and the dog ate', quote: 'an owl ox big' })).toEqual([
      'ate',
      'big',
      'cat',
      'dog',
      'owl',
    ]);
    expect(searchTerms({ text: 'aaaa bbbbb cc ddd', quote: null }, 2)).toEqual(['bbbbb', 'aaaa']);
    const many = Array.from({ length: 20 }, (_, i) => `word${String.fromCharCode(97 + i)}`).join(' ');
    expect(searchTerms({ text: many, quote: null })).toHaveLength(12);
  });
});
