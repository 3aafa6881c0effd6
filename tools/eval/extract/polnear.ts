/**
 * Scores the extractor's spans on PolNeAR. Only outermost attributions are predicted: the corpus
 * gives every token at most one role, so nested relays are not annotated there.
 */
import path from 'node:path';
import type { FinderOptions, Span } from '../../../src/extract/attributions.js';
import type { Lexicon } from '../../../src/extract/lexicon.js';
import { ruleSpans, tagSpans, type TaggerModel } from '../../../src/extract/tagger/model.js';
import { analyse } from '../../../src/extract/tokens.js';
import { type AnnotatedArticle, ROLES, type Role, type RoleSpans } from './brat.js';
import { add, count, type Counts, type MatchMode, ZERO } from './score.js';

/** The corpus lives beside the repository in `shared/`, never inside it; POLNEAR_DIR overrides. */
export function polnearDir(repoRoot: string, env: NodeJS.ProcessEnv = process.env): string {
  return env.POLNEAR_DIR ?? path.resolve(repoRoot, '..', 'shared', 'corpora', 'polnear');
}

/**
 * The spans one method predicts for a text: the rules alone, or the tagger (which reads the rules'
 * spans as features).
 */
export function predictSpans(text: string, lex: Lexicon, tagger?: TaggerModel): RoleSpans {
  const analysis = analyse(text);
  const rules = ruleSpans(analysis, lex);
  return tagger ? tagSpans(tagger, analysis, lex, rules) : rules;
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
  tagger?: TaggerModel,
): ArticleResult[] {
  return items.map((item) => ({ item, predicted: predictSpans(item.text, lex, tagger) }));
}

export type { FinderOptions, Span };
