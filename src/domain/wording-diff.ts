/**
 * Word-level difference between two wordings of one statement (variant quotes linked
 * SAME_STATEMENT), so a fact-checker sees at a glance what one outlet changed in another's quote.
 */
import { diffWords } from 'diff';

export const WORDING_OPS = ['equal', 'insert', 'delete'] as const;
export type WordingOp = (typeof WORDING_OPS)[number];

export interface WordingChange {
  op: WordingOp;
  text: string;
}

/**
 * The edit from `from` to `to`, word by word. Whitespace-only differences count as equal
 * (the `diff` package's word mode ignores them), so line-wrapping never shows as an edit.
 * Concatenating the `equal` and `delete` texts gives back `from`, up to whitespace.
 */
export function wordingDiff(from: string, to: string): WordingChange[] {
  // The `diff` package already joins adjacent changes of one kind (tests/unit/domain/wording-diff
  // checks it), so each change maps to one entry.
  return diffWords(from, to).map((change) => ({
    op: change.added ? 'insert' : change.removed ? 'delete' : 'equal',
    text: change.value,
  }));
}
