import { describe, expect, it } from 'vitest';
import { parseArticleDocument } from '../../../src/domain/validate.js';
import {
  assembleDocument,
  claimParts,
  frameOf,
  parseClaimPart,
  parseFrame,
  splitStoredDocument,
} from '../../../src/domain/stored-document.js';
import { bigDocument } from '../../support/big-doc.js';

function doc() {
  const input = bigDocument('stored', { claims: 6, speakers: 2 });
  // A relation declared out of claim order, and one to another article.
  input.relations = [
    { from: 'figure-4', to: 'figure-1', type: 'CONTRADICTS', note: 'disagree' },
    ...(input.relations ?? []),
    { from: 'figure-1', to: 'other#figure-9', type: 'SUPPORTS' },
  ];
  return parseArticleDocument(input);
}

describe('a document stored in parts', () => {
  it('keeps the article text out of the frame, and every claim and relation out of it', () => {
    const d = doc();
    const frame = parseFrame(frameOf(d));
    expect(frame.article).toEqual(
      Object.fromEntries(Object.entries(d.article).filter(([k]) => k !== 'text')),
    );
    expect(Object.keys(frame).sort()).toEqual([
      'actors',
      'article',
      'events',
      'places',
      'schemaVersion',
      'sources',
    ]);
    expect(frameOf(d)).not.toContain(d.article.text.slice(0, 40));
  });

  it('gives each claim its own relations, in document order, and puts the document back together', () => {
    const d = doc();
    const parts = claimParts(d).map(parseClaimPart);
    expect(parts.map((p) => p.claim)).toEqual(d.claims);
    expect(parts[1]!.relations.map((r) => r.to)).toEqual(['figure-0', 'other#figure-9']);
    expect(parts[4]!.relations.map((r) => r.to)).toEqual(['figure-1', 'figure-3']);
    const back = assembleDocument(parseFrame(frameOf(d)), d.article.text, parts);
    // The same document, its relations listed claim by claim.
    expect(back).toEqual({
      ...d,
      relations: d.claims.flatMap((c) => d.relations.filter((r) => r.from === c.id)),
    });
    expect(new Set(back.relations)).toEqual(new Set(d.relations));
    expect(back.relations).not.toEqual(d.relations);
  });

  it('splits a document stored whole as an ingest stores it, and leaves a frame alone', () => {
    const d = doc();
    const split = splitStoredDocument(JSON.stringify(d));
    expect(split?.frame).toBe(frameOf(d));
    expect(split?.claims.map((c) => c.part)).toEqual(claimParts(d));
    expect(split?.claims.map((c) => c.id)).toEqual(d.claims.map((c) => c.id));
    expect(splitStoredDocument(frameOf(d))).toBeUndefined();
  });
});
