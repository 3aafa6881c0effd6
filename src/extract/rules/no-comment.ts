/**
 * Non-statements: "The ministry refused to comment on the report" reports that the ministry said
 * nothing, so it is no claim of the ministry's (issue 15, failure kind 5). A refusal cue is kept
 * for real rejections ("refused to withdraw"); only a refusal whose content is "to" and a verb of
 * speaking from `data/lexicons/no-comment.json` is dropped.
 */
import type { Lexicon } from '../lexicon.js';
import type { Token } from '../tokens.js';
import type { Attribution } from './types.js';
import type { Reader } from './window.js';

export function isNoComment(r: Reader, at: Attribution): boolean {
  const first = at.content[0];
  if (!first || at.content.length !== 1) return false;
  const i = r.tokenAt.get(first.start);
  return i !== undefined && refusesToSpeak(r.t, i, r.lex);
}

/** Whether the content opening at token `i` is "to comment", "to elaborate" and the like. */
export function refusesToSpeak(tokens: readonly Token[], i: number, lex: Lexicon): boolean {
  return tokens[i]?.lower === 'to' && lex.words.noComment.has(tokens[i + 1]?.lower ?? '');
}
