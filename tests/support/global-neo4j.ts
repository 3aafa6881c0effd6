/**
 * Provisions Neo4j once per test run, the same three ways as `npm start` (src/db/provision.ts):
 * NEO4J_URI, then Docker, then the local server in a fresh folder that is removed afterwards.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../../src/config.js';
import { provisionNeo4j, type Neo4jTarget } from '../../src/db/provision.js';
import { repoRoot } from '../../src/paths.js';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: {
      uri: string;
      username: string;
      password: string;
      database: string;
      provider: string;
      pid: number | null;
    };
  }
}

let target: Neo4jTarget | undefined;
let home: string | undefined;

export async function setup(project: TestProject): Promise<void> {
  const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent' });
  home = path.join('.neo4j', 'test-runs', `run-${process.pid}-${Date.now()}`);
  target = await provisionNeo4j(config, {
    localHome: home,
    localPort: 0,
    log: (m) => console.log(`[neo4j] ${m}`),
  });
  console.log(
    `[neo4j] ${target.provider} server at ${target.uri}, provisioned in ${(target.provisionMs / 1000).toFixed(1)} s`,
  );
  project.provide('neo4j', {
    uri: target.uri,
    username: target.username,
    password: target.password,
    database: target.database,
    provider: target.provider,
    pid: target.pid ?? null,
  });
}

export async function teardown(): Promise<void> {
  await target?.stop();
  if (home && target?.provider === 'local')
    rmSync(path.join(repoRoot, home), { recursive: true, force: true });
}
