/**
 * Error analysis for PolNeAR: sorts every disagreement between predicted and gold spans into a
 * failure kind and keeps one real example of each, so the report shows where the rules fall short.
 */
import type { Span } from '../../../src/extract/attributions.js';
import type { Lexicon } from '../../../src/extract/lexicon.js';
import { ROLES, type Role } from './brat.js';
import type { ArticleResult } from './polnear.js';
import { overlaps } from './score.js';

export interface FailureKind {
  kind: string;
  count: number;
  example: string;
}

function quote(text: string, s: Span, max = 90): string {
  const t = text.slice(s.start, s.end).replace(/\s+/g, ' ');
  return `“${t.length > max ? `${t.slice(0, max - 3)}...` : t}”`;
}

function boundaryKind(p: Span, g: Span): string {
  if (p.start <= g.start && p.end >= g.end) return 'too long';
  if (p.start >= g.start && p.end <= g.end) return 'too short';
  return 'shifted';
}

export function analyseErrors(results: readonly ArticleResult[], lex: Lexicon): FailureKind[] {
  const kinds = new Map<string, FailureKind>();
  const note = (kind: string, example: string) => {
    const k = kinds.get(kind);
    if (k) k.count++;
    else kinds.set(kind, { kind, count: 1, example });
  };
  const cueWords = new Set(lex.cues.map((c) => c.words.join(' ')));
  for (const { item, predicted } of results) {
    const text = item.text;
    for (const role of ROLES as readonly Role[]) {
      const gold = item.gold[role];
      const pred = predicted[role];
      const usedGold = new Set<number>();
      for (const p of pred) {
        const exact = gold.findIndex((g, j) => !usedGold.has(j) && g.start === p.start && g.end === p.end);
        if (exact >= 0) {
          usedGold.add(exact);
          continue;
        }
        const near = gold.findIndex((g, j) => !usedGold.has(j) && overlaps(g, p));
        if (near >= 0) {
          usedGold.add(near);
          const g = gold[near]!;
          note(
            `${role} boundary ${boundaryKind(p, g)}`,
            `${item.article}: predicted ${quote(text, p)}, gold ${quote(text, g)}`,
          );
        } else {
          note(`${role} predicted where gold has none`, `${item.article}: ${quote(text, p)}`);
        }
      }
      gold.forEach((g, j) => {
        if (usedGold.has(j)) return;
        let kind = `${role} missed`;
        if (role === 'Cue') {
          const words = text.slice(g.start, g.end).toLowerCase().trim();
          const last = words.split(/\s+/).pop() ?? '';
          if (!/[a-z]/.test(words)) kind = 'Cue missed: punctuation cue (colon or dash)';
          else if (cueWords.has(words) || cueWords.has(last)) kind = 'Cue missed: lexicon cue, no rule fired';
          else kind = 'Cue missed: predicate not in the lexicon';
        }
        note(kind, `${item.article}: ${quote(text, g)}`);
      });
    }
  }
  return [...kinds.values()].sort((a, b) => b.count - a.count);
}
