/**
 * Backup and restore through the command lines, as an operator runs them: the seed article and
 * the story corpus, plus what only the graph holds (an assessment, a reliability override, a
 * claim link made through the API); `npm run backup`, the graph emptied, `npm run restore`: node
 * and relationship counts by label and type, every property of every node and relationship
 * (so every grade, typed) equal. A restore refuses a database that is not empty and a truncated
 * backup, and leaves nothing behind when it fails.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { loadFixturesIfEmpty } from '../../src/app.js';
import { encodeProps } from '../../src/db/backup.js';
import type { Database } from '../../src/db/database.js';
import { createLogger } from '../../src/log.js';
import { repoRoot } from '../../src/paths.js';
import { apiClient, API_KEYS, EDITOR_KEY } from '../support/api.js';
import { resetGraph, testConfig, testServer, useTestGraph } from '../support/db.js';

const CLAIM = 'noonpost-7628#sharaa-golan-compromise-end-presidency';
const OTHER = 'noonpost-7628#trump-predicts-deal-close';

const graph = useTestGraph({
  config: { API_KEYS },
  seed: async (db) => {
    const config = testConfig({ API_KEYS });
    await loadFixturesIfEmpty(db, createLogger(config));
    const api = apiClient(config, db);
    const editor = { 'x-api-key': EDITOR_KEY };
    const decisions = [
      api.gql(
        `mutation($i: RecordAssessmentInput!) { recordAssessment(input: $i) { __typename } }`,
        {
          i: { claim: CLAIM, verdict: 'Mostly true', ratingValue: 4, reviewer: 'Desk B', date: '2026-02-03' },
        },
        editor,
      ),
      api.gql(
        `mutation($i: LinkClaimsInput!) { linkClaims(input: $i) { __typename } }`,
        { i: { from: CLAIM, to: OTHER, type: 'SUPPORTS', note: 'backup test' } },
        editor,
      ),
    ];
    for (const answer of await Promise.all(decisions)) expect(JSON.stringify(answer.data)).toMatch(/Success/);
  },
});

const dir = mkdtempSync(path.join(tmpdir(), 'claim-graph-backup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `npm run backup|restore -- ...` (the script's command) against this worker's server. */
async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const neo4j = testServer();
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'src/backup-cli.ts', ...args],
      {
        cwd: repoRoot,
        timeout: 600_000,
        env: {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          NEO4J_URI: neo4j.uri,
          NEO4J_USERNAME: neo4j.username,
          NEO4J_PASSWORD: neo4j.password,
          NEO4J_DATABASE: neo4j.database,
        },
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

interface Picture {
  labels: Record<string, number>;
  types: Record<string, number>;
  nodes: string[];
  relationships: string[];
  grades: Record<string, unknown>;
}

/** Everything the graph holds, independent of internal ids: typed properties, sorted. */
async function picture(db: Database): Promise<Picture> {
  const session = db.driver.session({ database: db.database });
  try {
    const nodes = await session.run(
      `MATCH (n) WHERE NOT n:__Migration RETURN elementId(n) AS id, labels(n) AS labels, properties(n) AS props`,
    );
    const ident = new Map<string, string>();
    const nodeTexts = nodes.records.map((r) => {
      const text = JSON.stringify([
        [...(r.get('labels') as string[])].sort(),
        Object.entries(encodeProps(r.get('props'), 'props')).sort(),
      ]);
      ident.set(r.get('id') as string, text);
      return text;
    });
    const rels = await session.run(
      `MATCH (a)-[r]->(b) WHERE NOT a:__Migration RETURN elementId(a) AS a, elementId(b) AS b, type(r) AS type, properties(r) AS props`,
    );
    const labels: Record<string, number> = {};
    for (const r of nodes.records)
      for (const l of r.get('labels') as string[]) labels[l] = (labels[l] ?? 0) + 1;
    const types: Record<string, number> = {};
    for (const r of rels.records) types[r.get('type')] = (types[r.get('type')] ?? 0) + 1;
    const grades = await session.run(
      `MATCH (c:Claim) RETURN c.key AS key, [c.confidence, c.credibility, c.gradeFactors, c.gradeHash, toString(c.gradedAt)] AS grade`,
    );
    return {
      labels,
      types,
      nodes: nodeTexts.sort(),
      relationships: rels.records
        .map((r) =>
          JSON.stringify([
            ident.get(r.get('a')),
            r.get('type'),
            ident.get(r.get('b')),
            Object.entries(encodeProps(r.get('props'), 'props')).sort(),
          ]),
        )
        .sort(),
      grades: Object.fromEntries(grades.records.map((r) => [r.get('key'), r.get('grade')])),
    };
  } finally {
    await session.close();
  }
}

async function nodeCount(db: Database): Promise<number> {
  const [row] = await db.readOne('MATCH (n) WHERE NOT n:__Migration RETURN count(n) AS n');
  return Number(row?.n);
}

describe('backup and restore', () => {
  const file = path.join(dir, 'graph.jsonl.gz');
  let before: Picture;

  it('answers --help without a database', async () => {
    const help = await cli('backup', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/npm run backup/);
    const wrong = await cli('restore', path.join(dir, 'missing.jsonl'));
    expect(wrong.code).toBe(2);
  });

  it('restores exactly what it backed up: counts by label and type, every property and grade', async () => {
    before = await picture(graph.db);
    expect(before.labels.Claim).toBeGreaterThan(60);
    expect(before.labels.Assessment).toBeGreaterThan(0);
    expect(Object.keys(before.labels).length).toBeGreaterThan(5);
    expect(Object.values(before.grades).filter((g) => (g as unknown[])[0] !== null).length).toBeGreaterThan(
      50,
    );

    const backup = await cli('backup', file);
    expect(backup.stderr).toMatch(/wrote .*nodes/);
    expect(backup.code).toBe(0);

    await resetGraph(graph.db);
    expect(await nodeCount(graph.db)).toBe(0);
    const restore = await cli('restore', file);
    expect(restore.stderr).toMatch(/restored .*nodes/);
    expect(restore.code).toBe(0);

    const after = await picture(graph.db);
    expect(after.labels).toEqual(before.labels);
    expect(after.types).toEqual(before.types);
    expect(after.grades).toEqual(before.grades);
    expect(after.nodes).toEqual(before.nodes);
    expect(after.relationships).toEqual(before.relationships);
    // No bookkeeping left: no restore mark, no restore index.
    const [marks] = await graph.db.readOne('MATCH (n:__Restoring) RETURN count(n) AS n');
    expect(Number(marks?.n)).toBe(0);
    const indexes = await graph.db.readOne('SHOW INDEXES YIELD name RETURN collect(name) AS names');
    expect(indexes[0]?.names).not.toContain('backup_restore_id');
  }, 900_000);

  it('refuses a database that is not empty, and changes nothing', async () => {
    const count = await nodeCount(graph.db);
    const restore = await cli('restore', file);
    expect(restore.code).toBe(1);
    expect(restore.stderr).toMatch(/not empty/);
    expect(await nodeCount(graph.db)).toBe(count);
  }, 300_000);

  it('refuses a truncated backup and leaves the database empty', async () => {
    const plain = path.join(dir, 'plain.jsonl');
    expect((await cli('backup', plain)).code).toBe(0);
    const lines = readFileSync(plain, 'utf8').trimEnd().split('\n');
    // Cut inside the relationships: the nodes and some relationships get written first.
    const truncated = path.join(dir, 'truncated.jsonl');
    writeFileSync(truncated, `${lines.slice(0, lines.length - 5).join('\n')}\n`);
    await resetGraph(graph.db);
    const restore = await cli('restore', truncated);
    expect(restore.code).toBe(1);
    expect(restore.stderr).toMatch(/truncated/);
    expect(await nodeCount(graph.db)).toBe(0);
  }, 600_000);
});
