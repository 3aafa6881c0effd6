import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RecordedAssessment } from '../../../src/domain/assessment.js';
import { ActorKind, SourceKind, type ReliabilityGrade } from '../../../src/domain/document.js';
import {
  agentReliability,
  gradeClaim,
  type ClaimEvidence,
  type ClaimGrade,
  type GradedAgent,
} from '../../../src/domain/grading.js';
import { defaultGradingConfig as config } from '../../../src/domain/grading-config.js';
import { agent, claim, publisher } from '../../support/grading-builders.js';

const minister = agent('actor:minister', 'person');
const envoy = agent('actor:envoy', 'person');
const reuters = agent('source:reuters', 'wire');
const afp = agent('source:afp', 'wire');
const official = agent('source:art-1:official', 'anonymous');
const effect = (g: ClaimGrade, factor: string) => g.factors.find((f) => f.factor === factor)?.effect;
const sumOfEffects = (g: ClaimGrade) => g.factors.reduce((s, f) => s + f.effect, 0);

describe('source reliability', () => {
  it('defaults by kind of agent', () => {
    expect(agentReliability(reuters).grade).toBe('B');
    expect(agentReliability(publisher).grade).toBe('B');
    expect(agentReliability(minister).grade).toBe('C');
    expect(agentReliability(agent('actor:syria', 'government')).grade).toBe('C');
    expect(agentReliability(agent('source:ministry', 'official_body')).grade).toBe('C');
    expect(agentReliability(official).grade).toBe('F');
    expect(agentReliability(agent('source:a:leaks', 'leak')).grade).toBe('F');
    expect(agentReliability(agent('x', 'unheard-of')).grade).toBe('F');
  });

  it("takes a fact-checker's override, with its reason", () => {
    const r = agentReliability({
      ...minister,
      reliabilityOverride: 'E',
      reliabilityReason: 'record of false claims',
    });
    expect(r).toMatchObject({ grade: 'E', weight: config.reliabilityWeight.E });
    expect(r.basis).toMatch(/record of false claims/);
  });

  it('never grades an unnamed source as if named, even when overridden', () => {
    const r = agentReliability({ ...official, reliabilityOverride: 'A', reliabilityReason: 'trusted' });
    expect(r.grade).toBe(config.anonymousReliabilityCap);
    expect(r.basis).toMatch(/capped at C because the source is unnamed/);
    // An unnamed person recorded with a named kind still takes the unnamed default.
    expect(agentReliability({ ...minister, anonymous: true }).grade).toBe('F');
  });
});

describe('grading one claim', () => {
  it("starts from the original speaker's reliability", () => {
    const g = gradeClaim({ claim: claim('a#1', [minister]) });
    expect(g.factors).toEqual([
      { factor: 'origin-reliability', effect: 0.7, detail: expect.stringMatching(/actor:minister .*C/) },
    ]);
    expect(g).toMatchObject({
      confidence: 0.7,
      credibility: 2,
      independentOrigins: 1,
      circularReporting: false,
    });
  });

  it('caps the chain at its weakest link', () => {
    const g = gradeClaim({
      claim: claim('a#1', [agent('source:tabloid', 'outlet', { reliabilityOverride: 'E' }), minister]),
    });
    expect(effect(g, 'weakest-link')).toBeCloseTo(config.reliabilityWeight.E - 0.7);
  });

  it('lowers confidence per hearsay hop beyond the first', () => {
    const direct = gradeClaim({ claim: claim('a#1', [minister]) });
    const twice = gradeClaim({ claim: claim('a#1', [reuters, envoy, minister]) });
    expect(effect(direct, 'hearsay-depth')).toBeUndefined();
    expect(effect(twice, 'hearsay-depth')).toBeCloseTo(-2 * config.hearsayHopPenalty);
  });

  it('penalises each unnamed link and ranks an unnamed official below a named one', () => {
    const unnamed = gradeClaim({ claim: claim('a#1', [official]) });
    const named = gradeClaim({ claim: claim('a#2', [agent('actor:spokesman', 'person')]) });
    expect(effect(unnamed, 'anonymity')).toBeCloseTo(-config.anonymousHopPenalty);
    expect(unnamed.confidence!).toBeLessThan(named.confidence!);
    expect(unnamed.credibility!).toBeGreaterThan(named.credibility!);
  });

  it('penalises every unnamed link, not only the first', () => {
    const leak = agent('source:art-1:leak', 'leak');
    const one = gradeClaim({ claim: claim('a#1', [official, minister]) });
    const two = gradeClaim({ claim: claim('a#1', [leak, official, minister]) });
    expect(effect(one, 'anonymity')).toBeCloseTo(-config.anonymousHopPenalty);
    expect(effect(two, 'anonymity')).toBeCloseTo(-2 * config.anonymousHopPenalty);
    expect(two.factors.find((f) => f.factor === 'anonymity')?.detail).toMatch(/^2 unnamed links/);
  });

  it('never gives credibility 5 (improbable) without something against the claim', () => {
    // Weak all the way (unnamed, hearsay, hedged) and far below the improbable line, but nothing
    // contradicts it: it cannot be judged improbable, only doubtful (4).
    const weak = claim('a#1', [agent('source:x', 'leak'), official, agent('source:y', 'anonymous')], {
      hedges: ['reportedly', 'according to leaks'],
    });
    const alone = gradeClaim({ claim: weak });
    expect(alone.confidence!).toBeLessThan(config.improbableBelow);
    expect(alone.credibility).toBe(4);
    const contradicted = gradeClaim({ claim: weak, contradictors: [claim('b#1', [minister])] });
    expect(contradicted.credibility).toBe(5);
  });

  it('lowers confidence for hedges and hedging roles, up to a cap', () => {
    const g = gradeClaim({ claim: claim('a#1', [minister], { hedges: ['reportedly'], roles: ['hinted'] }) });
    expect(effect(g, 'hedges')).toBeCloseTo(-2 * config.hedgePenalty);
    expect(g.factors.find((f) => f.factor === 'hedges')?.detail).toMatch(/"reportedly".*hinted/);
    const many = gradeClaim({ claim: claim('a#1', [minister], { hedges: ['a', 'b', 'c', 'd', 'e'] }) });
    expect(effect(many, 'hedges')).toBeCloseTo(-config.maxHedgePenalty);
  });

  it('raises confidence per independent origin, weighted by its strength', () => {
    const g = gradeClaim({
      claim: claim('a#1', [reuters, minister]),
      supporters: [claim('b#1', [afp, envoy])],
    });
    const strength = 0.7 - config.hearsayHopPenalty;
    expect(effect(g, 'corroboration')).toBeCloseTo(config.corroborationPerOrigin * strength);
    expect(g.independentOrigins).toBe(2);
    expect(g.credibility).toBe(1);
  });

  it('gives nothing for a supporter that shares the wire story, and says so', () => {
    const g = gradeClaim({
      claim: claim('a#1', [reuters, minister]),
      supporters: [claim('b#1', [reuters, envoy])],
    });
    expect(effect(g, 'corroboration')).toBeUndefined();
    expect(g).toMatchObject({ independentOrigins: 1, circularReporting: true });
    expect(g.factors.find((f) => f.factor === 'circular-reporting')?.detail).toMatch(/wire source:reuters/);
  });

  it('lowers confidence per contradicting claim, weighted by its strength', () => {
    const strong = gradeClaim({ claim: claim('a#1', [minister]), contradictors: [claim('b#1', [envoy])] });
    const weak = gradeClaim({
      claim: claim('a#1', [minister]),
      contradictors: [claim('b#1', [official], { hedges: ['reportedly'] })],
    });
    expect(effect(strong, 'contradiction')).toBeCloseTo(-config.contradictionPerClaim * 0.7);
    expect(effect(weak, 'contradiction')!).toBeGreaterThan(effect(strong, 'contradiction')!);
  });

  it('notes opposed positions as a disagreement, not a contradiction', () => {
    const demand = claim('a#1', [minister], { kind: 'demand' });
    const rejection = claim('b#1', [envoy], { kind: 'rejection' });
    const g = gradeClaim({ claim: demand, contradictors: [rejection] });
    expect(g.confidence).toBe(0.7);
    expect(g.factors.at(-1)).toMatchObject({ factor: 'disagreement', effect: 0 });
    expect(g.factors.at(-1)?.detail).toMatch(/b#1 \(rejection\).*clash of positions/);
    const report = gradeClaim({
      claim: claim('a#2', [minister], { kind: 'report' }),
      contradictors: [rejection],
    });
    expect(effect(report, 'contradiction')).toBeUndefined();
    const everyClash = gradeClaim(
      { claim: demand, contradictors: [rejection] },
      { ...config, stanceKinds: [] },
    );
    expect(effect(everyClash, 'contradiction')).toBeLessThan(0);
  });

  it('confirms (credibility 1) only with another independent origin of real strength', () => {
    const weakSupport = gradeClaim({
      claim: claim('a#1', [minister]),
      supporters: [claim('b#1', [official, envoy], { hedges: ['reportedly'] })],
    });
    expect(weakSupport.independentOrigins).toBe(2);
    expect(weakSupport.credibility).toBe(2);
  });

  it('ignores drafts and analysis among neighbours, naming them', () => {
    const g = gradeClaim({
      claim: claim('a#1', [minister]),
      supporters: [claim('b#1', [envoy], { status: 'draft' })],
      contradictors: [claim('b#2', [], { outletAnalysis: true })],
    });
    expect(g.confidence).toBe(0.7);
    expect(g.factors.filter((f) => f.factor === 'ignored-relation').map((f) => f.detail)).toEqual([
      expect.stringMatching(/supporting: b#1 \(draft\)/),
      expect.stringMatching(/contradicting: b#2 \(the outlet's analysis\)/),
    ]);
  });

  it('lets the latest fact-checker assessment dominate, normalising the rating', () => {
    const assess = (date: string, verdict: string, ratingValue?: number): RecordedAssessment => ({
      key: `k-${date}`,
      verdict,
      reviewer: 'Checkers',
      date,
      ...(ratingValue === undefined ? {} : { ratingValue, bestRating: 5, worstRating: 1 }),
    });
    const g = gradeClaim({
      claim: claim('a#1', [minister], {
        assessments: [assess('2026-01-01', 'True'), assess('2026-02-01', 'False', 1)],
      }),
    });
    expect(effect(g, 'assessment')).toBeCloseTo(config.assessmentWeight * (0 - 0.7));
    expect(g.confidence).toBeCloseTo(0.7 * (1 - config.assessmentWeight));
    expect(g.credibility).toBe(5);
    const byVerdict = gradeClaim({
      claim: claim('a#1', [official], { assessments: [assess('2026-01-01', 'Mostly true')] }),
    });
    expect(byVerdict.credibility).toBe(1);
    const noRating = gradeClaim({
      claim: claim('a#1', [minister], { assessments: [assess('2026-01-01', 'Unproven')] }),
    });
    expect(noRating.confidence).toBe(0.7);
    expect(noRating.factors.at(-1)).toMatchObject({ factor: 'assessment', effect: 0 });
  });

  it("marks the outlet's own analysis and does not grade it as a sourced fact", () => {
    const g = gradeClaim({ claim: claim('a#1', [], { outletAnalysis: true }) });
    expect(g).toMatchObject({ credibility: 6, confidence: null, independentOrigins: null });
    expect(g.factors).toEqual([
      { factor: 'outlet-analysis', effect: 0, detail: expect.stringMatching(/not graded/) },
    ]);
  });

  it('does not grade drafts', () => {
    const g = gradeClaim({ claim: claim('a#1', [minister], { status: 'draft' }) });
    expect(g).toMatchObject({ credibility: null, confidence: null });
    expect(g.factors[0]?.factor).toBe('not-graded');
  });

  it('bounds confidence at zero and says so', () => {
    const g = gradeClaim({
      claim: claim('a#1', [agent('source:x', 'leak'), official, agent('source:y', 'anonymous')], {
        hedges: ['reportedly', 'according to leaks', 'hinted'],
      }),
      contradictors: [claim('b#1', [minister]), claim('b#2', [envoy])],
    });
    expect(g.confidence).toBe(0);
    expect(effect(g, 'bounds')!).toBeGreaterThan(0);
  });
});

// ---- properties ----------------------------------------------------------------------------

const GRADES: ReliabilityGrade[] = ['A', 'B', 'C', 'D', 'E', 'F'];
// Every kind an agent can have, from the domain's own enums (so a new kind is covered at once).
const KINDS = [...SourceKind.options, ...ActorKind.options];
const ROLES = ['said', 'told', 'reported', 'hinted', 'according_to'];
let fresh = 0;

const agentArb: fc.Arbitrary<GradedAgent> = fc
  .record({
    id: fc.integer({ min: 0, max: 6 }),
    kind: fc.constantFrom(...KINDS),
    override: fc.option(fc.constantFrom(...GRADES), { nil: undefined }),
  })
  .map(({ id, kind, override }) =>
    agent(
      `agent:${kind}:${id}`,
      kind,
      override ? { reliabilityOverride: override, reliabilityReason: 'test' } : {},
    ),
  );

const assessmentArb: fc.Arbitrary<RecordedAssessment> = fc.record({
  key: fc.constant('k'),
  verdict: fc.constantFrom('True', 'False', 'Mixed', 'Unproven'),
  reviewer: fc.constant('Checkers'),
  date: fc.constant('2026-01-01'),
});

const claimArb = (prefix: string): fc.Arbitrary<ClaimEvidence> =>
  fc
    .record({
      id: fc.integer({ min: 0, max: 1000 }),
      agents: fc.array(agentArb, { minLength: 1, maxLength: 5 }),
      roles: fc.array(fc.constantFrom(...ROLES), { maxLength: 5 }),
      hedges: fc.array(fc.constantFrom('reportedly', 'according to leaks', 'allegedly'), { maxLength: 3 }),
      assessments: fc.array(assessmentArb, { maxLength: 1 }),
      kind: fc.constantFrom('statement', 'report', 'demand', 'rejection'),
    })
    .map(({ id, agents, roles, hedges, assessments, kind }) =>
      claim(`${prefix}#${id}`, agents, { roles, hedges, assessments, kind }),
    );

const inputArb = fc.record({
  claim: claimArb('subject'),
  supporters: fc.array(claimArb('supporter'), { maxLength: 3 }),
  contradictors: fc.array(claimArb('contradictor'), { maxLength: 3 }),
});

/** Credibility as "how bad": a higher number is never better, 6 aside. */
const notBetter = (after: ClaimGrade, before: ClaimGrade) => {
  expect(after.confidence!).toBeLessThanOrEqual(before.confidence! + 1e-9);
  expect(after.credibility!).toBeGreaterThanOrEqual(before.credibility!);
};
const notWorse = (after: ClaimGrade, before: ClaimGrade) => {
  expect(after.confidence!).toBeGreaterThanOrEqual(before.confidence! - 1e-9);
  expect(after.credibility!).toBeLessThanOrEqual(before.credibility!);
};

describe('grading properties', () => {
  it('is explainable: the effects sum to the confidence, and confidence stays in [0, 1]', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const g = gradeClaim(input);
        expect(g.confidence!).toBeGreaterThanOrEqual(0);
        expect(g.confidence!).toBeLessThanOrEqual(1);
        expect(Math.abs(sumOfEffects(g) - g.confidence!)).toBeLessThan(0.001 * g.factors.length);
        expect(gradeClaim(input)).toEqual(g);
      }),
    );
  });

  it('an extra anonymous hop never raises confidence', () => {
    fc.assert(
      fc.property(inputArb, fc.nat(), fc.constantFrom(...ROLES), (input, at, role) => {
        const chain = input.claim.chain;
        const hop = agent(`source:unnamed:${fresh++}`, 'anonymous');
        // Anywhere after the article's publisher and before the original speaker, who stays the origin.
        const position = 1 + (at % (chain.length - 1));
        const longer = [
          ...chain.slice(0, position),
          { hop: 0, role, anonymous: true, agent: hop },
          ...chain.slice(position),
        ].map((l, i) => ({ ...l, hop: i }));
        notBetter(gradeClaim({ ...input, claim: { ...input.claim, chain: longer } }), gradeClaim(input));
      }),
    );
  });

  it('an extra anonymous hop at the origin never raises confidence of an unrelated claim', () => {
    fc.assert(
      fc.property(claimArb('subject'), (subject) => {
        const hop = agent(`source:unnamed:${fresh++}`, 'anonymous');
        const longer = [
          ...subject.chain,
          { hop: subject.chain.length, role: 'said', anonymous: true, agent: hop },
        ];
        notBetter(gradeClaim({ claim: { ...subject, chain: longer } }), gradeClaim({ claim: subject }));
      }),
    );
  });

  it('an independent corroboration never lowers confidence', () => {
    fc.assert(
      fc.property(inputArb, claimArb('independent'), (input, extra) => {
        // Fresh agents: no wire, unnamed source or speaker in common with any other chain.
        const n = fresh++;
        const independent = {
          ...extra,
          key: `independent#${n}`,
          chain: extra.chain.map((l, i) =>
            i === 0 ? l : { ...l, agent: { ...l.agent, key: `${l.agent.key}:fresh:${n}` } },
          ),
        };
        notWorse(gradeClaim({ ...input, supporters: [...input.supporters, independent] }), gradeClaim(input));
      }),
    );
  });

  it('a contradiction never raises confidence', () => {
    fc.assert(
      fc.property(inputArb, claimArb('contra'), (input, extra) => {
        const contradictor = { ...extra, key: `contra#new-${fresh++}` };
        notBetter(
          gradeClaim({ ...input, contradictors: [...input.contradictors, contradictor] }),
          gradeClaim(input),
        );
      }),
    );
  });

  it('a hedge never raises confidence', () => {
    fc.assert(
      fc.property(inputArb, fc.constantFrom('reportedly', 'hinted', 'according to leaks'), (input, hedge) => {
        const hedged = { ...input.claim, hedges: [...input.claim.hedges, hedge] };
        notBetter(gradeClaim({ ...input, claim: hedged }), gradeClaim(input));
      }),
    );
  });
});
