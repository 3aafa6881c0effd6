/**
 * Ingest throughput, ours against the bare-driver baseline, measured side by side in one run:
 * the runs alternate (ours, bare, ours, bare, ...) on a wiped database so that drift on a shared,
 * noisy machine (other tenants, JIT, page cache, GC) falls on both sides alike. After every run
 * the graph's shape is recorded, and every bare run must match every run of ours exactly.
 */
import type { Driver } from 'neo4j-driver';
import type { Database } from '../src/db/database.js';
import type { ArticleDocument } from '../src/domain/document.js';
import { ingestDocument } from '../src/graph/ingest.js';
import { ingestBulk } from '../src/graph/ingest-bulk.js';
import { bareIngest } from './baseline/ingest.js';
import { graphShape, shapeDifferences, wipeGraph, type GraphShape } from './graph-shape.js';
import { distribution, msSince, type Distribution } from './stats.js';

/**
 * `ours-ungraded` is ours with grading left out of the transaction (`afterWrite` a no-op): not a
 * mode the product offers, a decomposition, so the report can show what grading in the same
 * transaction costs next to what the idempotent writes cost. Same graph shape (grades are
 * properties).
 */
export type IngestVariant = 'ours' | 'ours-ungraded' | 'bare' | 'bulk';

export interface IngestRun {
  variant: IngestVariant;
  round: number;
  articles: number;
  claims: number;
  /** Nodes plus relationships created, as counted by the server. */
  elements: number;
  seconds: number;
  claimsPerSecond: number;
  elementsPerSecond: number;
  /** Latency of each write transaction (one article for ours; `articlesPerTx` for bare). */
  txMs: Distribution;
  shape: GraphShape;
}

export interface IngestComparison {
  runs: IngestRun[];
  articlesPerBareTx: number;
  /** Empty when every run produced the same graph. */
  shapeMismatches: string[];
  ours: SideSummary;
  /** Ours with grading left out of the transaction, when measured (see IngestVariant). */
  oursUngraded?: SideSummary;
  /** Our bulk loader (validated, graded, same graph), when measured, and its articles per transaction. */
  bulk?: SideSummary & { articlesPerTx: number };
  bare: SideSummary;
  /** Median claims/s of ours divided by median claims/s of bare (target >= 0.8). */
  ratio: number;
}

/** One side over its runs: each figure is a distribution over runs (its median is reported). */
export interface SideSummary {
  claimsPerSecond: Distribution;
  elementsPerSecond: Distribution;
  /** Per-run median transaction latency, over runs. */
  txMedianMs: Distribution;
  /** Per-run p99 transaction latency, over runs. */
  txP99Ms: Distribution;
}

export interface IngestComparisonOptions {
  driver: Driver;
  database: string;
  db: Database;
  docs: readonly ArticleDocument[];
  /** Pairs of runs (ours then bare); default 2. */
  rounds?: number;
  /** Articles per baseline transaction; default 1, the same unit of work as ours. */
  articlesPerBareTx?: number;
  /** Leave the last run's graph in place (for the read benchmarks); default true. */
  keepLastGraph?: boolean;
  /** Documents ingested by each side and wiped, untimed, to warm JIT and query caches; default 100. */
  warmupDocs?: number;
  log?: (message: string) => void;
  /** Also run ours without grading in the transaction (a third run per round). */
  ungraded?: boolean;
  /** Also run our bulk loader at this many articles per transaction (one more run per round). */
  bulkArticlesPerTx?: number;
}

async function runOurs(db: Database, docs: readonly ArticleDocument[], graded = true) {
  const txMs: number[] = [];
  let elements = 0;
  for (const doc of docs) {
    const t = process.hrtime.bigint();
    const result = await ingestDocument(db, doc, {
      by: 'bench',
      // Like for like: the bare baseline proposes no cross-article links, so ours does not either
      // here (its LinkProposal nodes would fail the shape check). Matching's own cost is a
      // separate comparison (ingest with and without matching), not part of this one.
      match: false,
      ...(graded ? {} : { afterWrite: async () => {} }),
    });
    txMs.push(msSince(t));
    elements += (result.counters.nodesCreated ?? 0) + (result.counters.relationshipsCreated ?? 0);
  }
  return { txMs, elements };
}

async function runBulk(db: Database, docs: readonly ArticleDocument[], perTx: number) {
  const txMs: number[] = [];
  let last = process.hrtime.bigint();
  // Matching is not part of the bulk loader (src/graph/ingest-bulk.ts), like the other variants here.
  await ingestBulk(
    db,
    docs.map((json, i) => ({ name: `article ${i}`, json })),
    {
      by: 'bench',
      articlesPerTx: perTx,
      onProgress: () => {
        txMs.push(msSince(last));
        last = process.hrtime.bigint();
      },
    },
  );
  // The server's counters are not returned by the loader; the shape check counts the graph.
  return { txMs, elements: 0 };
}

async function runBare(driver: Driver, database: string, docs: readonly ArticleDocument[], perTx: number) {
  const txMs: number[] = [];
  let elements = 0;
  for (let i = 0; i < docs.length; i += perTx) {
    const t = process.hrtime.bigint();
    const result = await bareIngest(driver, database, docs.slice(i, i + perTx));
    txMs.push(msSince(t));
    elements += result.nodesCreated + result.relationshipsCreated;
  }
  return { txMs, elements };
}

export async function compareIngest(options: IngestComparisonOptions): Promise<IngestComparison> {
  const { driver, database, db, docs } = options;
  const rounds = options.rounds ?? 2;
  const perTx = options.articlesPerBareTx ?? 1;
  const log = options.log ?? (() => {});
  const claims = docs.reduce((n, d) => n + d.claims.length, 0);

  const warmup = docs.slice(0, options.warmupDocs ?? 100);
  if (warmup.length > 0) {
    await wipeGraph(driver, database);
    await runOurs(db, warmup);
    await wipeGraph(driver, database);
    await runBare(driver, database, warmup, perTx);
  }

  const runs: IngestRun[] = [];
  const variants: IngestVariant[] = [
    'ours',
    ...(options.ungraded ? (['ours-ungraded'] as const) : []),
    'bare',
    ...(options.bulkArticlesPerTx ? (['bulk'] as const) : []),
  ];
  const order = Array.from({ length: rounds }, () => variants).flat();
  for (const [i, variant] of order.entries()) {
    await wipeGraph(driver, database);
    const started = process.hrtime.bigint();
    const { txMs, elements: counted } =
      variant === 'bare'
        ? await runBare(driver, database, docs, perTx)
        : variant === 'bulk'
          ? await runBulk(db, docs, options.bulkArticlesPerTx!)
          : await runOurs(db, docs, variant === 'ours');
    const seconds = msSince(started) / 1000;
    const shape = await graphShape(driver, database);
    const elements = variant === 'bulk' ? shape.totalNodes + shape.totalRelationships : counted;
    const run: IngestRun = {
      variant,
      round: Math.floor(i / variants.length) + 1,
      articles: docs.length,
      claims,
      elements,
      seconds,
      claimsPerSecond: claims / seconds,
      elementsPerSecond: elements / seconds,
      txMs: distribution(txMs),
      shape,
    };
    runs.push(run);
    log(
      `${variant} round ${run.round}: ${seconds.toFixed(1)} s, ${run.claimsPerSecond.toFixed(0)} claims/s, ` +
        `${run.elementsPerSecond.toFixed(0)} elements/s, tx p50 ${run.txMs.median.toFixed(1)} ms p99 ${run.txMs.p99.toFixed(1)} ms`,
    );
  }
  if (options.keepLastGraph === false) await wipeGraph(driver, database);

  const reference = runs[0]!.shape;
  const shapeMismatches = runs.flatMap((r) =>
    shapeDifferences(reference, r.shape).map((d) => `${r.variant} round ${r.round}: ${d}`),
  );
  const side = (variant: IngestVariant): SideSummary => {
    const mine = runs.filter((r) => r.variant === variant);
    return {
      claimsPerSecond: distribution(mine.map((r) => r.claimsPerSecond)),
      elementsPerSecond: distribution(mine.map((r) => r.elementsPerSecond)),
      txMedianMs: distribution(mine.map((r) => r.txMs.median)),
      txP99Ms: distribution(mine.map((r) => r.txMs.p99)),
    };
  };
  const ours = side('ours');
  const bare = side('bare');
  return {
    runs,
    articlesPerBareTx: perTx,
    shapeMismatches,
    ours,
    ...(options.ungraded ? { oursUngraded: side('ours-ungraded') } : {}),
    ...(options.bulkArticlesPerTx
      ? { bulk: { ...side('bulk'), articlesPerTx: options.bulkArticlesPerTx } }
      : {}),
    bare,
    ratio: ours.claimsPerSecond.median / bare.claimsPerSecond.median,
  };
}

/** The first articles of the corpus holding `claims` claims (relations only point backwards). */
export function prefixWithClaims<T extends { claims: unknown[] }>(docs: readonly T[], claims: number): T[] {
  let n = 0;
  const out: T[] = [];
  for (const d of docs) {
    if (n >= claims) break;
    out.push(d);
    n += d.claims.length;
  }
  return out;
}
