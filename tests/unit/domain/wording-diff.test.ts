import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wordingDiff } from '../../../src/domain/wording-diff.js';

describe('word-level difference between two wordings', () => {
  it('marks replaced words as a deletion and an insertion, the rest as equal', () => {
    expect(
      wordingDiff('the ceasefire will not survive the week', 'the truce will not survive this week'),
    ).toEqual([
      { op: 'equal', text: 'the ' },
      { op: 'delete', text: 'ceasefire' },
      { op: 'insert', text: 'truce' },
      { op: 'equal', text: ' will not survive ' },
      { op: 'delete', text: 'the' },
      { op: 'insert', text: 'this' },
      { op: 'equal', text: ' week' },
    ]);
  });

  it('shows identical wordings as one equal run', () => {
    expect(wordingDiff('Syria must work towards peace', 'Syria must work towards peace')).toEqual([
      { op: 'equal', text: 'Syria must work towards peace' },
    ]);
  });

  it('rebuilds both wordings from its parts', () => {
    const from = 'Damascus had previously and unequivocally rejected this proposal';
    const to = 'Damascus had rejected the proposal outright';
    const d = wordingDiff(from, to);
    const text = (ops: string[]) =>
      d
        .filter((c) => ops.includes(c.op))
        .map((c) => c.text)
        .join('');
    expect(text(['equal', 'delete']).replace(/\s+/g, ' ').trim()).toBe(from);
    expect(text(['equal', 'insert']).replace(/\s+/g, ' ').trim()).toBe(to);
  });

  it('handles an empty wording', () => {
    expect(wordingDiff('', 'reportedly')).toEqual([{ op: 'insert', text: 'reportedly' }]);
  });
});

describe('the runs of a difference', () => {
  it('never lists two runs of one kind side by side, and gives back both wordings', () => {
    const words = fc.constantFrom('the', 'truce', 'will', 'hold', 'not', ',', '.', 'Syria', 'syria');
    const wording = fc
      .array(fc.tuple(words, fc.constantFrom(' ', '  ', '\n', '')), { maxLength: 12 })
      .map((parts) => parts.map(([w, s]) => w + s).join(''));
    fc.assert(
      fc.property(wording, wording, (from, to) => {
        const d = wordingDiff(from, to);
        for (let i = 1; i < d.length; i++) expect(d[i]!.op).not.toBe(d[i - 1]!.op);
        const text = (op: string) =>
          d
            .filter((c) => c.op !== op)
            .map((c) => c.text)
            .join('')
            .replace(/\s+/g, '');
        // Up to whitespace: an equal run keeps one side's spacing.
        expect(text('insert')).toBe(from.replace(/\s+/g, ''));
        expect(text('delete')).toBe(to.replace(/\s+/g, ''));
      }),
    );
  });
});
