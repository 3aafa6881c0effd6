/**
 * The long load run: `tsx bench/load.ts [seconds] [workers]` (default 60 s, 8 workers).
 * Provisions Neo4j as `npm start` does (NEO4J_URI, Docker or the local server; set
 * NEO4J_LOCAL_HOME to a scratch folder to keep your data apart), seeds the load articles,
 * serves the API on 127.0.0.1 with a free port, runs the read/write mix and prints the figures
 * as a Markdown table for docs/load.md. Exits non-zero on any failed request or lost write.
 */
import { loadConfig } from '../src/config.js';
import { startDatabase } from '../src/app.js';
import { createLogger } from '../src/log.js';
import { miniDoc, MINI_TEXT } from '../tests/support/mini-doc.js';
import { countLoadWrites, rssGrowthMb, runLoad, seedLoadData, serveOnLoopback } from './load-harness.js';

const seconds = Number(process.argv[2] ?? 60);
const workers = Number(process.argv[3] ?? 8);
const EDITOR_KEY = 'bench-editor-key-0123456789';

const config = loadConfig({
  ...process.env,
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  NEO4J_LOCAL_HOME: process.env.NEO4J_LOCAL_HOME ?? '.neo4j/bench',
  NEO4J_LOCAL_PORT: process.env.NEO4J_LOCAL_PORT ?? '0',
  API_KEYS: `${EDITOR_KEY}:editor`,
});
const started = await startDatabase(config, createLogger(config));
try {
  await started.db.write((tx) =>
    tx.exec(
      `MATCH (n) WHERE n.key STARTS WITH 'load-' OR n.key STARTS WITH 'article:load-'
       DETACH DELETE n`,
    ),
  );
  const target = await serveOnLoopback(config, started.db);
  await seedLoadData(target.url, EDITOR_KEY, workers, (id) => miniDoc(id));
  const report = await runLoad(target.url, MINI_TEXT, {
    durationMs: seconds * 1000,
    workers,
    editorKey: EDITOR_KEY,
  });
  const stored = await countLoadWrites(started.db);
  await target.close();
  const memory = rssGrowthMb(report.rssMb);
  const lost = report.writes.claims - stored.claims + (report.writes.links - stored.links);
  console.log(`
| figure | value |
|---|---|
| duration | ${(report.durationMs / 1000).toFixed(1)} s, ${workers} workers, 20 % writes |
| requests | ${report.requests} (${report.requestsPerSecond}/s) |
| reads | ${report.reads} |
| writes confirmed | ${report.writes.claims} claims, ${report.writes.links} links |
| writes found in the graph | ${stored.claims} claims, ${stored.links} links |
| failed requests | ${report.errorCount} |
| refused (503, deadline or pool) | ${JSON.stringify(report.refused)} |
| latency p50 / p95 / p99 / max | ${report.latencyMs.p50} / ${report.latencyMs.p95} / ${report.latencyMs.p99} / ${report.latencyMs.max} ms |
| RSS (median of first / last quarter) | ${memory.startMb} MB -> ${memory.endMb} MB |
| Neo4j | ${started.target.provider} |
`);
  if (report.errorCount > 0) console.error(report.errors.join('\n'));
  process.exitCode = report.errorCount > 0 || lost !== 0 ? 1 : 0;
} finally {
  await started.close();
}
