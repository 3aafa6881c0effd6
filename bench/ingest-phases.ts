/**
 * `npx tsx bench/ingest-phases.ts`: where ingest time goes, phase by phase, on the bench corpus
 * (seed 42, the first `--claims` claims of the 10k corpus), on a server of its own
 * (.neo4j/phases, wiped first).
 *
 * For one-by-one ingest (ours graded, ours ungraded, bare) and for the bulk loader (batches of
 * `--batch` articles; with its own statements, src/graph/bulk-statements.ts, and with one-by-one
 * ingest's, in the same round; `--bulk-only` leaves the one-by-one sides out), it reports: validation, row building, every statement's server time (the
 * summary's resultAvailableAfter + resultConsumedAfter, taken through the statement hook, so the
 * pipeline is left as it is), grading's own JavaScript, and the wall time of the transaction.
 * With `--profile` it also PROFILEs every statement of one article and of one batch (rolled
 * back) and prints db hits and the operators worth a look.
 */
import { rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { ProfiledPlan, QueryResult } from 'neo4j-driver';
import { benchConfig, openBenchStore } from './store.js';
import { allQueryNames, cypher } from '../src/db/cypher.js';
import { toParams, type Tx } from '../src/db/database.js';
import { toPlain } from '../src/db/convert.js';
import { migrate } from '../src/db/migrations.js';
import { repoRoot } from '../src/paths.js';
import { generateCorpus } from './synth/corpus.js';
import { parseArticleDocument } from '../src/domain/validate.js';
import { buildIngestRows } from '../src/graph/ingest-rows.js';
import { ingestInTx } from '../src/graph/ingest.js';
import { ingestBulk, validateBulk } from '../src/graph/ingest-bulk.js';
import { gradeWritten } from '../src/graph/grading.js';
import { bareBatch, bareIngest, bareStatements } from './baseline/ingest.js';
import { prefixWithClaims } from './ingest-compare.js';
import { renamedCopy } from './profile.js';
import { wipeGraph } from './graph-shape.js';

const { values } = parseArgs({
  options: {
    claims: { type: 'string', default: '2000' },
    batch: { type: 'string', default: '200' },
    profile: { type: 'boolean', default: false },
    rounds: { type: 'string', default: '2' },
    keep: { type: 'boolean', default: false },
    /** Only the bulk loader, with its own statements and with one-by-one ingest's, side by side. */
    'bulk-only': { type: 'boolean', default: false },
  },
});
const log = (m: string) => console.log(`[phases ${new Date().toISOString().slice(11, 19)}] ${m}`);

const home = path.join('.neo4j', 'phases');
if (!values.keep) rmSync(path.join(repoRoot, home), { recursive: true, force: true });
const config = benchConfig({ memory: '2g', deadlineMs: 300_000, provider: 'local' });
const { target, db } = await openBenchStore(config, home, log);
const names = new Map(allQueryNames().map((n) => [cypher(n), n as string]));
const nameOf = (q: string) => names.get(q) ?? `inline: ${q.replace(/\s+/g, ' ').slice(0, 50)}`;

/** Server time per statement name, collected through the statement hook. */
type Tally = Map<string, { n: number; ms: number }>;
let tally: Tally = new Map();
const add = (t: Tally, name: string, ms: number) => {
  const e = t.get(name) ?? { n: 0, ms: 0 };
  e.n++;
  e.ms += ms;
  t.set(name, e);
};
db.onStatement(async (query, _mode, run) => {
  const result = (await run()) as unknown as QueryResult;
  const s = result.summary;
  add(tally, nameOf(query), Number(s.resultAvailableAfter) + Number(s.resultConsumedAfter));
  return result as never;
});
const phase = <T>(t: Tally, name: string, fn: () => T): T => {
  const started = performance.now();
  const out = fn();
  if (out instanceof Promise) {
    return out.finally(() => add(t, name, performance.now() - started)) as T;
  }
  add(t, name, performance.now() - started);
  return out;
};
const print = (title: string, t: Tally, wallMs: number, claims: number) => {
  log(`${title}: wall ${wallMs.toFixed(0)} ms, ${((claims / wallMs) * 1000).toFixed(0)} claims/s`);
  const rows = [...t].sort((a, b) => b[1].ms - a[1].ms);
  for (const [name, e] of rows) {
    console.log(
      `    ${name.padEnd(44)} ${e.ms.toFixed(0).padStart(8)} ms  ${((100 * e.ms) / wallMs).toFixed(1).padStart(5)}%  n=${e.n}`,
    );
  }
};

try {
  await migrate(db);
  const all = [...generateCorpus({ seed: 42, claims: 10000 })];
  const docs = prefixWithClaims(all, Number(values.claims));
  const claims = docs.reduce((n, d) => n + d.claims.length, 0);
  log(`${docs.length} articles, ${claims} claims`);

  for (let round = 1; round <= Number(values.rounds); round++) {
    // One by one, graded and ungraded.
    for (const graded of values['bulk-only'] ? [] : [true, false]) {
      await wipeGraph(db.driver, target.database);
      tally = new Map();
      const t0 = performance.now();
      for (const input of docs) {
        const doc = phase(tally, 'js: validate', () => parseArticleDocument(input));
        phase(tally, 'js: build rows (extra, measured apart)', () => buildIngestRows(doc, [], 'bench'));
        await phase(tally, 'wall: transaction', () =>
          db.write((tx) =>
            ingestInTx(tx, doc, {
              by: 'bench',
              match: false,
              afterWrite: graded
                ? async (tx2, rows) => {
                    const r = await phase(
                      tally,
                      'wall: gradeWritten (from the writes sent to the grades stored)',
                      () => gradeWritten(tx2, [rows], { fresh: true }),
                    );
                    add(tally, 'count: claims graded (ms column = count)', r.grades.size);
                    add(tally, 'count: claims written (ms column = count)', rows.claims.length);
                  }
                : async () => {},
            }),
          ),
        );
      }
      print(
        `round ${round} one-by-one ${graded ? 'graded' : 'ungraded'}`,
        tally,
        performance.now() - t0,
        claims,
      );
    }
    // Bare.
    if (!values['bulk-only']) {
      await wipeGraph(db.driver, target.database);
      const t0 = performance.now();
      const bt: Tally = new Map();
      for (const doc of docs) {
        phase(bt, 'js: bareBatch (extra)', () => bareStatements(bareBatch([doc])));
        await phase(bt, 'wall: transaction', () => bareIngest(db.driver, target.database, [doc]));
      }
      print(`round ${round} bare`, bt, performance.now() - t0, claims);
    }
    // Bulk, with one-by-one ingest's statements and with its own (the order alternates by round).
    const order = round % 2 === 1 ? (['ingest', 'bulk'] as const) : (['bulk', 'ingest'] as const);
    for (const statements of order) {
      await wipeGraph(db.driver, target.database);
      tally = new Map();
      const inputs = docs.map((json, i) => ({ name: `article ${i}`, json }));
      const v0 = performance.now();
      await phase(tally, 'js: validateBulk (extra)', () => validateBulk(db, inputs));
      const t0 = performance.now();
      let last = t0;
      const txMs: number[] = [];
      await ingestBulk(db, inputs, {
        by: 'bench',
        articlesPerTx: Number(values.batch),
        statements,
        onProgress: () => {
          txMs.push(performance.now() - last);
          last = performance.now();
        },
      });
      print(
        `round ${round} bulk, ${statements} statements (${values.batch}/tx, load ${loadavg()[0]!.toFixed(1)}, validateBulk alone took ${(t0 - v0).toFixed(0)} ms; tx ${txMs.map((m) => m.toFixed(0)).join(' ')})`,
        tally,
        performance.now() - t0,
        claims,
      );
    }
  }

  if (values.profile) {
    await wipeGraph(db.driver, target.database);
    const half = Math.floor(docs.length / 2);
    await ingestBulk(
      db,
      docs.slice(0, half).map((json, i) => ({ name: `a${i}`, json })),
      { by: 'bench', articlesPerTx: 200 },
    );
    for (const [label, batch] of [
      ['one article', docs.slice(half, half + 1)],
      ['one batch', docs.slice(half, half + Number(values.batch))],
    ] as const) {
      const session = db.driver.session({ database: target.database });
      const tx = session.beginTransaction();
      const out: string[] = [];
      const ptx: Tx = {
        rows: async (q, p) => {
          const r = await tx.run(`PROFILE ${q}`, toParams(p ?? {}) as Record<string, unknown>);
          out.push(describe(nameOf(q), r.summary.profile as ProfiledPlan));
          return r.records.map((x) => toPlain(x.toObject()) as Record<string, never>);
        },
        exec: async (q, p) => {
          const r = await tx.run(`PROFILE ${q}`, toParams(p ?? {}) as Record<string, unknown>);
          out.push(describe(nameOf(q), r.summary.profile as ProfiledPlan));
          return {};
        },
      };
      try {
        const { writeStatements } = await import('../src/graph/ingest.js');
        const { bulkStatements } = await import('../src/graph/bulk-statements.js');
        const context = { by: 'b', via: 'ingest', change: null, note: null };
        const rows = batch.map((d) => buildIngestRows(d, [], 'bench'));
        for (const [name, params] of writeStatements(rows, context))
          await ptx.exec(cypher(`article/${name}`), params);
        await gradeWritten(ptx, rows, { fresh: true });
        // The bulk statements on copies of the same articles (new keys, so nothing collides).
        const copies = batch.map((d) => buildIngestRows(renamedCopy(d, `bulk-${d.article.id}`), [], 'bench'));
        for (const [name, params] of bulkStatements(copies, context))
          await ptx.exec(cypher(`bulk/${name}`), params);
        await gradeWritten(ptx, copies, { fresh: true });
        for (const [name, q, params] of bareStatements(
          bareBatch(batch.map((d) => renamedCopy(d, `bare-${d.article.id}`))),
        )) {
          const r = await tx.run(`PROFILE ${q}`, params);
          out.push(describe(`bare ${name}`, r.summary.profile as ProfiledPlan));
        }
      } finally {
        await tx.rollback();
        await session.close();
      }
      log(`PROFILE, ${label}:`);
      for (const line of out) console.log(line);
    }
  }
} finally {
  await db.close();
  await target.stop();
}

function describe(name: string, plan: ProfiledPlan): string {
  let hits = 0;
  const ops: string[] = [];
  const walk = (p: ProfiledPlan) => {
    hits += Number(p.dbHits);
    if (Number(p.dbHits) > 1000 || /Eager|Scan|Cartesian/.test(p.operatorType))
      ops.push(
        `      ${p.operatorType} rows=${Number(p.rows)} hits=${Number(p.dbHits)} ${String(
          p.arguments['Details'] ?? '',
        )
          .replace(/\s+/g, ' ')
          .slice(0, 110)}`,
      );
    p.children.forEach(walk);
  };
  walk(plan);
  return [`    ${name.padEnd(40)} hits ${hits}`, ...ops].join('\n');
}
