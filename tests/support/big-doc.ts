/**
 * A generated article with many claims, each with a two-hop chain and its evidence found in
 * the text: large enough that its ingest transaction stays open for a while, and valid by the
 * same domain schema as every fixture.
 */
import type { ArticleDocumentInput } from '../../src/domain/document.js';

export interface BigDocShape {
  claims: number;
  speakers: number;
}

export function bigDocument(id: string, { claims, speakers }: BigDocShape): ArticleDocumentInput {
  const sentences: string[] = [];
  for (let i = 0; i < claims; i++) {
    sentences.push(`Wire service ${i} reported that speaker ${i % speakers} said figure ${i} was ${i * 7}.`);
  }
  const text = sentences.join(' ');
  let offset = 0;
  const spans = sentences.map((s) => {
    const start = offset;
    offset += s.length + 1;
    return start;
  });
  const span = (i: number, needle: string) => {
    const at = text.indexOf(needle, spans[i]);
    if (at < 0 || at >= (spans[i + 1] ?? text.length)) throw new Error(`"${needle}" not in sentence ${i}`);
    return { start: at, end: at + needle.length, text: needle };
  };
  return {
    schemaVersion: 1,
    article: {
      id,
      url: `https://example.org/${id}`,
      title: `Generated article ${id}`,
      publisher: 'generated-news',
      publishedAt: '2026-01-15',
      language: 'en',
      text,
    },
    sources: [
      { id: 'generated-news', name: 'Generated News', kind: 'outlet' },
      { id: 'wire', name: 'Generated Wire', kind: 'wire' },
    ],
    actors: Array.from({ length: speakers }, (_, s) => ({
      id: `speaker-${s}`,
      name: `Generated Speaker ${s}`,
      kind: 'person' as const,
    })),
    claims: sentences.map((_, i) => ({
      id: `figure-${i}`,
      text: `Figure ${i} was ${i * 7}.`,
      kind: 'statement' as const,
      evidence: span(i, `figure ${i} was ${i * 7}`),
      chain: [
        { agent: 'wire', role: 'reported' as const, evidence: span(i, `Wire service ${i} reported`) },
        {
          agent: `speaker-${i % speakers}`,
          role: 'said' as const,
          evidence: span(i, `speaker ${i % speakers} said`),
        },
      ],
    })),
    relations: sentences.slice(1, Math.min(claims, 200)).map((_, i) => ({
      from: `figure-${i + 1}`,
      to: `figure-${i}`,
      type: 'SUPPORTS' as const,
    })),
  };
}
