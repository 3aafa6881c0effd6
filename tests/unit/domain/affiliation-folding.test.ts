/**
 * Independence by affiliation: a government and its officials and offices speak with one voice,
 * so their claims are one origin, never corroboration of each other. Examples first, then the
 * two properties the issue asks for: folding never raises a grade, and adding an affiliated
 * origin never counts as independent corroboration.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  gradeClaim,
  type ClaimEvidence,
  type ClaimGrade,
  type GradedAgent,
} from '../../../src/domain/grading.js';
import { defaultGradingConfig, mergeGradingConfig } from '../../../src/domain/grading-config.js';
import { voiceOf, type Affiliation } from '../../../src/domain/independence.js';
import { agent, claim } from '../../support/grading-builders.js';

const body = (key: string, name: string, kind: string): Affiliation => ({ key, name, kind });
const usGovernment = body('actor:us-government', 'United States government', 'government');
const syriaGovernment = body('actor:syria-government', 'Government of Syria', 'government');

const usGovernmentAgent = agent(usGovernment.key, 'government', { name: usGovernment.name });
const whiteHouse = agent('actor:white-house', 'organisation', {
  name: 'White House',
  affiliations: [usGovernment],
});
const syriaGovernmentAgent = agent(syriaGovernment.key, 'government', { name: syriaGovernment.name });
const alSharaa = agent('actor:ahmad-al-sharaa', 'person', {
  name: 'Ahmad al-Sharaa',
  affiliations: [syriaGovernment],
});
const noFolding = mergeGradingConfig({ oneVoiceKinds: [] });

describe('voiceOf', () => {
  const ministry = body('actor:mfa', 'Ministry of Foreign Affairs', 'organisation');
  const government = body('actor:gov', 'Government', 'government');
  const state = body('actor:state', 'State', 'state');
  const official = {
    key: 'actor:official',
    name: 'Official',
    kind: 'person',
    affiliations: [ministry, government, state],
  };

  it('takes the highest body of the chain that speaks with one voice', () => {
    expect(voiceOf(official, ['government', 'state'])?.key).toBe('actor:state');
    expect(voiceOf(official, ['government'])?.key).toBe('actor:gov');
    expect(voiceOf(official, ['organisation'])?.key).toBe('actor:mfa');
  });

  it('is the agent itself when it is such a body, and nobody when nothing in its chain is', () => {
    expect(voiceOf({ ...usGovernment }, ['government'])?.key).toBe(usGovernment.key);
    expect(voiceOf(official, [])).toBeNull();
    expect(voiceOf({ key: 'actor:x', name: 'X', kind: 'person' }, ['government'])).toBeNull();
  });
});

describe('folding by affiliation', () => {
  const framing = claim('np#white-house-normalization-path', [whiteHouse], { kind: 'position' });
  const extension = claim('np#trump-admin-abraham-extension', [usGovernmentAgent], { kind: 'position' });

  it('does not confirm a government framing because the same government said it twice', () => {
    const before = gradeClaim({ claim: framing, supporters: [extension] }, noFolding);
    const after = gradeClaim({ claim: framing, supporters: [extension] });
    expect(before.credibility).toBe(1);
    expect(before.independentOrigins).toBe(2);
    expect(after.credibility).toBe(2);
    expect(after.independentOrigins).toBe(1);
    expect(after.factors.map((f) => f.factor)).not.toContain('corroboration');
    const fold = after.factors.find((f) => f.factor === 'affiliation-fold');
    expect(fold?.detail).toContain('White House folded into United States government');
    const circular = after.factors.find((f) => f.factor === 'circular-reporting');
    expect(circular?.detail).toBe(
      'np#trump-admin-abraham-extension traces back to the one voice of United States government ' +
        '(White House folded into United States government), as np#white-house-normalization-path does: ' +
        'one origin, not two.',
    );
    expect(after.origins[0]!.folds).toEqual([
      {
        claimKey: 'np#white-house-normalization-path',
        agentKey: 'actor:white-house',
        agentName: 'White House',
        intoKey: usGovernment.key,
        intoName: usGovernment.name,
      },
    ]);
  });

  it("counts a president's words as his government's voice, not as an independent origin", () => {
    const rejection = claim('np#damascus-rejects', [syriaGovernmentAgent], { kind: 'rejection' });
    const words = claim('np#sharaa-words', [agent('source:reuters', 'wire'), alSharaa], {
      kind: 'statement',
    });
    const g = gradeClaim({ claim: rejection, supporters: [words] });
    expect(g.independentOrigins).toBe(1);
    expect(g.factors.find((f) => f.factor === 'affiliation-fold')?.detail).toContain(
      'Ahmad al-Sharaa folded into Government of Syria (np#sharaa-words)',
    );
  });

  it('still counts two governments as two origins', () => {
    const other = claim('np#syria-says', [syriaGovernmentAgent]);
    const g = gradeClaim({ claim: framing, supporters: [other] });
    expect(g.independentOrigins).toBe(2);
    expect(g.credibility).toBe(1);
  });

  it('names no fold when no speaker is affiliated with a body of one voice', () => {
    const g = gradeClaim({ claim: claim('a#1', [agent('actor:p', 'person')]) });
    expect(g.factors.map((f) => f.factor)).not.toContain('affiliation-fold');
  });
});

// Properties ------------------------------------------------------------------------------------

const BODIES: Affiliation[][] = [
  [],
  [body('actor:gov-0', 'Government 0', 'government')],
  [body('actor:gov-1', 'Government 1', 'government'), body('actor:state-1', 'State 1', 'state')],
  [
    body('actor:ministry-0', 'Ministry 0', 'organisation'),
    body('actor:gov-0', 'Government 0', 'government'),
    body('actor:state-0', 'State 0', 'state'),
  ],
  [body('actor:owner-0', 'Owner 0', 'organisation')],
];
const KINDS = [
  'wire',
  'outlet',
  'official_body',
  'person',
  'government',
  'organisation',
  'group',
  'anonymous',
];

const agentArb: fc.Arbitrary<GradedAgent> = fc
  .record({
    id: fc.integer({ min: 0, max: 5 }),
    kind: fc.constantFrom(...KINDS),
    affiliations: fc.constantFrom(...BODIES),
  })
  .map(({ id, kind, affiliations }) => agent(`agent:${kind}:${id}`, kind, { affiliations }));

const claimArb = (prefix: string): fc.Arbitrary<ClaimEvidence> =>
  fc
    .record({
      id: fc.integer({ min: 0, max: 1000 }),
      agents: fc.array(agentArb, { minLength: 1, maxLength: 4 }),
      hedges: fc.array(fc.constantFrom('reportedly', 'allegedly'), { maxLength: 2 }),
      kind: fc.constantFrom('statement', 'report', 'demand', 'rejection'),
    })
    .map(({ id, agents, hedges, kind }) => claim(`${prefix}#${id}`, agents, { hedges, kind }));

const inputArb = fc.record({
  claim: claimArb('subject'),
  supporters: fc.array(claimArb('supporter'), { maxLength: 4 }),
  contradictors: fc.array(claimArb('contradictor'), { maxLength: 2 }),
});

const notBetter = (after: ClaimGrade, before: ClaimGrade) => {
  expect(after.confidence!).toBeLessThanOrEqual(before.confidence! + 1e-9);
  expect(after.credibility!).toBeGreaterThanOrEqual(before.credibility!);
  expect(after.independentOrigins!).toBeLessThanOrEqual(before.independentOrigins!);
};

describe('folding properties', () => {
  it('folding never raises a grade', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        notBetter(gradeClaim(input, defaultGradingConfig), gradeClaim(input, noFolding));
      }),
      { numRuns: 300 },
    );
  }, 30_000); // 300 runs took 3-8 s on the shared two-core machine, past vitest's 5 s default

  it('adding an affiliated origin never counts as independent corroboration', () => {
    let n = 0;
    fc.assert(
      fc.property(
        inputArb,
        fc.constantFrom(...BODIES.slice(1, 4)),
        fc.constantFrom('person', 'official_body', 'organisation', 'anonymous'),
        (input, affiliations, kind) => {
          // The subject's speaker and a new supporter's speaker both belong to the same government.
          const speaker = input.claim.chain.at(-1)!;
          const subject = {
            ...input.claim,
            chain: [
              ...input.claim.chain.slice(0, -1),
              { ...speaker, agent: { ...speaker.agent, kind: 'person', anonymous: false, affiliations } },
            ],
          };
          const before = gradeClaim({ ...input, claim: subject });
          const member = agent(`actor:member:${n}`, kind, { affiliations });
          const supporter = claim(`affiliated#${n++}`, [member], { kind: 'statement' });
          const after = gradeClaim({
            ...input,
            claim: subject,
            supporters: [...input.supporters, supporter],
          });
          notBetter(after, before);
          expect(after.origins.find((o) => o.includesSubject)!.claimKeys).toContain(supporter.key);
        },
      ),
      { numRuns: 300 },
    );
  }, 30_000); // 300 runs took 3-8 s on the shared two-core machine, past vitest's 5 s default
});
