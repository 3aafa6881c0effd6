/**
 * Incremental grading (src/graph/grading.ts, gradeWritten) against a full regrade: ingest grades
 * only the claims whose inputs changed, most of them from the rows it wrote rather than from a
 * load of their neighbourhood. Proof that this loses nothing: after a mixed corpus is ingested
 * one article at a time (the seed, the story, a synthetic corpus with cross-article relations, two
 * big articles with every relation type inside and across them, a redeclared source), a full
 * regrade of every claim and agent changes nothing, and the graph holds exactly the grades that
 * ingesting the same sequence with the full regrade after each article (`gradeIngested`) gives.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturesDir } from '../../src/app.js';
import type { Database } from '../../src/db/database.js';
import type { ArticleDocumentInput } from '../../src/domain/document.js';
import { gradeIngested, recomputeGrades } from '../../src/graph/grading.js';
import { ingestDocument } from '../../src/graph/ingest.js';
import { generateCorpus } from '../../bench/synth/corpus.js';
import { bigDocument } from '../support/big-doc.js';
import { resetGraph, useTestGraph } from '../support/db.js';

const read = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as ArticleDocumentInput;

/** A big article whose claims relate in every way: chains of support, restatements, contradictions. */
function bigMixed(id: string, claims: number): ArticleDocumentInput {
  const doc = bigDocument(id, { claims, speakers: 7 });
  const types = ['SUPPORTS', 'SAME_STATEMENT', 'CONTRADICTS', 'SUPPORTS', 'SUPPORTS'] as const;
  doc.relations = Array.from({ length: claims - 1 }, (_, i) => ({
    from: `figure-${i + 1}`,
    to: `figure-${Math.floor(i / 3)}`,
    type: types[i % types.length]!,
  }));
  return doc;
}

/** The sequence ingested: every source of grading input, in an order with cross-article links. */
function corpus(): ArticleDocumentInput[] {
  const story = path.join(fixturesDir, 'story', 'documents');
  const first = bigMixed('big-a', 60);
  const second = bigMixed('big-b', 30);
  // The second big article supports, restates and contradicts claims of the first.
  second.relations = [
    ...(second.relations ?? []),
    { from: 'figure-1', to: 'big-a#figure-2', type: 'SUPPORTS' },
    { from: 'figure-5', to: 'big-a#figure-4', type: 'SAME_STATEMENT' },
    { from: 'figure-9', to: 'big-a#figure-1', type: 'CONTRADICTS' },
  ];
  // The wire redeclared: an override changes the grade of every claim told through it.
  const redeclared = bigMixed('big-c', 10);
  redeclared.sources = (redeclared.sources ?? []).map((s) =>
    s.id === 'wire' ? { ...s, reliability: 'D' as const, reliabilityReason: 'test override' } : s,
  );
  return [
    read(path.join(fixturesDir, 'noonpost-7628.json')),
    ...readdirSync(story)
      .sort()
      .map((f) => read(path.join(story, f))),
    ...(generateCorpus({ seed: 11, claims: 80 }) as unknown as ArticleDocumentInput[]),
    first,
    second,
    redeclared,
  ];
}

async function gradesOf(db: Database) {
  const claims = await db.read((tx) =>
    tx.rows(
      `MATCH (c:Claim)
       RETURN c.key AS key, c.credibility AS credibility, c.confidence AS confidence,
              c.gradeFactors AS factors, c.originGroups AS origins,
              c.independentOrigins AS independentOrigins, c.circularReporting AS circular,
              c.gradeHash AS hash
       ORDER BY key`,
    ),
  );
  const agents = await db.read((tx) =>
    tx.rows(
      `MATCH (a) WHERE a:Source OR a:Actor
       RETURN a.key AS key, a.reliability AS reliability, a.reliabilityBasis AS basis, a.gradedAs AS gradedAs
       ORDER BY key`,
    ),
  );
  return { claims, agents };
}

const graph = useTestGraph();

describe('incremental grading on ingest', () => {
  it('leaves nothing a full regrade would change, and equals ingest with a full regrade each time', async () => {
    const docs = corpus();
    for (const doc of docs) await ingestDocument(graph.db, doc);
    const incremental = await gradesOf(graph.db);
    expect(incremental.claims.length).toBeGreaterThan(250);
    // Every claim was graded (a grade hash is stored with every grade, even "not graded").
    expect(incremental.claims.filter((c) => c.hash == null).map((c) => c.key)).toEqual([]);

    const all = incremental.claims.map((c) => String(c.key));
    const regraded = await graph.db.write((tx) =>
      recomputeGrades(tx, all, { agentKeys: incremental.agents.map((a) => String(a.key)) }),
    );
    expect(regraded.grades.size).toBe(all.length);
    expect({ claimsChanged: regraded.claimsChanged, agentsChanged: regraded.agentsChanged }).toEqual({
      claimsChanged: 0,
      agentsChanged: 0,
    });

    await resetGraph(graph.db);
    for (const doc of docs) {
      await ingestDocument(graph.db, doc, {
        afterWrite: async (tx, rows) => void (await gradeIngested(tx, rows)),
      });
    }
    const full = await gradesOf(graph.db);
    expect(full.claims).toEqual(incremental.claims);
    expect(full.agents).toEqual(incremental.agents);
  }, 900_000);
});
