/**
 * Ingestion: one article per write transaction, all or nothing. The document is validated in
 * full before the transaction opens; inside it, named Cypher batches each collection with
 * UNWIND onto stable keys, so re-ingesting the same document changes nothing and an edited
 * document updates in place.
 */
import { readFile } from 'node:fs/promises';
import type { Database, Tx } from '../db/database.js';
import { cypher } from '../db/cypher.js';
import { DocumentValidationError, parseArticleDocument } from '../domain/validate.js';
import type { ArticleDocument } from '../domain/document.js';
import { buildIngestRows, nameKeysOf, type IngestRows, type KnownActor } from './ingest-rows.js';
import { gradeIngested } from './grading.js';

export interface IngestResult {
  articleKey: string;
  claims: number;
  tellings: number;
  /** False when the graph already held exactly this document (a no-op re-ingest). */
  changed: boolean;
  /** Summed update counters of the transaction (0 everywhere on a no-op re-ingest). */
  counters: Record<string, number>;
}

export interface IngestOptions {
  /** Who is ingesting, recorded on claim revisions. */
  by?: string;
  /** How the change arrived (ingest, api), recorded on claim revisions. */
  via?: string;
  /** What the change was (updated, accepted, rejected), recorded on revisions of changed claims. */
  change?: string;
  /** A reviewer's note, recorded on revisions of changed claims. */
  note?: string;
  /**
   * Runs inside the ingest transaction after the graph is written (grading uses it to
   * recompute confidence within the same transaction). Default for `ingestDocument`: regrade.
   */
  afterWrite?: (tx: Tx, rows: IngestRows) => Promise<void>;
}

/** Validates and ingests one document (any JSON value). */
export async function ingestDocument(
  db: Database,
  input: unknown,
  options: IngestOptions = {},
): Promise<IngestResult> {
  const doc = parseArticleDocument(input);
  return db.write((tx) => ingestInTx(tx, doc, options), { timeoutMs: db.ingestTimeoutMs });
}

export async function ingestFile(
  db: Database,
  file: string,
  options: IngestOptions = {},
): Promise<IngestResult> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new DocumentValidationError([{ path: '(file)', message: `${file}: ${(error as Error).message}` }]);
  }
  return ingestDocument(db, json, options);
}

export async function ingestInTx(
  tx: Tx,
  doc: ArticleDocument,
  options: IngestOptions = {},
): Promise<IngestResult> {
  const known = (await tx.rows(cypher('article/known-actors'), {
    nameKeys: [...new Set(doc.actors.flatMap((a) => nameKeysOf(a.name, a.aliases)))],
  })) as unknown as KnownActor[];
  const rows = buildIngestRows(doc, known, options.by ?? 'ingest');

  if (rows.externalClaimKeys.length > 0) {
    const found = new Set(
      (await tx.rows(cypher('article/existing-claims'), { keys: rows.externalClaimKeys })).map((r) => r.key),
    );
    const missing = doc.relations
      .map((r, i) => ({ r, i }))
      .filter(({ r }) => rows.externalClaimKeys.includes(r.to) && !found.has(r.to));
    if (missing.length > 0) {
      throw new DocumentValidationError(
        missing.map(({ r, i }) => ({
          path: `relations[${i}].to`,
          message: `no claim "${r.to}" in the graph`,
          claimId: r.from,
        })),
      );
    }
  }

  const [stored] = await tx.rows(cypher('article/stored-document'), { key: rows.articleKey });
  const changed = stored?.document !== rows.article.props.document;

  const counters: Record<string, number> = {};
  const add = (c: Record<string, number>) => {
    for (const [k, v] of Object.entries(c)) counters[k] = (counters[k] ?? 0) + v;
  };
  const p = {
    articleKey: rows.articleKey,
    by: options.by ?? 'ingest',
    via: options.via ?? 'ingest',
    change: options.change ?? null,
    note: options.note ?? null,
  };
  add(await tx.exec(cypher('article/upsert-article'), { ...p, article: rows.article }));
  add(await tx.exec(cypher('article/upsert-sources'), { ...p, sources: rows.sources }));
  add(await tx.exec(cypher('article/link-publisher'), { ...p, article: rows.article }));
  add(await tx.exec(cypher('article/upsert-actors'), { ...p, actors: rows.actors }));
  add(
    await tx.exec(cypher('article/link-affiliations'), {
      ...p,
      links: [...rows.sources, ...rows.actors].filter((r) => r.affiliationKey),
    }),
  );
  add(await tx.exec(cypher('article/upsert-places'), { ...p, places: rows.places }));
  add(await tx.exec(cypher('article/upsert-events'), { ...p, events: rows.events }));
  add(await tx.exec(cypher('article/upsert-claims'), { ...p, claims: rows.claims }));
  add(await tx.exec(cypher('article/upsert-tellings'), { ...p, tellings: rows.tellings }));
  add(await tx.exec(cypher('article/link-quotations'), { ...p, quotations: rows.quotations }));
  add(await tx.exec(cypher('article/upsert-relations'), { ...p, relations: rows.relations }));
  add(
    await tx.exec(cypher('article/prune'), {
      ...p,
      claimKeys: rows.claims.map((c) => c.key),
      tellingKeys: rows.tellings.map((t) => t.key),
      relationIds: rows.relations.map((r) => `${r.fromKey}|${r.type}|${r.toKey}`),
      mentionKeys: rows.mentionKeys,
    }),
  );
  // Grades are recomputed in the same transaction unless the caller takes over that step.
  await (options.afterWrite ?? gradeIngested)(tx, rows);
  return {
    articleKey: rows.articleKey,
    claims: rows.claims.length,
    tellings: rows.tellings.length,
    changed,
    counters,
  };
}
