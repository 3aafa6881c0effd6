/**
 * The per-pair part of `npm run eval:links`: which links were proposed wrongly (and what the gold
 * says of the pair) and which gold links were missed, by half.
 *
 * Only the tuning half's pairs are listed unless the caller asks for more: tuning reads these
 * lists, so a held-out (or cross-half) pair printed by default would make tuning no longer blind
 * to that half. `npm run eval:links -- --show-held-out` asks for them, for a reader who is not
 * tuning; they never go into docs/.
 */
import { pairId, type Match, type ScoredPair } from '../../../src/domain/matching.js';
import { halfOf, type Half, type Link, type Split } from './score.js';

export interface ErrorReportInput {
  split: Split;
  gold: readonly Link[];
  /** What the matcher proposed. */
  matches: readonly Match[];
  /** Every pair it scored (for the score of a missed link). */
  scored: readonly ScoredPair[];
}

const TITLE: Record<Half, string> = {
  tuning: 'the tuning half',
  heldOut: 'the held-out half',
  cross: 'pairs across the halves',
};

/** The halves whose pairs are listed: the tuning half, and the others only when asked. */
export const listedHalves = (showHeldOut: boolean): Half[] =>
  showHeldOut ? ['tuning', 'heldOut', 'cross'] : ['tuning'];

/** Markdown lines listing the errors of each of `halves`, one section per half. */
export function errorReport(input: ErrorReportInput, halves: readonly Half[]): string[] {
  const { split, gold, matches, scored } = input;
  const goldType = new Map(gold.map((l) => [pairId(l.from, l.to), l.type]));
  const proposed = new Map(matches.map((m) => [pairId(m.from, m.to), m]));
  const scoreOf = new Map(scored.map((p) => [pairId(p.from, p.to), p.score]));
  const crossArticle = (a: string, b: string) => a.slice(0, a.indexOf('#')) !== b.slice(0, b.indexOf('#'));
  const out: string[] = [];
  for (const half of halves) {
    const wrong = matches.filter(
      (m) => halfOf(split, m.from, m.to) === half && goldType.get(pairId(m.from, m.to)) !== m.type,
    );
    const missed = gold.filter(
      (l) =>
        crossArticle(l.from, l.to) &&
        halfOf(split, l.from, l.to) === half &&
        proposed.get(pairId(l.from, l.to))?.type !== l.type,
    );
    out.push('', `### Errors on ${TITLE[half]}`, '');
    if (wrong.length + missed.length === 0) out.push('None.');
    for (const m of wrong) {
      out.push(
        `- proposed ${m.type} (${m.score}), gold ${goldType.get(pairId(m.from, m.to)) ?? 'none'}: \`${m.from}\` / \`${m.to}\`; ${explain(m)}`,
      );
    }
    for (const l of missed) {
      const got = proposed.get(pairId(l.from, l.to));
      out.push(
        `- missed ${l.type}${got ? ` (proposed ${got.type})` : ''}, score ${scoreOf.get(pairId(l.from, l.to)) ?? 'n/a'}: \`${l.from}\` / \`${l.to}\``,
      );
    }
  }
  return out;
}

/** The reasons of a proposal worth reading beside it: the shared words and the cue. */
function explain(m: Match): string {
  const r = m.reasons;
  const parts = [`shared ${r.words.join(', ') || 'no words'}`];
  if (r.substance) parts.push(`substance ${r.substance.join(', ') || 'none'} (${r.substanceShare})`);
  if (r.classes) parts.push(`${r.classes.a}/${r.classes.b}`);
  if (r.voices) parts.push(`${r.voices.a}/${r.voices.b}`);
  if (r.negation) parts.push(`negation "${r.negation}"`);
  if (r.denial) {
    parts.push(
      `rejects ${r.denial.target.join(' ')}, head ${r.denial.head.join(' ')} (other holds ${r.denial.covered.join(' ') || 'none'}, ${r.denial.overlap}; puts forward ${r.denial.putsForward ?? 'nothing'})`,
    );
  }
  return parts.join('; ');
}
