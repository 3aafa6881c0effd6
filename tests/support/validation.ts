/** Helpers of the document-validation tests (tests/unit/domain/validate*.test.ts). */
import { expect } from 'vitest';
import { DocumentValidationError, parseArticleDocument } from '../../src/domain/validate.js';
import { miniDoc } from './mini-doc.js';

/** The problems validation lists for `doc`; fails the test when the document is accepted. */
export function issuesOf(doc: unknown) {
  try {
    parseArticleDocument(doc);
  } catch (error) {
    expect(error).toBeInstanceOf(DocumentValidationError);
    return (error as DocumentValidationError).issues;
  }
  throw new Error('the document was accepted');
}

/**
 * The mini document with `n` extra actors `${id}0` -> `${id}1` -> ... -> `${id}(n-1)` -> `${id}0`,
 * each a group affiliated with the next: a ring of affiliations.
 */
export function affiliationRing(n: number, id = 'g'): ReturnType<typeof miniDoc> {
  const doc = miniDoc();
  for (let i = 0; i < n; i++) {
    doc.actors!.push({
      id: `${id}${i}`,
      name: `${id.toUpperCase()} ${i}`,
      kind: 'group',
      aliases: [],
      affiliation: `${id}${(i + 1) % n}`,
    });
  }
  return doc;
}
