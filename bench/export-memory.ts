/**
 * Peak memory of a streamed export: writes N synthetic claims, each with one telling (2N nodes,
 * N relationships), exports them to a discarding sink, and prints the process's peak RSS. If the
 * export streams, the peak stays flat as N grows; if it buffered, it would grow with N.
 *
 *   NEO4J_URI=bolt://... EXPORT_BENCH_WRITE=1 tsx bench/export-memory.ts <N> [format] [batch]
 *   NEO4J_URI=bolt://... tsx bench/export-memory.ts existing [format] [batch]
 *
 * It writes to the database NEO4J_URI points at (nodes keyed `bench-mem:*`, removed afterwards),
 * so it refuses to run without EXPORT_BENCH_WRITE=1. `existing` writes nothing and exports the
 * whole graph already there (e.g. a bench corpus store: `npm run bench -- --reuse` keeps them).
 */
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { loadConfig } from '../src/config.js';
import { connect } from '../src/db/database.js';
import { EXPORT_FORMATS, streamExport, type ExportFormat } from '../src/export/index.js';

const existing = process.argv[2] === 'existing';
const n = existing ? 0 : Number(process.argv[2] ?? 10_000);
const format = (process.argv[3] ?? 'cytoscape') as ExportFormat;
const batchSize = Number(process.argv[4] ?? 500);
if (!existing && process.env.EXPORT_BENCH_WRITE !== '1')
  throw new Error('set EXPORT_BENCH_WRITE=1: this writes to the database');
if (!EXPORT_FORMATS.includes(format)) throw new Error(`format must be one of ${EXPORT_FORMATS.join(', ')}`);

const config = loadConfig({ ...process.env, NEO4J_TX_TIMEOUT_MS: '600000' });
const db = connect(
  {
    uri: config.NEO4J_URI!,
    username: config.NEO4J_USERNAME,
    password: config.NEO4J_PASSWORD,
    database: config.NEO4J_DATABASE,
  },
  config,
);
const cleanUp = () =>
  db.autocommit(
    `MATCH (x) WHERE (x:Claim OR x:Telling) AND x.key STARTS WITH 'bench-mem:'
     CALL (x) { DETACH DELETE x } IN TRANSACTIONS OF 10000 ROWS`,
  );
try {
  if (!existing) await cleanUp();
  if (!existing)
    await db.autocommit(
      `UNWIND range(1, $n) AS i
     CALL (i) {
       CREATE (c:Claim {key: 'bench-mem:' + right('000000000' + i, 9), text: $text, kind: 'statement', hedges: ['reportedly']})
       CREATE (:Telling {key: 'bench-mem:' + right('000000000' + i, 9) + '@0', hop: 0, role: 'published'})-[:TELLS]->(c)
     } IN TRANSACTIONS OF 10000 ROWS`,
      { n, text: 'A synthetic claim of about three hundred characters. '.repeat(6) },
    );
  const [size] = await db.read((tx) =>
    tx.rows('MATCH (x) WITH count(x) AS nodes MATCH ()-[r]->() RETURN nodes, count(r) AS edges'),
  );
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  let bytes = 0;
  const started = Date.now();
  await pipeline(
    Readable.from(streamExport(db, { format, batchSize })),
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        bytes += chunk.length;
        done();
      },
    }),
  );
  clearInterval(sampler);
  const mb = (b: number) => (b / 2 ** 20).toFixed(0);
  console.log(
    `${format} ${existing ? 'existing graph' : `N=${n} claims`} (graph: ${size?.nodes} nodes, ${size?.edges} edges) ` +
      `batch=${batchSize}: ${mb(bytes)} MB written in ` +
      `${((Date.now() - started) / 1000).toFixed(1)} s; RSS before ${mb(before)} MB, peak ${mb(peak)} MB, ` +
      `process max RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
  );
} finally {
  if (!existing) await cleanUp();
  await db.close();
}
