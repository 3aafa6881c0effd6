import { describe, expect, it } from 'vitest';
import type { ArticleDocumentInput } from '../../src/domain/document.js';
import type { GradeFactor } from '../../src/domain/grading.js';
import { contestedClaims, recordAssessment, setSourceReliability } from '../../src/graph/assessments.js';
import { gradeIngested, recomputeGrades } from '../../src/graph/grading.js';
import { ingestDocument } from '../../src/graph/ingest.js';
import { useTestGraph } from '../support/db.js';
import { miniDoc, spanOf } from '../support/mini-doc.js';

const graph = useTestGraph({
  // Compile the plans once here, under the hook timeout, so no single test pays for them; every
  // test then starts from an empty graph.
  seed: async (db) => {
    await ingestDocument(db, miniDoc());
    await ingestDocument(db, wireDoc());
  },
  resetEach: true,
});

const WIRE_TEXT =
  'Reuters quoted the Minister as saying the border will reopen. ' +
  'Reuters also quoted the envoy as saying the border reopens soon. ' +
  'AFP quoted the mayor as saying the crossing is open. ' +
  'An unnamed official said the talks failed. ' +
  'Spokesman Tom Lee said on the record that the talks failed. ' +
  'The ministry said the talks continue.';

/** A second invented article: two claims through one wire, one through another, named and unnamed. */
function wireDoc(
  id = 'wire-1',
): ArticleDocumentInput & { claims: NonNullable<ArticleDocumentInput['claims']> } {
  const s = (needle: string, occurrence = 1) => spanOf(WIRE_TEXT, needle, occurrence);
  return {
    schemaVersion: 1,
    article: {
      id,
      url: `https://example.org/${id}`,
      title: 'Border talk',
      publisher: 'daily',
      publishedAt: '2026-02-04',
      language: 'en',
      text: WIRE_TEXT,
    },
    sources: [
      { id: 'daily', name: 'The Daily', kind: 'outlet' },
      { id: 'reuters', name: 'Reuters', kind: 'wire' },
      { id: 'afp', name: 'AFP', kind: 'wire' },
      { id: 'official', name: 'an unnamed official', kind: 'anonymous', description: 'An unnamed official' },
      { id: 'ministry', name: 'Ministry of Borders', kind: 'official_body' },
    ],
    actors: [
      { id: 'minister', name: 'Jan Minister', kind: 'person', aliases: ['the Minister'] },
      { id: 'envoy', name: 'Ann Envoy', kind: 'person', aliases: ['the envoy'] },
      { id: 'mayor', name: 'Bo Mayor', kind: 'person', aliases: ['the mayor'] },
      { id: 'lee', name: 'Tom Lee', kind: 'person', title: 'Spokesman' },
    ],
    claims: [
      {
        id: 'border-reopen',
        text: 'The border will reopen.',
        kind: 'statement',
        evidence: s('the border will reopen'),
        chain: [
          { agent: 'reuters', role: 'quoted', evidence: s('Reuters quoted') },
          { agent: 'minister', role: 'said', evidence: s('the Minister as saying') },
        ],
      },
      {
        id: 'border-soon',
        text: 'The border reopens soon.',
        kind: 'statement',
        evidence: s('the border reopens soon'),
        chain: [
          { agent: 'reuters', role: 'quoted', evidence: s('Reuters also quoted') },
          { agent: 'envoy', role: 'said', evidence: s('the envoy as saying') },
        ],
      },
      {
        id: 'crossing-open',
        text: 'The crossing is open.',
        kind: 'statement',
        evidence: s('the crossing is open'),
        chain: [
          { agent: 'afp', role: 'quoted', evidence: s('AFP quoted') },
          { agent: 'mayor', role: 'said', evidence: s('the mayor as saying') },
        ],
      },
      {
        id: 'talks-failed-unnamed',
        text: 'The talks failed.',
        kind: 'statement',
        evidence: s('the talks failed', 1),
        chain: [{ agent: 'official', role: 'said', evidence: s('An unnamed official said') }],
      },
      {
        id: 'talks-failed-named',
        text: 'The talks failed.',
        kind: 'statement',
        evidence: s('the talks failed', 2),
        chain: [{ agent: 'lee', role: 'said', evidence: s('Spokesman Tom Lee said') }],
      },
      {
        id: 'talks-continue',
        text: 'The talks continue.',
        kind: 'statement',
        evidence: s('the talks continue'),
        chain: [{ agent: 'ministry', role: 'said', evidence: s('The ministry said') }],
      },
    ],
    relations: [
      { from: 'border-soon', to: 'border-reopen', type: 'SUPPORTS' },
      { from: 'talks-continue', to: 'talks-failed-named', type: 'CONTRADICTS' },
    ],
  };
}

interface StoredGrade {
  key: string;
  credibility: number | null;
  confidence: number | null;
  factors: GradeFactor[];
  independentOrigins: number | null;
  circularReporting: boolean | null;
}

async function grades(): Promise<Record<string, StoredGrade>> {
  const rows = await graph.db.read((tx) =>
    tx.rows(
      `MATCH (c:Claim)
       RETURN c.key AS key, c.credibility AS credibility, c.confidence AS confidence,
              c.gradeFactors AS factors, c.independentOrigins AS independentOrigins,
              c.circularReporting AS circularReporting
       ORDER BY key`,
    ),
  );
  return Object.fromEntries(
    rows.map((r) => [r.key, { ...r, factors: JSON.parse(String(r.factors ?? '[]')) } as StoredGrade]),
  );
}

async function reliabilities(): Promise<Record<string, string>> {
  const rows = await graph.db.read((tx) =>
    tx.rows(`MATCH (n) WHERE n:Source OR n:Actor RETURN n.name AS name, n.reliability AS reliability`),
  );
  return Object.fromEntries(rows.map((r) => [String(r.name), String(r.reliability)]));
}

describe('grading in the graph', () => {
  it('stores an explained grade on every claim when an article is ingested', async () => {
    await ingestDocument(graph.db, miniDoc());
    const g = await grades();
    const fail = g['mini-1#ceasefire-will-fail']!;
    expect(fail).toMatchObject({
      credibility: 4,
      confidence: 0.25,
      independentOrigins: 1,
      circularReporting: false,
    });
    expect(fail.factors.map((f) => f.factor)).toEqual([
      'origin-reliability',
      'weakest-link',
      'hearsay-depth',
      'anonymity',
      'ignored-relation',
    ]);
    expect(fail.factors.find((f) => f.factor === 'anonymity')?.detail).toMatch(/two European diplomats/);
    for (const claim of Object.values(g).filter((c) => c.confidence !== null)) {
      const sum = claim.factors.reduce((s, f) => s + f.effect, 0);
      expect(sum).toBeCloseTo(claim.confidence!, 3);
    }
    expect(g['mini-1#truce-fragile']).toMatchObject({ credibility: 6, confidence: null });
    expect(g['mini-1#truce-fragile']!.factors[0]!.factor).toBe('outlet-analysis');
    expect(await reliabilities()).toMatchObject({
      'Example News': 'B',
      Reuters: 'B',
      'two European diplomats': 'F',
      'Jan Minister': 'C',
      'European governments': 'C',
      'colleagues of the Minister': 'D',
    });
  });

  it('leaves grades equal, and writes nothing, when the same article is ingested again', async () => {
    await ingestDocument(graph.db, miniDoc());
    await ingestDocument(graph.db, wireDoc());
    const before = await grades();
    const again = await graph.db.write((tx) => recomputeGrades(tx, Object.keys(before)));
    expect(again.claimsChanged).toBe(0);
    expect(again.agentsChanged).toBe(0);
    // Other writers may hand the hook only the claims they touched.
    await graph.db.write((tx) => gradeIngested(tx, { claims: [{ key: 'wire-1#border-reopen' }] }));
    const result = await ingestDocument(graph.db, wireDoc());
    expect(result.counters.nodesCreated ?? 0).toBe(0);
    expect(await grades()).toEqual(before);
  });

  it('ranks a claim resting on an unnamed official below the same claim from a named speaker', async () => {
    await ingestDocument(graph.db, wireDoc());
    const g = await grades();
    const unnamed = g['wire-1#talks-failed-unnamed']!;
    const named = g['wire-1#talks-failed-named']!;
    expect(unnamed.confidence!).toBeLessThan(named.confidence!);
    expect(unnamed.credibility!).toBeGreaterThan(named.credibility!);
    expect(unnamed.factors.find((f) => f.factor === 'anonymity')).toBeDefined();
  });

  it('counts two claims that share a wire origin as one independent origin', async () => {
    await ingestDocument(graph.db, wireDoc());
    const g = await grades();
    expect(g['wire-1#border-reopen']).toMatchObject({ independentOrigins: 1, circularReporting: true });
    expect(g['wire-1#border-reopen']!.factors.find((f) => f.factor === 'circular-reporting')?.detail).toMatch(
      /wire Reuters/,
    );
    expect(g['wire-1#border-reopen']!.factors.find((f) => f.factor === 'corroboration')).toBeUndefined();
  });

  it('regrades a claim of another article when a new article corroborates it independently', async () => {
    await ingestDocument(graph.db, wireDoc());
    const before = (await grades())['wire-1#border-reopen']!;
    const doc = miniDoc('mini-2');
    doc.relations = [{ from: 'talks-resume-march', to: 'wire-1#border-reopen', type: 'SUPPORTS' }];
    await ingestDocument(graph.db, doc);
    const after = (await grades())['wire-1#border-reopen']!;
    expect(after.independentOrigins).toBe(2);
    expect(after.confidence!).toBeGreaterThan(before.confidence!);
    expect(after.factors.find((f) => f.factor === 'corroboration')?.detail).toMatch(/French government/);
  });

  it('changes the grade with an assessment, in the same transaction, keeping earlier ones', async () => {
    await ingestDocument(graph.db, wireDoc());
    const key = 'wire-1#border-reopen';
    const first = await recordAssessment(graph.db, key, {
      verdict: 'False',
      ratingValue: 1,
      bestRating: 5,
      worstRating: 1,
      reviewer: 'Check Desk',
      date: '2026-02-10',
    });
    expect(first).toMatchObject({ created: true, version: 2 });
    expect(first.grade.credibility).toBe(5);
    const stored = (await grades())[key]!;
    expect(stored.confidence).toBe(first.grade.confidence);
    expect(stored.factors.at(-1)?.factor).toBe('assessment');

    const replay = await recordAssessment(graph.db, key, {
      verdict: 'False',
      ratingValue: 1,
      bestRating: 5,
      worstRating: 1,
      reviewer: 'Check Desk',
      date: '2026-02-10',
    });
    expect(replay).toMatchObject({ created: false, version: 2 });

    const later = await recordAssessment(graph.db, key, {
      verdict: 'True',
      reviewer: 'Check Desk',
      date: '2026-02-12',
    });
    expect(later.grade.credibility).toBe(1);
    const [row] = await graph.db.read((tx) =>
      tx.rows(
        `MATCH (c:Claim {key: $key})
         RETURN c.version AS version,
                COUNT { (:Assessment)-[:ASSESSES]->(c) } AS assessments,
                [(r:Revision)-[:REVISES]->(c) | r.key] AS revisions`,
        { key },
      ),
    );
    expect(row).toMatchObject({ version: 3, assessments: 2 });
    expect([...(row!.revisions as string[])].sort()).toEqual([`${key}@v1`, `${key}@v2`, `${key}@v3`]);

    // Re-ingesting the unchanged article keeps the assessments and the grade they imply.
    await ingestDocument(graph.db, wireDoc());
    expect((await grades())[key]!.credibility).toBe(1);
  });

  it("regrades a source's claims when a fact-checker overrides its reliability", async () => {
    await ingestDocument(graph.db, wireDoc());
    const before = await grades();
    const result = await setSourceReliability(
      graph.db,
      'source:reuters',
      'E',
      'Repeated retractions',
      'tester',
    );
    expect([...result.regraded].sort()).toEqual(['wire-1#border-reopen', 'wire-1#border-soon']);
    const after = await grades();
    expect(after['wire-1#border-reopen']!.confidence!).toBeLessThan(
      before['wire-1#border-reopen']!.confidence!,
    );
    expect(after['wire-1#border-reopen']!.factors.find((f) => f.factor === 'weakest-link')?.detail).toMatch(
      /Reuters .*E.*Repeated retractions/,
    );
    expect(after['wire-1#crossing-open']).toEqual(before['wire-1#crossing-open']);
    expect((await reliabilities()).Reuters).toBe('E');

    // A re-ingest of a document that does not grade Reuters keeps the fact-checker's grade.
    await ingestDocument(graph.db, wireDoc());
    expect((await reliabilities()).Reuters).toBe('E');

    await setSourceReliability(graph.db, 'source:reuters', null, '', 'tester');
    expect(await grades()).toEqual(before);
    await expect(setSourceReliability(graph.db, 'source:nobody', 'A', 'x', 'tester')).rejects.toThrow(
      /no source/,
    );
  });

  it('lists contested claims with both sides and their grades', async () => {
    await ingestDocument(graph.db, wireDoc());
    const contested = await contestedClaims(graph.db);
    expect(contested.map((c) => c.key)).toEqual(['wire-1#talks-continue', 'wire-1#talks-failed-named']);
    const named = contested[1]!;
    expect(named.contradictions).toEqual([
      expect.objectContaining({ key: 'wire-1#talks-continue', direction: 'contradictedBy' }),
    ]);
    expect(named.contradictions[0]!.confidence).toBeGreaterThan(0);
    expect(named.confidence).toBeLessThan(0.7);
    expect(contested[0]!.contradictions[0]).toMatchObject({
      key: 'wire-1#talks-failed-named',
      direction: 'contradicts',
    });
  });
});
