/**
 * A short, bounded load run in `npm test` (the long form is `tsx bench/load.ts`): the API on
 * loopback HTTP takes a read and write mix from several workers for a fixed time. No request
 * fails, every write the API confirmed is in the graph exactly once, and memory shows no
 * growth trend. Speed is reported, never asserted: the machine is shared.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  countLoadWrites,
  rssGrowthMb,
  runLoad,
  seedLoadData,
  serveOnLoopback,
  type LoadTarget,
} from '../../bench/load-harness.js';
import { API_KEYS, EDITOR_KEY } from '../support/api.js';
import { useTestGraph } from '../support/db.js';
import { MINI_TEXT, miniDoc } from '../support/mini-doc.js';

const graph = useTestGraph({ config: { API_KEYS } });
let target: LoadTarget;

beforeAll(async () => {
  target = await serveOnLoopback(graph.config, graph.db);
  await seedLoadData(target.url, EDITOR_KEY, WORKERS, (id) => miniDoc(id));
}, 240_000);
afterAll(async () => {
  await target?.close();
});

const WORKERS = 6;

describe('under a bounded read and write load', () => {
  it('fails no request, loses no write and does not grow in memory', async () => {
    const report = await runLoad(target.url, MINI_TEXT, {
      durationMs: 12_000,
      workers: WORKERS,
      writeShare: 0.2,
      editorKey: EDITOR_KEY,
    });
    const memory = rssGrowthMb(report.rssMb);
    console.log(
      `[load] ${report.requests} requests in ${report.durationMs} ms (${report.requestsPerSecond}/s), ` +
        `${report.reads} reads, ${report.writes.claims} claims + ${report.writes.links} links written, ` +
        `p50 ${report.latencyMs.p50} ms, p95 ${report.latencyMs.p95} ms, p99 ${report.latencyMs.p99} ms, ` +
        `RSS ${memory.startMb} -> ${memory.endMb} MB`,
    );
    expect(report.errors).toEqual([]);
    expect(report.errorCount).toBe(0);
    // Nor refused (503): this load is light enough for every request to be served in time.
    expect(report.refused).toEqual({});
    expect(report.reads).toBeGreaterThan(0);
    expect(report.writes.claims).toBeGreaterThan(0);
    // Every confirmed write is in the graph, once; nothing unconfirmed slipped in.
    expect(await countLoadWrites(graph.db)).toEqual(report.writes);
    // Loose: a leak proportional to requests would show as steady growth well past this.
    expect(memory.growthMb).toBeLessThan(Math.max(150, memory.startMb * 0.5));
  }, 180_000);
});
