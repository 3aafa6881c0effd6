/**
 * The search escaper: whatever the user types, the Lucene query is a list of quoted terms whose
 * contents read back as exactly the words typed. The reader below is strict Lucene: inside a
 * quoted term only `\` escapes, and an unescaped `"` ends the term. If `\` were not escaped,
 * `a\"b` would read back wrong (or leave the phrase open): the property below fails.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SEARCH_LIMITS, searchTextProblem, toLuceneQuery } from '../../../src/graph/lucene.js';

/**
 * Reads a query of space-separated quoted terms the way Lucene's parser does, each optionally
 * marked required with `+` (a "quoted phrase" the user typed); throws on anything else.
 */
function readQuotedTerms(query: string): string[] {
  return readTerms(query).map((t) => t.text);
}

function readTerms(query: string): { required: boolean; text: string }[] {
  const terms: { required: boolean; text: string }[] = [];
  let i = 0;
  while (i < query.length) {
    const required = query[i] === '+';
    if (required) i++;
    if (query[i] !== '"') throw new Error(`expected a quote at ${i} in ${JSON.stringify(query)}`);
    i++;
    let term = '';
    for (;;) {
      if (i >= query.length) throw new Error(`unterminated phrase in ${JSON.stringify(query)}`);
      const c = query[i]!;
      if (c === '\\') {
        if (i + 1 >= query.length) throw new Error(`dangling escape in ${JSON.stringify(query)}`);
        term += query[i + 1];
        i += 2;
      } else if (c === '"') {
        i++;
        break;
      } else {
        term += c;
        i++;
      }
    }
    terms.push({ required, text: term });
    if (i < query.length) {
      if (query[i] !== ' ') throw new Error(`expected a space at ${i} in ${JSON.stringify(query)}`);
      i++;
    }
  }
  return terms;
}

/** The words a search box should look for: split on space, outer punctuation trimmed, at most 32. */
function wordsOf(input: string): string[] {
  return input
    .normalize('NFC')
    .split(/\s+/u)
    .map((t) => t.replace(/^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu, ''))
    .filter((t) => t.length > 0)
    .slice(0, 32);
}

describe('toLuceneQuery', () => {
  it.each([
    ['golan heights', '"golan" "heights"'],
    ['a\\"b', '"a\\\\\\"b"'],
    ['back\\slash', '"back\\\\slash"'],
    ['AND OR NOT', '"AND" "OR" "NOT"'],
    ['title:golan~2', '"title:golan~2"'],
    ['"unbalanced', '"unbalanced"'],
    ['(golan)', '"golan"'],
  ])('turns %j into %s', (input, expected) => {
    expect(toLuceneQuery(input)).toBe(expected);
  });

  it('gives null for input with no words', () => {
    for (const input of ['', '   ', '"" ((( )))', '\t\n', '* ? ~ ^']) expect(toLuceneQuery(input)).toBeNull();
  });

  it('keeps at most 32 terms', () => {
    const many = Array.from({ length: 40 }, (_, i) => `w${i}`).join(' ');
    expect(readQuotedTerms(toLuceneQuery(many)!)).toEqual(Array.from({ length: 32 }, (_, i) => `w${i}`));
  });

  it('normalises to NFC, so composed and decomposed spellings search alike', () => {
    expect(toLuceneQuery('Cafe\u0301')).toBe(toLuceneQuery('Café'));
  });

  it('reads back as exactly the words typed, for any input (quotes and backslashes included)', () => {
    const alphabet = fc.constantFrom(
      'a',
      'b',
      ' ',
      '"',
      '\\',
      '*',
      '(',
      ')',
      ':',
      '~',
      '^',
      '-',
      'é',
      'س',
      '\t',
    );
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: alphabet, maxLength: 40 })), (input) => {
        const query = toLuceneQuery(input);
        // Two quotation marks make a phrase (tested below); with at most one, every word is a term.
        if ((input.match(/["“”]/gu) ?? []).length > 1) {
          if (query !== null) expect(() => readTerms(query)).not.toThrow();
          return;
        }
        const words = wordsOf(input);
        if (words.length === 0) expect(query).toBeNull();
        else expect(readQuotedTerms(query!)).toEqual(words);
      }),
      { numRuns: 2000 },
    );
  });

  it('makes a quoted phrase one required term, its words read back exactly, the rest optional', () => {
    expect(readTerms(toLuceneQuery('"golan heights" truce')!)).toEqual([
      { required: true, text: 'golan heights' },
      { required: false, text: 'truce' },
    ]);
    expect(readTerms(toLuceneQuery('“a\\\\b c” d\\"')!)).toEqual([
      { required: true, text: 'a\\\\b c' },
      { required: false, text: 'd' },
    ]);
  });
});

describe('a quoted phrase inside other words', () => {
  it('separates the words around it, which are searched on their own', () => {
    expect(toLuceneQuery('ceasefire"golan heights"talks')).toBe('+"golan heights" "ceasefire" "talks"');
  });
});

describe('searchTextProblem: the bounds on search text, each named with the limit', () => {
  const { maxLength, maxTerms, maxTermLength } = SEARCH_LIMITS;
  const words = (n: number) => Array.from({ length: n }, (_, i) => `w${i}`).join(' ');

  it('accepts search text at every limit', () => {
    expect(searchTextProblem('golan heights')).toBeNull();
    expect(searchTextProblem(words(maxTerms))).toBeNull();
    expect(searchTextProblem('x'.repeat(maxTermLength))).toBeNull();
    const atLength = `${'y'.repeat(maxTermLength)} `.repeat(20).slice(0, maxLength);
    expect(atLength).toHaveLength(maxLength);
    expect(searchTextProblem(atLength)).toBeNull();
  });

  it('refuses text one character too long', () => {
    expect(searchTextProblem('a '.repeat(maxLength / 2) + 'b')).toBe(
      `is ${maxLength + 1} characters long; at most ${maxLength} are accepted`,
    );
  });

  it('refuses one term too many, counting words as the search does', () => {
    expect(searchTextProblem(words(maxTerms + 1))).toBe(
      `has ${maxTerms + 1} terms; at most ${maxTerms} are accepted`,
    );
    // Punctuation alone is no term.
    expect(searchTextProblem(`${words(maxTerms)} -- ...`)).toBeNull();
  });

  it('refuses a term one character too long, outer punctuation not counted', () => {
    expect(searchTextProblem(`golan ${'z'.repeat(maxTermLength + 1)}`)).toBe(
      `has a term of ${maxTermLength + 1} characters; at most ${maxTermLength} are accepted`,
    );
    expect(searchTextProblem(`"${'z'.repeat(maxTermLength)}"`)).toBeNull();
  });
});
