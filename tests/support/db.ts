/** Connection and clean-slate helpers for integration tests. */
import { inject } from 'vitest';
import { loadConfig, type Config } from '../../src/config.js';
import { connect, type Database } from '../../src/db/database.js';
import { migrate } from '../../src/db/migrations.js';

export function testConfig(overrides: Record<string, string> = {}): Config {
  const n = inject('neo4j');
  return loadConfig({
    ...process.env,
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    NEO4J_URI: n.uri,
    NEO4J_USERNAME: n.username,
    NEO4J_PASSWORD: n.password,
    NEO4J_DATABASE: n.database,
    ...overrides,
  });
}

export function testDatabase(config = testConfig()): Database {
  const n = inject('neo4j');
  return connect(n, config);
}

/** Removes all domain data (keeps migrations and schema), then makes sure migrations are applied. */
export async function resetGraph(db: Database): Promise<void> {
  await migrate(db);
  await db.autocommit(
    'MATCH (n) WHERE NOT n:__Migration CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS',
  );
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
