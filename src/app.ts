/**
 * Start-up shared by `npm start` and the CLI: provision Neo4j (provision.ts), connect, apply
 * migrations, and load the curated fixtures into an empty database.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Config } from './config.js';
import { connect, type Database } from './db/database.js';
import { migrate } from './db/migrations.js';
import { provisionNeo4j, type Neo4jTarget } from './db/provision.js';
import { repoRoot } from './paths.js';
import { ingestFile } from './graph/ingest.js';
import type { Logger } from './log.js';

export const fixturesDir = path.join(repoRoot, 'fixtures');

export interface Started {
  target: Neo4jTarget;
  db: Database;
  /** Closes the driver, then stops the Neo4j this process started (if it started one). */
  close(): Promise<void>;
}

/**
 * `supervise`: restart a local Neo4j this process started when it dies (NEO4J_LOCAL_RESTARTS
 * times in a row at most), logging each exit and restart. The API server asks for it; tools that
 * run once do not.
 */
export async function startDatabase(
  config: Config,
  log: Logger,
  options: { supervise?: boolean } = {},
): Promise<Started> {
  const target = await provisionNeo4j(config, {
    log: (m) => log.info(m),
    restarts: options.supervise ? config.NEO4J_LOCAL_RESTARTS : 0,
    onSupervision: (e) => {
      if (e.event === 'restarted') log.warn(e, 'local Neo4j restarted');
      else if (e.event === 'gave-up') log.error(e, 'local Neo4j keeps dying: not restarting it again');
      else
        log.error(
          e,
          e.event === 'exited' ? 'local Neo4j exited unexpectedly' : 'restarting local Neo4j failed',
        );
    },
  });
  log.info(
    {
      provider: target.provider,
      uri: target.uri,
      pid: target.pid,
      seconds: Number((target.provisionMs / 1000).toFixed(1)),
    },
    'Neo4j ready',
  );
  const db = connect(target, config);
  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      await db.close().catch(() => {});
      await target.stop();
    })());
  try {
    const report = await migrate(db);
    log.info(
      { applied: report.applied.map((m) => m.file), alreadyApplied: report.alreadyApplied },
      'migrations',
    );
  } catch (error) {
    await close();
    throw error;
  }
  return { target, db, close };
}

/** Where the story corpus's documents are (its gold file sits one level up and is not a document). */
export const storyDocumentsDir = path.join(fixturesDir, 'story', 'documents');

const jsonFilesIn = (dir: string): string[] =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => path.join(dir, f));

/** The curated fixture documents: every `fixtures/*.json`, then the story corpus's documents. */
export function fixtureFiles(): string[] {
  return [...jsonFilesIn(fixturesDir), ...jsonFilesIn(storyDocumentsDir)];
}

/** Ingests the fixtures when the database holds no article yet. */
export async function loadFixturesIfEmpty(db: Database, log: Logger): Promise<number> {
  const [row] = await db.read((tx) => tx.rows('MATCH (a:Article) RETURN count(a) AS n'), {
    deadlineMs: db.deadlines.schemaMs,
  });
  if (Number(row?.n) > 0) return 0;
  let claims = 0;
  for (const file of fixtureFiles()) {
    const result = await ingestFile(db, file, { by: 'fixtures' });
    claims += result.claims;
    log.info({ file: path.relative(repoRoot, file), claims: result.claims }, 'fixture loaded');
  }
  return claims;
}
