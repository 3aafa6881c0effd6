/**
 * Stable graph keys derived from content, never random, so that re-ingesting a document MERGEs
 * onto the same nodes. Named actors and sources are global (a second article naming the same
 * person joins the same node); unnamed sources are scoped to their article, because "a Syrian
 * official" in one report is not known to be the same person as in another.
 */
import { createHash } from 'node:crypto';

/**
 * Lower-case, accent-free, punctuation-free slug: "Ahmad al-Sharaa" -> "ahmad-al-sharaa". The one
 * name normaliser of the project: graph keys, the extractor's local ids and its matching of names
 * against known actors all go through it, so two spellings meet exactly when their keys do.
 * Letters of every script are kept, so names in other scripts still get a key.
 */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’'`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/** `slugify` kept to a-z, 0-9 and "-", for local ids in documents (which must be ASCII). */
export function asciiSlug(name: string): string {
  return slugify(name)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * What two mentions of one name compare by: `slugify` without a leading article or a trailing
 * possessive ("The Times’s" and "times" -> "times"). The extractor deduplicates speakers and
 * matches names against known agents with it; graph keys take `slugify` of the name as stored.
 */
export function nameKey(name: string): string {
  return slugify(
    name
      .trim()
      .replace(/[’']s$/u, '')
      .replace(/^(?:the|a|an)\s+/iu, ''),
  );
}

/** A local id part for a document (`asciiSlug`, at most 80 characters, never empty). */
export function localIdPart(name: string): string {
  const base = asciiSlug(name).slice(0, 80).replace(/-+$/, '');
  return base === '' ? 'x' : base;
}

export const articleKey = (articleId: string): string => `article:${articleId}`;
export const claimKey = (articleId: string, claimId: string): string => `${articleId}#${claimId}`;
export const tellingKey = (articleId: string, claimId: string, hop: number): string =>
  `${articleId}#${claimId}@${hop}`;
export const actorKey = (name: string): string => `actor:${slugify(name)}`;
export const placeKey = (name: string): string => `place:${slugify(name)}`;
export const eventKey = (articleId: string, eventId: string): string => `event:${articleId}:${eventId}`;

export function sourceKey(articleId: string, sourceId: string, name: string, anonymous: boolean): string {
  return anonymous ? `source:${articleId}:${sourceId}` : `source:${slugify(name)}`;
}

/** A short content hash: detects whether a node's ingested content changed. */
export function contentHash(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 32);
}
