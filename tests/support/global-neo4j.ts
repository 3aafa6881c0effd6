/**
 * Provisions the Neo4j servers for one test run, the same three ways as `npm start`
 * (src/db/provision.ts): NEO4J_URI, then Docker, then the local server in a fresh folder that is
 * removed afterwards. One server per vitest worker (`testServerCount()`, vitest.config.ts), so
 * integration files that reset their graph can run at the same time, each on its worker's server
 * (tests/support/db.ts picks it). Community edition has one user database per server, hence a
 * server, not a database, per worker. With NEO4J_URI there is one server and files take turns.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../../src/config.js';
import { provisionNeo4j, type Neo4jTarget } from '../../src/db/provision.js';
import { repoRoot } from '../../src/paths.js';
import { testServerCount } from './servers.js';

export interface TestServer {
  uri: string;
  username: string;
  password: string;
  database: string;
  provider: string;
  pid: number | null;
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** One per vitest worker; tests/support/db.ts `testServer()` picks the worker's own. */
    neo4jServers: TestServer[];
  }
}

const targets: Neo4jTarget[] = [];
const homes: string[] = [];

export async function setup(project: TestProject): Promise<void> {
  const count = testServerCount();
  const config = loadConfig({
    ...process.env,
    LOG_LEVEL: 'silent',
    // Each server is small: several run beside the tests on a shared machine.
    NEO4J_LOCAL_HEAP: process.env.NEO4J_LOCAL_HEAP ?? (count > 1 ? '768m' : '1g'),
  });
  const start = async (i: number) => {
    const home = path.join('.neo4j', 'test-runs', `run-${process.pid}-${Date.now()}-${i}`);
    homes.push(home);
    const target = await provisionNeo4j(config, {
      localHome: home,
      localPort: 0,
      log: (m) => console.log(`[neo4j ${i + 1}/${count}] ${m}`),
    });
    console.log(
      `[neo4j ${i + 1}/${count}] ${target.provider} server at ${target.uri}, provisioned in ${(target.provisionMs / 1000).toFixed(1)} s`,
    );
    targets[i] = target;
  };
  // The first alone (it may build the local launcher with Maven), then the others together.
  await start(0);
  await Promise.all(Array.from({ length: count - 1 }, (_, i) => start(i + 1)));
  project.provide(
    'neo4jServers',
    targets.map((t) => ({
      uri: t.uri,
      username: t.username,
      password: t.password,
      database: t.database,
      provider: t.provider,
      pid: t.pid ?? null,
    })),
  );
}

export async function teardown(): Promise<void> {
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
  if (targets[0]?.provider === 'local')
    for (const home of homes) rmSync(path.join(repoRoot, home), { recursive: true, force: true });
}

function killIfAlive(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}
