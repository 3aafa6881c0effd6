/**
 * The rules of the document format that a shape alone cannot say (src/domain/document.ts), each
 * at its edge, with the message a fact-checker reads. Dates as real calendar dates are tested in
 * tests/unit/input-bounds.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { Article, EvidenceSpan, LocalId, TimeRef } from '../../../src/domain/document.js';
import { DocumentValidationError, parseArticleDocument } from '../../../src/domain/validate.js';
import { miniDoc } from '../../support/mini-doc.js';

const messages = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  r.success ? [] : r.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);

describe('local ids', () => {
  it.each(['a', 'A9', 'x.y_z:w-1', '0abc'])('accepts %j', (id) => {
    expect(LocalId.safeParse(id).success).toBe(true);
  });
  it.each(['-a', '.a', 'a b', 'a/b', 'é', 'a#b'])('refuses %j, saying which characters are allowed', (id) => {
    expect(messages(LocalId.safeParse(id))).toEqual([': must be letters, digits, ".", "_", ":" or "-"']);
  });
});

describe('a time reference', () => {
  it('needs the words or a start', () => {
    expect(messages(TimeRef.safeParse({}))).toEqual([': needs at least `text` or `start`']);
    expect(TimeRef.safeParse({ text: 'mid-September' }).success).toBe(true);
    expect(TimeRef.safeParse({ start: '2026-09-15' }).success).toBe(true);
  });
  it('refuses a start after its end, and accepts a one-day range', () => {
    expect(messages(TimeRef.safeParse({ start: '2026-03-02', end: '2026-03-01' }))).toEqual([
      'end: `start` must not be after `end`',
    ]);
    expect(TimeRef.safeParse({ start: '2026-03-01', end: '2026-03-01' }).success).toBe(true);
    expect(TimeRef.safeParse({ start: '2026-03-01T10:00:00Z', end: '2026-03-01T09:59:59Z' }).success).toBe(
      false,
    );
  });
});

describe('an evidence span', () => {
  it('must end after it starts', () => {
    expect(messages(EvidenceSpan.safeParse({ start: 5, end: 5, text: 'x' }))).toContain(
      'end: `end` must be greater than `start`',
    );
    expect(EvidenceSpan.safeParse({ start: 4, end: 5, text: 'x' }).success).toBe(true);
  });
  it('must hold exactly end - start characters', () => {
    expect(messages(EvidenceSpan.safeParse({ start: 0, end: 3, text: 'ab' }))).toEqual([
      'text: `text` length must equal end - start',
    ]);
    expect(messages(EvidenceSpan.safeParse({ start: 0, end: 3, text: 'abcd' }))).toEqual([
      'text: `text` length must equal end - start',
    ]);
  });
});

describe('a claim', () => {
  it('with no chain is refused unless it is the outlet’s own analysis', () => {
    const doc = miniDoc();
    doc.claims[2]!.chain = [];
    try {
      parseArticleDocument(doc);
      throw new Error('accepted');
    } catch (error) {
      expect((error as DocumentValidationError).issues).toEqual([
        {
          path: 'claims[2].chain',
          message: 'a sourced claim needs at least one hop (or set outletAnalysis: true)',
          claimId: 'talks-resume-march',
        },
      ]);
    }
    doc.claims[2]!.outletAnalysis = true;
    expect(() => parseArticleDocument(doc)).not.toThrow();
  });
});

describe('an article', () => {
  const article = () => ({ ...miniDoc().article });

  it('takes a BCP-47 language tag', () => {
    for (const language of ['en', 'ara', 'en-GB']) {
      expect(Article.safeParse({ ...article(), language }).success, language).toBe(true);
    }
    for (const language of ['EN', 'english', 'en-gb', 'e', 'en-GB-x']) {
      expect(messages(Article.safeParse({ ...article(), language })), language).toEqual([
        'language: must be a BCP-47 language tag like "en"',
      ]);
    }
  });

  it('as a reconstruction lists the addresses it follows, its own first among them', () => {
    const a = article();
    expect(Article.safeParse(a).success).toBe(true);
    expect(messages(Article.safeParse({ ...a, reconstruction: true }))).toEqual([
      'basedOn: a reconstruction must list the addresses it follows',
    ]);
    expect(
      messages(Article.safeParse({ ...a, reconstruction: true, basedOn: ['https://example.org/other'] })),
    ).toEqual(['basedOn: a reconstruction must list its own `url` among the addresses it follows']);
    expect(
      Article.safeParse({ ...a, reconstruction: true, basedOn: ['https://example.org/other', a.url] })
        .success,
    ).toBe(true);
  });

  it('lists addresses it follows only when it is a reconstruction', () => {
    const a = article();
    expect(messages(Article.safeParse({ ...a, basedOn: [a.url] }))).toEqual([
      'reconstruction: `basedOn` is only for a reconstruction: set `reconstruction: true` or drop `basedOn`',
    ]);
  });
});
