import { describe, expect, it } from 'vitest';
import { toLuceneQuery } from '../../../src/graph/lucene.js';

describe('search phrases', () => {
  it('requires a quoted phrase to match as a phrase, and ORs the other words', () => {
    expect(toLuceneQuery('"humanitarian corridor" Suwayda')).toBe('+"humanitarian corridor" "Suwayda"');
    expect(toLuceneQuery('“end of his presidency”')).toBe('+"end of his presidency"');
  });

  it('keeps an unbalanced or empty quote as text, never as syntax', () => {
    expect(toLuceneQuery('"Golan')).toBe('"Golan"');
    expect(toLuceneQuery('"" peace')).toBe('"peace"');
    expect(toLuceneQuery('a"b')).toBe('"a\\"b"');
  });

  it('searches words alone as before', () => {
    expect(toLuceneQuery('Golan trade-off')).toBe('"Golan" "trade-off"');
    expect(toLuceneQuery('   ')).toBeNull();
  });
});
