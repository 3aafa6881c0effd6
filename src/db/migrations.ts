/**
 * Versioned schema migrations, after neo4j-migrations: `cypher/migrations/V<n>__<Description>.cypher`
 * applied in version order, each recorded as a `(:__Migration)` node with its checksum. A re-run
 * is a no-op; an applied file whose content changed is an error, never a silent re-run. A
 * version may also have a step in code (src/db/migration-steps.ts: what Cypher cannot do, such as
 * parsing JSON), run after its file's statements and before the version is recorded.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Database } from './database.js';
import { repoRoot } from '../paths.js';
import { MIGRATION_STEPS, type MigrationStep } from './migration-steps.js';

export const migrationsDir = path.join(repoRoot, 'cypher', 'migrations');
const FILE_NAME = /^V(\d{4})__([A-Za-z0-9_]+)\.cypher$/;

export interface Migration {
  version: number;
  description: string;
  file: string;
  checksum: string;
  statements: string[];
}

export class MigrationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MigrationError';
  }
}

export function loadMigrations(dir = migrationsDir): Migration[] {
  const migrations = readdirSync(dir)
    .filter((f) => f.endsWith('.cypher'))
    .map((file) => {
      const match = FILE_NAME.exec(file);
      if (!match?.[1] || !match[2]) {
        throw new MigrationError(`${file}: migration files are named V0001__Description.cypher`);
      }
      const text = readFileSync(path.join(dir, file), 'utf8');
      return {
        version: Number(match[1]),
        description: match[2].replace(/_/g, ' '),
        file,
        checksum: createHash('sha256').update(text.replace(/\r\n/g, '\n')).digest('hex'),
        statements: splitStatements(text),
      };
    })
    .sort((a, b) => a.version - b.version);
  migrations.forEach((m, i) => {
    if (i > 0 && migrations[i - 1]?.version === m.version) {
      throw new MigrationError(`two migrations share version ${m.version}`);
    }
  });
  return migrations;
}

/** Splits a file into statements at `;` ending a line; `//` comment lines are dropped. */
export function splitStatements(text: string): string[] {
  return text
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n')
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export interface MigrationReport {
  applied: Migration[];
  alreadyApplied: number;
}

export async function migrate(
  db: Database,
  migrations = loadMigrations(),
  steps: ReadonlyMap<number, MigrationStep> = MIGRATION_STEPS,
): Promise<MigrationReport> {
  await db.autocommit(
    'CREATE CONSTRAINT migration_version IF NOT EXISTS FOR (m:__Migration) REQUIRE m.version IS UNIQUE',
  );
  const recorded = new Map(
    (
      await db.read(
        (tx) =>
          tx.rows(
            'MATCH (m:__Migration) RETURN m.version AS version, m.checksum AS checksum, m.file AS file',
          ),
        // Start-up work, not a request: a fresh server's first queries can be slow.
        { deadlineMs: db.deadlines.schemaMs },
      )
    ).map((r) => [Number(r.version), { checksum: String(r.checksum), file: String(r.file) }]),
  );
  const applied: Migration[] = [];
  for (const migration of migrations) {
    const done = recorded.get(migration.version);
    if (done) {
      if (done.checksum !== migration.checksum) {
        throw new MigrationError(
          `${migration.file} was changed after it was applied (checksum ${done.checksum.slice(0, 12)} in the ` +
            `graph, ${migration.checksum.slice(0, 12)} on disk); add a new migration instead of editing it`,
        );
      }
      continue;
    }
    // Schema statements cannot share a transaction with writes, so each runs on its own; all
    // are idempotent (IF NOT EXISTS), so a crash half-way is repaired by the next run.
    for (const statement of migration.statements) await db.autocommit(statement);
    // What Cypher cannot do (src/db/migration-steps.ts); the version is recorded only after it.
    await steps.get(migration.version)?.(db);
    await db.write(
      (tx) =>
        tx.exec(
          `MERGE (m:__Migration {version: $version})
         ON CREATE SET m.description = $description, m.file = $file, m.checksum = $checksum,
                       m.appliedAt = datetime()`,
          {
            version: migration.version,
            description: migration.description,
            file: migration.file,
            checksum: migration.checksum,
          },
        ),
      { deadlineMs: db.deadlines.schemaMs },
    );
    applied.push(migration);
  }
  await db.autocommit('CALL db.awaitIndexes(300)');
  return { applied, alreadyApplied: recorded.size };
}

/** True when every migration on disk is recorded in the graph with a matching checksum. */
export async function migrationsApplied(db: Database, migrations = loadMigrations()): Promise<boolean> {
  const rows = await db.read((tx) =>
    tx.rows('MATCH (m:__Migration) RETURN m.version AS version, m.checksum AS checksum'),
  );
  const recorded = new Map(rows.map((r) => [Number(r.version), String(r.checksum)]));
  return migrations.every((m) => recorded.get(m.version) === m.checksum);
}
