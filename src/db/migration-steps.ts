/**
 * Migrations Cypher alone cannot do, by version: `migrate` (src/db/migrations.ts) runs the step
 * of a version after that file's statements and records the version only once the step is done.
 * A step must be safe to run again after a crash part-way (each converts what is left to convert).
 */
import { claimKey } from '../domain/keys.js';
import { splitStoredDocument } from '../domain/stored-document.js';
import { cypher } from './cypher.js';
import type { Database } from './database.js';

export type MigrationStep = (db: Database) => Promise<void>;

const PAGE = 100;

/**
 * V0007: every article document stored whole is cut into its frame (kept on the Article) and its
 * claims' parts (on the Claims), one article per write transaction: an article is converted
 * whole or not at all, and a re-run skips those already converted (their `document` is a frame).
 */
export async function splitArticleDocuments(db: Database): Promise<number> {
  let converted = 0;
  let after = '';
  for (;;) {
    const page = await db.read((tx) => tx.rows(cypher('article/keys-after'), { after, limit: PAGE }), {
      deadlineMs: db.deadlines.schemaMs,
    });
    for (const { key } of page) {
      const done = await db.write(
        async (tx) => {
          const [row] = await tx.rows(cypher('article/stored-document'), { key });
          if (typeof row?.document !== 'string') return false;
          const split = splitStoredDocument(row.document);
          if (!split) return false;
          await tx.exec(cypher('article/store-parts'), {
            key,
            frame: split.frame,
            claims: split.claims.map((c, index) => ({
              key: claimKey(String(row.id), c.id),
              document: c.part,
              index,
            })),
          });
          return true;
        },
        { timeoutMs: db.ingestTimeoutMs, deadlineMs: db.deadlines.schemaMs },
      );
      if (done) converted++;
    }
    if (page.length < PAGE) return converted;
    after = String(page[page.length - 1]!.key);
  }
}

export const MIGRATION_STEPS: ReadonlyMap<number, MigrationStep> = new Map<number, MigrationStep>([
  [7, async (db) => void (await splitArticleDocuments(db))],
]);
