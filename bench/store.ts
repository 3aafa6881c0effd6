/** The Neo4j server a bench script measures on: its configuration and its start, one way for all. */
import { loadConfig, type Config } from '../src/config.js';
import { connect, type Database } from '../src/db/database.js';
import { provisionNeo4j, type Neo4jTarget } from '../src/db/provision.js';

export interface BenchConfigOptions {
  /** Heap and page cache each, unless NEO4J_LOCAL_HEAP / NEO4J_LOCAL_PAGECACHE say otherwise. */
  memory?: string;
  /** Transaction timeout and client-side deadlines. */
  deadlineMs?: number;
  /** Forces the provider; otherwise NEO4J_PROVIDER, else our local server. */
  provider?: 'local';
}

/**
 * Quiet logs and deadlines far above any timing: a bench measures speed, not deadlines (a cold
 * first query at 10k claims may take longer than an API request may).
 */
export function benchConfig({
  memory = '4g',
  deadlineMs = 120_000,
  provider,
}: BenchConfigOptions = {}): Config {
  const ms = String(deadlineMs);
  return loadConfig({
    ...process.env,
    LOG_LEVEL: 'silent',
    NEO4J_PROVIDER: provider ?? process.env.NEO4J_PROVIDER ?? 'local',
    NEO4J_LOCAL_HEAP: process.env.NEO4J_LOCAL_HEAP ?? memory,
    NEO4J_LOCAL_PAGECACHE: process.env.NEO4J_LOCAL_PAGECACHE ?? memory,
    NEO4J_TX_TIMEOUT_MS: ms,
    DB_READ_DEADLINE_MS: ms,
    DB_WRITE_DEADLINE_MS: ms,
  });
}

/** Starts (or finds) the server with its data in `home` on a free port, and connects to it. */
export async function openBenchStore(
  config: Config,
  home: string,
  log: (message: string) => void,
): Promise<{ target: Neo4jTarget; db: Database }> {
  const target = await provisionNeo4j(config, { localHome: home, localPort: 0, log });
  return { target, db: connect(target, config) };
}
