/**
 * Connection and clean-slate helpers for integration tests. Each vitest worker has a Neo4j
 * server of its own (tests/support/global-neo4j.ts): a file works on its worker's server, so
 * files on other workers never see its data or its resets.
 */
import { afterAll, beforeAll, beforeEach, inject } from 'vitest';
import { loadConfig, type Config } from '../../src/config.js';
import { connect, type Database } from '../../src/db/database.js';
import { migrate } from '../../src/db/migrations.js';
import type { TestServer } from './global-neo4j.js';

/** The Neo4j server of this worker (VITEST_POOL_ID is 1..maxWorkers, one file per id at a time). */
export function testServer(): TestServer {
  const servers = inject('neo4jServers');
  const slot = Number(process.env.VITEST_POOL_ID ?? '1');
  return servers[(slot - 1) % servers.length]!;
}

export function testConfig(overrides: Record<string, string> = {}): Config {
  const n = testServer();
  return loadConfig({
    ...process.env,
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    NEO4J_URI: n.uri,
    NEO4J_USERNAME: n.username,
    NEO4J_PASSWORD: n.password,
    NEO4J_DATABASE: n.database,
    // The machine is shared: a first connection to a busy server can take longer than the
    // production default. Tests of the timeout itself set their own.
    NEO4J_ACQUIRE_TIMEOUT_MS: '30000',
    // Likewise a query on a loaded machine can take longer than the production deadlines; the
    // deadline tests (hung-database.int.test.ts) set their own.
    DB_READ_DEADLINE_MS: '120000',
    DB_WRITE_DEADLINE_MS: '300000',
    // The server's own transaction timeout too: the first ingests on a fresh server compile every
    // query plan, which on a busy machine can take longer than the production default.
    NEO4J_TX_TIMEOUT_MS: '120000',
    ...overrides,
  });
}

export function testDatabase(config = testConfig()): Database {
  return connect(testServer(), config);
}

/** Removes all domain data (keeps migrations and schema), then makes sure migrations are applied. */
export async function resetGraph(db: Database): Promise<void> {
  await migrate(db);
  await db.autocommit(
    'MATCH (n) WHERE NOT n:__Migration CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS',
  );
}

export interface TestGraph {
  readonly db: Database;
  readonly config: Config;
}

export interface TestGraphOptions {
  /** testConfig overrides, for the connection and for `config` (API keys, limits, timeouts). */
  config?: Record<string, string>;
  /** What the file's tests need, written by the file itself after the reset. */
  seed?: (db: Database) => Promise<unknown>;
  /** Reset the graph again before each test (after the seed, if any), for files whose every test starts empty. */
  resetEach?: boolean;
}

/**
 * The usual set-up of an integration file: a connection to this worker's server, the graph reset
 * and migrated, then `seed`, and the connection closed at the end. Use the returned object's `db`
 * and `config` inside tests. Call it at the top of the file, or inside a `describe` whose tests
 * alone need the graph.
 */
export function useTestGraph(options: TestGraphOptions = {}): TestGraph {
  let db: Database | undefined;
  let config: Config | undefined;
  beforeAll(async () => {
    config = testConfig(options.config);
    db = testDatabase(config);
    await resetGraph(db);
    await options.seed?.(db);
  }, 240_000);
  afterAll(async () => {
    await db?.close();
  });
  if (options.resetEach) {
    beforeEach(async () => {
      await resetGraph(db!);
    });
  }
  return {
    get db() {
      if (!db) throw new Error('useTestGraph: the graph is ready only inside tests and hooks');
      return db;
    },
    get config() {
      if (!config) throw new Error('useTestGraph: the graph is ready only inside tests and hooks');
      return config;
    },
  };
}

export async function graphCounts(db: Database): Promise<{ nodes: number; relationships: number }> {
  const [row] = await db.read((tx) =>
    tx.rows(
      `CALL () { MATCH (n) WHERE NOT n:__Migration RETURN count(n) AS nodes }
       CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
       RETURN nodes, relationships`,
    ),
  );
  return { nodes: Number(row?.nodes), relationships: Number(row?.relationships) };
}
