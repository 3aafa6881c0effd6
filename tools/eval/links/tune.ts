/**
 * Threshold search on the tuning half only: every combination of the three thresholds on a grid,
 * scored by the sum of the three relation types' F1 on tuning-half links (ties: the higher
 * thresholds, fewer proposals). The held-out half is never read here. `npm run eval:links --
 * --tune` prints the best; MATCH_POLICY in src/domain/matching.ts holds the values chosen.
 */
import { decide, MATCH_POLICY, type Match, type ScoredPair } from '../../../src/domain/matching.js';
import { score, type Link, type Split } from './score.js';

const f1 = (p: number | null, r: number | null): number =>
  p !== null && r !== null && p + r > 0 ? (2 * p * r) / (p + r) : 0;

export interface Tuned {
  sameStatement: number;
  supports: number;
  contradicts: number;
  objective: number;
}

/**
 * `scored`: every pair the matcher scored on the corpus (before thresholds).
 */
export function tuneThresholds(scored: readonly ScoredPair[], gold: readonly Link[], split: Split): Tuned {
  // Only pairs inside the tuning half are ever decided: the held-out half is not looked at.
  const inTuning = (key: string) => split.tuning.includes(key.slice(0, key.indexOf('#')));
  const tuningPairs = scored.filter((p) => inTuning(p.from) && inTuning(p.to));
  const tuningOnly: Split = { tuning: split.tuning, heldOut: [] };
  const grid = (lo: number, hi: number) =>
    Array.from({ length: Math.round((hi - lo) / 0.02) + 1 }, (_, i) => lo + i * 0.02);
  let best: Tuned = { ...MATCH_POLICY, objective: -1 };
  for (const s of grid(0.3, 0.9)) {
    for (const u of grid(0.2, s)) {
      for (const c of grid(0.1, 0.9)) {
        const policy = { sameStatement: s, supports: u, contradicts: c };
        const links = tuningPairs
          .map((p) => decide(p, policy))
          .filter((m): m is Match => m !== null)
          .map((m) => ({ from: m.from, to: m.to, type: m.type }));
        const rows = score(tuningOnly, [...gold], links).filter((r) => r.half === 'tuning');
        const objective = rows.reduce((t, r) => t + f1(r.precision, r.recall), 0);
        if (
          objective > best.objective + 1e-9 ||
          (Math.abs(objective - best.objective) < 1e-9 &&
            s + u + c > best.sameStatement + best.supports + best.contradicts)
        ) {
          best = { sameStatement: s, supports: u, contradicts: c, objective };
        }
      }
    }
  }
  return best;
}
