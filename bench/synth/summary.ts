/**
 * What a corpus holds, counted from the documents themselves: the check that a generated corpus
 * has the mix it was asked for, and the figures the benchmark report prints next to its timings.
 */
import type { ArticleDocument } from '../../src/domain/document.js';

export interface CorpusSummary {
  articles: number;
  claims: number;
  /** Claims with a chain, by depth (index 1..4; 0 counts the outlet's own analysis). */
  byDepth: number[];
  /** Claims with at least one anonymous link. */
  withAnonymousLink: number;
  relations: Record<'SUPPORTS' | 'CONTRADICTS' | 'SAME_STATEMENT', number>;
  /** Relations into earlier articles (graph keys `article#claim`). */
  crossArticleRelations: number;
  /** Chains that pass through a wire service: one wire origin re-reported in many articles. */
  throughWire: number;
  textChars: number;
}

export class CorpusSummariser {
  private readonly s: CorpusSummary = {
    articles: 0,
    claims: 0,
    byDepth: [0, 0, 0, 0, 0],
    withAnonymousLink: 0,
    relations: { SUPPORTS: 0, CONTRADICTS: 0, SAME_STATEMENT: 0 },
    crossArticleRelations: 0,
    throughWire: 0,
    textChars: 0,
  };

  add(doc: ArticleDocument): void {
    const s = this.s;
    s.articles += 1;
    s.textChars += doc.article.text.length;
    const wires = new Set(doc.sources.filter((x) => x.kind === 'wire').map((x) => x.id));
    for (const c of doc.claims) {
      s.claims += 1;
      s.byDepth[Math.min(c.chain.length, 4)]! += 1;
      if (c.chain.some((h) => h.anonymous)) s.withAnonymousLink += 1;
      if (c.chain.some((h) => wires.has(h.agent))) s.throughWire += 1;
    }
    for (const r of doc.relations) {
      s.relations[r.type] += 1;
      if (r.to.includes('#')) s.crossArticleRelations += 1;
    }
  }

  get summary(): CorpusSummary {
    return structuredClone(this.s);
  }
}

export function summariseCorpus(docs: Iterable<ArticleDocument>): CorpusSummary {
  const summariser = new CorpusSummariser();
  for (const doc of docs) summariser.add(doc);
  return summariser.summary;
}
