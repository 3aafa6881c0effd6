import { mkdtempSync, writeFileSync, cpSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import {
  loadMigrations,
  migrate,
  migrationsApplied,
  migrationsDir,
  MigrationError,
} from '../../src/db/migrations.js';
import { testDatabase } from '../support/db.js';

let db: Database;
let scratch: string;
beforeAll(async () => {
  db = testDatabase();
  scratch = mkdtempSync(path.join(tmpdir(), 'migrations-'));
  // Start from a database no file has migrated: other files on this worker's server ran before.
  await db.autocommit('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS');
  for (const row of await db.read((tx) => tx.rows('SHOW CONSTRAINTS YIELD name RETURN name'))) {
    await db.autocommit(`DROP CONSTRAINT \`${String(row.name).replace(/`/g, '``')}\``);
  }
  const indexes = await db.read((tx) =>
    tx.rows("SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP' RETURN name"),
  );
  for (const row of indexes) await db.autocommit(`DROP INDEX \`${String(row.name).replace(/`/g, '``')}\``);
}, 240_000);
afterAll(async () => {
  rmSync(scratch, { recursive: true, force: true });
  // Leave the graph with exactly the project's migrations recorded.
  await db.write((tx) => tx.exec('MATCH (m:__Migration) WHERE m.version >= 9000 DELETE m'));
  await db.close();
});

describe('schema migrations', () => {
  it('applies every migration once and records it with its checksum', async () => {
    const first = await migrate(db);
    expect(first.applied.map((m) => m.version)).toEqual(loadMigrations().map((m) => m.version));
    const rows = await db.read((tx) =>
      tx.rows(
        'MATCH (m:__Migration) WHERE m.version < 9000 RETURN m.version AS v, m.checksum AS c ORDER BY v',
      ),
    );
    const files = loadMigrations();
    expect(rows.map((r) => r.v)).toEqual(files.map((m) => m.version));
    expect(rows.map((r) => r.c)).toEqual(files.map((m) => m.checksum));
    expect(await migrationsApplied(db)).toBe(true);
  });

  it('is a no-op when run again', async () => {
    const again = await migrate(db);
    expect(again.applied).toEqual([]);
    expect(again.alreadyApplied).toBeGreaterThanOrEqual(loadMigrations().length);
  });

  it('creates the constraints and the full-text index the queries rely on', async () => {
    const rows = await db.read((tx) => tx.rows('SHOW INDEXES YIELD name, type RETURN name, type'));
    const names = rows.map((r) => r.name);
    for (const name of ['claim_key', 'telling_key', 'actor_key', 'source_key', 'claim_text', 'agent_names']) {
      expect(names).toContain(name);
    }
    expect(rows.find((r) => r.name === 'claim_text')?.type).toBe('FULLTEXT');
    // The matcher's candidate search stems (V0008): its own index, beside the search box's.
    const [stems] = await db.read((tx) =>
      tx.rows(
        "SHOW FULLTEXT INDEXES YIELD name, labelsOrTypes, options WHERE name = 'claim_stems' RETURN labelsOrTypes, options.indexConfig.`fulltext.analyzer` AS analyzer",
      ),
    );
    expect(stems).toEqual({ labelsOrTypes: ['Claim'], analyzer: 'english' });
  });

  it('rejects an applied migration whose file was edited', async () => {
    const dir = path.join(scratch, 'edited');
    cpSync(migrationsDir, dir, { recursive: true });
    writeFileSync(
      path.join(dir, 'V9001__Scratch_index.cypher'),
      'CREATE INDEX scratch_a IF NOT EXISTS FOR (n:Scratch) ON (n.a);\n',
    );
    await migrate(db, loadMigrations(dir));
    writeFileSync(
      path.join(dir, 'V9001__Scratch_index.cypher'),
      'CREATE INDEX scratch_b IF NOT EXISTS FOR (n:Scratch) ON (n.b);\n',
    );
    await expect(migrate(db, loadMigrations(dir))).rejects.toThrow(MigrationError);
    await expect(migrate(db, loadMigrations(dir))).rejects.toThrow(
      /V9001__Scratch_index\.cypher was changed after it was applied/,
    );
    await db.autocommit('DROP INDEX scratch_a IF EXISTS');
  });

  it('refuses badly named files and duplicate versions', () => {
    const dir = path.join(scratch, 'bad');
    cpSync(migrationsDir, dir, { recursive: true });
    writeFileSync(path.join(dir, 'V0001__Again.cypher'), 'RETURN 1;\n');
    expect(() => loadMigrations(dir)).toThrow(/two migrations share version 1/);
    rmSync(path.join(dir, 'V0001__Again.cypher'));
    writeFileSync(path.join(dir, 'add-index.cypher'), 'RETURN 1;\n');
    expect(() => loadMigrations(dir)).toThrow(/V0001__Description\.cypher/);
  });
});
