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

/** A document of `sentences`, each claim's evidence and hop found in its own sentence. */
function deepDoc(
  id: string,
  actors: {
    id: string;
    name: string;
    kind: 'person' | 'organisation' | 'government';
    affiliation?: string;
  }[],
  said: { id: string; by: string; words: string }[],
  relations: { from: string; to: string; type: 'SUPPORTS' }[] = [],
) {
  const text = said.length
    ? said.map((s) => `${s.by} said ${s.words}.`).join(' ')
    : 'The government published its organisation chart.';
  const span = (needle: string, from = 0) => {
    const start = text.indexOf(needle, from);
    return { start, end: start + needle.length, text: needle };
  };
  return {
    schemaVersion: 1 as const,
    article: {
      id,
      url: `https://example.org/${id}`,
      title: `Deep affiliations ${id}`,
      publisher: 'paper',
      publishedAt: '2026-02-01',
      language: 'en',
      text,
    },
    sources: [{ id: 'paper', name: 'Deep Paper', kind: 'outlet' as const }],
    actors,
    claims: said.map((s) => {
      const at = text.indexOf(`${s.by} said ${s.words}`);
      return {
        id: s.id,
        text: s.words,
        kind: 'statement' as const,
        evidence: span(s.words, at),
        chain: [
          {
            agent: actors.find((a) => a.name === s.by)!.id,
            role: 'said' as const,
            evidence: span(`${s.by} said`, at),
          },
        ],
      };
    }),
    relations,
  };
}

describe('an affiliation changed by another article, deeper than the document that declares the speaker', () => {
  const officials = (id: string) =>
    deepDoc(
      id,
      [
        { id: 'agency', name: 'Water Agency', kind: 'organisation' },
        { id: 'alpha', name: 'Official Alpha', kind: 'person', affiliation: 'agency' },
        { id: 'gamma', name: 'Official Gamma', kind: 'person', affiliation: 'agency' },
      ],
      [
        { id: 'dam-finished', by: 'Official Alpha', words: 'the dam was finished in May' },
        { id: 'dam-done', by: 'Official Gamma', words: 'the dam was done by June' },
      ],
      [{ from: 'dam-done', to: 'dam-finished', type: 'SUPPORTS' }],
    );

  it('regrades the members: two officials of an agency placed under a government speak with one voice', async () => {
    const { db } = graph;
    await resetGraph(db);
    await ingestDocument(db, officials('officials'));
    const grade = async (key: string) =>
      (
        await db.read((tx) =>
          tx.rows(
            `MATCH (c:Claim {key: $key}) RETURN c.confidence AS confidence, c.independentOrigins AS origins`,
            {
              key,
            },
          ),
        )
      )[0];
    const before = await grade('officials#dam-finished');
    // Another article says the agency belongs to a government: Alpha's chain is now
    // Alpha -> Water Agency -> Government, one voice with Gamma's.
    await ingestDocument(
      db,
      deepDoc(
        'chart',
        [
          { id: 'gov', name: 'Government of Deepland', kind: 'government' },
          { id: 'agency', name: 'Water Agency', kind: 'organisation', affiliation: 'gov' },
        ],
        [],
      ),
    );
    const after = await grade('officials#dam-finished');
    // A probe article with the same speakers is graded fresh, by definition (read after: its
    // ingest would regrade the officials' claims itself).
    await ingestDocument(db, officials('probe'));
    const fresh = await grade('probe#dam-finished');
    expect(fresh).not.toEqual(before); // the government does change the grade, or this shows nothing
    expect(after).toEqual(fresh);
  });
});
