/**
 * Grading, word for word: the basis of every reliability (default, override, cap, unknown kind),
 * and the sentence of every factor a fact-checker reads, with its exact effect. The other grading
 * tests check directions and properties; these check what is said. Written for mutation testing
 * (docs/mutation-testing.md).
 */
import { describe, expect, it } from 'vitest';
import type { RecordedAssessment } from '../../../src/domain/assessment.js';
import {
  agentReliability,
  credibilityOf,
  gradeClaim,
  reportingChainOf,
} from '../../../src/domain/grading.js';
import { defaultGradingConfig as config } from '../../../src/domain/grading-config.js';
import { agent, claim } from '../../support/grading-builders.js';

const minister = agent('actor:minister', 'person', { name: 'The Minister' });
const envoy = agent('actor:envoy', 'person', { name: 'The Envoy' });
const reuters = agent('source:reuters', 'wire', { name: 'Reuters' });
const afp = agent('source:afp', 'wire', { name: 'AFP' });
const official = agent('source:a:official', 'anonymous', { name: 'a senior official' });
const ministry = agent('actor:ministry', 'official_body', { name: 'The Ministry' });

describe('the basis of a reliability', () => {
  it('names the default of the kind', () => {
    expect(agentReliability(reuters)).toEqual({
      grade: 'B',
      weight: 0.85,
      basis: 'default for a wire service',
    });
    expect(agentReliability(ministry)).toEqual({
      grade: 'C',
      weight: 0.7,
      basis: 'default for an official body',
    });
    expect(agentReliability(agent('x', 'leak'))).toEqual({
      grade: 'F',
      weight: 0.45,
      basis: 'default for leaked material',
    });
    expect(agentReliability(agent('x', 'group'))).toEqual({
      grade: 'D',
      weight: 0.5,
      basis: 'default for a group',
    });
  });

  it("names a fact-checker's grade, with its reason when given", () => {
    expect(
      agentReliability({ ...minister, reliabilityOverride: 'A', reliabilityReason: 'on the record' }),
    ).toEqual({
      grade: 'A',
      weight: 1,
      basis: "fact-checker's grade (on the record)",
    });
    expect(agentReliability({ ...minister, reliabilityOverride: 'E' })).toEqual({
      grade: 'E',
      weight: 0.3,
      basis: "fact-checker's grade",
    });
  });

  it('names an unknown kind, graded F', () => {
    expect(agentReliability(agent('x', 'oracle'))).toEqual({
      grade: 'F',
      weight: 0.45,
      basis: 'unknown kind "oracle"',
    });
  });

  it('caps an unnamed source above the cap only, and says so', () => {
    expect(agentReliability({ ...official, reliabilityOverride: 'B', reliabilityReason: 'vetted' })).toEqual({
      grade: 'C',
      weight: 0.7,
      basis: "fact-checker's grade (vetted), capped at C because the source is unnamed",
    });
    // At the cap or below it: left alone.
    expect(agentReliability({ ...official, reliabilityOverride: 'C' })).toEqual({
      grade: 'C',
      weight: 0.7,
      basis: "fact-checker's grade",
    });
    expect(agentReliability({ ...official, reliabilityOverride: 'D' }).grade).toBe('D');
    // A default above the cap is capped too.
    const generous = {
      ...config,
      reliabilityByKind: { ...config.reliabilityByKind, anonymous: 'A' as const },
    };
    expect(agentReliability(official, generous)).toEqual({
      grade: 'C',
      weight: 0.7,
      basis: 'default for an unnamed source, capped at C because the source is unnamed',
    });
    // A lower cap in the configuration.
    expect(
      agentReliability({ ...official, reliabilityOverride: 'C' }, { ...config, anonymousReliabilityCap: 'D' })
        .grade,
    ).toBe('D');
  });

  it('grades an agent unnamed at this link as unnamed, whatever its kind', () => {
    const link = { hop: 1, role: 'said', anonymous: true, agent: minister };
    expect(agentReliability(minister, config, link)).toEqual({
      grade: 'F',
      weight: 0.45,
      basis: 'default for an unnamed source',
    });
    expect(agentReliability(minister, config, { ...link, anonymous: false }).grade).toBe('C');
    // Recorded with an unnamed kind but not flagged: still unnamed.
    expect(agentReliability({ ...official, anonymous: false }).basis).toBe('default for an unnamed source');
    expect(agentReliability({ ...agent('x', 'leak'), anonymous: false }).basis).toBe(
      'default for leaked material',
    );
  });
});

describe('the chain as independence sees it', () => {
  it('keeps each agent, marks those unnamed at their link, and defaults the lists', () => {
    const c = claim('a#1', [minister]);
    const unnamedLink = { ...c, chain: [c.chain[0]!, { ...c.chain[1]!, anonymous: true }] };
    expect(reportingChainOf(unnamedLink)).toEqual({
      claimKey: 'a#1',
      agents: [
        { key: 'example-news', name: 'example-news', kind: 'outlet', anonymous: false, affiliations: [] },
        { key: 'actor:minister', name: 'The Minister', kind: 'person', anonymous: true, affiliations: [] },
      ],
      sameStatementAs: [],
    });
  });
});

describe('every factor, word for word', () => {
  it('names the origin, the weakest link, hearsay, anonymity and hedges', () => {
    const tabloid = agent('source:tabloid', 'outlet', { name: 'The Tabloid', reliabilityOverride: 'D' });
    const g = gradeClaim({
      // The unnamed official graded C by a fact-checker, so the tabloid is the weakest link.
      claim: claim('a#1', [tabloid, { ...official, reliabilityOverride: 'C' }, ministry], {
        hedges: ['reportedly'],
        roles: ['said', 'said', 'hinted'],
      }),
    });
    expect(g.factors).toEqual([
      {
        factor: 'origin-reliability',
        effect: 0.7,
        detail:
          'Said first by The Ministry (official body), reliability C: fairly reliable, default for an official body.',
      },
      {
        factor: 'weakest-link',
        effect: -0.2,
        detail:
          "The chain is no stronger than its weakest link, The Tabloid (outlet), reliability D: not usually reliable, fact-checker's grade.",
      },
      {
        factor: 'hearsay-depth',
        effect: -0.1,
        detail: "Hearsay: 2 hops between the original speaker and the article's direct source (depth 3).",
      },
      {
        factor: 'anonymity',
        effect: -0.1,
        detail: '1 unnamed link (a senior official): the reader cannot check who said it.',
      },
      { factor: 'hedges', effect: -0.1, detail: 'Hedged: "reportedly", "The Ministry hinted".' },
    ]);
    expect(g.confidence).toBe(0.2);
    expect(g.credibility).toBe(4);
  });

  it('says one hop of hearsay in the singular, and names an unnamed weakest link as unnamed', () => {
    const g = gradeClaim({ claim: claim('a#1', [official, minister]) });
    expect(g.factors.map((f) => f.detail)).toEqual([
      'Said first by The Minister (person), reliability C: fairly reliable, default for a named person.',
      'The chain is no stronger than its weakest link, a senior official (unnamed), reliability F: reliability cannot be judged, default for an unnamed source.',
      "Hearsay: 1 hop between the original speaker and the article's direct source (depth 2).",
      '1 unnamed link (a senior official): the reader cannot check who said it.',
    ]);
    expect(g.factors.map((f) => f.effect)).toEqual([0.7, -0.25, -0.05, -0.1]);
    expect(g.confidence).toBe(0.3);
  });

  it('names each independent origin with its claims and strength, and caps corroboration', () => {
    const g = gradeClaim({
      claim: claim('a#1', [minister]),
      supporters: [
        claim('b#1', [afp, envoy]),
        claim('c#1', [agent('actor:third', 'person', { name: 'A Third' })]),
      ],
    });
    expect(g.factors[1]).toEqual({
      factor: 'corroboration',
      effect: 0.2025,
      detail:
        'Supported by 2 independent origins: The Envoy (b#1, strength 0.65); A Third (c#1, strength 0.70).',
    });
    expect(g.confidence).toBe(0.9025);
    expect(g.credibility).toBe(1);
    const many = gradeClaim({
      claim: claim('a#1', [minister]),
      supporters: ['p', 'q', 'r'].map((k) =>
        claim(`${k}#1`, [agent(`actor:${k}`, 'person', { reliabilityOverride: 'A' })]),
      ),
    });
    expect(many.factors[1]).toMatchObject({ factor: 'corroboration', effect: config.maxCorroboration });
    expect(many.factors[1]!.detail).toMatch(/^Supported by 3 independent origins: /);
  });

  it('names the contradicting claims with their strength, and caps the contradiction', () => {
    const g = gradeClaim({ claim: claim('a#1', [minister]), contradictors: [claim('b#1', [envoy])] });
    expect(g.factors[1]).toEqual({
      factor: 'contradiction',
      effect: -0.175,
      detail: 'Contradicted by b#1 (strength 0.70).',
    });
    expect(g.credibility).toBe(3);
    const three = gradeClaim({
      claim: claim('a#1', [minister]),
      contradictors: ['r', 'p', 'q'].map((k) => claim(`${k}#1`, [agent(`actor:${k}`, 'person')])),
    });
    expect(three.factors[1]).toEqual({
      factor: 'contradiction',
      effect: -config.maxContradiction,
      detail: 'Contradicted by p#1 (strength 0.70), q#1 (strength 0.70), r#1 (strength 0.70).',
    });
    expect(three.confidence).toBe(0.3);
    expect(three.credibility).toBe(5);
  });

  it('says which side states a position in a disagreement', () => {
    const report = claim('a#1', [minister], { kind: 'report' });
    const demand = claim('b#1', [envoy], { kind: 'demand' });
    expect(gradeClaim({ claim: report, contradictors: [demand] }).factors[1]).toEqual({
      factor: 'disagreement',
      effect: 0,
      detail:
        'Opposed by b#1 (demand): a clash of positions (the other side states a position), not evidence against the report, so not counted as a contradiction.',
    });
    expect(gradeClaim({ claim: demand, contradictors: [report] }).factors[1]!.detail).toBe(
      'Opposed by a#1 (report): a clash of positions (this claim is a demand), not evidence against the report, so not counted as a contradiction.',
    );
    const unkinded = claim('c#1', [envoy]);
    expect(gradeClaim({ claim: demand, contradictors: [unkinded] }).factors[1]!.detail).toMatch(
      /^Opposed by c#1 \(claim\): /,
    );
  });

  it('names ignored neighbours, sorted, once each', () => {
    const g = gradeClaim({
      claim: claim('a#1', [minister]),
      supporters: [
        claim('z#1', [envoy], { status: 'rejected' }),
        claim('b#1', [envoy], { status: 'draft' }),
        claim('b#1', [envoy], { status: 'draft' }),
      ],
    });
    expect(g.factors[1]).toEqual({
      factor: 'ignored-relation',
      effect: 0,
      detail: 'Not counted as supporting: b#1 (draft), z#1 (rejected); only accepted, sourced claims weigh.',
    });
  });

  it('explains the bound, and the assessment with and without a scale', () => {
    const assessed = (a: Partial<RecordedAssessment>) =>
      gradeClaim({
        claim: claim('a#1', [minister], {
          assessments: [{ key: 'k', verdict: 'False', reviewer: 'Full Fact', date: '2026-01-05', ...a }],
        }),
      });
    expect(assessed({ ratingValue: 2, bestRating: 5, worstRating: 1 }).factors[1]).toEqual({
      factor: 'assessment',
      effect: -0.36,
      detail:
        'Full Fact assessed it "False" (2 on 1..5) on 2026-01-05: rating 0.25, which outweighs the evidence.',
    });
    expect(assessed({ ratingValue: 2 }).factors[1]!.detail).toBe(
      'Full Fact assessed it "False" (2 on 1..5) on 2026-01-05: rating 0.25, which outweighs the evidence.',
    );
    expect(assessed({}).factors[1]).toEqual({
      factor: 'assessment',
      effect: -0.56,
      detail: 'Full Fact assessed it "False" on 2026-01-05: rating 0.00, which outweighs the evidence.',
    });
    expect(assessed({ verdict: 'Unproven' }).factors[1]).toEqual({
      factor: 'assessment',
      effect: 0,
      detail:
        'Full Fact assessed it "Unproven" on 2026-01-05, a verdict with no rating: confidence is left to the evidence.',
    });
    const bounded = gradeClaim({
      claim: claim('a#1', [agent('actor:saint', 'person', { reliabilityOverride: 'A' })]),
      supporters: [claim('b#1', [envoy]), claim('c#1', [agent('actor:c', 'person')])],
    });
    // 1 (A), less the publisher's B as weakest link (-0.15), plus two origins of 0.70 (+0.21): 1.06.
    expect(bounded.factors.at(-1)).toEqual({
      factor: 'bounds',
      effect: -0.06,
      detail: 'Confidence is bounded to [0, 1].',
    });
    expect(bounded.confidence).toBe(1);
  });

  it('says why a claim is not graded', () => {
    expect(gradeClaim({ claim: claim('a#1', [minister], { status: 'draft' }) }).factors[0]!.detail).toBe(
      'Not graded: the claim is a draft awaiting review.',
    );
    expect(gradeClaim({ claim: claim('a#1', [minister], { status: 'rejected' }) })).toEqual({
      credibility: null,
      confidence: null,
      factors: [{ factor: 'not-graded', effect: 0, detail: 'Not graded: the claim is rejected.' }],
      independentOrigins: null,
      circularReporting: null,
      origins: [],
    });
    // A sourced claim with no chain is graded as the outlet's analysis would be.
    const bare = { ...claim('a#1', []), chain: [] };
    expect(gradeClaim({ claim: bare })).toMatchObject({ credibility: 6, confidence: null });
  });
});

describe('credibility at its bounds', () => {
  const ctx = { confirmingOrigins: 0, contradicted: false, rating: null, config };

  it('takes each band from its lower bound', () => {
    expect(credibilityOf(0.6, ctx)).toBe(2);
    expect(credibilityOf(0.5999, ctx)).toBe(3);
    expect(credibilityOf(0.4, ctx)).toBe(3);
    expect(credibilityOf(0.3999, ctx)).toBe(4);
  });

  it('confirms from a rating at its bound, or another origin at the confidence bound', () => {
    expect(credibilityOf(0, { ...ctx, rating: 0.8 })).toBe(1);
    expect(credibilityOf(1, { ...ctx, rating: 0.7999 })).toBe(2);
    expect(credibilityOf(0.6, { ...ctx, confirmingOrigins: 1 })).toBe(1);
    expect(credibilityOf(0.5999, { ...ctx, confirmingOrigins: 1 })).toBe(3);
    // A rating decides alone: another origin does not confirm what a fact-checker rated middling.
    expect(credibilityOf(0.9, { ...ctx, confirmingOrigins: 2, rating: 0.5 })).toBe(2);
  });

  it('calls improbable a rating at its bound, or a contradicted claim below the line', () => {
    expect(credibilityOf(1, { ...ctx, rating: 0.2 })).toBe(5);
    expect(credibilityOf(0, { ...ctx, rating: 0.2001 })).toBe(4);
    expect(credibilityOf(0.3499, { ...ctx, contradicted: true })).toBe(5);
    expect(credibilityOf(0.35, { ...ctx, contradicted: true })).toBe(4);
  });
});
