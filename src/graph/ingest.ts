/**
 * Ingestion: one article per write transaction, all or nothing. The document is validated in
 * full before the transaction opens; inside it, named Cypher batches each collection with
 * UNWIND onto stable keys, so re-ingesting the same document changes nothing and an edited
 * document updates in place.
 */
import { readFile } from 'node:fs/promises';
import type { Database, Tx } from '../db/database.js';
import { cypher, type QueryIn } from '../db/cypher.js';
import { DocumentValidationError, parseArticleDocument } from '../domain/validate.js';
import type { ArticleDocument } from '../domain/document.js';
import { buildIngestRows, nameKeysOf, type IngestRows, type KnownActor } from './ingest-rows.js';
import { articleKey } from '../domain/keys.js';
import { gradeWritten } from './grading.js';
import { publishIngest } from './ingest-events.js';
import { proposeLinks } from './matching.js';

/**
 * Bumped whenever the ingester writes a document differently, so that re-ingesting an unchanged
 * document after an upgrade still rewrites it (an unchanged document at the same version is
 * skipped).
 */
export const INGEST_VERSION = 1;

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
  /**
   * Match the article's claims against the graph and store proposed links (src/graph/matching.ts),
   * in the same transaction. Default true.
   */
  match?: boolean;
}

/** Validates and ingests one document (any JSON value). */
export async function ingestDocument(
  db: Database,
  input: unknown,
  options: IngestOptions = {},
): Promise<IngestResult> {
  let doc: ArticleDocument;
  try {
    doc = parseArticleDocument(input);
  } catch (error) {
    publishIngest({ outcome: 'rejected', claims: 0 });
    throw error;
  }
  try {
    const result = await db.write((tx) => ingestInTx(tx, doc, options), { timeoutMs: db.ingestTimeoutMs });
    publishIngest({ outcome: result.changed ? 'changed' : 'unchanged', claims: result.claims });
    return result;
  } catch (error) {
    publishIngest({ outcome: error instanceof DocumentValidationError ? 'rejected' : 'failed', claims: 0 });
    throw error;
  }
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
  const externalClaimKeys = doc.relations.filter((r) => r.to.includes('#')).map((r) => r.to);
  const [pre] = await tx.rows(cypher('article/preflight'), {
    articleKey: articleKey(doc.article.id),
    nameKeys: [...new Set(doc.actors.flatMap((a) => nameKeysOf(a.name, a.aliases)))],
    externalClaimKeys,
  });
  const known = (pre?.known ?? []) as unknown as KnownActor[];
  const rows = buildIngestRows(doc, known, options.by ?? 'ingest');

  const found = new Set((pre?.existingClaims as string[] | undefined) ?? []);
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

  const isNew = pre?.document == null;
  const changed = !holdsExactly(pre as StoredDocument | undefined, rows);
  if (!changed) {
    // The graph already holds exactly this document, written by this version of the ingester:
    // re-ingesting it changes nothing, so nothing is sent.
    return {
      articleKey: rows.articleKey,
      claims: rows.claims.length,
      tellings: rows.tellings.length,
      changed,
      counters: {},
    };
  }

  const p = {
    articleKey: rows.articleKey,
    by: options.by ?? 'ingest',
    via: options.via ?? 'ingest',
    change: options.change ?? null,
    note: options.note ?? null,
  };
  // The statements are sent pipelined: each is issued without waiting for the one before, and
  // the server runs them in order in this transaction, each seeing what the earlier ones wrote.
  // One network round trip for all of them instead of one each; a failure in any fails the
  // transaction as a whole. Statements whose batch is empty are not sent.
  const statements = writeStatements([rows], p);
  // A new article has nothing to prune: everything it holds was written by this transaction.
  if (!isNew) {
    statements.push([
      'prune',
      {
        ...p,
        claimKeys: rows.claims.map((c) => c.key),
        tellingKeys: rows.tellings.map((t) => t.key),
        relationIds: rows.relations.map((r) => `${r.fromKey}|${r.type}|${r.toKey}`),
        mentionKeys: rows.mentionKeys,
      },
    ]);
  }
  const sent = statements.map(([name, params]) => tx.exec(cypher(`article/${name}`), params));
  // Grades are computed in the same transaction unless the caller takes over that step:
  // incrementally (src/graph/grading.ts, gradeWritten), its first reads right behind the writes
  // in the same pipeline (the server runs them after the writes, so they see them).
  const graded = options.afterWrite
    ? options.afterWrite(tx, rows)
    : gradeWritten(tx, [rows], { fresh: isNew });
  const counters = await settleWrites(sent, graded);
  if (options.match !== false) await proposeLinks(tx, rows, { by: p.by });
  return {
    articleKey: rows.articleKey,
    claims: rows.claims.length,
    tellings: rows.tellings.length,
    changed,
    counters,
  };
}

/** An article's stored document as article/preflight and article/bulk-preflight read it. */
export interface StoredDocument {
  document: unknown;
  textHash: unknown;
  ingestVersion: unknown;
  /** The claims' parts, in document order. */
  parts: unknown[];
}

/**
 * True when the graph already holds exactly the document `rows` were built from, written by this
 * version of the ingester: the same frame, text and claims' parts in the same order
 * (src/domain/stored-document.ts).
 */
export function holdsExactly(stored: StoredDocument | undefined, rows: IngestRows): boolean {
  return (
    stored !== undefined &&
    stored.ingestVersion === INGEST_VERSION &&
    stored.document === rows.article.props.document &&
    stored.textHash === rows.article.props.textHash &&
    stored.parts.length === rows.claims.length &&
    rows.claims.every((c, i) => stored.parts[i] === c.document)
  );
}

/** What the write statements take besides their rows. */
export interface WriteContext {
  by: string;
  via: string;
  change: string | null;
  note: string | null;
}

/**
 * The write statements for the rows of one or more articles, in the order they must run. Every
 * row names its article, so the same statements write one article (ingest) or many at once (the
 * bulk loader, src/graph/ingest-bulk.ts): one definition of how a document becomes the graph.
 */
export function writeStatements(
  written: readonly IngestRows[],
  context: WriteContext,
): [name: QueryIn<'article'>, params: Record<string, unknown>][] {
  const statements: [name: QueryIn<'article'>, params: Record<string, unknown>][] = [];
  const send = (name: QueryIn<'article'>, list: readonly unknown[], params: Record<string, unknown>) => {
    if (list.length > 0) statements.push([name, { ...context, ...params }]);
  };
  const all = <K extends keyof IngestRows>(key: K) =>
    written.flatMap((rows) => rows[key] as unknown as readonly Record<string, unknown>[]);
  const articles = written.map((rows) => ({
    ...rows.article,
    props: { ...rows.article.props, ingestVersion: INGEST_VERSION },
  }));
  const sources = all('sources');
  const actors = all('actors');
  const events = all('events');
  send('upsert-article', articles, { articles });
  send('upsert-sources', sources, { sources });
  send(
    'link-publisher',
    articles.filter((a) => a.publisherKey),
    { articles },
  );
  send('upsert-actors', actors, { actors });
  const links = [...sources, ...actors].filter((r) => r.affiliationKey);
  send('link-affiliations', links, { links });
  const places = all('places');
  send('upsert-places', places, { places });
  send('upsert-events', events, { events });
  send('link-event-sequence', events, { events });
  const claims = all('claims');
  send('upsert-claims', claims, { claims });
  const tellings = all('tellings');
  send('upsert-tellings', tellings, { tellings });
  const quotations = all('quotations');
  send('link-quotations', quotations, { quotations });
  const relations = all('relations');
  send('upsert-relations', relations, { relations });
  return statements;
}

/**
 * Waits for every write and the grading that follows them, and sums the writes' counters. Every
 * result is settled before failing, so no rejection is left unobserved; a failed write fails the
 * grading reads too, and the transaction rolls back.
 */
export async function settleWrites(
  sent: readonly Promise<Record<string, number>>[],
  graded: Promise<unknown>,
): Promise<Record<string, number>> {
  const [writes, grading] = await Promise.all([Promise.allSettled(sent), Promise.allSettled([graded])]);
  for (const r of writes) if (r.status === 'rejected') throw r.reason;
  for (const r of grading) if (r.status === 'rejected') throw r.reason;
  const counters: Record<string, number> = {};
  for (const r of writes) {
    if (r.status !== 'fulfilled') continue;
    for (const [k, v] of Object.entries(r.value)) counters[k] = (counters[k] ?? 0) + v;
  }
  return counters;
}
