/**
 * Provisions the Neo4j servers for one test run, the same three ways as `npm start`
 * (src/db/provision.ts): NEO4J_URI, then Docker, then the local server in a fresh folder that is
 * removed afterwards. One server per vitest worker (`testServerCount()`, vitest.config.ts), so
 * integration files that reset their graph can run at the same time, each on its worker's server
 * (tests/support/db.ts picks it). Community edition has one user database per server, hence a
 * server, not a database, per worker. With NEO4J_URI there is one server and files take turns.
 *
 * A local server's address and password are fixed before it starts (a free port, a password file
 * in its fresh folder), so the run does not wait for it: the unit files run while it builds and
 * starts (20-30 s), and each integration file waits for it first (tests/support/neo4j-ready.ts,
 * through the `neo4jReady` file this setup writes when the servers are up, or why they are not).
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { loadConfig, type Config } from '../../src/config.js';
import {
  dockerEngineReachable,
  freePort,
  localPassword,
  provisionNeo4j,
  type Neo4jTarget,
} from '../../src/db/provision.js';
import { repoRoot } from '../../src/paths.js';
import { testServerCount } from './servers.js';

export interface TestServer {
  uri: string;
  username: string;
  password: string;
  database: string;
  provider: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** One per vitest worker; tests/support/db.ts `testServer()` picks the worker's own. */
    neo4jServers: TestServer[];
    /** A file that holds `ok` once every server is up, or `error: <why>` (support/neo4j-ready.ts). */
    neo4jReady: string;
  }
}

const targets: Neo4jTarget[] = [];
const homes: string[] = [];
let starting: Promise<void> = Promise.resolve();
let readyFile: string | undefined;

export async function setup(project: TestProject): Promise<void> {
  const count = testServerCount();
  const config = loadConfig({
    ...process.env,
    LOG_LEVEL: 'silent',
    // Each server is small: several run beside the tests on a shared machine.
    NEO4J_LOCAL_HEAP: process.env.NEO4J_LOCAL_HEAP ?? (count > 1 ? '768m' : '1g'),
  });
  const runId = `run-${process.pid}-${Date.now()}`;
  readyFile = path.join(repoRoot, '.neo4j', 'test-runs', `${runId}.ready`);
  mkdirSync(path.dirname(readyFile), { recursive: true });
  project.provide('neo4jReady', readyFile);

  const start = async (i: number, port?: number) => {
    const home = path.join('.neo4j', 'test-runs', `${runId}-${i}`);
    homes.push(home);
    const target = await provisionNeo4j(config, {
      localHome: home,
      localPort: port ?? 0,
      log: (m) => console.log(`[neo4j ${i + 1}/${count}] ${m}`),
    });
    console.log(
      `[neo4j ${i + 1}/${count}] ${target.provider} server at ${target.uri}, provisioned in ${(target.provisionMs / 1000).toFixed(1)} s`,
    );
    targets[i] = target;
    return target;
  };
  // The first alone (it may build the local launcher with Maven), then the others together.
  const startAll = async (ports: number[] = []) => {
    await start(0, ports[0]);
    await Promise.all(Array.from({ length: count - 1 }, (_, i) => start(i + 1, ports[i + 1])));
  };

  if (!(await willBeLocal(config))) {
    await startAll();
    project.provide('neo4jServers', targets.map(describe));
    settle('ok');
    return;
  }
  const ports: number[] = [];
  const servers: TestServer[] = [];
  for (let i = 0; i < count; i++) {
    const home = path.join(repoRoot, '.neo4j', 'test-runs', `${runId}-${i}`);
    mkdirSync(home, { recursive: true });
    ports.push(await freePort());
    servers.push({
      uri: `bolt://127.0.0.1:${ports[i]}`,
      username: 'neo4j',
      password: localPassword(path.join(home, 'password')),
      database: 'neo4j',
      provider: 'local',
    });
  }
  project.provide('neo4jServers', servers);
  starting = startAll(ports).then(
    () => {
      for (const [i, t] of targets.entries())
        if (t.uri !== servers[i]!.uri)
          throw new Error(`server ${i + 1} came up at ${t.uri}, not ${servers[i]!.uri}`);
      settle('ok');
    },
    (error: unknown) => {
      settle(`error: ${error instanceof Error ? error.message : String(error)}`);
    },
  );
}

export async function teardown(): Promise<void> {
  await starting;
  // A local server's store is deleted next, so it is killed rather than shut down cleanly (which
  // spends about 10 s waiting on Neo4j's Bolt thread pools). stop() first ends supervision.
  await Promise.all(
    targets.map((t) => {
      const pid = t.provider === 'local' ? t.pid : undefined;
      const stopped = t.stop();
      if (pid) killIfAlive(pid);
      return stopped;
    }),
  );
  // Only local servers have a folder here (created above or by provisionNeo4j).
  for (const home of homes) rmSync(path.join(repoRoot, home), { recursive: true, force: true });
  if (readyFile) rmSync(readyFile, { force: true });
}

/** Whether provisionNeo4j will start the project's local server (no NEO4J_URI, no Docker). */
async function willBeLocal(config: Config): Promise<boolean> {
  if (config.NEO4J_PROVIDER === 'local') return true;
  if (config.NEO4J_PROVIDER !== 'auto' || config.NEO4J_URI) return false;
  return (await dockerEngineReachable()) !== true;
}

function describe(t: Neo4jTarget): TestServer {
  return {
    uri: t.uri,
    username: t.username,
    password: t.password,
    database: t.database,
    provider: t.provider,
  };
}

/** Writes the ready file whole (renamed into place), so a waiting file never reads half of it. */
function settle(state: string): void {
  writeFileSync(`${readyFile}.tmp`, state);
  renameSync(`${readyFile}.tmp`, readyFile!);
}

function killIfAlive(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}
