/**
 * How an article's validated document is kept in the graph, in parts, so that an edit of one
 * claim reads and writes that claim's part and not the whole document (a 10k-claim article's
 * document is ~5 MB of JSON):
 *
 * - the Article's `document` is the frame: the schema version, the article's fields except its
 *   text (the Article holds that as `text`), and every source, actor, place and event;
 * - each Claim's `document` is its part: the claim and the relations it declares (those whose
 *   `from` it is, in document order), and its `documentIndex` is its place among the claims.
 *
 * A document put back together from its parts lists each claim's relations after the ones of the
 * claims before it: the one normalisation storage makes (relations are a set; nothing in the
 * graph depends on their order). Pure: the ingest, the edit, the bulk loader and the migration
 * that split the documents stored whole before (V0007) all cut a document here.
 */
import type { ArticleDocument, Claim, ClaimRelation } from './document.js';

/** One claim's part of a document, as stored on its Claim. */
export interface ClaimPart {
  claim: Claim;
  relations: ClaimRelation[];
}

/** Everything of a document but its claims, their relations and the article's text. */
export type DocumentFrame = Omit<ArticleDocument, 'claims' | 'relations' | 'article'> & {
  article: Omit<ArticleDocument['article'], 'text'>;
};

/** The frame as the Article stores it. */
export function frameOf(doc: ArticleDocument): string {
  const { text: _text, ...article } = doc.article;
  const frame: DocumentFrame = {
    schemaVersion: doc.schemaVersion,
    article,
    sources: doc.sources,
    actors: doc.actors,
    places: doc.places,
    events: doc.events,
  };
  return JSON.stringify(frame);
}

/** A claim's part as its Claim stores it. */
export function claimPartOf(claim: Claim, relations: readonly ClaimRelation[]): string {
  const part: ClaimPart = { claim, relations: [...relations] };
  return JSON.stringify(part);
}

/** Every claim's part, in document order. */
export function claimParts(doc: ArticleDocument): string[] {
  const byFrom = new Map<string, ClaimRelation[]>();
  for (const r of doc.relations) {
    const list = byFrom.get(r.from);
    if (list) list.push(r);
    else byFrom.set(r.from, [r]);
  }
  return doc.claims.map((c) => claimPartOf(c, byFrom.get(c.id) ?? []));
}

/**
 * A document from its frame, its text and some of its claims' parts (all of them, in document
 * order, for the whole document; an edit reads only those it needs).
 */
export function assembleDocument(
  frame: DocumentFrame,
  text: string,
  parts: readonly ClaimPart[],
): ArticleDocument {
  return {
    schemaVersion: frame.schemaVersion,
    article: { ...frame.article, text },
    sources: frame.sources,
    actors: frame.actors,
    places: frame.places,
    events: frame.events,
    claims: parts.map((p) => p.claim),
    relations: parts.flatMap((p) => p.relations),
  };
}

/** Parses a stored frame. */
export const parseFrame = (stored: string): DocumentFrame => JSON.parse(stored) as DocumentFrame;

/** Parses a stored claim part. */
export const parseClaimPart = (stored: string): ClaimPart => JSON.parse(stored) as ClaimPart;

/**
 * A document stored whole (before V0007) cut into its frame and its claims' parts (with their
 * ids), or undefined when `stored` is a frame already (a migration re-run after a crash part-way).
 */
export function splitStoredDocument(
  stored: string,
): { frame: string; claims: { id: string; part: string }[] } | undefined {
  const doc = JSON.parse(stored) as Partial<ArticleDocument>;
  if (!Array.isArray(doc.claims)) return undefined;
  const whole = doc as ArticleDocument;
  const parts = claimParts(whole);
  return { frame: frameOf(whole), claims: whole.claims.map((c, i) => ({ id: c.id, part: parts[i]! })) };
}
