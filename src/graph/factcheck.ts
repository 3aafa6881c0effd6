/**
 * Reviewed claims for the Fact Check Tools API compatible endpoint (src/factcheck-api.ts): the
 * claims with at least one assessment, searched, filtered and paged in the database.
 */
import { z } from 'zod';
import { cypher } from '../db/cypher.js';
import type { Database } from '../db/database.js';

const text = z.string().nullable().default(null);
const plain = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const FactCheckHit = z.object({
  key: z.string(),
  text,
  /** The origin speaker's name. */
  claimant: text,
  /** The day the claim was said (ISO-8601), only when the text dates it to the day; null otherwise. */
  claimDate: text,
  /** The language of the article the claim was found in. */
  language: text,
  /** The assessments' properties, newest first. */
  reviews: z.array(z.record(z.string(), z.union([plain, z.array(plain)]))),
});
export type FactCheckHit = z.infer<typeof FactCheckHit>;

export interface FactCheckSearch {
  /** A Lucene query (from toLuceneQuery), or null for every assessed claim. */
  query: string | null;
  /** A primary language subtag in lower case ("en"), or null for any. */
  language: string | null;
  /** An ISO date: keep claims whose claim or latest review date is on or after it; null: any. */
  since: string | null;
  offset: number;
  limit: number;
}

export async function searchFactChecks(
  db: Database,
  search: FactCheckSearch,
): Promise<{ total: number; items: FactCheckHit[] }> {
  const [row] = await db.read((tx) =>
    tx.rows(cypher('factcheck/search'), { ...search, statuses: ['accepted'] }),
  );
  return {
    total: Number(row?.total ?? 0),
    items: ((row?.items as unknown[]) ?? []).map((item) => FactCheckHit.parse(item)),
  };
}
