/** A claim as the matcher sees it (src/domain/matching.ts), for the matching tests: only what a test names differs. */
import type { MatchClaim } from '../../src/domain/matching.js';

export const matchClaim = (over: Partial<MatchClaim> & Pick<MatchClaim, 'key' | 'text'>): MatchClaim => ({
  articleKey: `article:${over.key.split('#')[0]}`,
  quote: null,
  kind: 'report',
  hedges: [],
  originKey: null,
  originAnonymous: false,
  originAffiliations: [],
  chainKeys: [],
  aboutKeys: [],
  saidAt: null,
  timeStart: null,
  timeEnd: null,
  ...over,
});
