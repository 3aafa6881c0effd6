/**
 * The alias lookup at ingest (part of article/preflight) goes through the keyword full-text index of
 * V0003 instead of scanning every Actor; it must find exactly what the scan finds, including
 * actors known by an alias only (a list element, not the canonical key).
 */
import { describe, expect, it } from 'vitest';
import { cypher } from '../../src/db/cypher.js';
import { ingestDocument } from '../../src/graph/ingest.js';
import { miniDoc } from '../support/mini-doc.js';
import { useTestGraph } from '../support/db.js';

const SCAN = `UNWIND $nameKeys AS nameKey
MATCH (a:Actor) WHERE nameKey IN a.nameKeys
RETURN DISTINCT a.key AS key, a.kind AS kind, a.nameKeys AS nameKeys`;

const graph = useTestGraph({ seed: (db) => ingestDocument(db, miniDoc()) });

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
    const [pre] = await graph.db.read((tx) =>
      tx.rows(cypher('article/preflight'), { articleKey: 'article:none', nameKeys, externalClaimKeys: [] }),
    );
    const indexed = (pre?.known ?? []) as Record<string, unknown>[];
    const scanned = await graph.db.read((tx) => tx.rows(SCAN, { nameKeys }));
    expect(sorted(indexed)).toEqual(expected);
    expect(sorted(indexed)).toEqual(sorted(scanned));
  });
});
