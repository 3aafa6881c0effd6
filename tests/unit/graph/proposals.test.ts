/** Reading a proposal's stored reasons (src/graph/proposals.ts), as the matcher writes them and as an earlier matcher did. */
import { describe, expect, it } from 'vitest';
import { proposalReasons, type ProposalRow } from '../../../src/graph/proposals.js';
import { scorePair } from '../../../src/domain/matching.js';
import { matchClaim } from '../../support/match-claim.js';

const row = (reasons: unknown) => ({ reasons: JSON.stringify(reasons) }) as ProposalRow;

describe('proposal reasons', () => {
  const scored = scorePair(
    matchClaim({
      key: 'a#1',
      kind: 'rejection',
      text: 'Syria rejected the corridor',
      aboutKeys: ['actor:x'],
    }),
    matchClaim({ key: 'b#1', kind: 'demand', text: 'Israel wants the corridor', aboutKeys: ['actor:x'] }),
  )!;

  it('reads back every reason the matcher gives, the denial and the classes included', () => {
    expect(scored.reasons.denial).not.toBeNull();
    expect(proposalReasons(row(scored.reasons))).toEqual(scored.reasons);
  });

  it('reads a proposal recorded before classes, voices, substance and denial were reasons', () => {
    const { classes, voices, substance, substanceShare, denial, ...earlier } = scored.reasons;
    expect([classes, voices, substance, substanceShare, denial].every((x) => x !== undefined)).toBe(true);
    expect(proposalReasons(row(earlier))).toEqual(earlier);
  });

  it('refuses stored reasons of the wrong shape', () => {
    expect(() =>
      proposalReasons(row({ ...scored.reasons, classes: { a: 'rumour', b: 'account' } })),
    ).toThrow();
    expect(() => proposalReasons(row({ ...scored.reasons, denial: { by: 'a#1' } }))).toThrow();
  });
});
