/**
 * The floor any matcher must beat: plain word overlap. Each claim is reduced to the set of its
 * content words (lower-cased, a short stop list removed, crude suffixes stripped) taken either from
 * the curator's plain-words `text` and quotation, or from the article's own words (the evidence
 * span and quotation: what an extracted claim would offer), and two claims of different articles
 * are scored by the Jaccard index of those sets. It proposes SAME_STATEMENT only: overlap alone cannot tell a supporting or a
 * contradicting claim from the same statement. Not part of ingest; used by `npm run eval:links`.
 */
import type { ArticleDocument } from '../../../src/domain/document.js';
import { halfOf, pairKey, type Link, type Split } from './score.js';

const STOP = new Set(
  (
    'a an the and or but of to in on at by for with from into over under about as is are was were be been ' +
    'being has have had do does did will would could should may might must can its it this that these those ' +
    'their his her he she they them we our us not no any all some such than then there which who whom what ' +
    'when where while after before since also said says say told according'
  ).split(' '),
);

/** Content words, crudely stemmed, so "reintroduced" and "reintroduce" meet. */
export function contentWords(text: string): Set<string> {
  const words = text.toLowerCase().match(/\p{L}[\p{L}\p{N}]*/gu) ?? [];
  const out = new Set<string>();
  for (const w of words) {
    if (STOP.has(w) || w.length < 3) continue;
    out.add(w.replace(/(ing|ed|es|s)$/u, (m) => (w.length - m.length >= 4 ? '' : m)));
  }
  return out;
}

export function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let both = 0;
  for (const x of a) if (b.has(x)) both++;
  return both / (a.size + b.size - both);
}

export interface ScoredPair {
  from: string;
  to: string;
  similarity: number;
}

/** Which words of a claim are compared: the curator's paraphrase, or the article's own words. */
export type Wording = 'text' | 'evidence';

/** Every pair of claims of different articles with its similarity, most similar first. */
export function scorePairs(docs: ArticleDocument[], wording: Wording): ScoredPair[] {
  const claims = docs.flatMap((d) =>
    d.claims.map((c) => ({
      key: `${d.article.id}#${c.id}`,
      article: d.article.id,
      words: contentWords(`${wording === 'text' ? c.text : c.evidence.text} ${c.quote ?? ''}`),
    })),
  );
  const pairs: ScoredPair[] = [];
  for (const [i, a] of claims.entries()) {
    for (const b of claims.slice(i + 1)) {
      if (a.article === b.article) continue;
      pairs.push({ from: a.key, to: b.key, similarity: jaccard(a.words, b.words) });
    }
  }
  return pairs.sort((x, y) => y.similarity - x.similarity);
}

/**
 * The threshold that maximises SAME_STATEMENT F1 on the tuning half only (ties: the higher
 * threshold), chosen among the similarities the tuning pairs take.
 */
export function tuneThreshold(pairs: ScoredPair[], gold: Link[], split: Split): number {
  const goldPairs = new Set(
    gold
      .filter((l) => l.type === 'SAME_STATEMENT' && halfOf(split, l.from, l.to) === 'tuning')
      .map((l) => pairKey(l.from, l.to)),
  );
  const tuning = pairs.filter((p) => halfOf(split, p.from, p.to) === 'tuning');
  let best = { threshold: 1, f1: -1 };
  let tp = 0;
  for (const [i, p] of tuning.entries()) {
    if (goldPairs.has(pairKey(p.from, p.to))) tp++;
    const next = tuning[i + 1];
    if (next && next.similarity === p.similarity) continue; // a threshold takes all pairs at its value
    const precision = tp / (i + 1);
    const recall = goldPairs.size ? tp / goldPairs.size : 0;
    const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
    if (f1 > best.f1) best = { threshold: p.similarity, f1 };
  }
  return best.threshold;
}

/** The baseline's proposals at a threshold. */
export const propose = (pairs: ScoredPair[], threshold: number): Link[] =>
  pairs
    .filter((p) => p.similarity >= threshold)
    .map((p) => ({ from: p.from, to: p.to, type: 'SAME_STATEMENT' }));
