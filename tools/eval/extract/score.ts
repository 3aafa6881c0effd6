/**
 * Span scoring as published attribution systems report it: micro-averaged precision, recall and
 * F1 per role. Exact: a predicted span is correct exactly when its start and end equal a gold
 * span's. Overlap: a predicted span is correct when it shares at least one character with a gold
 * span, each gold span matched at most once (maximum one-to-one matching, so one long prediction
 * cannot collect several gold spans and duplicates cannot score twice).
 */
import type { Span } from '../../../src/extract/attributions.js';

export interface Counts {
  tp: number;
  predicted: number;
  gold: number;
}

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
}

export type MatchMode = 'exact' | 'overlap';

export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

function matches(mode: MatchMode, p: Span, g: Span): boolean {
  return mode === 'exact' ? p.start === g.start && p.end === g.end : overlaps(p, g);
}

/** Size of a maximum one-to-one matching between predicted and gold spans (Kuhn's algorithm). */
export function matchCount(predicted: readonly Span[], gold: readonly Span[], mode: MatchMode): number {
  const goldOwner = new Array<number>(gold.length).fill(-1);
  const edges = predicted.map((p) => gold.flatMap((g, j) => (matches(mode, p, g) ? [j] : [])));
  const augment = (i: number, seen: boolean[]): boolean => {
    for (const j of edges[i]!) {
      if (seen[j]) continue;
      seen[j] = true;
      if (goldOwner[j] === -1 || augment(goldOwner[j]!, seen)) {
        goldOwner[j] = i;
        return true;
      }
    }
    return false;
  };
  let count = 0;
  for (let i = 0; i < predicted.length; i++) {
    if (augment(i, new Array<boolean>(gold.length).fill(false))) count++;
  }
  return count;
}

export function count(predicted: readonly Span[], gold: readonly Span[], mode: MatchMode): Counts {
  return { tp: matchCount(predicted, gold, mode), predicted: predicted.length, gold: gold.length };
}

export function add(a: Counts, b: Counts): Counts {
  return { tp: a.tp + b.tp, predicted: a.predicted + b.predicted, gold: a.gold + b.gold };
}

export const ZERO: Counts = { tp: 0, predicted: 0, gold: 0 };

export function prf(c: Counts): Prf {
  const precision = c.predicted === 0 ? 0 : c.tp / c.predicted;
  const recall = c.gold === 0 ? 0 : c.tp / c.gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}
