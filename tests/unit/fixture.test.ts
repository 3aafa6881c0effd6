/**
 * The curated fixture fixtures/noonpost-7628.json: it must pass full document validation, and the
 * properties a fact-checker relies on are re-checked here independently of `validate.ts`.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ArticleDocument, EvidenceSpan } from '../../src/domain/document.js';
import { parseArticleDocument } from '../../src/domain/validate.js';

const FIXTURE_PATH = fileURLToPath(new URL('../../fixtures/noonpost-7628.json', import.meta.url));
const ARTICLE_PATH = fileURLToPath(
  new URL('../../fixtures/articles/noonpost-7628-syria-israel-talks.md', import.meta.url),
);

const raw: unknown = JSON.parse(readFileSync(FIXTURE_PATH, 'utf8'));
const doc: ArticleDocument = parseArticleDocument(raw);
const text = doc.article.text;

/** Every evidence span in the document, with where it sits. */
function allSpans(d: ArticleDocument): { where: string; span: EvidenceSpan }[] {
  const out: { where: string; span: EvidenceSpan }[] = [];
  d.events.forEach((e) => {
    if (e.evidence) out.push({ where: `event ${e.id}`, span: e.evidence });
  });
  d.claims.forEach((c) => {
    out.push({ where: `claim ${c.id}`, span: c.evidence });
    c.chain.forEach((h, i) => out.push({ where: `claim ${c.id} hop ${i}`, span: h.evidence }));
  });
  return out;
}

const sourceById = new Map(doc.sources.map((s) => [s.id, s]));
const actorById = new Map(doc.actors.map((a) => [a.id, a]));

describe('fixture noonpost-7628', () => {
  it('passes full document validation (shape, spans, references, cycles, anonymity)', () => {
    expect(() => parseArticleDocument(raw)).not.toThrow();
    expect(doc.schemaVersion).toBe(1);
    expect(doc.article.id).toBe('noonpost-7628');
  });

  it('holds the article file verbatim, byte for byte', () => {
    const bytes = readFileSync(ARTICLE_PATH);
    expect(Buffer.from(text, 'utf8').equals(bytes)).toBe(true);
    expect(text).toBe(bytes.toString('utf8'));
  });

  it('has a publisher that is an outlet source and the H1 line as title', () => {
    expect(sourceById.get(doc.article.publisher)?.kind).toBe('outlet');
    expect(text.split('\n')).toContain(`# ${doc.article.title}`);
  });

  it('has every evidence span reading exactly its words in the article', () => {
    const spans = allSpans(doc);
    expect(spans.length).toBeGreaterThan(doc.claims.length);
    for (const { where, span } of spans) {
      expect(span.start, where).toBeGreaterThanOrEqual(0);
      expect(span.end, where).toBeGreaterThan(span.start);
      expect(span.end, where).toBeLessThanOrEqual(text.length);
      expect(text.slice(span.start, span.end), where).toBe(span.text);
    }
  });

  it('has a non-empty evidence span inside the article for every claim', () => {
    for (const c of doc.claims) {
      expect(c.evidence.start, c.id).toBeGreaterThanOrEqual(0);
      expect(c.evidence.end, c.id).toBeLessThanOrEqual(text.length);
      expect(c.evidence.text.trim().length, c.id).toBeGreaterThan(0);
    }
  });

  it('has unique ids across every collection', () => {
    const ids = [doc.sources, doc.actors, doc.places, doc.events, doc.claims].flatMap((items) =>
      items.map((i) => i.id),
    );
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('gives every sourced claim a chain, and only outlet analysis none', () => {
    for (const c of doc.claims) {
      if (c.outletAnalysis) {
        expect(c.kind, c.id).toBe('analysis');
        expect(c.chain, c.id).toHaveLength(0);
      } else {
        expect(c.kind, c.id).not.toBe('analysis');
        expect(c.chain.length, c.id).toBeGreaterThan(0);
      }
    }
  });

  it('lets the outlet appear in a chain only as the one reporting hop of its own background facts', () => {
    for (const c of doc.claims) {
      c.chain.forEach((h, i) => {
        if (h.agent !== doc.article.publisher) return;
        expect(c.chain, c.id).toHaveLength(1);
        expect(i, c.id).toBe(0);
        expect(h.role, c.id).toBe('reported');
        expect(c.kind, c.id).toBe('report');
      });
    }
  });

  it('prints every quote between quotation marks, verbatim', () => {
    const quoted = doc.claims.filter((c) => c.quote !== undefined);
    expect(quoted.length).toBeGreaterThan(0);
    for (const c of quoted) {
      const q = c.quote ?? '';
      expect(text.includes(`“${q}”`) || text.includes(`"${q}"`), c.id).toBe(true);
    }
  });

  it('marks exactly the hops through anonymous or leaked sources as anonymous', () => {
    for (const c of doc.claims) {
      for (const h of c.chain) {
        const kind = sourceById.get(h.agent)?.kind;
        expect(h.anonymous, `${c.id} ${h.agent}`).toBe(kind === 'anonymous' || kind === 'leak');
      }
    }
    for (const s of doc.sources.filter((x) => x.kind === 'anonymous' || x.kind === 'leak')) {
      expect(s.description, s.id).toBeDefined();
    }
  });

  it('traces the al-Sharaa/Barrack statement through Reuters and an anonymous Syrian official', () => {
    const c = doc.claims.find((x) => x.quote?.startsWith('any compromise on the Golan'));
    expect(c).toBeDefined();
    const chain = c?.chain ?? [];
    expect(chain).toHaveLength(3);
    const [wire, official, speaker] = chain;

    const reuters = sourceById.get(wire?.agent ?? '');
    expect(reuters?.name).toBe('Reuters');
    expect(reuters?.kind).toBe('wire');
    expect(wire?.anonymous).toBe(false);

    const anon = sourceById.get(official?.agent ?? '');
    expect(anon?.kind).toBe('anonymous');
    expect(anon?.description).toBe('a Syrian official');
    expect(actorById.get(anon?.affiliation ?? '')?.aliases).toContain('Damascus');
    expect(official?.anonymous).toBe(true);

    expect(actorById.get(speaker?.agent ?? '')?.name).toBe('Ahmad al-Sharaa');
    expect(speaker?.anonymous).toBe(false);
    expect(actorById.get(speaker?.addressee ?? '')?.name).toBe('Tom Barrack');
  });

  it('records the relation types a fact-checker needs, between real claims', () => {
    const claimIds = new Set(doc.claims.map((c) => c.id));
    for (const r of doc.relations) {
      expect(claimIds.has(r.from), r.from).toBe(true);
      expect(claimIds.has(r.to), r.to).toBe(true);
      expect(r.from).not.toBe(r.to);
    }
    const types = new Set(doc.relations.map((r) => r.type));
    expect(types).toContain('SAME_STATEMENT');
    expect(types).toContain('CONTRADICTS');
    expect(types).toContain('SUPPORTS');
  });

  it('joins the two wordings of Trump’s normalization demand as the same statement', () => {
    const byQuote = (prefix: string) => doc.claims.find((c) => c.quote?.startsWith(prefix))?.id;
    const a = byQuote('Syria must work towards peace');
    const b = byQuote('Syria must pursue peace');
    expect(a).toBeDefined();
    expect(b).toBeDefined();
    const linked = doc.relations.some(
      (r) => r.type === 'SAME_STATEMENT' && ((r.from === a && r.to === b) || (r.from === b && r.to === a)),
    );
    expect(linked).toBe(true);
  });
});
