/**
 * Issue 18's load test: 64 connections for 60 s against an API server process (as an operator
 * runs it, on the tests' Neo4j), a mix of normal reads and writes with every hostile request of
 * bench/hostile.ts among them (variable-priced cost attack, huge search and name strings, forged
 * cursors, 30k-id `nodes(ids:)`, depth-6 and whole-graph exports, slow bodies, form-post
 * mutations). Eight writers share each article, so writes queue on the article's lock. Pass:
 * the process stays alive and healthy; every normal request is answered within its deadline
 * (src/request-deadline.ts: the pool and lock waits count) plus a small margin, either done or
 * refused with SERVICE_UNAVAILABLE; every write the API acknowledged is in the graph once (none
 * lost, none doubled) and every write it refused is absent; no attack is answered as if it were
 * fine. The figures are printed for the report.
 */
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countLoadWrites, presentRefusedWrites, runLoad, seedLoadData } from '../../bench/load-harness.js';
import { repoRoot } from '../../src/paths.js';
import { EDITOR_KEY } from '../support/api.js';
import { useTestGraph } from '../support/db.js';
import { MINI_TEXT, miniDoc } from '../support/mini-doc.js';
import { apiServerEnv, Service } from '../support/service.js';

const graph = useTestGraph();
const CONNECTIONS = 64;
const SECONDS = 60;
const WRITER_ARTICLES = 8;
const READ_DEADLINE_MS = 10_000;
const WRITE_DEADLINE_MS = 30_000;
const GRACE_MS = 5_000;
/**
 * What an answer may take past its deadline in this process and the client: the response's
 * serialisation and the event loop's queue on a loaded machine (the deadline counts from the
 * request's arrival, src/request-deadline.ts).
 */
const ANSWER_MARGIN_MS = 2_000;
const FORM_LINK = { from: 'load-seed-0#truce-fragile', to: 'load-seed-1#truce-fragile' };

let api: Service;
let base: string;

beforeAll(async () => {
  api = new Service(
    spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: apiServerEnv({
        DB_READ_DEADLINE_MS: String(READ_DEADLINE_MS),
        DB_WRITE_DEADLINE_MS: String(WRITE_DEADLINE_MS),
        DB_DEADLINE_GRACE_MS: String(GRACE_MS),
        REQUEST_TIMEOUT_MS: '20000',
      }),
    }),
  );
  base = `http://127.0.0.1:${String((await api.waitFor('listening', 180_000)).port)}`;
  await seedLoadData(`${base}/graphql`, EDITOR_KEY, WRITER_ARTICLES, (id) => miniDoc(id));
}, 900_000);

afterAll(async () => {
  if (api?.proc.exitCode === null) api.proc.kill('SIGTERM');
  await api?.exited;
});

describe('64 connections for 60 s, hostile requests among normal ones', () => {
  it('keeps the process alive, answers normal requests within their deadline, loses no write and keeps no refused one', async () => {
    const report = await runLoad(`${base}/graphql`, MINI_TEXT, {
      durationMs: SECONDS * 1000,
      workers: CONNECTIONS,
      writeShare: 0.15,
      hostileShare: 0.2,
      hostile: { base, nodeKey: 'article:load-seed-0', formLink: FORM_LINK },
      writerArticles: WRITER_ARTICLES,
      editorKey: EDITOR_KEY,
    });
    // The server's own time for each normal request (its access log: arrival to answer), apart
    // from the client's, which also counts this test process waiting for the CPU.
    const serverMs = { read: 0, write: 0 };
    for (const line of api.lines) {
      const id = String(line.requestId ?? '');
      const side = id.startsWith('load-read-') ? 'read' : id.startsWith('load-write-') ? 'write' : null;
      if (line.msg === 'request' && side) serverMs[side] = Math.max(serverMs[side], Number(line.ms));
    }
    const lag = /^claimgraph_nodejs_eventloop_lag_max_seconds (\S+)$/m.exec(
      await (await fetch(`${base}/metrics`)).text(),
    )?.[1];
    const sorted = report.normalLatenciesMs;
    const at = (q: number) =>
      Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0);
    console.log(
      `[load-hostile] ${CONNECTIONS} connections, ${(report.durationMs / 1000).toFixed(1)} s: ` +
        `requests by kind ${JSON.stringify(report.byKind)}; normal p50 ${at(0.5)} ms, p99 ${at(0.99)} ms, ` +
        `slowest read ${report.slowestMs.read} ms, write ${report.slowestMs.write} ms ` +
        `(server side: read ${Math.round(serverMs.read)} ms, write ${Math.round(serverMs.write)} ms; ` +
        `largest event-loop delay of the server ${lag} s); ` +
        `normal failures ${report.errorCount} ${JSON.stringify(report.errors)}; ` +
        `refused (503) ${JSON.stringify(report.refused)}; ` +
        `hostile outcomes ${JSON.stringify(report.hostileOutcomes)}; writes acknowledged ${JSON.stringify(report.writes)}`,
    );

    // Alive and healthy.
    expect(api.proc.exitCode).toBeNull();
    expect((await fetch(`${base}/health`)).status).toBe(200);
    // Every normal request answered, done or refused (503) and nothing else, within its deadline
    // (a write: plus the grace its COMMIT may have) and the margin.
    expect(report.errors).toEqual([]);
    expect(report.slowestMs.read).toBeLessThanOrEqual(READ_DEADLINE_MS + ANSWER_MARGIN_MS);
    expect(report.slowestMs.write).toBeLessThanOrEqual(WRITE_DEADLINE_MS + GRACE_MS + ANSWER_MARGIN_MS);
    // Refusing everything would pass the bound: most of the work must get done.
    const refused = Object.values(report.refused).reduce((a, b) => a + b, 0);
    expect(refused).toBeLessThan(report.normalLatenciesMs.length / 2);
    expect(report.reads).toBeGreaterThan(0);
    expect(report.writes.claims).toBeGreaterThan(0);
    // Every attack was sent and answered, and none as if it were fine.
    for (const name of Object.keys(report.hostileOutcomes).concat()) {
      const outcomes = report.hostileOutcomes[name]!;
      expect(
        Object.keys(outcomes).filter((o) => o.startsWith('failed') || o.startsWith('still open')),
        name,
      ).toEqual([]);
      if (name !== 'deep-export') expect(outcomes.ok, name).toBeUndefined();
    }
    expect(Object.keys(report.hostileOutcomes).sort()).toEqual([
      'big-nodes-ids',
      'cost-attack',
      'deep-export',
      'forged-cursor',
      'form-post-mutation',
      'huge-search',
      'slow-body',
    ]);
    // No write lost or doubled, none refused in the graph (no COMMIT went unanswered, so every
    // refusal is certain); the form posts wrote nothing.
    expect(report.unknownWrites).toEqual([]);
    expect(await countLoadWrites(graph.db)).toEqual(report.writes);
    expect(await presentRefusedWrites(graph.db, report.refusedWrites)).toEqual([]);
    const [formLinks] = await graph.db.read((tx) =>
      tx.rows(`RETURN COUNT { (:Claim {key: $from})-[:CONTRADICTS]->(:Claim {key: $to}) } AS n`, FORM_LINK),
    );
    expect(Number(formLinks!.n)).toBe(0);
  }, 600_000);
});
