import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseArticleDocument } from '../../../src/domain/validate.js';
import { generateCorpus } from '../../../bench/synth/corpus.js';
import { summariseCorpus } from '../../../bench/synth/summary.js';

function corpusHash(seed: number, claims: number): string {
  const hash = createHash('sha256');
  for (const doc of generateCorpus({ seed, claims })) hash.update(`${JSON.stringify(doc)}\n`);
  return hash.digest('hex');
}

// Generous timeout: a shared CI machine under load can take seconds to generate 20k claims.
describe('the synthetic corpus', { timeout: 60_000 }, () => {
  it('is deterministic: the same seed gives byte-identical output, another seed does not', () => {
    expect(corpusHash(42, 3000)).toBe(corpusHash(42, 3000));
    expect(corpusHash(43, 3000)).not.toBe(corpusHash(42, 3000));
  });

  it('yields exactly the requested number of claims, every document valid', () => {
    let claims = 0;
    for (const doc of generateCorpus({ seed: 7, claims: 5000 })) {
      expect(() => parseArticleDocument(doc)).not.toThrow();
      claims += doc.claims.length;
    }
    expect(claims).toBe(5000);
  });

  it('achieves the requested mix of depths, anonymous links and relations', () => {
    const s = summariseCorpus(generateCorpus({ seed: 42, claims: 20_000 }));
    const sourced = s.byDepth.slice(1).reduce((a, b) => a + b, 0);
    const share = (n: number) => n / sourced;
    expect(share(s.byDepth[1]!)).toBeCloseTo(0.45, 1);
    expect(share(s.byDepth[2]!)).toBeCloseTo(0.3, 1);
    expect(share(s.byDepth[3]!)).toBeCloseTo(0.18, 1);
    expect(share(s.byDepth[4]!)).toBeCloseTo(0.07, 1);
    expect(s.withAnonymousLink / s.claims).toBeGreaterThan(0.22);
    expect(s.withAnonymousLink / s.claims).toBeLessThan(0.38);
    expect(s.byDepth[0]! / s.claims).toBeLessThan(0.06); // the outlet's own analysis is rare
    // Circular reporting: many chains run through a handful of wires, re-reports are linked.
    expect(s.throughWire / s.claims).toBeGreaterThan(0.3);
    expect(s.relations.SAME_STATEMENT).toBeGreaterThan(s.claims * 0.1);
    expect(s.relations.CONTRADICTS).toBeGreaterThan(s.claims * 0.02);
    expect(s.relations.SUPPORTS).toBeGreaterThan(s.claims * 0.02);
  });

  it('points relations only at claims of articles generated earlier (or earlier in the same one)', () => {
    const seenClaims = new Set<string>();
    let crossArticle = 0;
    for (const doc of generateCorpus({ seed: 11, claims: 8000 })) {
      const local = new Set(doc.claims.map((c) => c.id));
      for (const r of doc.relations) {
        expect(local.has(r.from)).toBe(true);
        if (r.to.includes('#')) {
          crossArticle += 1;
          expect(r.to.startsWith(`${doc.article.id}#`)).toBe(false);
          expect(seenClaims.has(r.to)).toBe(true);
        } else {
          expect(local.has(r.to)).toBe(true);
        }
      }
      for (const c of doc.claims) seenClaims.add(`${doc.article.id}#${c.id}`);
    }
    expect(crossArticle).toBeGreaterThan(1000);
  });

  it('puts every verbatim quote and every evidence span into the article text', () => {
    for (const doc of generateCorpus({ seed: 3, claims: 1000 })) {
      const text = doc.article.text;
      for (const c of doc.claims) {
        if (c.quote) expect(text).toContain(`"${c.quote}"`);
        for (const span of [c.evidence, ...c.chain.map((h) => h.evidence)]) {
          expect(text.slice(span.start, span.end)).toBe(span.text);
        }
      }
    }
  });

  it('streams: a large corpus can be consumed without materialising it', () => {
    const iterator = generateCorpus({ seed: 1, claims: 1_000_000 });
    const first = iterator.next();
    expect(first.done).toBe(false);
    iterator.return(undefined);
  });
});
