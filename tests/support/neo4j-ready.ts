/**
 * Set-up file of the integration project (vitest.config.ts): before a file's own hooks, waits
 * until the run's Neo4j servers are up. The global setup (support/global-neo4j.ts) does not wait
 * for a local server, so the unit files run while it starts; it writes `neo4jReady` when the
 * servers are up, or why they could not be started, which then fails every integration file.
 */
import { existsSync, readFileSync } from 'node:fs';
import { beforeAll, inject } from 'vitest';

/** Long enough for a first Maven build of the launcher (it downloads Neo4j) and a slow start. */
const WAIT_MS = 1_200_000;

beforeAll(async () => {
  const file = inject('neo4jReady');
  const until = Date.now() + WAIT_MS;
  while (!existsSync(file) || readFileSync(file, 'utf8') === '') {
    if (Date.now() > until) throw new Error(`the test Neo4j servers were not up after ${WAIT_MS / 1000} s`);
    await new Promise((r) => setTimeout(r, 250));
  }
  const state = readFileSync(file, 'utf8');
  if (state !== 'ok')
    throw new Error(`the test Neo4j servers could not be started: ${state.replace(/^error: /, '')}`);
}, WAIT_MS + 10_000);
