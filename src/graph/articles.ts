/**
 * Reading articles: the one module that knows their read queries and the shape of their rows
 * (parsed with zod once per row; see agents.ts). The full text stays out of the row: it is read
 * only when asked for.
 */
import { z } from 'zod';
import type { KeysetList } from './keyset.js';
import type { Loaders } from './loaders.js';
import { flag, optText, strings } from './row.js';

export const ArticleRow = z.object({
  key: z.string(),
  url: z.string(),
  title: z.string(),
  /** ISO date or date-time, as the document gave it. */
  publishedAt: z.string(),
  language: z.string(),
  author: optText,
  /** True when the text is our reconstruction of the report, not the outlet's words. */
  reconstruction: flag,
  /** The published pages a reconstruction follows (empty for a verbatim article). */
  basedOn: strings,
  /** The outlet that published it (`PUBLISHED_BY`), added by the query. */
  publisherKey: optText,
});
export type ArticleRow = z.infer<typeof ArticleRow>;

const parseArticle = (value: unknown): ArticleRow => ArticleRow.parse(value);

/** An article by key; null when there is none. */
export function articleByKey(loaders: Loaders, key: string): Promise<ArticleRow | null> {
  return loaders.row('article/by-keys', key, parseArticle);
}

/** An article that must exist (a claim's, an appearance's): its absence is a broken graph. */
export async function existingArticle(loaders: Loaders, key: string): Promise<ArticleRow> {
  const article = await articleByKey(loaders, key);
  if (!article) throw new Error(`article ${key} missing`);
  return article;
}

/** Articles by key, in the same order: null for a key naming none. */
export function articlesByKeys(loaders: Loaders, keys: readonly string[]): Promise<(ArticleRow | null)[]> {
  return loaders.rows('article/by-keys', keys, parseArticle);
}

const TextRow = z.object({ text: optText });

/** The article's full text (empty when it has none). */
export async function articleText(loaders: Loaders, key: string): Promise<string> {
  const row = await loaders.one('article/text', { key });
  return (row ? TextRow.parse(row).text : null) ?? '';
}

/** Every ingested article, newest first. */
export function articleList(loaders: Loaders): KeysetList {
  return loaders.list('article/list', {});
}
