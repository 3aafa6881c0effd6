/**
 * Bulk ingestion for large corpora: many articles per write transaction, the same graph as
 * ingesting them one at a time in the same order (tests/integration/ingest-bulk.int.test.ts).
 *
 * - Everything is validated before anything is written: each document (the domain schema), the
 *   set (no article twice), and every relation to a claim outside its article, which must be in
 *   the graph or in an earlier document of the set (as one-by-one ingest in that order requires).
 *   A problem is reported with the input's name (its file) and the place in it.
 * - The rows are built in order with actor resolution as one-by-one ingest does it: against the
 *   graph and every article before this one, kept in memory (KnownActors).
 * - Each batch of new articles is written by statements of its own (src/graph/bulk-statements.ts:
 *   CREATE for what is new by construction, one MERGE per shared node folded in document order),
 *   pipelined, and graded incrementally in the same transaction (src/graph/grading.ts
 *   gradeWritten). So a batch becomes visible to readers as one unit with its grades: no reader
 *   ever sees a claim without a grade.
 * - An article already in the graph is skipped when unchanged, and otherwise ingested on its own
 *   (it needs the prune of an edit), in its place in the order.
 * - Cross-article matching (src/graph/matching.ts) is not run: its proposals depend on which
 *   articles were in the graph when each one arrived, which a batch does not reproduce. Ingest an
 *   article on its own (`npm run ingest -- <file>`) to have it matched against the graph.
 */
import type { Database } from '../db/database.js';
import { cypher } from '../db/cypher.js';
import { DocumentValidationError, parseArticleDocument } from '../domain/validate.js';
import type { ArticleDocument } from '../domain/document.js';
import { articleKey, claimKey } from '../domain/keys.js';
import { gradeWritten } from './grading.js';
import { bulkStatements } from './bulk-statements.js';
import {
  holdsExactly,
  ingestDocument,
  settleWrites,
  writeStatements,
  type StoredDocument,
} from './ingest.js';
import { buildIngestRows, nameKeysOf, type IngestRows, type KnownActor } from './ingest-rows.js';

/** One input of a bulk load: its document and the name it is reported by (its file). */
export interface BulkInput {
  name: string;
  json: unknown;
}

/** A problem in one input, at one place in it. */
export interface BulkIssue {
  input: string;
  path: string;
  message: string;
}

/** The bulk load was refused before anything was written. */
export class BulkValidationError extends Error {
  constructor(readonly issues: readonly BulkIssue[]) {
    const head = issues
      .slice(0, 5)
      .map((i) => `${i.input}: ${i.path}: ${i.message}`)
      .join('; ');
    super(
      `bulk load refused, nothing written: ${head}${issues.length > 5 ? ` (+${issues.length - 5} more)` : ''}`,
    );
    this.name = 'BulkValidationError';
  }
}

export interface BulkOptions {
  /** Who is ingesting, recorded on claim revisions and articles. */
  by?: string;
  /** Articles per write transaction; default 200. */
  articlesPerTx?: number;
  /**
   * Which statements write a batch: the bulk ones (default), or one-by-one ingest's
   * (src/graph/ingest.ts writeStatements, every row naming its article). The second is kept so
   * bench/ingest-phases.ts can measure both side by side; both write the same graph.
   */
  statements?: 'bulk' | 'ingest';
  /** Called after every committed batch with the running totals. */
  onProgress?: (done: { articles: number; claims: number }) => void;
}

export interface BulkResult {
  articles: number;
  claims: number;
  /** Articles already in the graph exactly as given (nothing written for them). */
  unchanged: number;
  /** Articles already in the graph with another document, ingested on their own as edits. */
  edited: number;
  transactions: number;
}

/** Validates every input and the set as a whole; throws BulkValidationError listing every problem. */
export async function validateBulk(db: Database, inputs: readonly BulkInput[]): Promise<ArticleDocument[]> {
  const issues: BulkIssue[] = [];
  const docs: ArticleDocument[] = [];
  for (const input of inputs) {
    try {
      docs.push(parseArticleDocument(input.json));
    } catch (error) {
      if (!(error instanceof DocumentValidationError)) throw error;
      for (const i of error.issues) {
        issues.push({
          input: input.name,
          path: i.path,
          message: `${i.message}${i.claimId ? ` (claim ${i.claimId})` : ''}`,
        });
      }
    }
  }
  if (issues.length > 0) throw new BulkValidationError(issues);

  // Where each article and claim of the set stands, for duplicates and relations.
  const articleAt = new Map<string, number>();
  const claimAt = new Map<string, number>();
  docs.forEach((doc, i) => {
    const key = articleKey(doc.article.id);
    const first = articleAt.get(key);
    if (first !== undefined) {
      issues.push({
        input: inputs[i]!.name,
        path: 'article.id',
        message: `article "${doc.article.id}" is also in ${inputs[first]!.name}; give each article once`,
      });
    } else articleAt.set(key, i);
    for (const c of doc.claims) claimAt.set(claimKey(doc.article.id, c.id), i);
  });
  const outside = new Set<string>();
  docs.forEach((doc, i) => {
    const local = new Set(doc.claims.map((c) => c.id));
    doc.relations.forEach((r, j) => {
      if (local.has(r.to)) return;
      const at = claimAt.get(r.to);
      if (at === undefined) outside.add(r.to);
      else if (at > i) {
        issues.push({
          input: inputs[i]!.name,
          path: `relations[${j}].to`,
          message: `claim "${r.to}" is in ${inputs[at]!.name}, which comes later: give it first`,
        });
      }
    });
  });
  if (outside.size > 0) {
    const [row] = await db.read((tx) =>
      tx.rows('MATCH (c:Claim) WHERE c.key IN $keys RETURN collect(c.key) AS found', { keys: [...outside] }),
    );
    const found = new Set((row?.found as string[] | undefined) ?? []);
    docs.forEach((doc, i) => {
      doc.relations.forEach((r, j) => {
        if (outside.has(r.to) && !found.has(r.to)) {
          issues.push({
            input: inputs[i]!.name,
            path: `relations[${j}].to`,
            message: `no claim "${r.to}" in the graph or in an earlier document (claim ${r.from})`,
          });
        }
      });
    });
  }
  if (issues.length > 0) throw new BulkValidationError(issues);
  return docs;
}

/**
 * The actors known so far by name key: those in the graph (loaded once for the whole set) and
 * those of every article already planned, merged as upsert-actors merges them (the first kind
 * stays, name keys accumulate).
 */
class KnownActors {
  private readonly byKey = new Map<string, KnownActor>();
  private readonly byName = new Map<string, Set<string>>();

  add(actor: KnownActor): void {
    const known = this.byKey.get(actor.key);
    const merged = known
      ? { ...known, nameKeys: [...new Set([...known.nameKeys, ...actor.nameKeys])] }
      : { ...actor, nameKeys: [...new Set(actor.nameKeys)] };
    this.byKey.set(actor.key, merged);
    for (const n of merged.nameKeys) {
      const keys = this.byName.get(n) ?? new Set<string>();
      keys.add(actor.key);
      this.byName.set(n, keys);
    }
  }

  /** What the ingest preflight would return for these name keys. */
  matching(nameKeys: readonly string[]): KnownActor[] {
    const keys = new Set(nameKeys.flatMap((n) => [...(this.byName.get(n) ?? [])]));
    return [...keys].map((k) => this.byKey.get(k)!);
  }
}

const actorNameKeys = (doc: ArticleDocument) => [
  ...new Set(doc.actors.flatMap((a) => nameKeysOf(a.name, a.aliases))),
];

/** Validates every input, then writes them in order, `articlesPerTx` articles per transaction. */
export async function ingestBulk(
  db: Database,
  inputs: readonly BulkInput[],
  options: BulkOptions = {},
): Promise<BulkResult> {
  const docs = await validateBulk(db, inputs);
  const by = options.by ?? 'ingest';
  const perTx = Math.max(1, options.articlesPerTx ?? 200);
  const result: BulkResult = { articles: 0, claims: 0, unchanged: 0, edited: 0, transactions: 0 };

  // What the graph already holds of this set: documents, and the actors its names may be.
  const known = new KnownActors();
  const existing = new Map<string, StoredDocument>();
  const loadKnown = async (from: number) => {
    const [row] = await db.read((tx) =>
      tx.rows(cypher('article/bulk-preflight'), {
        articleKeys: docs.slice(from).map((d) => articleKey(d.article.id)),
        nameKeys: [...new Set(docs.slice(from).flatMap(actorNameKeys))],
      }),
    );
    for (const a of (row?.known ?? []) as unknown as KnownActor[]) known.add(a);
    for (const a of (row?.articles ?? []) as unknown as (StoredDocument & { key: string })[])
      existing.set(a.key, a);
  };
  await loadKnown(0);

  let batch: IngestRows[] = [];
  const context = { by, via: 'ingest', change: null, note: null };
  const write = async (written: readonly IngestRows[]) => {
    await db.write(
      async (tx) => {
        const sent =
          options.statements === 'ingest'
            ? writeStatements(written, context).map(([name, params]) =>
                tx.exec(cypher(`article/${name}`), params),
              )
            : bulkStatements(written, context).map(([name, params]) =>
                tx.exec(cypher(`bulk/${name}`), params),
              );
        await settleWrites(sent, gradeWritten(tx, written, { fresh: true }));
      },
      { timeoutMs: db.ingestTimeoutMs * Math.max(1, Math.ceil(written.length / 20)) },
    );
    result.transactions++;
    result.articles += written.length;
    result.claims += written.reduce((n, r) => n + r.claims.length, 0);
    options.onProgress?.({ articles: result.articles, claims: result.claims });
  };
  // One batch is written while the next is planned (its rows built here, in JavaScript, while the
  // server works): batches still commit one at a time and in order, each after the one before.
  let inFlight: Promise<void> = Promise.resolve();
  const flush = async () => {
    if (batch.length === 0) return;
    const written = batch;
    batch = [];
    await inFlight;
    inFlight = write(written);
    // Observed by the next `await inFlight`, which stops the load at the failed batch.
    inFlight.catch(() => {});
  };
  const settle = async () => {
    await flush();
    await inFlight;
  };

  for (const [i, doc] of docs.entries()) {
    const key = articleKey(doc.article.id);
    const stored = existing.get(key);
    const rows = buildIngestRows(doc, known.matching(actorNameKeys(doc)), by);
    if (stored) {
      if (holdsExactly(stored, rows)) {
        result.unchanged++;
        continue;
      }
      // An edit prunes what the document no longer says: the one-by-one path, in its place.
      await settle();
      await ingestDocument(db, doc, { by, match: false });
      result.edited++;
      result.articles++;
      result.claims += doc.claims.length;
      await loadKnown(i + 1);
      continue;
    }
    for (const a of rows.actors) {
      known.add({ key: String(a.key), kind: String(a.kind), nameKeys: a.nameKeys as string[] });
    }
    batch.push(rows);
    if (batch.length >= perTx) await flush();
  }
  await settle();
  return result;
}
