/**
 * Grades stay true when a shared source is declared differently by a later article: every claim
 * told through it, in every article, is regraded in the ingest's own transaction. Each article
 * here is the mini document under its own id, so its "minister-no-resign" claim has the same
 * chain (Reuters, then the Minister) in every article; only how Reuters is declared changes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { ingestDocument } from '../../src/graph/ingest.js';
import { resetGraph, useTestGraph } from '../support/db.js';
import { miniDoc } from '../support/mini-doc.js';

const graph = useTestGraph();

type Declaration = { kind: 'wire' | 'document' | 'outlet'; reliability?: 'A' | 'B' | 'C' | 'D' | 'E' | 'F' };

/** The mini document as article `id`, with Reuters declared as given. */
function docDeclaring(id: string, reuters: Declaration) {
  const doc = miniDoc(id);
  doc.sources = doc.sources!.map((s) =>
    s.id === 'reuters'
      ? {
          id: 'reuters',
          name: 'Reuters',
          kind: reuters.kind,
          ...(reuters.reliability && { reliability: reuters.reliability, reliabilityReason: 'test' }),
        }
      : s,
  );
  return doc;
}

/** Grade of the Reuters-told claim in each article. */
async function gradesOfTheChain(db: Database): Promise<Record<string, string>> {
  const rows = await db.read((tx) =>
    tx.rows(
      `MATCH (c:Claim) WHERE c.key ENDS WITH '#minister-no-resign'
       RETURN c.key AS key, c.credibility AS credibility, c.confidence AS confidence ORDER BY key`,
    ),
  );
  return Object.fromEntries(rows.map((r) => [String(r.key), `${r.credibility}/${r.confidence}`]));
}

describe('a shared source redeclared by a later article', () => {
  it('regrades the claims of earlier articles told through it (they kept their old grade)', async () => {
    const { db } = graph;
    await resetGraph(db);
    await ingestDocument(db, docDeclaring('first', { kind: 'wire' }));
    await ingestDocument(db, docDeclaring('second', { kind: 'wire' }));
    const before = await gradesOfTheChain(db);
    expect(before['first#minister-no-resign']).toBe(before['second#minister-no-resign']);

    // A third article declares Reuters as an unreliable document.
    await ingestDocument(db, docDeclaring('third', { kind: 'document', reliability: 'E' }));
    const after = await gradesOfTheChain(db);
    expect(new Set(Object.values(after)).size).toBe(1);
    // And the declaration did change the grade (or this test would show nothing).
    expect(after['first#minister-no-resign']).not.toBe(before['first#minister-no-resign']);
  });

  it('property: whatever the order of ingests and re-ingests, the same chain has one grade, the one a fresh ingest gets', async () => {
    const { db } = graph;
    const declaration = fc.record(
      {
        kind: fc.constantFrom('wire' as const, 'document' as const, 'outlet' as const),
        reliability: fc.constantFrom('A' as const, 'C' as const, 'E' as const, 'F' as const),
      },
      { requiredKeys: ['kind'] },
    );
    const step = fc.record({ article: fc.constantFrom('a', 'b', 'c'), reuters: declaration });
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 2, maxLength: 5 }), async (steps) => {
        await resetGraph(db);
        for (const s of steps) await ingestDocument(db, docDeclaring(s.article, s.reuters));
        // A probe article declaring Reuters as the last ingest did: graded fresh, by definition.
        const last = steps[steps.length - 1]!;
        await ingestDocument(db, docDeclaring('probe', last.reuters));
        const grades = await gradesOfTheChain(db);
        const probe = grades['probe#minister-no-resign'];
        for (const [key, grade] of Object.entries(grades))
          expect(grade, `${key} after ${JSON.stringify(steps)}`).toBe(probe);
      }),
      { numRuns: 12, endOnFailure: true },
    );
  }, 600_000);
});
