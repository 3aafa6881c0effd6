/**
 * The alias lookup at ingest (part of article/preflight) goes through the keyword full-text index of
 * V0003 instead of scanning every Actor; it must find exactly what the scan finds, including
 * actors known by an alias only (a list element, not the canonical key).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { cypher } from '../../src/db/cypher.js';
import { ingestDocument } from '../../src/graph/ingest.js';
import { miniDoc } from '../support/mini-doc.js';
import { resetGraph, testConfig, testDatabase } from '../support/db.js';

const SCAN = `UNWIND $nameKeys AS nameKey
MATCH (a:Actor) WHERE nameKey IN a.nameKeys
RETURN DISTINCT a.key AS key, a.kind AS kind, a.nameKeys AS nameKeys`;

let db: Database;
beforeAll(async () => {
  db = testDatabase(testConfig({ NEO4J_TX_TIMEOUT_MS: '120000' }));
  await resetGraph(db);
  await ingestDocument(db, miniDoc());
});
afterAll(async () => {
  await resetGraph(db);
  await db.close();
});

describe('looking up known actors by name or alias', () => {
  const sorted = (rows: Record<string, unknown>[]) => rows.map((r) => r.key as string).sort();

  it.each([
    [
      ['minister', 'paris'],
      ['actor:french-government', 'actor:jan-minister'],
    ],
    [['jan-minister'], ['actor:jan-minister']],
    [['colleagues', 'nobody-of-that-name'], ['actor:colleagues-of-the-minister']],
    [['nobody-of-that-name'], []],
    [[], []],
  ])('finds %j as the scan does', async (nameKeys, expected) => {
    const [pre] = await db.read((tx) =>
      tx.rows(cypher('article/preflight'), { articleKey: 'article:none', nameKeys, externalClaimKeys: [] }),
    );
    const indexed = (pre?.known ?? []) as Record<string, unknown>[];
    const scanned = await db.read((tx) => tx.rows(SCAN, { nameKeys }));
    expect(sorted(indexed)).toEqual(expected);
    expect(sorted(indexed)).toEqual(sorted(scanned));
  });
});
