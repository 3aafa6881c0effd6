/** Small builders for grading inputs, so unit tests read as the chain they describe. */
import type { ChainLink, ClaimEvidence, GradedAgent } from '../../src/domain/grading.js';

export function agent(key: string, kind: string, extra: Partial<GradedAgent> = {}): GradedAgent {
  const anonymous = kind === 'anonymous' || kind === 'leak';
  return { key, name: key, kind, anonymous, ...extra };
}

export const publisher = agent('example-news', 'outlet');

/** A chain from agents, the publisher first and the original speaker last. */
export function chainOf(agents: readonly GradedAgent[], roles: readonly string[] = []): ChainLink[] {
  return agents.map((a, hop) => ({
    hop,
    role: hop === 0 ? 'published' : (roles[hop - 1] ?? 'said'),
    anonymous: a.anonymous,
    agent: a,
  }));
}

/** A sourced, accepted claim told by `agents` (after the publisher). */
export function claim(
  key: string,
  agents: readonly GradedAgent[],
  extra: Partial<Omit<ClaimEvidence, 'key' | 'chain'>> & { roles?: string[]; by?: GradedAgent } = {},
): ClaimEvidence {
  const { roles, by, ...rest } = extra;
  return {
    key,
    status: 'accepted',
    outletAnalysis: false,
    hedges: [],
    chain: chainOf([by ?? publisher, ...agents], roles),
    ...rest,
  };
}
