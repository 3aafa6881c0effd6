/**
 * Scores the extractor's spans on PolNeAR. Only outermost attributions are predicted: the corpus
 * gives every token at most one role, so nested relays are not annotated there.
 */
import path from 'node:path';
import { findAttributions, type FinderOptions, type Span } from '../attributions.js';
import type { Lexicon } from '../lexicon.js';
import { analyse } from '../tokens.js';
import { type AnnotatedArticle, emptyRoleSpans, ROLES, type Role, type RoleSpans } from './brat.js';
import { add, count, type Counts, type MatchMode, ZERO } from './score.js';

/** The corpus lives beside the repository in `shared/`, never inside it; POLNEAR_DIR overrides. */
export function polnearDir(repoRoot: string, env: NodeJS.ProcessEnv = process.env): string {
  return env.POLNEAR_DIR ?? path.resolve(repoRoot, '..', 'shared', 'corpora', 'polnear');
}

export function predictSpans(text: string, lex: Lexicon, options: FinderOptions = {}): RoleSpans {
  const out = emptyRoleSpans();
  for (const a of findAttributions(analyse(text), lex, { ...options, nested: false })) {
    if (a.source) out.Source.push(a.source);
    out.Cue.push(a.cue);
    // A bare colon stands for the list under it ("X said:" and one item per line).
    out.Content.push(...a.content.filter((c) => text.slice(c.start, c.end) !== ':'), ...(a.items ?? []));
  }
  return out;
}

export type SplitScores = Record<MatchMode, Record<Role, Counts>>;

export interface ArticleResult {
  item: AnnotatedArticle;
  predicted: RoleSpans;
}

export function scoreArticles(results: readonly ArticleResult[]): SplitScores {
  const scores: SplitScores = {
    exact: { Source: ZERO, Cue: ZERO, Content: ZERO },
    overlap: { Source: ZERO, Cue: ZERO, Content: ZERO },
  };
  for (const { item, predicted } of results) {
    for (const mode of ['exact', 'overlap'] as const) {
      for (const role of ROLES) {
        scores[mode][role] = add(scores[mode][role], count(predicted[role], item.gold[role], mode));
      }
    }
  }
  return scores;
}

export function runPolnear(
  items: readonly AnnotatedArticle[],
  lex: Lexicon,
  options: FinderOptions = {},
): ArticleResult[] {
  return items.map((item) => ({ item, predicted: predictSpans(item.text, lex, options) }));
}

export type { Span };
